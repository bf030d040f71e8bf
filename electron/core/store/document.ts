import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { KioskError } from '../errors';
import { moveAside, type UnusableFile } from './move-aside';
import { DurableWriteError, errnoOf, isDiskFull, readTextIfExists, realFs, writeFileDurably, type DurableFs } from './durable-file';
import type { HealthEvent, HealthEventReason } from './health-event';

export type { HealthEvent };

export interface Migration {
  /** Applies to documents whose schemaVersion equals `from`; returns version `from + 1`. */
  from: number;
  migrate(old: Record<string, unknown>): Record<string, unknown>;
}

export interface DocumentOptions<T> {
  dataDir: string;
  /** File name without extension: `settings` → settings.json, settings.bak.json. */
  name: string;
  schema: z.ZodType<T>;
  defaults: () => T;
  migrations?: Migration[];
  onHealthEvent?: (event: HealthEvent) => void;
  now?: () => Date;
  /** The file system; tests pass one that fails part-way. */
  fs?: DurableFs;
}

type Report = (kind: HealthEvent['kind'], extra?: Partial<HealthEvent>) => void;

/**
 * lowdb adapter that writes durably and keeps `<name>.bak.json` as the last good copy.
 * The main file is the truth: a write has happened once it is renamed into place, whatever then
 * becomes of the backup (a failed backup is a health warning, not a failed write). Reading is done
 * by StoredDocument, which needs the raw text to tell corrupt from missing.
 */
class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    readonly backup: string,
    private readonly fs: DurableFs,
    private readonly report: Report,
  ) {}

  async read(): Promise<T | null> {
    const text = await readTextIfExists(this.file, this.fs);
    return text === null ? null : (JSON.parse(text) as T);
  }

  /** Resolves once the main file holds `data`; rejects only when it still holds what it held before. */
  async write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 1)}\n`;
    try {
      await this.writeMain(text);
    } catch (error) {
      if (!(error instanceof DurableWriteError && error.landed)) throw error;
      // Readers already see the new file: answering "not saved" now would be the lie.
      this.report('not-synced', { code: error.code });
    }
    try {
      // A separate file, not a hard link: a link shares the main file's inode, so damage done to the
      // file in place (truncation, zeroed blocks, an editor saving in place) would ruin both copies.
      await writeFileDurably(this.backup, text, { fs: this.fs });
    } catch (error) {
      if (!(error instanceof DurableWriteError && error.landed)) this.report('backup-not-saved', { code: errnoOf(error) });
    }
  }

  /**
   * On a full disk the new file cannot be written before the old one is gone, so even a change that
   * frees space (a wipe, a purge) would be refused. For a change that makes the document smaller,
   * the backup is given up to make room: the main file stays the truth and the backup is
   * written again straight after, space permitting (else Data health says it is missing).
   */
  private async writeMain(text: string): Promise<void> {
    try {
      await writeFileDurably(this.file, text, { fs: this.fs });
      return;
    } catch (error) {
      if (!(error instanceof DurableWriteError) || error.landed || !isDiskFull(error)) throw error;
      const current = await this.fs.stat(this.file).catch(() => null);
      if (!current?.isFile() || Buffer.byteLength(text) >= current.size) throw error;
      const dropped = await this.fs.rm(this.backup).then(
        () => true,
        () => false,
      );
      if (!dropped) throw error;
    }
    try {
      await writeFileDurably(this.file, text, { fs: this.fs });
    } catch (error) {
      if (!(error instanceof DurableWriteError && error.landed)) this.report('backup-not-saved', { code: errnoOf(error) });
      throw error;
    }
  }
}

type LoadOutcome<T> =
  | { ok: true; data: T; migrated: boolean }
  | { ok: false; missing: true }
  | { ok: false; missing: false; reason: HealthEventReason; code?: string };

/** The error a refused write answers: a full disk gets its own code, which screens translate. */
function storageError(name: string, error: unknown): KioskError {
  const refused = isDiskFull(error)
    ? new KioskError('disk_full', `The kiosk's disk is full: ${name} could not be saved. Nothing was changed.`)
    : new KioskError('storage', `The kiosk could not save ${name}. Nothing was changed.`);
  // Kept for the health record and the console; the wire shape carries only code and message.
  refused.cause = error;
  return refused;
}

/**
 * One JSON document in the data folder: schema-checked on load, migrated forward, written
 * durably, writes serialised. A method that changes it returns only after the write is on disk,
 * and a write that fails leaves memory and disk as they were.
 */
export class StoredDocument<T> {
  readonly file: string;
  readonly backupFile: string;
  private readonly db: Low<T>;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;
  private readonly fs: DurableFs;

