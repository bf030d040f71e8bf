import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Clock } from '../core/clock';
import { KioskIdSchema } from '../core/org/join-file';
import { DISTRICT_CODES, DistrictCodeSchema } from '../core/settings/schema';
import { readTextIfExists, writeFileDurably } from '../core/store/durable-file';
import districtsFile from '../../data/districts.json';

/**
 * The hub's home folder: everything the organisation's tool keeps, in one place an admin can back
 * up (except keys/organisation.key, which must never leave the machine).
 *
 *   hub.json            the organisation and the kiosks it issued join files for
 *   keys/               organisation.key (PKCS#8 PEM, 0600) and organisation.pub (SPKI PEM)
 *   content/            the hub's send-only Syncthing folder `content`: one pack at a time
 *   figures/<kioskId>/  each kiosk's `figures-<kioskId>` folder, received
 *   joins/              <kioskId>.kiosk-join.json, one per kiosk, for a USB stick
 *   reports/            <from>_<to>/ with the CSV files and the printable page
 */

export const HUB_HOME_VARIABLE = 'KIOSK_HUB_HOME';
export const DEFAULT_HUB_HOME = 'hub-home';

export interface HubPaths {
  home: string;
  hubFile: string;
  keys: string;
  privateKey: string;
  publicKey: string;
  content: string;
  figures: string;
  joins: string;
  reports: string;
}

export function hubPaths(home: string): HubPaths {
  const keys = path.join(home, 'keys');
  return {
    home,
    hubFile: path.join(home, 'hub.json'),
    keys,
    privateKey: path.join(keys, 'organisation.key'),
    publicKey: path.join(keys, 'organisation.pub'),
    content: path.join(home, 'content'),
    figures: path.join(home, 'figures'),
    joins: path.join(home, 'joins'),
    reports: path.join(home, 'reports'),
  };
}

/** `--home`, else KIOSK_HUB_HOME, else ./hub-home (gitignored), as an absolute path. */
export function resolveHubHome(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag || env[HUB_HOME_VARIABLE] || DEFAULT_HUB_HOME);
}

export const HubKioskSchema = z
  .object({
    kioskId: KioskIdSchema,
    centre: z.object({ name: z.string().trim().min(1).max(120), district: DistrictCodeSchema }).strict(),
    joinedAt: z.string().min(1),
    /** The Syncthing device bound on first contact (`hub accept`); absent until then. */
    deviceId: z.string().min(1).optional(),
  })
  .strict();
export type HubKiosk = z.infer<typeof HubKioskSchema>;

export const HubFileSchema = z
  .object({
    format: z.literal(1),
    organisation: z.string().trim().min(1).max(120),
    syncthingHome: z.string().min(1).optional(),
    kiosks: z.array(HubKioskSchema),
  })
  .strict();
export type HubFile = z.infer<typeof HubFileSchema>;

/** Exit codes the tool promises: bad input, the hub's Syncthing not running, no organisation key. */
export type HubExitCode = 1 | 2 | 3;

/**
 * A refusal the admin reads: `key` names the sentence under `hub.` in the org locale files, said
 * in the admin's language by the CLI; the command modules never build sentences.
 */
export class HubError extends Error {
  constructor(
    readonly exitCode: HubExitCode,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'HubError';
  }
}

export async function readHubFile(paths: HubPaths): Promise<HubFile | null> {
  const text = await readTextIfExists(paths.hubFile);
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HubError(1, 'errors.hubFileDamaged', { file: paths.hubFile });
  }
  const result = HubFileSchema.safeParse(parsed);
  if (!result.success) throw new HubError(1, 'errors.hubFileDamaged', { file: paths.hubFile });
  return result.data;
}

/** hub.json or the refusal that says to run `keys` first (the organisation's name is set there). */
export async function requireHubFile(paths: HubPaths): Promise<HubFile> {
  const file = await readHubFile(paths);
  if (!file) throw new HubError(3, 'errors.noKey', { home: paths.home });
  return file;
}

export async function writeHubFile(paths: HubPaths, file: HubFile): Promise<void> {
  await fs.mkdir(paths.home, { recursive: true });
  await writeFileDurably(paths.hubFile, `${JSON.stringify(HubFileSchema.parse(file), null, 2)}\n`);
}

/** An ISO instant from the injected clock (tests pass a fixed one). */
export function isoNow(now: Clock | undefined): string {
  return (now ? now() : new Date()).toISOString();
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A district as the admin types it: its code in data/districts.json ("J") or its English name in
 * any case, spaces or hyphens ("kwun-tong", "Kwun Tong"). Null when it is neither.
 */
export function resolveDistrict(text: string): (typeof DISTRICT_CODES)[number] | null {
  const code = DistrictCodeSchema.safeParse(text.trim().toUpperCase());
  if (code.success) return code.data;
  const wanted = slug(text);
  const found = districtsFile.districts.find((d) => slug(d.name.en) === wanted);
  return found ? DistrictCodeSchema.parse(found.code) : null;
}

/** Every district's accepted spellings, for the refusal that lists them. */
export function districtChoices(): string {
  return districtsFile.districts.map((d) => `${d.code}=${slug(d.name.en)}`).join(', ');
}
