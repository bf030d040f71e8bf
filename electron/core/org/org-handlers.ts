import type { HandlersOf } from '../contract-method';
import type { CoreContext } from '../core-context';
import { KioskError } from '../errors';
import { logStaffAction } from '../staff-console/staff-log';
import { OrgJoin } from './join';
import type { OrgMethods, OrgStatus } from './org-contract';
import { OrgLoop, type OrgLoopParts } from './org-loop';
import { PackStore } from './pack-store';
import { defaultSyncthingHome, SyncthingClient } from './syncthing-client';
import { readSyncthingStatus, type SyncthingFactory } from './sync-state';

/** What the shell and the options lend the organisation service. */
export interface OrgShell {
  /** Syncthing's home (config.xml); default defaultSyncthingHome(). */
  syncthingHome?: string;
  /** How often the loop looks at the content folder and writes figures (default 15 s). */
  orgPollMs?: number;
  /** Electron only: a file dialog for a join file on a USB stick; null when staff cancel. */
  chooseJoinFile?: () => Promise<Buffer | null>;
  /** Tests: a Syncthing of their own instead of the one at syncthingHome. */
  syncthing?: SyncthingFactory;
  /** The loop's parts (pack checks, pack store, figures); tests pass their own. */
  loopParts?: Partial<OrgLoopParts>;
  /** Called with the function that stops the loop, for the core's close. */
  onClose?: (stop: () => void) => void;
}

export function syncthingFactory(shell: Pick<OrgShell, 'syncthing' | 'syncthingHome'>): SyncthingFactory {
  if (shell.syncthing) return shell.syncthing;
  const home = shell.syncthingHome ?? defaultSyncthingHome();
  // Read config.xml on every use: Syncthing may be set up (or its key changed) while the kiosk runs.
  return () => SyncthingClient.fromHome(home);
}

/**
 * The staff console's Organisation section: status, join (preview, choose, confirm), leave,
 * apply mode, and applying or rolling back content packs. The loop runs only while joined.
 */
export function createOrgHandlers(ctx: CoreContext, shell: OrgShell = {}): HandlersOf<OrgMethods> {
  return createOrgService(ctx, shell).handlers;
}

/** The handlers and the loop behind them (tests drive the loop's ticks themselves). */
export function createOrgService(
  ctx: CoreContext,
  shell: OrgShell = {},
): { handlers: HandlersOf<OrgMethods>; loop: OrgLoop } {
  const syncthing = syncthingFactory(shell);
  const join = new OrgJoin(ctx, syncthing);
  const org = ctx.documents.org;
  const store = new PackStore({ dataDir: ctx.dataDir, doc: org, now: ctx.now });
  // A tree left by a kill between its build and the org.json write is swept at start, not at the next apply.
  void store.prune();
  const loop = new OrgLoop(ctx, syncthing, store, { pollMs: shell.orgPollMs, parts: shell.loopParts });
  if (org.data.joined) loop.start();
  shell.onClose?.(() => loop.stop());

  async function status(): Promise<OrgStatus> {
    await join.tidyAfterLeave();
    const doc = org.data;
    const { packs } = doc;
    return {
      ...(await readSyncthingStatus(syncthing, doc, ctx.now)),
      packs: {
        current: packs.current,
        previous: packs.previous,
        waiting: packs.waiting,
        refused: packs.refused,
        pending: doc.joined ? loop.pending : null,
        held: packs.held,
      },
      figures: { lastDayWritten: doc.figures.lastDayWritten },
    };
  }

  const handlers: HandlersOf<OrgMethods> = {
    'staff.org.status': status,
    'staff.org.join.preview': async ({ content }) => join.preview(content),
    'staff.org.join.choose': async () => {
      if (!shell.chooseJoinFile)
        throw new KioskError('forbidden', 'Choosing a file from a USB stick needs the desktop kiosk.', {
          reason: 'org.errors.chooseDesktopOnly',
        });
      const bytes = await shell.chooseJoinFile();
      if (!bytes) return { cancelled: true };
      return join.preview(bytes);
    },
    'staff.org.join.confirm': async ({ token }) => {
      await join.confirm(token);
      loop.start();
      // A pack may already be in the folder (a re-join): look at once rather than in 15 s.
      await loop.tick();
      return status();
    },
    'staff.org.leave': async () => {
      loop.stop();
      await join.leave();
      return status();
    },
    'staff.org.mode': async ({ applyMode }) => {
      const joined = org.data.joined;
      if (!joined) throw notJoined();
      if (joined.applyMode !== applyMode) {
        await org.update((doc) => {
          if (doc.joined) doc.joined.applyMode = applyMode;
        });
        await logStaffAction(ctx, 'org-mode-changed', `packs apply: ${applyMode}`, { applyMode });
        if (applyMode === 'auto') await loop.tick();
      }
      return status();
    },
    'staff.org.pack.apply': async ({ version }) => {
      if (!org.data.joined) throw notJoined();
      await loop.applyPending(version);
      return status();
    },
    'staff.org.pack.rollback': async () => {
      await loop.rollback();
      return status();
    },
  };
  return { handlers, loop };
}

function notJoined(): KioskError {
  return new KioskError('conflict', 'This kiosk has not joined an organisation.', {
    reason: 'org.errors.notJoined',
  });
}
