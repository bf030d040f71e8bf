import type { CoreContext } from '../core-context';
import { KioskError } from '../errors';
import { writeCompletedDays } from './figures-writer';
import { orgFolders } from './join';
import type { PackPreview } from './org-contract';
import type { PackRefusal, WaitingPack } from './org-doc';
import { buildContentTree, validateContentTree } from './pack-content';
import { PackStore, type PackTreeTools } from './pack-store';
import { logStaffAction } from '../staff-console/staff-log';
import { checkPackFolder, incompleteRefusal, type PackCheck } from './pack-manifest';
import { computePackPreview } from './pack-preview';
import { reachSyncthing, type SyncthingFactory } from './sync-state';

export const DEFAULT_ORG_POLL_MS = 15_000;
/** Ticks in a row Syncthing must call the content folder idle with nothing to bring before a pack that still does not match is refused. */
export const IDLE_TICKS_BEFORE_REFUSAL = 3;

/**
 * Refusals a pack can show while it is still arriving: Syncthing replaces each file whole, but
 * brings manifest.json and manifest.sig as two files, so for a moment one is new and one is old.
 */
const ARRIVING_REASONS: ReadonlySet<string> = new Set(['org.refusals.badSignature']);
const HELD_REASON = 'org.refusals.heldVersion';

export type ReadyPack = Extract<PackCheck, { state: 'ready' }>;

/** The loop's moving parts; tests swap one for their own. */
export interface OrgLoopParts {
  checkPack: (folder: string, publicKeyPem: string) => Promise<PackCheck>;
  /** The content checks and the switch to a tree (H3's builders and ctx.replaceContent). */
  tools: (ctx: CoreContext) => PackTreeTools;
  preview: (ctx: CoreContext, pack: ReadyPack, folder: string) => Promise<PackPreview>;
  writeFigures: typeof writeCompletedDays;
}

/** The kiosk's own content checks and live switch, as the pack store asks for them. */
export function packTreeTools(ctx: CoreContext): PackTreeTools {
  return {
    buildTree: async (folder, manifest, into) => {
      await buildContentTree(folder, manifest, ctx.contentDir, into);
    },
    validate: (tree) => validateContentTree(tree, ctx.contentDir),
    activate: (tree) => ctx.replaceContent(tree),
  };
}

