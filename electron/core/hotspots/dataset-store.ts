import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../core-context';
import { KioskError } from '../errors';
import type { HealthEvent } from '../store/document';
import {
  defaultHotspotsDoc,
  HOTSPOTS_SCHEMA_VERSION,
  HotspotsHeaderSchema,
  PreviousHeaderSchema,
  type FixedPart,
  type HotspotsDoc,
  type HotspotsHeader,
  type VehiclePart,
} from './dataset';
import { syncFolder } from '../store/durable-file';
import { copyFileDurably, readVenueFile, writeVenueFile } from './venue-file';
import { moveAside, type UnusableFile } from '../store/move-aside';

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

export const HOTSPOTS_DOCUMENT = 'hotspots';
export const PREVIOUS_FILE = 'hotspots.previous.json';

type StoreContext = Pick<CoreContext, 'dataDir' | 'now' | 'onHealthEvent'>;

/**
 * The imported dataset on disk: hotspots.json, kept like every other document (checked on load,
 * written durably, last good copy in hotspots.bak.json, a damaged file moved aside and reported
 * to the staff console) but written and read a venue per line (venue-file.ts explains why
 * StoredDocument is not used for it). The dataset a confirm replaced goes to
 * hotspots.previous.json and is only read back for a rollback, so the kiosk never holds two.
 */
export class HotspotDatasetStore {
  private doc: HotspotsDoc = defaultHotspotsDoc();
  /** SHA-256 of hotspots.json as last read or written; null while nothing is stored. */
  private sha256: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly file: string;
  private readonly backupFile: string;
  private readonly previousFile: string;

  private constructor(
    private readonly ctx: StoreContext,
    /** The SHA-256 of a hotspots.json this kiosk wrote itself (from the saved index), if known. */
    private readonly trustedSha256: string | null = null,
  ) {
    this.file = path.join(ctx.dataDir, `${HOTSPOTS_DOCUMENT}.json`);
    this.backupFile = path.join(ctx.dataDir, `${HOTSPOTS_DOCUMENT}.bak.json`);
    this.previousFile = path.join(ctx.dataDir, PREVIOUS_FILE);
  }

  static async open(
    ctx: StoreContext,
    options: { trustedSha256?: string | null } = {},
  ): Promise<HotspotDatasetStore> {
    await fs.mkdir(ctx.dataDir, { recursive: true });
    const store = new HotspotDatasetStore(ctx, options.trustedSha256 ?? null);
    await store.load();
    return store;
  }

  get current(): Readonly<HotspotsDoc> {
    return this.doc;
  }

  /** Identifies the stored venues exactly, so an index saved for other venues is never used. */
  get datasetSha256(): string | null {
    return this.sha256;
  }

  /**
   * Replace one part of the dataset (the fixed venues or the vehicles), keeping what it replaces
   * for one rollback. The previous copy is on disk before the new data is written, so a power cut
   * between the two leaves the old data in place and still restorable.
   */
  replacePart(change: { fixed: FixedPart } | { vehicles: VehiclePart }): Promise<void> {
    return this.serialised(async () => {
      const before = this.doc;
      const replacedAt = this.ctx.now().toISOString();
      await this.guard('keep a copy of the current hotspots', async () => {
        await writeVenueFile(
          this.previousFile,
          {
            schemaVersion: HOTSPOTS_SCHEMA_VERSION,
            replacedAt,
            fixedSource: before.fixed?.source ?? null,
            venueCount: before.fixed?.venues.length ?? 0,
            vehicles: before.vehicles,
          },
          before.fixed?.venues ?? [],
        );
      });
      const next: HotspotsDoc = {
        ...before,
        ...change,
        revision: before.revision + 1,
        previous: {
          replacedAt,
          fixed: before.fixed?.source ?? null,
          vehicles: before.vehicles?.source ?? null,
        },
      };
      await this.write(next);
    });
  }

  /** Bring back the datasets the last confirm replaced. One step only: the copy is used up. */
  rollback(): Promise<void> {
    return this.serialised(async () => {
      const current = this.doc;
      if (!current.previous)
        throw new KioskError('conflict', 'There is no earlier dataset to go back to.', {
          reason: 'hotspots.errors.noEarlier',
        });
      const read = await readVenueFile(this.previousFile);
      const header = read.ok ? PreviousHeaderSchema.safeParse(read.header) : null;
      if (!read.ok || !header?.success || header.data.venueCount !== read.venues.length) {
        throw new KioskError(
          'storage',
          read.ok || !read.missing
            ? 'The earlier hotspot dataset is damaged, so it cannot be restored. The current data is unchanged.'
            : 'The earlier hotspot dataset is missing from the data folder, so it cannot be restored.',
          {
            reason:
              read.ok || !read.missing ? 'hotspots.errors.earlierDamaged' : 'hotspots.errors.earlierMissing',
          },
        );
      }
      const previous = header.data;
      await this.write({
        ...current,
        fixed: previous.fixedSource ? { source: previous.fixedSource, venues: read.venues } : null,
        vehicles: previous.vehicles,
        revision: current.revision + 1,
        previous: null,
      });
      await fs.rm(this.previousFile, { force: true });
    });
  }

