/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Source } from '../../../../electron/core/content/source';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import { sourceLine, sourcesLine } from '../../../../renderer/src/lib/sources';
import Sources from '../../../../renderer/src/programmes/components/Sources.svelte';

const tips: Source = {
  title: {
    'zh-HK': '香港政府一站通：「一家一網e學習」申請須知',
    en: 'GovHK: “i Learn at home” application tips',
    'zh-CN': '香港政府一站通：“一家一网e学习”申请须知',
  },
  url: 'https://www.gov.hk/en/theme/ilearnathome/tips/',
};
const notLinked: Source = {
  title: { 'zh-HK': '政府新聞公報（2020年3月11日）', en: 'Government press release, 11 March 2020' },
};

afterEach(() => locale.set('zh-HK'));

describe('a programme page’s sources', () => {
  it('names each source in the screen’s language, with its page or "not yet linked"', () => {
    const { unmount } = render(Sources, {
      asOfKey: 'infoAsOf',
      asOf: '2026-11-27',
      sources: [tips, notLinked],
    });
    const [first, second] = screen.getAllByTestId('source');
    expect(first?.textContent).toContain('香港政府一站通：「一家一網e學習」申請須知');
    expect(first?.textContent).toContain('https://www.gov.hk/en/theme/ilearnathome/tips/');
    // Only the address is marked English, so a screen reader says the Chinese title in Cantonese.
    expect(first?.getAttribute('lang')).toBeNull();
    expect(first?.querySelector('.url')?.getAttribute('lang')).toBe('en');
    expect(second?.textContent).toContain('來源：已查證資料的記錄，暫未附上網址');
    expect(screen.getByTestId('as-of').textContent?.trim()).toBe('資料截至2026年11月27日');
    unmount();

    locale.set('en');
    render(Sources, { asOfKey: 'infoAsOf', asOf: '2026-11-27', sources: [tips, notLinked] });
    expect(screen.getAllByTestId('source')[1]?.textContent).toContain(
      'Government press release, 11 March 2020',
    );
    expect(screen.getAllByTestId('source')[1]?.textContent).toContain('source: FACTS entry, not yet linked');
    expect(screen.getByTestId('as-of').textContent?.trim()).toBe('Information as of 27 November 2026');
  });

  it('writes a one-line source for lessons and the checklist the same way', () => {
    locale.set('zh-CN');
    expect(sourceLine(tips)).toBe(
      '香港政府一站通：“一家一网e学习”申请须知 — https://www.gov.hk/en/theme/ilearnathome/tips/',
    );
    expect(sourceLine(notLinked)).toBe(
      '政府新聞公報（2020年3月11日） — 来源：已查证资料的记录，暂未附上网址',
    );
    expect(sourcesLine([tips, notLinked])).toBe(`${sourceLine(tips)}；${sourceLine(notLinked)}`);
    locale.set('en');
    expect(sourcesLine([tips, notLinked])).toBe(`${sourceLine(tips)}; ${sourceLine(notLinked)}`);
    expect(sourceLine(notLinked)).toBe(
      'Government press release, 11 March 2020 — source: FACTS entry, not yet linked',
    );
  });
});