const DEFAULT_PARTS: OrgLoopParts = {
  checkPack: checkPackFolder,
  tools: packTreeTools,
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

  constructor(
    private readonly ctx: CoreContext,
    private readonly syncthing: SyncthingFactory,
    private readonly store: PackStore,
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
    // A look at once: after a restart in preview mode, the pack waiting for staff shows straight away.
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.pending = null;
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
      this.report('content', error);
    }
    try {
      await this.writeFigures();
    } catch (error) {
      this.report('figures', error);
    }
  }

  /** Data health hears of it once (repeats collapse into a count); the log gets the English. */
  private report(what: 'content' | 'figures', error: unknown): void {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    console.error(`[kiosk] organisation ${what} check failed: ${(error as Error)?.message ?? String(error)}`);
    this.ctx.onHealthEvent({
      time: this.ctx.now().toISOString(),
      document: 'org',
      kind: 'org-check-failed',
      ...(typeof code === 'string' ? { code } : {}),
    });
  }

  private async checkContent(): Promise<void> {
    const joined = this.ctx.documents.org.data.joined;
    if (!joined) return;
    const folder = orgFolders(this.ctx.dataDir).content;
    const check = await this.parts.checkPack(folder, joined.join.organisation.publicKey);
    if (check.state !== 'incomplete' && check.state !== 'refused') this.idleTicks = 0;
    if (check.state !== 'ready') this.clearPending();
    switch (check.state) {
      case 'none':
        await this.setWaiting(null);
        return;
      case 'refused': {
        // Syncthing brings manifest.json and manifest.sig as two files in any order, so a new
        // signature beside the old manifest looks forged for a moment. Only a folder that has had
        // nothing to bring for three looks in a row is judged; until then the pack is arriving.
        const arriving = ARRIVING_REASONS.has(check.reason) && !(await this.settled());
        if (arriving) return;
        await this.setWaiting(null);
        // A manifest too broken to say its version is still listed: '?' stands for the version.
        await this.refuse({ version: check.version ?? '?', reason: check.reason, params: check.params });
        return;
      }
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
    if (!(await this.settled())) return;
    await this.setWaiting(null);
    await this.refuse(incompleteRefusal(check));
  }

  /** True once Syncthing has called the content folder idle for enough looks in a row (then counts again). */
  private async settled(): Promise<boolean> {
    this.idleTicks = (await this.contentFolderIdle()) ? this.idleTicks + 1 : 0;
    if (this.idleTicks < IDLE_TICKS_BEFORE_REFUSAL) return false;
    this.idleTicks = 0;
    return true;
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
    const joined = this.ctx.documents.org.data.joined;
    if (!joined) return;
    const verdict = this.store.judge(pack.manifest);
    // A version staff rolled back from waits for them: shown as pending, never applied on its own.
    const held = !verdict.ok && verdict.reason === HELD_REASON;
    if (!verdict.ok && !held) {
      this.clearPending();
      if (verdict.record) await this.refuse({ version: pack.manifest.version, ...verdict });
      return;
    }
    if (joined.applyMode === 'auto' && !held) {
      this.clearPending();
      const outcome = await this.store.apply(folder, pack.manifest, this.parts.tools(this.ctx));
      if (outcome.outcome === 'applied')
        await logStaffAction(
          this.ctx,
          'org-pack-applied',
          `pack ${outcome.pack.version} applied automatically`,
          {
            version: outcome.pack.version,
            auto: 'yes',
          },
        );
      return;
    }
    const version = pack.manifest.version;
    if (this.pending?.version !== version) this.pending = await this.parts.preview(this.ctx, pack, folder);
  }

  /** Staff apply the pending pack: the folder is checked again first, as it may have changed. */
  async applyPending(version: string): Promise<void> {
    const joined = this.ctx.documents.org.data.joined;
    const folder = orgFolders(this.ctx.dataDir).content;
    const check = joined ? await this.parts.checkPack(folder, joined.join.organisation.publicKey) : null;
    if (!check || check.state !== 'ready' || check.manifest.version !== version)
      throw new KioskError('conflict', `Pack ${version} is no longer waiting to be applied.`, {
        reason: 'org.errors.packNotPending',
        params: { version },
      });
    const outcome = await this.store.apply(folder, check.manifest, this.parts.tools(this.ctx), {
      byStaff: true,
    });
    if (outcome.outcome === 'changed')
      throw new KioskError('conflict', `Pack ${version} changed while it was applied; nothing changed.`, {
        reason: 'org.errors.packNotPending',
        params: { version },
      });
    if (outcome.outcome === 'refused')
      throw new KioskError('conflict', `Pack ${version} was refused: ${outcome.refusal.reason}.`, {
        reason: outcome.refusal.reason,
        params: outcome.refusal.params,
      });
    this.clearPending();
    await logStaffAction(this.ctx, 'org-pack-applied', `pack ${version} applied`, { version });
  }

  /** One step back (the pack store's rollback); the version left is held and offered again as pending. */
  async rollback(): Promise<void> {
    const from = this.ctx.documents.org.data.packs.current;
    const now = await this.store.rollback(this.parts.tools(this.ctx).activate);
    this.clearPending();
    const version = from?.version ?? '';
    await logStaffAction(
      this.ctx,
      'org-pack-rolled-back',
      `from pack ${version || 'shipped content'} to ${now?.version ?? 'shipped content'}`,
      now ? { version, previousVersion: now.version } : { version },
    );
    await this.tick();
  }

  private clearPending(): void {
    this.pending = null;
  }

  private alreadyRefused(refusal: Omit<PackRefusal, 'at'>): boolean {
    const latest = this.ctx.documents.org.data.packs.refused[0];
    return latest?.version === refusal.version && latest.reason === refusal.reason;
  }

  /** Records a refusal once: the same pack refused for the same reason on every tick is one line. */
  private async refuse(refusal: Omit<PackRefusal, 'at'>): Promise<void> {
    if (this.alreadyRefused(refusal)) return;
    await this.store.refuse(refusal.version, refusal.reason, refusal.params);
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
