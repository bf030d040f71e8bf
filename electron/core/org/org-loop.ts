import type { CoreContext } from '../core-context';
import { KioskError } from '../errors';
import { writeCompletedDays } from './figures-writer';
import { orgFolders } from './join';
import type { PackPreview } from './org-contract';
import { pushRefusal, type PackRefusal, type WaitingPack } from './org-doc';
import { checkPackFolder, compareVersions, incompleteRefusal, type PackCheck } from './pack-manifest';
import { computePackPreview } from './pack-preview';
import { reachSyncthing, type SyncthingFactory } from './sync-state';

export const DEFAULT_ORG_POLL_MS = 15_000;
/** Ticks in a row Syncthing must call the content folder idle with nothing to bring before a pack that still does not match is refused. */
export const IDLE_TICKS_BEFORE_REFUSAL = 3;

export type ReadyPack = Extract<PackCheck, { state: 'ready' }>;

/** The loop's moving parts; tests swap one for their own. */
export interface OrgLoopParts {
  checkPack: (folder: string, publicKeyPem: string) => Promise<PackCheck>;
  /** Builds, checks and makes live the ready pack in `folder` (the pack store); throws a KioskError refusal. */
  applyPack: (ctx: CoreContext, pack: ReadyPack, folder: string) => Promise<void>;
  /** current ↔ previous (previous none: the shipped content). */
  rollback: (ctx: CoreContext) => Promise<void>;
  preview: (ctx: CoreContext, pack: ReadyPack, folder: string) => Promise<PackPreview>;
  writeFigures: typeof writeCompletedDays;
}

const DEFAULT_PARTS: OrgLoopParts = {
  checkPack: checkPackFolder,
  applyPack: async () => {
    throw new KioskError('unavailable', 'Applying packs is not available yet.', {
      reason: 'org.errors.syncthingFailed',
    });
  },
  rollback: async () => {
    throw new KioskError('unavailable', 'Rolling back packs is not available yet.', {
      reason: 'org.errors.syncthingFailed',
    });
  },
  preview: computePackPreview,
  writeFigures: writeCompletedDays,
};

/**
 * What the kiosk does on its own while joined, every orgPollMs: looks at the content folder with
 * the pinned key (waits for a pack still arriving, refuses one that cannot be right, applies a
 * newer one or keeps it for staff to preview) and writes each completed day's figures. A tick
 * never throws: a failure becomes a health event and the next tick tries again.
 */
