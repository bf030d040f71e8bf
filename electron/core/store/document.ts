import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { KioskError } from '../errors';
import { readTextIfExists, writeFileDurably } from './durable-file';
import type { HealthEvent } from './health-event';

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
}

/**
 * lowdb adapter that writes durably and keeps `<name>.bak.json` as the last good copy.
 * Reading is done by StoredDocument, which needs the raw text to tell corrupt from missing.
 */
class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    readonly backup: string,
  ) {}

  async read(): Promise<T | null> {
    const text = await readTextIfExists(this.file);
    return text === null ? null : (JSON.parse(text) as T);
  }

  async write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 1)}\n`;
    await writeFileDurably(this.file, text);
    // A separate file, not a hard link: a link shares the main file's inode, so damage done to the
    // file in place (truncation, zeroed blocks, an editor saving in place) would ruin both copies.
    await writeFileDurably(this.backup, text);
  }
}

type LoadOutcome<T> = { ok: true; data: T; migrated: boolean } | { ok: false; reason: string };

/**
 * One JSON document in the data folder: schema-checked on load, migrated forward, written
 * durably, writes serialised. A method that changes it returns only after the write is on disk.
 */
export class StoredDocument<T> {
  readonly file: string;
  readonly backupFile: string;
  private readonly db: Low<T>;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  private constructor(private readonly options: DocumentOptions<T>) {
    this.file = path.join(options.dataDir, `${options.name}.json`);
    this.backupFile = path.join(options.dataDir, `${options.name}.bak.json`);
    this.db = new Low<T>(new DurableJsonAdapter<T>(this.file, this.backupFile), options.defaults());
    this.now = options.now ?? (() => new Date());
  }

  static async open<T>(options: DocumentOptions<T>): Promise<StoredDocument<T>> {
    await fs.mkdir(options.dataDir, { recursive: true });
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
   * validated first, so a bad change leaves both memory and disk as they were.
   */
  update<R>(change: (draft: T) => R): Promise<R> {
    const run = async (): Promise<R> => {
      const draft = structuredClone(this.db.data);
      const result = change(draft);
      const checked = this.options.schema.safeParse(draft);
      if (!checked.success) throw new KioskError('invalid_input', `The change to ${this.options.name} is not valid.`);
      try {
        await this.db.adapter.write(checked.data);
      } catch {
        throw new KioskError('storage', `The kiosk could not save ${this.options.name}. Nothing was changed.`);
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
        await this.db.write();
        this.report('migrated', `Upgraded ${this.options.name} to the current format.`);
      }
      return;
    }
    const mainExists = (await readTextIfExists(this.file)) !== null;
    if (mainExists) await this.moveAside(this.file, main.reason);

    const backup = await this.tryLoad(this.backupFile);
    if (backup.ok) {
      this.db.data = backup.data;
      await this.db.write();
      this.report('recovered-from-backup', `Restored ${this.options.name} from its last good copy.`);
      return;
    }
    const backupExists = (await readTextIfExists(this.backupFile)) !== null;
    if (backupExists) await this.moveAside(this.backupFile, backup.reason);
    this.db.data = this.options.defaults();
    await this.db.write();
    if (mainExists || backupExists) {
      this.report('reset-to-defaults', `No good copy of ${this.options.name} was left; it was reset to defaults.`);
    }
  }

  private async tryLoad(file: string): Promise<LoadOutcome<T>> {
    let text: string | null;
    try {
      text = await readTextIfExists(file);
    } catch (error) {
      return { ok: false, reason: `unreadable (${(error as Error).message})` };
    }
    if (text === null) return { ok: false, reason: 'missing' };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'not valid JSON' };
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
    if (!checked.success) return { ok: false, reason: 'does not match its schema' };
    return { ok: true, data: checked.data, migrated };
  }

  private async moveAside(file: string, reason: string): Promise<void> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const base = path.basename(file, '.json');
    const aside = path.join(path.dirname(file), `${base}.corrupt-${stamp}.json`);
    await fs.rename(file, aside);
    this.report('moved-aside', `${path.basename(file)} ${reason}; kept as ${path.basename(aside)}.`, path.basename(aside));
  }

  private report(kind: HealthEvent['kind'], detail: string, file?: string): void {
    this.options.onHealthEvent?.({
      time: this.now().toISOString(),
      document: this.options.name,
      kind,
      detail,
      ...(file ? { file } : {}),
    });
  }
}
