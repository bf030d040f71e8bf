import type { z } from 'zod';
import type { HealthEventReason } from './health-event';

export interface Migration {
  /** Applies to documents whose schemaVersion equals `from`; returns version `from + 1`. */
  from: number;
  migrate(old: Record<string, unknown>): Record<string, unknown>;
}

export type ParsedDocument<T> =
  { ok: true; data: T; migrated: boolean } | { ok: false; reason: Exclude<HealthEventReason, 'unreadable'> };

/**
 * The thin schema layer between a document's text and its data: JSON, migrated forward, checked
 * against the zod schema. The adapter asks it whether a file it read can be used; StoredDocument
 * asks it whether a change may be written. What it answers is the schema's own output (defaults
 * filled in), so memory and disk hold the same thing.
 */
export class DocumentSchema<T> {
  constructor(
    private readonly schema: z.ZodType<T>,
    private readonly migrations: readonly Migration[] = [],
  ) {}

  /** A file's text as the document, or why it cannot be used. */
  parse(text: string): ParsedDocument<T> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'not-json' };
    }
    let migrated = false;
    if (raw && typeof raw === 'object') {
      let doc = raw as Record<string, unknown>;
      for (const migration of this.migrations) {
        if (doc.schemaVersion === migration.from) {
          doc = migration.migrate(doc);
          migrated = true;
        }
      }
      raw = doc;
    }
    const checked = this.schema.safeParse(raw);
    return checked.success ? { ok: true, data: checked.data, migrated } : { ok: false, reason: 'not-schema' };
  }

  /** A changed copy as the schema has it, or null when the change is not valid. */
  check(draft: T): T | null {
    const checked = this.schema.safeParse(draft);
    return checked.success ? checked.data : null;
  }
}
