/**
 * What the store noticed while loading a document; the staff console's data health shows these.
 * Kept free of Node imports so the renderer can use the type.
 */
export interface HealthEvent {
  time: string;
  document: string;
  kind: 'recovered-from-backup' | 'reset-to-defaults' | 'moved-aside' | 'migrated';
  detail: string;
  /** For moved-aside files: the file name inside the data folder. */
  file?: string;
}
