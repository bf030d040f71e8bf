import type { Adapter } from 'lowdb';
import type { DocumentSchema } from './document-schema';
import {
  DurableWriteError,
  errnoOf,
  isDiskFull,
  readTextIfExists,
  writeFileDurably,
  type DurableFs,
} from './durable-file';
import type { HealthEvent } from './health-event';
import { moveAside, type UnusableFile } from './move-aside';

type Report = (kind: HealthEvent['kind'], extra?: Partial<HealthEvent>) => void;

/**
 * Where the data the last read() answered came from, so the document knows what to write back
 * and say: the main file as it was, the main file migrated forward, the backup, or nothing
 * usable (`new`: no file at all; `reset`: files there, none usable).
 */
export type ReadOrigin = 'main' | 'migrated' | 'backup' | 'new' | 'reset';

type Loaded<T> =
  | { ok: true; data: T; migrated: boolean }
  | { ok: false; missing: true }
  | ({ ok: false; missing: false } & UnusableFile);

/**
 * The lowdb adapter of every document: `<name>.json` written durably (temp file, fsync, rename,
 * folder fsync) with `<name>.bak.json` as the last good copy, and read with the recovery rules.
 *
 * read(): the main file if the schema layer accepts it; else it is moved aside (kept for staff)
 * and the backup is tried the same way; else null, and lowdb keeps the defaults it was given.
 * write(): the main file is the truth. A write has happened once it is renamed into place,
 * whatever then becomes of the backup (a failed backup is a health warning, not a failed write);
 * it rejects only when the main file still holds what it held before.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** Set by each read(). */
  origin: ReadOrigin = 'new';

  constructor(
    readonly file: string,
    readonly backup: string,
    private readonly schema: DocumentSchema<T>,
    private readonly options: { fs: DurableFs; now: () => Date; report: Report },
  ) {}

  async read(): Promise<T | null> {
    const main = await this.load(this.file);
    if (main.ok) {
      this.origin = main.migrated ? 'migrated' : 'main';
      return main.data;
    }
    if (!main.missing) await this.moveAside(this.file, main);
    const backup = await this.load(this.backup);
    if (backup.ok) {
      this.origin = 'backup';
      return backup.data;
    }
    if (!backup.missing) await this.moveAside(this.backup, backup);
    this.origin = main.missing && backup.missing ? 'new' : 'reset';
    return null;
  }

  /** Resolves once the main file holds `data`; rejects only when it still holds what it held before. */
  async write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 1)}\n`;
    try {
      await this.writeMain(text);
    } catch (error) {
      if (!(error instanceof DurableWriteError && error.landed)) throw error;
      // Readers already see the new file: answering "not saved" now would be the lie.
      this.options.report('not-synced', { code: error.code });
    }
    try {
      // A separate file, not a hard link: a link shares the main file's inode, so damage done to the
      // file in place (truncation, zeroed blocks, an editor saving in place) would ruin both copies.
      await writeFileDurably(this.backup, text, { fs: this.options.fs });
    } catch (error) {
      if (!(error instanceof DurableWriteError && error.landed))
        this.options.report('backup-not-saved', { code: errnoOf(error) });
    }
  }

  /**
   * On a full disk the new file cannot be written before the old one is gone, so even a change that
   * frees space (a wipe, a purge) would be refused. For a change that makes the document smaller,
   * the backup is given up to make room: the main file stays the truth and the backup is
   * written again straight after, space permitting (else Data health says it is missing).
   */
  private async writeMain(text: string): Promise<void> {
    const { fs } = this.options;
    try {
      await writeFileDurably(this.file, text, { fs });
      return;
    } catch (error) {
      if (!(error instanceof DurableWriteError) || error.landed || !isDiskFull(error)) throw error;
      const current = await fs.stat(this.file).catch(() => null);
      if (!current?.isFile() || Buffer.byteLength(text) >= current.size) throw error;
      const dropped = await fs.rm(this.backup).then(
        () => true,
        () => false,
      );
      if (!dropped) throw error;
    }
    try {
      await writeFileDurably(this.file, text, { fs });
    } catch (error) {
      if (!(error instanceof DurableWriteError && error.landed))
        this.options.report('backup-not-saved', { code: errnoOf(error) });
      throw error;
    }
  }

  private async load(file: string): Promise<Loaded<T>> {
    let text: string | null;
    try {
      // A directory, a file without read permission or a bad sector: like a corrupt file, not a reason to stop.
      text = await readTextIfExists(file, this.options.fs);
    } catch (error) {
      const code = errnoOf(error);
      return { ok: false, missing: false, reason: 'unreadable', ...(code ? { code } : {}) };
    }
    if (text === null) return { ok: false, missing: true };
    const parsed = this.schema.parse(text);
    return parsed.ok ? parsed : { ok: false, missing: false, reason: parsed.reason };
  }

  private moveAside(file: string, why: UnusableFile): Promise<void> {
    const { fs, now, report } = this.options;
    return moveAside(file, why, {
      now,
      rename: (from, to) => fs.rename(from, to),
      report: (kind, extra) => report(kind, extra),
    });
  }
}
