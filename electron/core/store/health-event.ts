/**
 * What the store noticed; the staff console's data health says these in the reader's language, so
 * an event carries codes and parameters, never a sentence. Kept free of Node imports so the
 * renderer can use the type.
 */
export type HealthEventKind =
  /** A damaged or unopenable file was restored from `<name>.bak.json`. */
  | 'recovered-from-backup'
  /** Neither the file nor its backup could be used: defaults are in place. */
  | 'reset-to-defaults'
  /** A damaged or unopenable file was renamed to `file` and kept for staff to look at. */
  | 'moved-aside'
  /** A damaged file could not even be renamed (`code`); it stays where it is. */
  | 'could-not-move-aside'
  | 'migrated'
  /** A change was refused because the main file could not be replaced (`code`): memory and disk are unchanged. */
  | 'not-saved'
  /** A change was saved, but its backup copy could not be refreshed (`code`): the backup is older. */
  | 'backup-not-saved'
  /** A change is in place but the folder could not be synced (`code`): a power cut could still lose it. */
  | 'not-synced'
  /** At start-up, `count` temp files left by writes cut short were removed. */
  | 'temp-files-removed'
  /** The start-up retention purge could not run (`code`); it runs again daily and at the next start. */
  | 'purge-failed'
  /** The applied content pack named in org.json (`file`: its folder under org/packs) did not load: the shipped content is in use. */
  | 'content-pack-not-loaded'
  /** The organisation loop could not look at the content folder or write figures (`code`); it tries again next time. */
  | 'org-check-failed';

/** Why a file could not be used: it failed to open (`code` says how), held no JSON, or not the document's shape. */
export type HealthEventReason = 'unreadable' | 'not-json' | 'not-schema';

export interface HealthEvent {
  /** When it happened; for repeated events, the latest time. */
  time: string;
  /** The document's name (`settings`); empty for events about the whole data folder. */
  document: string;
  kind: HealthEventKind;
  /** For moved-aside files: the file name inside the data folder. */
  file?: string;
  reason?: HealthEventReason;
  /** The file-system error code (ENOSPC, EACCES, EISDIR, …) where one caused it. */
  code?: string;
  /** temp-files-removed: how many; a repeated event: how many times since start-up. */
  count?: number;
  /**
   * An English note for the console log only; screens never show it. Older callers still pass it.
   * @deprecated say it with kind, reason, code and count.
   */
  detail?: string;
}