  private constructor(private readonly options: DocumentOptions<T>) {
    this.file = path.join(options.dataDir, `${options.name}.json`);
    this.backupFile = path.join(options.dataDir, `${options.name}.bak.json`);
    this.fs = options.fs ?? realFs;
    this.now = options.now ?? (() => new Date());
    this.db = new Low<T>(new DurableJsonAdapter<T>(this.file, this.backupFile, this.fs, (kind, extra) => this.report(kind, extra)), options.defaults());
  }

  static async open<T>(options: DocumentOptions<T>): Promise<StoredDocument<T>> {
    await (options.fs ?? realFs).mkdir(options.dataDir, { recursive: true });
    const doc = new StoredDocument(options);
    await doc.load();
    return doc;
  }

  /** The current data. Treat as read-only: change it through update(). */
  get data(): Readonly<T> {
    return this.db.data;
  }

  /**
   * Change the document and wait until the change is durable. Changes are applied to a copy and
   * validated first, and the copy becomes the data only once the main file holds it, so a bad
   * change or a failed write leaves both memory and disk as they were.
   */
  update<R>(change: (draft: T) => R): Promise<R> {
    const run = async (): Promise<R> => {
      const draft = structuredClone(this.db.data);
      const result = change(draft);
      const checked = this.options.schema.safeParse(draft);
      if (!checked.success) throw new KioskError('invalid_input', `The change to ${this.options.name} is not valid.`);
      try {
        await this.db.adapter.write(checked.data);
      } catch (error) {
        this.report('not-saved', { code: errnoOf(error) });
        throw storageError(this.options.name, error);
      }
      this.db.data = checked.data;
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Replace the whole document (imports, restores), validated like any change. */
  replace(data: T): Promise<void> {
    return this.update((draft) => {
      for (const key of Object.keys(draft as object)) delete (draft as Record<string, unknown>)[key];
      Object.assign(draft as object, structuredClone(data));
    });
  }

  private async load(): Promise<void> {
    const main = await this.tryLoad(this.file);
    if (main.ok) {
      this.db.data = main.data;
      if (main.migrated) {
        // Not written (a full disk)? Memory holds the upgrade and the next start upgrades again.
        await this.writeAtLoad();
        this.report('migrated');
      }
      return;
    }
    if (!main.missing) await this.moveAside(this.file, main);

    const backup = await this.tryLoad(this.backupFile);
    if (backup.ok) {
      this.db.data = backup.data;
      await this.writeAtLoad();
      this.report('recovered-from-backup');
      return;
    }
    if (!backup.missing) await this.moveAside(this.backupFile, backup);
    this.db.data = this.options.defaults();
    await this.writeAtLoad();
    if (!main.missing || !backup.missing) this.report('reset-to-defaults');
  }

  /**
   * Writes what load settled on. A failure must not stop the kiosk starting: what was on disk is
   * still there (the backup, or nothing), so the next start reaches the same data.
   */
  private async writeAtLoad(): Promise<void> {
    try {
      await this.db.adapter.write(this.db.data);
    } catch (error) {
      this.report('not-saved', { code: errnoOf(error) });
    }
  }

  private async tryLoad(file: string): Promise<LoadOutcome<T>> {
    let text: string | null;
    try {
      // A directory, a file without read permission or a bad sector: like a corrupt file, not a reason to stop.
      text = await readTextIfExists(file, this.fs);
    } catch (error) {
      return { ok: false, missing: false, reason: 'unreadable', code: errnoOf(error) };
    }
    if (text === null) return { ok: false, missing: true };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, missing: false, reason: 'not-json' };
    }
    let migrated = false;
    if (raw && typeof raw === 'object') {
      let doc = raw as Record<string, unknown>;
      for (const migration of this.options.migrations ?? []) {
        if (doc.schemaVersion === migration.from) {
          doc = migration.migrate(doc);
          migrated = true;
        }
      }
      raw = doc;
    }
    const checked = this.options.schema.safeParse(raw);
    if (!checked.success) return { ok: false, missing: false, reason: 'not-schema' };
    return { ok: true, data: checked.data, migrated };
  }

  private moveAside(file: string, why: UnusableFile): Promise<void> {
    return moveAside(file, why, { now: this.now, rename: (from, to) => this.fs.rename(from, to), report: (kind, extra) => this.report(kind, extra) });
  }

  private report(kind: HealthEvent['kind'], extra: Partial<HealthEvent> = {}): void {
    const event: HealthEvent = { time: this.now().toISOString(), document: this.options.name, kind };
    for (const [key, value] of Object.entries(extra)) if (value !== undefined) (event as unknown as Record<string, unknown>)[key] = value;
    this.options.onHealthEvent?.(event);
  }
}
