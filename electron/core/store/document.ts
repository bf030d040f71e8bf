import path from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { KioskError } from '../errors';
import { DocumentSchema, type Migration } from './document-schema';
import { errnoOf, isDiskFull, realFs, type DurableFs } from './durable-file';
import { DurableJsonFile } from './durable-json-file';
import type { HealthEvent } from './health-event';

export type { HealthEvent, Migration };

export interface DocumentOptions<T> {
  dataDir: string;
  /** File name without extension: `settings` → settings.json, settings.bak.json. */
  name: string;
  schema: z.ZodType<T>;
  defaults: () => T;
  migrations?: readonly Migration[];
  onHealthEvent?: (event: HealthEvent) => void;
  now?: () => Date;
  /** The file system; tests pass one that fails part-way. */
  fs?: DurableFs;
  /**
   * false: a document not on disk yet stays off disk (its defaults in memory) until its first
   * change. For one most kiosks never use (org.json of a kiosk that never joined an organisation).
   */
  writeWhenNew?: boolean;
}

/** The error a refused write answers: a full disk gets its own code, which screens translate. */
function storageError(name: string, error: unknown): KioskError {
  const refused = isDiskFull(error)
    ? new KioskError(
        'disk_full',
        `The kiosk's disk is full: ${name} could not be saved. Nothing was changed.`,
        { reason: 'errors.disk_full' },
      )
    : new KioskError('storage', `The kiosk could not save ${name}. Nothing was changed.`, {
        reason: 'errors.codes.storage',
      });
  // Kept for the health record and the console; the wire shape carries only code and message.
  refused.cause = error;
  return refused;
}

/**
 * One JSON document in the data folder: a lowdb `Low<T>` over DurableJsonFile, which reads with
 * the recovery rules and writes durably; the schema layer migrates and checks. Writes are
 * serialised, a method that changes the document returns only after the write is on disk, and a
 * write that fails leaves memory and disk as they were.
 *
 * lowdb's own `update()` changes `data` in place before writing, so a reader would see a change
 * that may yet fail to land. Here `db.data` is what is being written and `data` what has landed:
 * a change is made on a copy, checked, set as `db.data` and written with `db.write()`, and becomes
 * `data` only once the main file holds it.
 */
export class StoredDocument<T> {
  readonly file: string;
  readonly backupFile: string;
  private readonly db: Low<T>;
  private readonly adapter: DurableJsonFile<T>;
  private readonly schema: DocumentSchema<T>;
  private landed: T;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  private constructor(private readonly options: DocumentOptions<T>) {
    this.file = path.join(options.dataDir, `${options.name}.json`);
    this.backupFile = path.join(options.dataDir, `${options.name}.bak.json`);
    this.now = options.now ?? (() => new Date());
    this.schema = new DocumentSchema(options.schema, options.migrations);
    this.adapter = new DurableJsonFile<T>(this.file, this.backupFile, this.schema, {
      fs: options.fs ?? realFs,
      now: this.now,
      report: (kind, extra) => this.report(kind, extra),
    });
    this.db = new Low<T>(this.adapter, options.defaults());
    this.landed = this.db.data;
  }

  static async open<T>(options: DocumentOptions<T>): Promise<StoredDocument<T>> {
    await (options.fs ?? realFs).mkdir(options.dataDir, { recursive: true });
    const doc = new StoredDocument(options);
    await doc.load();
    return doc;
  }

  /** The current data. Treat as read-only: change it through update(). */
  get data(): Readonly<T> {
    return this.landed;
  }

  /**
   * Change the document and wait until the change is durable. Changes are applied to a copy and
   * validated first, and the copy becomes the data only once the main file holds it, so a bad
   * change or a failed write leaves both memory and disk as they were.
   */
  update<R>(change: (draft: T) => R): Promise<R> {
    const run = async (): Promise<R> => {
      const draft = structuredClone(this.landed);
      const result = change(draft);
      const checked = this.schema.check(draft);
      if (checked === null)
        throw new KioskError('invalid_input', `The change to ${this.options.name} is not valid.`, {
          reason: 'errors.invalidChange',
        });
      this.db.data = checked;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = this.landed;
        this.report('not-saved', { code: errnoOf(error) });
        throw storageError(this.options.name, error);
      }
      this.landed = checked;
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

  /** Reads through the adapter's recovery rules, then writes back and says what it settled on. */
  private async load(): Promise<void> {
    await this.db.read();
    this.landed = this.db.data;
    const origin = this.adapter.origin;
    if (origin === 'main') return;
    if (origin === 'new' && this.options.writeWhenNew === false) return;
    // Not written (a full disk)? What was on disk is still there, so the next start reaches the same data.
    await this.writeAtLoad();
    if (origin === 'migrated') this.report('migrated');
    else if (origin === 'backup') this.report('recovered-from-backup');
    else if (origin === 'reset') this.report('reset-to-defaults');
  }

  /** A failure must not stop the kiosk starting. */
  private async writeAtLoad(): Promise<void> {
    try {
      await this.db.write();
    } catch (error) {
      this.report('not-saved', { code: errnoOf(error) });
    }
  }

  private report(kind: HealthEvent['kind'], extra: Partial<HealthEvent> = {}): void {
    const event: HealthEvent = { time: this.now().toISOString(), document: this.options.name, kind };
    for (const [key, value] of Object.entries(extra))
      if (value !== undefined) (event as unknown as Record<string, unknown>)[key] = value;
    this.options.onHealthEvent?.(event);
  }
}
