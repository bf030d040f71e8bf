/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { directory, PAGE_SIZE } from '../../../../renderer/src/hotspots/directory.svelte';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import { visit } from '../../../../renderer/src/lib/visit.svelte';
import { connectRealCore } from '../../../helpers/renderer-core';

/** The Wi-Fi directory's state against a real core holding the shipped sample (57 venues). */
let connection: Awaited<ReturnType<typeof connectRealCore>>;
beforeEach(async () => {
  connection = await connectRealCore();
  visit.wipe();
  locale.set('en');
});
afterEach(() => connection.disconnect());

const SAMPLE_TOTAL = 57;
const searches = () => connection.calls.filter((method) => method === 'hotspots.search').length;
/** Waits for the searches a filter change starts without awaiting (the screen does not wait either). */
const settled = () => vi.waitFor(() => expect(directory.loading).toBe(false));

describe('the Wi-Fi directory', () => {
  it('loads page one and the counts once, and Back to the list does not load it again', async () => {
    await directory.ensureLoaded();
    expect(directory.results).toHaveLength(PAGE_SIZE);
    expect(directory).toMatchObject({
      total: SAMPLE_TOTAL,
      pages: Math.ceil(SAMPLE_TOTAL / PAGE_SIZE),
      page: 1,
      hasMore: true,
      filtered: false,
    });
    expect(directory.districtFacets?.total).toBe(SAMPLE_TOTAL);
    await directory.ensureLoaded();
    expect(searches()).toBe(1);
  });

  it('"More" adds the next ten until there are no more, each venue once', async () => {
    await directory.ensureLoaded();
    while (directory.hasMore) await directory.more();
    expect(directory.results).toHaveLength(SAMPLE_TOTAL);
    expect(new Set(directory.results.map((venue) => venue.id)).size).toBe(SAMPLE_TOTAL);
    await directory.more();
    expect(searches()).toBe(Math.ceil(SAMPLE_TOTAL / PAGE_SIZE));
  });

  it('a district starts a new list from page one, and forgets the dot picked on the map', async () => {
    await directory.ensureLoaded();
    await directory.more();
    directory.mapSelection = directory.results[0]!.id;
    directory.setDistrict('A');
    expect(directory.page).toBe(0);
    expect(directory.mapSelection).toBeNull();
    await settled();
    expect(directory.filtered).toBe(true);
    expect(directory.page).toBe(1);
    expect(directory.results.length).toBe(directory.total);
    expect(directory.results.every((venue) => venue.district.code === 'A')).toBe(true);
    expect(directory.total).toBeLessThan(SAMPLE_TOTAL);
  });

  it('a slow answer to an earlier filter never replaces the list for the later one', async () => {
    const bridge = window.kiosk!;
    let releaseFirst: () => void = () => undefined;
    let heldAnswer: Promise<unknown> | undefined;
    window.kiosk = {
      invoke: (method, input, session) => {
        const asked = input as { district?: string };
        if (method !== 'hotspots.search' || asked.district !== 'A')
          return bridge.invoke(method, input, session);
        // Hold back the answer for district A until district B's list is on screen.
        const held = new Promise<void>((resolve) => (releaseFirst = resolve)).then(() =>
          bridge.invoke(method, input, session),
        );
        heldAnswer = held;
        return held;
      },
    };
    directory.setDistrict('A');
    directory.setDistrict('B');
    await vi.waitFor(() => expect(directory.page).toBe(1));
    releaseFirst();
    await heldAnswer;
    // A macrotask: every continuation of the held answer has run by then.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(directory.district).toBe('B');
    expect(directory.results.length).toBeGreaterThan(0);
    expect(directory.results.every((venue) => venue.district.code === 'B')).toBe(true);
  });

  it('says when the core refuses the search, and a new search clears it', async () => {
    directory.setText('x'.repeat(5_000));
    await settled();
    expect(directory.failed).toBe(true);
    directory.setText('library');
    await settled();
    expect(directory.failed).toBe(false);
    expect(directory.text).toBe('library');
  });

  it("counts a district's look-up under the visit's token, in the language on screen", async () => {
    visit.begin('en');
    directory.setDistrict('A');
    await settled();
    const activity = JSON.parse(
      await readFile(path.join(connection.core.dataDir, 'activity.json'), 'utf8'),
    ) as { tallies: { event: string }[] };
    expect(activity.tallies.filter((tally) => tally.event === 'hotspot.lookup')).toEqual([
      { date: '2026-12-01', event: 'hotspot.lookup', subject: 'A', detail: '', language: 'en', count: 1 },
    ]);
  });

  it('the wipe forgets the filters, the words, the list and the map', async () => {
    directory.setDistrict('A');
    directory.setText('library');
    await settled();
    directory.mapSelection = 'somewhere';
    visit.wipe();
    expect(directory).toMatchObject({
      district: null,
      venueType: null,
      text: '',
      results: [],
      total: 0,
      page: 0,
      mapSelection: null,
      districtFacets: null,
      failed: false,
    });
    expect(directory.filtered).toBe(false);
  });
});
