import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { hongKongDateKey } from '../shared/period';
import { contract, isMethodName, type Contract } from './contract';
import type { HandlerContext, HandlersOf } from './contract-method';
import { KioskError, toErrorShape, type Result } from './errors';
import { readDataHealth, recordHealthEvent, sweepDataFolder } from './health';
import { LANGUAGES } from './i18n';
import { createAccessibilityHandlers } from './accessibility/handlers';
import { createHandwritingHandlers } from './handwriting/handlers';
import { createSuggestHandlers } from './handwriting/suggest-handlers';
import { createHotspotHandlers } from './hotspots/handlers';
import { createLessonHandlers } from './lessons/handlers';
import { createOrgHandlers } from './org/org-handlers';
import { createProgrammeHandlers } from './programmes/handlers';
import type { ShowGroupDisplay } from './staff-console/group-display';
import { createStaffConsoleHandlers } from './staff-console/handlers';
import { logStaffAction } from './staff-console/staff-log';
import { runAsStaff } from './staff-access/actor';
import { openStaffDocuments } from './staff-access/credential-store';
import { createStaffAccessHandlers } from './staff-access/handlers';
import { personalDataOnKiosk } from './staff-access/personal-data-present';
import { StaffAuth } from './staff-access/staff-auth';
import type { HealthEvent } from './store/document';
import { openCoreContext } from './wiring';

export interface CoreOptions {
  dataDir: string;
  shell: 'electron' | 'browser';
  /** Provided by the Electron shell only. */
  exitKiosk?: () => void;
  /** Provided by the Electron shell only: choose a folder and save the page there as a PDF. */
  printToPdf?: (request: { suggestedName: string }) => Promise<{ saved: boolean; file?: string }>;
  /** Provided by the Electron shell only: the facilitator's group view on a second display; null closes it. */
  showGroupDisplay?: ShowGroupDisplay;
  /** The shipped content (lessons, programmes, districts, samples); defaults to ./data (the repo's, in tests). */
  contentDir?: string;
  /** The kiosk's Syncthing home (its config.xml: GUI address, API key); default defaultSyncthingHome(). */
  syncthingHome?: string;
  /** How often the organisation loop looks at the content folder and writes figures (default 15 s). */
  orgPollMs?: number;
  /** Provided by the Electron shell only: a file dialog for an organisation's join file (a USB stick); null when cancelled. */
  chooseJoinFile?: () => Promise<Buffer | null>;
  /** The built handwriting templates (dist/handwriting/templates.bin); unset, tests compile them from node_modules. */
  handwritingTemplates?: string;
  now?: () => Date;
}

/** What a transport knows about a call besides its input. */
export interface CallContext {
  staffSession?: string;
}

export type Handlers = HandlersOf<Contract>;

export interface KioskCore {
  /** Validate, authorise and run one contract method; never throws. */
  invoke(method: string, input: unknown, context?: CallContext): Promise<Result<unknown>>;
  readonly handlers: Handlers;
  readonly dataDir: string;
  /** Stops the core's timers (the organisation loop); the kiosk's documents need no closing. */
  close?(): void;
}

// esbuild and vitest define the package version at build time.
declare const __KIOSK_VERSION__: string | undefined;
const VERSION = typeof __KIOSK_VERSION__ === 'string' ? __KIOSK_VERSION__ : '0.0.0-dev';