  /** The size of the copy kept for rollback, or null when it cannot be read. */
  async previousBytes(): Promise<number | null> {
    try {
      return (await fs.stat(this.previousFile)).size;
    } catch {
      return null;
    }
  }

  /**
   * Deletes the copy kept for rollback (hotspots.previous.json) to free disk space, and answers the
   * bytes freed. Only the copy's file goes: hotspots.json is not rewritten, so this works on a full
   * disk, where rewriting 20 MB could not. Whether there is a copy is decided by its file (see load);
   * the summary in hotspots.json's header only describes it.
   */
  removePrevious(): Promise<number> {
    return this.serialised(async () => {
      if (!this.doc.previous)
        throw new KioskError('conflict', 'There is no earlier dataset to remove.', {
          reason: 'hotspots.errors.noEarlierToRemove',
        });
      let freed = 0;
      try {
        freed = (await fs.stat(this.previousFile)).size;
        await fs.rm(this.previousFile, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw new KioskError(
            'storage',
            'The kiosk could not remove the earlier hotspot dataset. Nothing was changed.',
            { reason: 'hotspots.errors.removeEarlierFailed' },
          );
        }
      }
      // The removal is done; a folder that cannot be synced now is synced by the next write.
      await syncFolder(this.ctx.dataDir).catch(() => undefined);
      this.doc = { ...this.doc, previous: null };
      return freed;
    });
  }

  private async write(next: HotspotsDoc): Promise<void> {
    const header: HotspotsHeader = {
      schemaVersion: HOTSPOTS_SCHEMA_VERSION,
      revision: next.revision,
      fixedSource: next.fixed?.source ?? null,
      venueCount: next.fixed?.venues.length ?? 0,
      vehicles: next.vehicles,
      previous: next.previous,
    };
    // Checked before writing, like StoredDocument.update, so a bad change never reaches the disk.
    if (!HotspotsHeaderSchema.safeParse(header).success)
      throw new KioskError('invalid_input', 'The change to hotspots is not valid.', {
        reason: 'hotspots.errors.invalidChange',
      });
    let sha256 = '';
    await this.guard('save the hotspots', async () => {
      sha256 = await writeVenueFile(this.file, header, next.fixed?.venues ?? []);
      await copyFileDurably(this.file, this.backupFile);
    });
    this.doc = next;
    this.sha256 = sha256;
  }

  private async guard(what: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (error instanceof KioskError) throw error;
      throw new KioskError('storage', `The kiosk could not ${what}. Nothing was changed.`, {
        reason: 'hotspots.errors.notSaved',
      });
    }
  }

  private serialised<R>(run: () => Promise<R>): Promise<R> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Same recovery as StoredDocument: main file, else its backup, else the shipped sample. */
  private async load(): Promise<void> {
    await this.loadDocument();
    // A copy removed to free space (removePrevious) is gone even though the header still names it.
    if (this.doc.previous && !(await exists(this.previousFile))) this.doc = { ...this.doc, previous: null };
  }

  private async loadDocument(): Promise<void> {
    const main = await this.tryLoad(this.file);
    if (main.ok) {
      this.doc = main.doc;
      this.sha256 = main.sha256;
      return;
    }
    if (!main.missing) await this.moveAside(this.file, main);
    const backup = await this.tryLoad(this.backupFile);
    if (backup.ok) {
      this.doc = backup.doc;
      await this.write(backup.doc);
      this.report('recovered-from-backup');
      return;
    }
    if (!backup.missing) await this.moveAside(this.backupFile, backup);
    this.doc = defaultHotspotsDoc();
    if (!main.missing || !backup.missing) {
      // Until staff import again, visitors see the shipped sample.
      this.report('reset-to-defaults');
    }
  }

  private async tryLoad(
    file: string,
  ): Promise<
    { ok: true; doc: HotspotsDoc; sha256: string } | ({ ok: false; missing: boolean } & UnusableFile)
  > {
    const read = await readVenueFile(file, { trustedSha256: this.trustedSha256 });
    if (!read.ok) return read;
    const header = HotspotsHeaderSchema.safeParse(read.header);
    if (!header.success) return { ok: false, reason: 'not-schema', missing: false };
    const { fixedSource, venueCount, ...rest } = header.data;
    // Fewer venues than the header counts: cut short, so not the dataset it says it is.
    if (venueCount !== read.venues.length) return { ok: false, reason: 'not-schema', missing: false };
    return {
      ok: true,
      doc: { ...rest, fixed: fixedSource ? { source: fixedSource, venues: read.venues } : null },
      sha256: read.sha256,
    };
  }

  private moveAside(file: string, why: UnusableFile): Promise<void> {
    return moveAside(file, why, {
      now: this.ctx.now,
      rename: (from, to) => fs.rename(from, to),
      report: (kind, extra) => this.report(kind, extra),
    });
  }

  private report(kind: HealthEvent['kind'], extra: Partial<HealthEvent> = {}): void {
    this.ctx.onHealthEvent({
      ...extra,
      time: this.ctx.now().toISOString(),
      document: HOTSPOTS_DOCUMENT,
      kind,
    });
  }
}
