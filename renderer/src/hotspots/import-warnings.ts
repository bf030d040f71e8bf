import type { HotspotPreview } from '../../../electron/core/hotspots/contract';
import type { ImportWarning } from '../../../electron/core/hotspots/importer';

/** The earliest day the core accepts as a dataset's date (the stepper stops there). */
export const EARLIEST_DATA_DAY = '2000-01-01';

/** A preview warning → its words in the staff member's language (hotspots.staff.warning.*). */
export function warningMessage(warning: ImportWarning): { key: string; params: Record<string, string> } {
  const number = (value: number) => value.toLocaleString('en');
  switch (warning.code) {
    case 'names-english-only':
      return warning.count === warning.total
        ? { key: 'hotspots.staff.warning.names-english-only-all', params: { total: number(warning.total) } }
        : {
            key: 'hotspots.staff.warning.names-english-only-some',
            params: { count: number(warning.count), total: number(warning.total) },
          };
    case 'districts-inferred':
    case 'districts-outside':
      return { key: `hotspots.staff.warning.${warning.code}`, params: { count: number(warning.count) } };
    case 'date-not-in-file':
      return { key: 'hotspots.staff.warning.date-not-in-file', params: {} };
  }
}

/**
 * The day the stepper starts at when the file gives no date: the file's modified day, kept
 * within what the core accepts (a clock set wrong can give a file a day still to come).
 */
export function firstDataDay(preview: Pick<HotspotPreview, 'fileModified' | 'today'>): string {
  const day = preview.fileModified ?? preview.today;
  if (day > preview.today) return preview.today;
  return day < EARLIEST_DATA_DAY ? EARLIEST_DATA_DAY : day;
}