export async function createKioskCore(options: CoreOptions): Promise<KioskCore> {
  const now = options.now ?? (() => new Date());
  const healthEvents: HealthEvent[] = [];
  const onHealthEvent = (event: HealthEvent) => recordHealthEvent(healthEvents, event);
  const common = { dataDir: options.dataDir, onHealthEvent, now };
  // Before any document opens: nothing of this launch is mid-write yet.
  await sweepDataFolder(options.dataDir, now, onHealthEvent);

  // Content and every shared document, once: each capability is handed what it works on.
  const context = await openCoreContext({
    ...common,
    contentDir: options.contentDir ?? path.resolve('data'),
  });
  const { settings } = context;
  // After settings (opened in the wiring): a PIN still kept there by an older version moves into its own document.
  const staffDocuments = await openStaffDocuments({ ...common, settings });
  const staff = new StaffAuth(staffDocuments, now);
  staff.usePersonalDataCheck(() => personalDataOnKiosk(context));
  staff.useCentrePhone(() => settings.data.public.centrePhone ?? null);
  staff.useClassViewLimit(() => settings.data.public.groupViewLimitMinutes * 60_000);

  const closers: (() => void)[] = [];
  const handlers: Handlers = {
    'app.info': async () => ({
      name: 'Digital Inclusion Kiosk',
      version: VERSION,
      languages: LANGUAGES,
      shell: options.shell,
      canExit: Boolean(options.exitKiosk),
      staff: { pinSet: staff.pinIsSet, lockedUntil: staff.lockedUntil(), entry: await staff.entry() },
      content: {
        lessons: (await handlers['lessons.list']({}, {})).lessons.length,
        programmes: (await handlers['programmes.list']({}, {})).programmes.length,
        hotspotVenues: (await handlers['hotspots.facets']({}, {})).total,
      },
      dataHealth: {
        ok: !healthEvents.some((e) => e.kind !== 'migrated' && e.kind !== 'temp-files-removed'),
        events: healthEvents.length,
      },
      clock: { now: now().toISOString(), today: hongKongDateKey(now()) },
    }),
    'settings.get': async () => settings.data.public,
    'visit.start': async ({ language }) => context.visits.start(language),
    'staff.status': async () => staff.status(),
    'staff.setup': async ({ pin, confirm, name }) => {
      const result = await staff.setup(pin, confirm, name);
      await runAsStaff(result.account, () =>
        logStaffAction(context, 'sign-in', 'first staff PIN set', { firstPin: 'yes' }),
      );
      return result;
    },
    'staff.login': async ({ pin, account }) => {
      // Sign-ins and locks are logged under the account tried (a lock names whose PIN was guessed).
      const tried = staff.accountTried(account);
      const log = (action: 'sign-in' | 'sign-in-locked', detail = '') =>
        tried
          ? runAsStaff(tried, () =>
              logStaffAction(context, action, detail, detail ? { newRecoveryCode: 'yes' } : {}),
            )
          : logStaffAction(context, action, detail, detail ? { newRecoveryCode: 'yes' } : {});
      try {
        const result = await staff.login(pin, account);
        await log('sign-in', result.recoveryCode ? 'new recovery code made' : '');
        return result;
      } catch (error) {
        // Only the attempt that locks is logged: the lock is what staff need to know about.
        if (error instanceof KioskError && error.code === 'unauthorized' && staff.lockedUntil())
          await log('sign-in-locked');
        throw error;
      }
    },
    'staff.logout': async (_input, context) => {
      if (context.staffSession) staff.sessions.end(context.staffSession);
      // Signed out mid-session: the group screen must not go on showing the lesson.
      await options.showGroupDisplay?.(null).catch(() => undefined);
      return { signedOut: true };
    },
    'staff.settings.update': async (patch) => {
      const before = structuredClone(settings.data.public);
      await settings.update((doc) => {
        doc.public = { ...doc.public, ...patch };
      });
      // Only what really changed, by field name: the console says each as its label.
      const fields = Object.keys(patch).filter(
        (name) =>
          !isDeepStrictEqual(
            before[name as keyof typeof before],
            settings.data.public[name as keyof typeof before],
          ),
      );
      await logStaffAction(context, 'settings-changed', fields.join(', '), { fields });
      return settings.data.public;
    },
    'staff.recover': async ({ code, pin, confirm, account }) => {
      const result = await staff.recover(code, pin, confirm, account);
      await runAsStaff(result.account, () =>
        logStaffAction(
          context,
          'pin-changed',
          'new PIN set with the recovery code; a new recovery code made',
          { recovery: 'yes' },
        ),
      );
      return result;
    },
    'staff.pin.change': async ({ current, next, confirm }, call) => {
      await staff.changePin(current, next, confirm, call.staffSession);
      await logStaffAction(context, 'pin-changed', '', {});
      return { changed: true };
    },
    'staff.health': async () => ({
      ...(await readDataHealth(options.dataDir, healthEvents)),
      staff: staff.health(),
      org: {
        refused: context.documents.org.data.packs.refused,
        waiting: context.documents.org.data.packs.waiting,
      },
    }),
    'staff.exit': async () => {
      if (!options.exitKiosk)
        throw new KioskError('forbidden', 'Only the desktop kiosk can be closed from here.', {
          reason: 'staff.errors.exitDesktopOnly',
        });
      // Answer first, then close, so the console is not left waiting on a dead window.
      setTimeout(options.exitKiosk, 50);
      return { exiting: true };
    },

    ...(await createLessonHandlers(context)),
    ...(await createProgrammeHandlers(context)),
    ...(await createHotspotHandlers(context)),
    ...(await createStaffConsoleHandlers(context, {
      printToPdf: options.printToPdf,
      showGroupDisplay: options.showGroupDisplay,
    })),
    ...createStaffAccessHandlers(context, staff, staffDocuments),
    ...(await createAccessibilityHandlers(context)),
    ...createHandwritingHandlers({ templatesFile: options.handwritingTemplates }),
    ...createSuggestHandlers(context),
    ...createOrgHandlers(context, { ...options, onClose: (stop) => closers.push(stop) }),
  };

  async function invoke(method: string, input: unknown, context: CallContext = {}): Promise<Result<unknown>> {
    try {
      if (!isMethodName(method))
        throw new KioskError('not_found', `There is no method called ${method}.`, {
          reason: 'errors.request.noSuchMethod',
        });
      const spec = contract[method] as (typeof contract)[typeof method] & { role?: 'coordinator' };
      const account = spec.staff ? staff.requireSession(context.staffSession) : undefined;
      if (spec.role && account?.role !== spec.role)
        throw new KioskError('forbidden', `Only a ${spec.role} may do this.`, {
          reason: 'staff.accounts.errors.coordinatorOnly',
        });
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
        const field = issue?.path.filter((part) => typeof part === 'string').join('.');
        throw new KioskError(
          'invalid_input',
          `The request is not valid${where}: ${issue?.message ?? 'unknown problem'}.`,
          // The field's path, which the screen turns into the field's label (never shown as it is).
          field
            ? { reason: 'errors.invalidField', params: { field } }
            : { reason: 'errors.codes.invalid_input' },
        );
      }
      const handler = handlers[method] as (input: unknown, context: HandlerContext) => Promise<unknown>;
      const call: HandlerContext = { staffSession: context.staffSession, staffAccount: account };
      // Whatever a staff call logs, however deep, is recorded under the account that made it.
      const value = account
        ? await runAsStaff(account, () => handler(parsed.data, call))
        : await handler(parsed.data, call);
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof KioskError)) console.error(`[kiosk] ${method} failed:`, error);
      return { ok: false, error: toErrorShape(error) };
    }
  }

  const close = () => closers.forEach((stop) => stop());
  return { invoke, handlers, dataDir: options.dataDir, close };
}