export class OrgLoop {
  /** A checked pack waiting for staff (preview mode or a held version). */
  pending: PackPreview | null = null;
  private readonly parts: OrgLoopParts;
  private readonly pollMs: number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  private idleTicks = 0;
  private pendingPack: ReadyPack | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly syncthing: SyncthingFactory,
    options: { pollMs?: number; parts?: Partial<OrgLoopParts> } = {},
  ) {
    this.parts = { ...DEFAULT_PARTS, ...options.parts };
    this.pollMs = options.pollMs ?? DEFAULT_ORG_POLL_MS;
  }

  get started(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    // Never keeps a test run or a closing kiosk alive.
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.pending = null;
    this.pendingPack = null;
    this.idleTicks = 0;
  }

  /** One look at the folder and one figures run; a tick already running is waited for, not doubled. */
  tick(): Promise<void> {
    if (!this.running)
      this.running = this.runTick().finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async runTick(): Promise<void> {
    if (!this.ctx.documents.org.data.joined) return;
    try {
      await this.checkContent();
    } catch (error) {
      this.report('org-pack-check-failed', error);
    }
    try {
      await this.writeFigures();
    } catch (error) {
      this.report('org-figures-not-written', error);
    }
  }

  private report(code: string, error: unknown): void {
    this.ctx.onHealthEvent({
      time: this.ctx.now().toISOString(),
      document: 'org',
      kind: 'not-saved',
      code,
      detail: error instanceof Error ? error.message : String(error),
    });
  }

  private async checkContent(): Promise<void> {
    const joined = this.ctx.documents.org.data.joined;
    if (!joined) return;
    const folder = orgFolders(this.ctx.dataDir).content;
    const check = await this.parts.checkPack(folder, joined.join.organisation.publicKey);
    if (check.state !== 'incomplete') this.idleTicks = 0;
    if (check.state !== 'ready') this.clearPending();
    switch (check.state) {
      case 'none':
        await this.setWaiting(null);
        return;
      case 'refused':
        await this.setWaiting(null);
        await this.refuse({ version: check.version ?? '', reason: check.reason, params: check.params });
        return;
      case 'incomplete':
        return this.incomplete(check);
      case 'ready':
        await this.setWaiting(null);
        return this.ready(check, folder);
    }
  }

  private async incomplete(check: Extract<PackCheck, { state: 'incomplete' }>): Promise<void> {
    const version = check.manifest.version;
    if (this.alreadyRefused(incompleteRefusal(check))) return;
    const waiting = this.ctx.documents.org.data.packs.waiting;
    await this.setWaiting({
      version,
      since: waiting?.version === version ? waiting.since : this.ctx.now().toISOString(),
      missing: check.missing,
    });
    // A file that does not match while Syncthing still brings bytes is simply not here yet; once
    // Syncthing has had nothing to bring for three looks in a row, it never will be.
    this.idleTicks = (await this.contentFolderIdle()) ? this.idleTicks + 1 : 0;
    if (this.idleTicks < IDLE_TICKS_BEFORE_REFUSAL) return;
    this.idleTicks = 0;
    await this.setWaiting(null);
    await this.refuse(incompleteRefusal(check));
  }

  private async contentFolderIdle(): Promise<boolean> {
    const joined = this.ctx.documents.org.data.joined;
    if (!joined) return false;
    const reached = await reachSyncthing(this.syncthing);
    if (reached.state !== 'running') return false;
    try {
      const status = await reached.client.folderStatus(joined.join.folders.content);
      return status.state === 'idle' && status.needBytes === 0;
    } catch {
      return false;
    }
  }

  private async ready(pack: ReadyPack, folder: string): Promise<void> {
    const doc = this.ctx.documents.org.data;
    const joined = doc.joined;
    if (!joined) return;
    const version = pack.manifest.version;
    const current = doc.packs.current;
    if (pack.manifest.organisation !== joined.join.organisation.name) {
      await this.refuse({
        version,
        reason: 'org.refusals.otherOrganisation',
        params: { version, organisation: pack.manifest.organisation },
      });
      return;
    }
    if (current && compareVersions(version, current.version) === 0) {
      this.clearPending();
      return;
    }
    const held = doc.packs.held.includes(version);
    if (current && compareVersions(version, current.version) < 0 && !held) {
      await this.refuse({
        version,
        reason: 'org.refusals.olderVersion',
        params: { version, current: current.version },
      });
      return;
    }
    if (joined.applyMode === 'auto' && !held) {
      this.clearPending();
      await this.apply(pack, folder);
      return;
    }
    if (this.pending?.version !== version || this.pendingPack?.manifest.version !== version) {
      this.pending = await this.parts.preview(this.ctx, pack, folder);
      this.pendingPack = pack;
    }
  }

  private async apply(pack: ReadyPack, folder: string): Promise<void> {
    try {
      await this.parts.applyPack(this.ctx, pack, folder);
    } catch (error) {
      const version = pack.manifest.version;
      if (error instanceof KioskError && error.reason?.startsWith('org.refusals.')) {
        await this.refuse({ version, reason: error.reason, params: error.params ?? {} });
        return;
      }
      throw error;
    }
  }

  /** Staff apply the pending pack: the folder is checked again first, as it may have changed. */
  async applyPending(version: string): Promise<void> {
    await this.tick();
    const joined = this.ctx.documents.org.data.joined;
    const folder = orgFolders(this.ctx.dataDir).content;
    const check = joined ? await this.parts.checkPack(folder, joined.join.organisation.publicKey) : null;
    if (!check || check.state !== 'ready' || check.manifest.version !== version || !this.pending)
      throw new KioskError('conflict', `Pack ${version} is no longer waiting to be applied.`, {
        reason: 'org.errors.packNotPending',
        params: { version },
      });
    await this.parts.applyPack(this.ctx, check, folder);
    await this.ctx.documents.org.update((doc) => {
      doc.packs.held = doc.packs.held.filter((held) => held !== version);
    });
    this.clearPending();
  }

  async rollback(): Promise<void> {
    await this.parts.rollback(this.ctx);
    this.clearPending();
    // The version rolled back from is now held: offered again as pending, never applied on its own.
    await this.tick();
  }

  private clearPending(): void {
    this.pending = null;
    this.pendingPack = null;
  }

  private alreadyRefused(refusal: Omit<PackRefusal, 'at'>): boolean {
    const latest = this.ctx.documents.org.data.packs.refused[0];
    return latest?.version === refusal.version && latest.reason === refusal.reason;
  }

  /** Records a refusal once: the same pack refused for the same reason on every tick is one line. */
  private async refuse(refusal: Omit<PackRefusal, 'at'>): Promise<void> {
    if (this.alreadyRefused(refusal)) return;
    await this.ctx.documents.org.update((doc) => {
      pushRefusal(doc, { ...refusal, at: this.ctx.now().toISOString() });
    });
  }

  private async setWaiting(waiting: WaitingPack | null): Promise<void> {
    const now = this.ctx.documents.org.data.packs.waiting;
    if (JSON.stringify(now) === JSON.stringify(waiting)) return;
    await this.ctx.documents.org.update((doc) => {
      doc.packs.waiting = waiting;
    });
  }

  private async writeFigures(): Promise<void> {
    const doc = this.ctx.documents.org.data;
    if (!doc.joined) return;
    const result = await this.parts.writeFigures({
      dataDir: this.ctx.dataDir,
      kioskId: doc.joined.join.kioskId,
      activity: this.ctx.activity.data,
      groupSessions: this.ctx.documents.groupSessions.data,
      now: this.ctx.now(),
      lastDayWritten: doc.figures.lastDayWritten,
      joinedAt: doc.joined.joinedAt,
    });
    if (result.lastDayWritten !== doc.figures.lastDayWritten)
      await this.ctx.documents.org.update((draft) => {
        draft.figures.lastDayWritten = result.lastDayWritten;
      });
  }
}
