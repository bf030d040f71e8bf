import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../../electron/core/errors';
import { DistrictDirectory } from '../../../../electron/core/hotspots/districts';
import { readImport } from '../../../../electron/core/hotspots/importer';
import { normaliseVenues } from '../../../../electron/core/hotspots/normalise';
import { MAX_SOURCE_BYTES, parseSourceFile } from '../../../../electron/core/hotspots/source-file';
import { contentDir, sharedDataDir } from '../../../helpers/hotspots-context';
import { rejection } from '../../../helpers/results';

const directory = DistrictDirectory.load(contentDir);
const realCsv = readFileSync(path.join(sharedDataDir, 'wifi-hk-hotspots.csv'));
const realJson = readFileSync(path.join(sharedDataDir, 'wifi-hk-fixed-official-shape.json'));
const realNonFixed = readFileSync(path.join(sharedDataDir, 'wifi-hk-non-fixed.json'));
const SHENZHEN_BAY_IDS = [
  'NIMM033',
  'NIMM034',
  'NIMM035',
  'NIMM036',
  'NIMM037',
  'SMT-PPC-A024',
  'SMT-PPC-A111',
];

function kioskError(run: () => unknown): KioskError {
  try {
    run();
  } catch (error) {
    if (error instanceof KioskError) return error;
    throw error;
  }
  throw new Error('expected a KioskError');
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('reading the real open-data files', () => {
  it('reads all 5,430 CSV records despite the BOM, CRLF and newlines inside quoted fields', () => {
    expect(realCsv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(realCsv.includes('\r\n')).toBe(true);
    const parsed = parseSourceFile(realCsv);
    expect(parsed.format).toBe('fixed-csv');
    expect(parsed.records).toHaveLength(5430);
    expect(parsed.rejected).toEqual([]);
    // The BOM is not glued to the first column name, and CRLF does not leak into the last column.
    expect(parsed.records[0]!.fields.LocationID).toBe('0001');
    expect(parsed.records.every((record) => record.fields.InWifiMap === 'False')).toBe(true);
    // Newlines inside quoted addresses are data; the normaliser folds them to spaces.
    expect(
      parsed.records.filter((record) => Object.values(record.fields).some((value) => /[\r\n]/.test(value))),
    ).toHaveLength(71);
    const venues = normaliseVenues(parsed.records, directory).venues;
    expect(
      venues.some((venue) => /[\r\n]/.test(`${venue.name.en} ${venue.address.en} ${venue.ssids.join(' ')}`)),
    ).toBe(false);
    const total = parsed.records.reduce((sum, record) => sum + Number(record.fields.NumberOfHotspots), 0);
    expect(total).toBe(43_433);
  });

  it('merges rows at one place with one name into a venue, keeping every hotspot and SSID', () => {
    const parsed = parseSourceFile(realJson);
    const result = normaliseVenues(parsed.records, directory);
    expect(result.recordsAccepted).toBe(5430);
    expect(result.rejected).toEqual([]);
    expect(result.venues.length).toBeLessThan(5430);
    expect(result.venues.reduce((sum, venue) => sum + venue.hotspots, 0)).toBe(43_433);
    expect(result.venues.reduce((sum, venue) => sum + venue.locationIds.length, 0)).toBe(5430);
    // No two venues share both coordinates and name.
    const keys = result.venues.map(
      (venue) => `${venue.latitude},${venue.longitude},${venue.name.en?.toLowerCase()}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    const merged = result.venues.filter((venue) => venue.locationIds.length > 1);
    expect(merged.length).toBeGreaterThan(0);
    for (const venue of merged) expect(new Set(venue.ssids).size).toBe(venue.ssids.length);
  });

  it('takes districts from the file and marks only the 7 Shenzhen Bay records as approximate', () => {
    const result = normaliseVenues(parseSourceFile(realJson).records, directory);
    const approximate = result.venues.filter((venue) => venue.districtApproximate);
    expect(approximate.flatMap((venue) => venue.locationIds).sort()).toEqual([...SHENZHEN_BAY_IDS].sort());
    // Nearest district centre to the Shenzhen Bay port area is in the north-west New Territories.
    for (const venue of approximate) expect(['L', 'M']).toContain(venue.district);
    expect(new Set(result.venues.map((venue) => venue.district)).size).toBe(18);
  });

  it('gives CSV venues (no district column) their district from the outlines, approximate only outside them', () => {
    const result = normaliseVenues(parseSourceFile(realCsv).records, directory);
    const approximate = result.venues.filter((venue) => venue.districtApproximate);
    expect(approximate.length).toBeGreaterThanOrEqual(SHENZHEN_BAY_IDS.length);
    expect(approximate.length).toBeLessThan(15);
  });

  it('keeps the garbled text of LocationID 10202 exactly as published', () => {
    for (const file of [realCsv, realJson]) {
      const venue = normaliseVenues(parseSourceFile(file).records, directory).venues.find((v) =>
        v.locationIds.includes('10202'),
      )!;
      expect(venue.address.en).toContain('Chau\u00e2\u0080\u0099s Building');
    }
  });

  it('keeps English only where the file has no Chinese, for the screen to mark as a fallback', () => {
    const venue = normaliseVenues(parseSourceFile(realCsv).records, directory).venues[0]!;
    expect(venue.name).toEqual({ en: 'The Education University of Hong Kong' });
  });

  it('reads the 6 trilingual on-vehicle records of the non-fixed file', async () => {
    const candidate = await readImport(realNonFixed, {
      fileName: 'non-fixed.json',
      directory,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(candidate.kind).toBe('vehicles');
    if (candidate.kind !== 'vehicles') return;
    expect(candidate.part.vehicles).toHaveLength(6);
    expect(candidate.part.source.format).toBe('non-fixed-json');
    const citybus = candidate.part.vehicles.find((vehicle) => vehicle.id === 'Citybus-001')!;
    expect(citybus.name).toEqual({ en: 'Citybus', 'zh-HK': '城巴', 'zh-CN': '城巴' });
    expect(citybus.hotspots).toBe(296);
  });

  it('fills a missing Simplified name from the Traditional one, and the other way round', async () => {
    const file = (fields: Record<string, string>) =>
      utf8(
        JSON.stringify([
          { LocationID: 'X1', Latitude: '22.3', Longitude: '114.17', NumberOfHotspots: '2', ...fields },
        ]),
      );
    const fromTraditional = await readImport(file({ LocationNameTC: '九龍公共圖書館' }), {
      fileName: 'a.json',
      directory,
      now: new Date(),
    });
    const fromSimplified = await readImport(file({ LocationNameSC: '九龙公共图书馆' }), {
      fileName: 'b.json',
      directory,
      now: new Date(),
    });
    if (fromTraditional.kind !== 'fixed' || fromSimplified.kind !== 'fixed')
      throw new Error('expected fixed');
    expect(fromTraditional.part.venues[0]!.name).toEqual({
      'zh-HK': '九龍公共圖書館',
      'zh-CN': '九龙公共图书馆',
    });
    expect(fromSimplified.part.venues[0]!.name['zh-HK']).toBe('九龍公共圖書館');
  });
});

describe('refusing bad files with a clear message', () => {
  const fixedRecord = { LocationID: 'A1', LocationNameEN: 'Somewhere', Latitude: '22.3', Longitude: '114.1' };

  it('refuses an empty file', () => {
    expect(kioskError(() => parseSourceFile(new Uint8Array())).message).toMatch(/empty/);
    expect(kioskError(() => parseSourceFile(utf8('\uFEFF \r\n'))).message).toMatch(/empty/);
    expect(kioskError(() => parseSourceFile(utf8('[]'))).message).toMatch(/no records/);
  });

  it('refuses a truncated JSON file as cut off', () => {
    const cut = realJson.subarray(0, Math.floor(realJson.length / 2));
    const error = kioskError(() => parseSourceFile(cut));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/cut off/);
  });

  it('refuses a truncated CSV file that stops inside a quoted field', () => {
    const text = realCsv.toString('utf8');
    const cut = text.slice(0, text.indexOf('"Ground Floor, Block C') + 10);
    expect(kioskError(() => parseSourceFile(utf8(cut))).message).toMatch(/cut off/);
  });

  it('rejects the last row of a CSV cut between fields, and keeps the rest', () => {
    const text = realCsv.toString('utf8').split('\r\n').slice(0, 4).join('\r\n');
    const cut = text.slice(0, text.lastIndexOf(',Wi-Fi.HK'));
    const parsed = parseSourceFile(utf8(cut));
    expect(parsed.records).toHaveLength(2);
    expect(parsed.rejected).toEqual([
      expect.objectContaining({ record: 3, locationId: '0003', reason: expect.stringMatching(/cut off/) }),
    ]);
  });

  it('refuses a CSV without the Wi-Fi.HK columns, naming what is missing', () => {
    const error = kioskError(() => parseSourceFile(utf8('Name,Address,Phone\r\nA,B,C\r\n')));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/Missing: LocationID, Latitude, Longitude, LocationNameEN/);
  });

  it('refuses a file that is not UTF-8', () => {
    // "圖書館" in Big5, as Excel on a Traditional Chinese Windows might save it.
    const big5 = Buffer.concat([
      utf8('LocationID,LocationNameEN,Latitude,Longitude\r\n1,'),
      Buffer.from([0xb9, 0xcf, 0xae, 0xd1, 0xc0, 0x5d]),
      utf8(',22.3,114.1\r\n'),
    ]);
    const error = kioskError(() => parseSourceFile(big5));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/not UTF-8/);
  });

  it('refuses a file over 100 MB before reading it', () => {
    // calloc'd and never touched, so this costs no real memory.
    const error = kioskError(() => parseSourceFile(new Uint8Array(MAX_SOURCE_BYTES + 1)));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/100 MB/);
  });

  it('refuses JSON that is not Wi-Fi.HK data, and a declared format that does not match', () => {
    expect(kioskError(() => parseSourceFile(utf8('[{"title":"x"}]'))).message).toMatch(
      /does not look like Wi-Fi.HK data/,
    );
    expect(kioskError(() => parseSourceFile(utf8('{"a":1}'))).message).toMatch(/not a list/);
    expect(kioskError(() => parseSourceFile(utf8(JSON.stringify([fixedRecord])), 'csv')).message).toMatch(
      /holds JSON, not CSV/,
    );
  });

  it('rejects bad records one by one with a reason, and refuses a file with none usable', async () => {
    const records = [
      fixedRecord,
      { ...fixedRecord, LocationID: 'A2', Latitude: '' },
      { ...fixedRecord, LocationID: 'A3', Latitude: '40.7', Longitude: '-74' },
      { ...fixedRecord, LocationID: 'A1' },
      { ...fixedRecord, LocationID: 'A5', LocationNameEN: '' },
      { ...fixedRecord, LocationID: 'A6', NumberOfHotspots: 'many' },
    ];
    const candidate = await readImport(utf8(JSON.stringify(records)), {
      fileName: 'x.json',
      directory,
      now: new Date(),
    });
    expect(candidate.rejected.map((row) => [row.record, row.reason])).toEqual([
      [2, expect.stringMatching(/missing or not a number/)],
      [3, expect.stringMatching(/outside Hong Kong/)],
      [4, expect.stringMatching(/Same LocationID as record 1/)],
      [5, expect.stringMatching(/No name/)],
      [6, expect.stringMatching(/not a whole number/)],
    ]);
    const none = await rejection(
      readImport(utf8(JSON.stringify(records.slice(1, 3))), {
        fileName: 'x.json',
        directory,
        now: new Date(),
      }),
    );
    expect(none.message).toMatch(/None of the 2 records/);
  });

  it('names each rejected record by a code the preview says in every language, with its values', async () => {
    const records = [
      fixedRecord,
      { ...fixedRecord, LocationID: 'A2', Latitude: '' },
      { ...fixedRecord, LocationID: 'A3', Latitude: '40.7', Longitude: '-74' },
      { ...fixedRecord, LocationID: 'A1' },
      { ...fixedRecord, LocationID: 'A5', LocationNameEN: '' },
      { ...fixedRecord, LocationID: 'A6', NumberOfHotspots: 'many' },
    ];
    const candidate = await readImport(utf8(JSON.stringify(records)), {
      fileName: 'x.json',
      directory,
      now: new Date(),
    });
    expect(candidate.rejected.map((row) => [row.code, row.params])).toEqual([
      ['noCoordinates', undefined],
      ['outsideHongKong', { latitude: 40.7, longitude: -74 }],
      ['sameIdAs', { record: 1 }],
      ['noName', undefined],
      ['badHotspotCount', { value: 'many' }],
    ]);
    for (const language of ['zh-HK', 'en', 'zh-CN']) {
      const said = JSON.parse(
        readFileSync(
          path.resolve(import.meta.dirname, `../../../../renderer/src/hotspots/locales/${language}.json`),
          'utf8',
        ),
      ) as { rejected: Record<string, string> };
      for (const row of candidate.rejected)
        expect(said.rejected[row.code], `${row.code} in ${language}`).toBeTruthy();
    }
  });
});
