import { isDateKey, type DateKey } from '../../shared/period';

/**
 * Where the date a dataset describes came from: the file's own date field, staff confirming it at
 * import, the file's modified day when staff were not asked (an API call without a date), or, for
 * data imported before the date was kept, the import itself.
 */
export const DATA_DATE_SOURCES = ['file', 'staff', 'file-modified'] as const;
export type DataDateSource = (typeof DATA_DATE_SOURCES)[number];

// Field names a publisher uses for "these data are as of", compared without case, spaces or
// punctuation. The Wi-Fi.HK files of 2023 have none; a later release or another publisher's
// export may, and then the file is the authority rather than the person importing it.
const DATE_FIELDS = new Set([
  'lastupdate',
  'lastupdated',
  'lastupdatedate',
  'lastupdatetime',
  'lastupdateddate',
  'lastmodified',
  'updatedate',
  'updatetime',
  'updated',
  'dataasof',
  'asof',
  'asatdate',
  'datadate',
  'effectivedate',
  '更新日期',
  '最後更新',
  '最后更新',
  '資料日期',
  '数据日期',
]);

const fieldKey = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:]/g, '');

/** A calendar day from the ways open data write one: ISO (with or without time), 2023/07/30, 30/07/2023, 20230730. */
export function parseDataDay(value: string): DateKey | null {
  const text = value.trim();
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(text);
  let day: string | null = null;
  if (match) day = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|\s)/.exec(text)))
    // Hong Kong writes day first.
    day = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) day = `${match[1]}-${match[2]}-${match[3]}`;
  return day && isDateKey(day) ? day : null;
}

/** The latest date any record's date field gives: the day the data were last brought up to date. */
export class DataDateFinder {
  private latest: DateKey | null = null;
  private readonly keys = new Map<string, boolean>();

  add(fields: Record<string, string>): void {
    // Called for every record of a 54k import: no array of entries per record.
    for (const name in fields) {
      let isDate = this.keys.get(name);
      if (isDate === undefined) this.keys.set(name, (isDate = DATE_FIELDS.has(fieldKey(name))));
      const value = fields[name];
      if (!isDate || !value) continue;
      const day = parseDataDay(value);
      if (day && (!this.latest || day > this.latest)) this.latest = day;
    }
  }

  get day(): DateKey | null {
    return this.latest;
  }
}
