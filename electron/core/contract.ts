import { z } from 'zod';
import { method } from './contract-method';
import { accessibilityMethods } from './accessibility/contract';
import { handwritingMethods } from './handwriting/contract';
import { hotspotMethods } from './hotspots/contract';
import { lessonMethods } from './lessons/contract';
import { orgMethods, type PackRefusal, type WaitingPack } from './org/org-contract';
import { programmeMethods } from './programmes/contract';
import { staffConsoleMethods } from './staff-console/contract';
import { staffAccessMethods } from './staff-access/contract';
import { LANGUAGES, type Language, LanguageSchema } from './i18n';
import { PublicSettingsSchema, type PublicSettings } from './settings/schema';
import type { HealthEvent } from './store/health-event';
import type { VisitStarted } from './activity/visits';
import type { StaffAccountView, StaffEntryMode, StaffHealth, StaffStatus } from './staff-access/staff-status';

export type { StaffAccountView, StaffEntryMode, StaffHealth, StaffStatus };

/** What set-up, sign-in and recovery return: the session, a recovery code to show once, who signed in. */
type SignedIn = { session: string; recoveryCode: string | null; account: StaffAccountView };
const AccountId = z.string().min(1).max(40);

/**
 * The one list of everything the renderer may ask of the core. Preload, IPC, HTTP routes and the
 * renderer client are generic over it: adding a method is one entry here and one handler in
 * service.ts. `staff: true` methods check a staff session in the core, whatever the transport.
 */
const Empty = z.object({}).strict();
const Pin = z.string().max(32);

export interface AppInfo {
  name: string;
  version: string;
  languages: readonly Language[];
  shell: 'electron' | 'browser';
  /** Only Electron can close the kiosk; the browser kiosk's window belongs to the browser. */
  canExit: boolean;
  staff: { pinSet: boolean; lockedUntil: string | null; entry: StaffEntryMode };
  /** What content is loaded: counts the staff console and support staff can check at a glance. */
  content: { lessons: number; programmes: number; hotspotVenues: number };
  dataHealth: { ok: boolean; events: number };
  /** The core's clock when it answered, and that day in Hong Kong: the renderer's dates follow it. */
  clock: { now: string; today: string };
}

export interface DataHealth {
  dataDir: string;
  /** What the store noticed this launch and the files it moved aside at any time. */
  events: HealthEvent[];
  documents: { name: string; file: string; bytes: number; modified: string }[];
  /** Space on the disk holding the data folder; null where the system cannot say. */
  disk: { freeBytes: number; totalBytes: number } | null;
  /** The staff credential and recovery code: what happened to them, as codes the console words. */
  staff: StaffHealth;
  /** Organisation content packs refused (newest first) and one being waited for, said as in the console. */
  org: { refused: PackRefusal[]; waiting: WaitingPack | null };
}

export const PublicSettingsPatchSchema = PublicSettingsSchema.partial().strict();

export const contract = {
  'app.info': method<AppInfo>()({ input: Empty, staff: false }),
  'settings.get': method<PublicSettings>()({ input: Empty, staff: false }),
  /**
   * Begins a visit (language chosen after the attract screen) and counts it for the anonymous
   * figures: language and date only. At most one new visit every 20 seconds; a call sooner gets
   * the current visit's token and counts nothing. The counters take the token.
   */
  'visit.start': method<VisitStarted>()({
    input: z.object({ language: LanguageSchema }).strict(),
    staff: false,
  }),

  'staff.status': method<StaffStatus>()({ input: Empty, staff: false }),
  /** The recovery code is returned once, to be shown once; null when it could not be saved. */
  'staff.setup': method<SignedIn>()({
    input: z.object({ pin: Pin, confirm: Pin, name: z.string().trim().max(40).optional() }).strict(),
    staff: false,
  }),
  /**
   * recoveryCode: made at this sign-in when the kiosk had none readable; shown once. `account` is
   * needed when the kiosk has more than one staff account (one guess, one PIN checked).
   */
  'staff.login': method<SignedIn>()({
    input: z.object({ pin: Pin, account: AccountId.optional() }).strict(),
    staff: false,
  }),
  /**
   * Sets a new PIN for a coordinator with the recovery code (forgotten or lost PIN, or a lock-out)
   * and returns a new code: the coordinator `account`, else the first one, else a new coordinator.
   */
  'staff.recover': method<SignedIn>()({
    input: z
      .object({ code: z.string().max(40), pin: Pin, confirm: Pin, account: AccountId.optional() })
      .strict(),
    staff: false,
  }),
  'staff.logout': method<{ signedOut: true }>()({ input: Empty, staff: true }),
  'staff.settings.update': method<PublicSettings>()({
    input: PublicSettingsPatchSchema,
    staff: true,
    role: 'coordinator',
  }),
  'staff.pin.change': method<{ changed: true }>()({
    input: z.object({ current: Pin, next: Pin, confirm: Pin }).strict(),
    staff: true,
  }),
  'staff.health': method<DataHealth>()({ input: Empty, staff: true }),
  /** Closes the kiosk (Electron only; the browser kiosk answers forbidden). */
  'staff.exit': method<{ exiting: true }>()({ input: Empty, staff: true }),

  ...lessonMethods,
  ...programmeMethods,
  ...hotspotMethods,
  ...staffConsoleMethods,
  ...staffAccessMethods,
  ...accessibilityMethods,
  ...handwritingMethods,
  ...orgMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = NonNullable<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export { LANGUAGES };
