import type { CategoryId } from '../../../electron/core/hotspots/categories';
import type { HotspotFacets } from '../../../electron/core/hotspots/contract';
import type { DistrictCode } from '../../../electron/core/hotspots/districts';
import type { HotspotSummary } from '../../../electron/core/hotspots/views';
import { locale } from '../i18n/i18n.svelte';
import { invoke } from '../lib/api';
import { visit } from '../lib/visit.svelte';

/** Ten at a time: a short list an elder can read, then one big "More" button (no endless scrolling). */
export const PAGE_SIZE = 10;

/**
 * What this visitor is looking at in the Wi-Fi directory: the filters, the search words and the
 * results shown so far. It lives outside the screens so Back from a venue returns to the same list,
 * and `clear()` (run on every wipe) forgets all of it.
 */
class HotspotDirectory {
  district = $state<DistrictCode | null>(null);
  venueType = $state<CategoryId | null>(null);
  text = $state('');
  results = $state<HotspotSummary[]>([]);
  total = $state(0);
  pages = $state(0);
  page = $state(0);
  loading = $state(false);
  failed = $state(false);
  /** Counts for the district tiles (under the type filter) and the type chips (under the district). */
  districtFacets = $state<HotspotFacets | null>(null);
  typeFacets = $state<HotspotFacets | null>(null);
  /** The dot picked on the district map, kept so Back from the venue shows the same dot. */
  mapSelection = $state<string | null>(null);
  /** Bumped on every new query so a slow answer to an old one is ignored. */
  private generation = 0;

  get loaded(): boolean {
    return this.page > 0;
  }

  get hasMore(): boolean {
    return this.page < this.pages;
  }

  get filtered(): boolean {
    return this.district !== null || this.venueType !== null || this.text !== '';
  }

  /** Show the list for the screen: fetch page 1 unless this visit already has it. */
  async ensureLoaded(): Promise<void> {
    if (!this.loaded && !this.loading) await this.reload();
    if (!this.districtFacets || !this.typeFacets) await this.loadFacets();
  }

  async reload(): Promise<void> {
    const generation = ++this.generation;
    this.loading = true;
    this.failed = false;
    try {
      // Page 1 of a district is its look-up for the anonymous figures, counted under this visit's token.
      const answer = await invoke('hotspots.search', {
        ...this.query(),
        page: 1,
        pageSize: PAGE_SIZE,
        language: locale.current,
        visit: await visit.visitToken(),
      });
      if (generation !== this.generation) return;
      this.results = answer.results;
      this.total = answer.total;
      this.pages = answer.pages;
      this.page = 1;
    } catch {
      if (generation === this.generation) this.failed = true;
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  async more(): Promise<void> {
    if (!this.hasMore || this.loading) return;
    const generation = this.generation;
    this.loading = true;
    this.failed = false;
    try {
      const next = this.page + 1;
      const answer = await invoke('hotspots.search', {
        ...this.query(),
        page: next,
        pageSize: PAGE_SIZE,
        language: locale.current,
      });
      if (generation !== this.generation) return;
      const seen = new Set(this.results.map((result) => result.id));
      this.results = [...this.results, ...answer.results.filter((result) => !seen.has(result.id))];
      this.total = answer.total;
      this.pages = answer.pages;
      this.page = next;
    } catch {
      if (generation === this.generation) this.failed = true;
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  async loadFacets(): Promise<void> {
    try {
      const [byDistrict, byType] = await Promise.all([
        invoke('hotspots.facets', this.venueType ? { venueType: this.venueType } : {}),
        invoke('hotspots.facets', this.district ? { district: this.district } : {}),
      ]);
      this.districtFacets = byDistrict;
      this.typeFacets = byType;
    } catch {
      // The chips and tiles still work without counts; the list shows its own error.
    }
  }

  setDistrict(district: DistrictCode | null): void {
    this.district = district;
    this.mapSelection = null;
    this.refresh();
  }

  setVenueType(venueType: CategoryId | null): void {
    this.venueType = venueType;
    this.mapSelection = null;
    this.refresh();
  }

  setText(text: string): void {
    this.text = text.trim();
    this.refresh();
  }

  /** Forget the list so the next screen shows page 1 of the new query. */
  private refresh(): void {
    this.generation++;
    this.results = [];
    this.page = 0;
    this.pages = 0;
    this.total = 0;
    this.loading = false;
    void this.reload();
    void this.loadFacets();
  }

  private query() {
    return {
      ...(this.district ? { district: this.district } : {}),
      ...(this.venueType ? { venueType: this.venueType } : {}),
      ...(this.text ? { text: this.text } : {}),
      near: 'centre' as const,
    };
  }

  clear(): void {
    this.generation++;
    this.district = null;
    this.venueType = null;
    this.text = '';
    this.results = [];
    this.total = 0;
    this.pages = 0;
    this.page = 0;
    this.loading = false;
    this.failed = false;
    this.mapSelection = null;
    this.districtFacets = null;
    this.typeFacets = null;
  }
}

export const directory = new HotspotDirectory();
visit.onWipe(() => directory.clear());
