/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { AmountView } from '../../../../electron/core/programmes/views';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import AmountLine from '../../../../renderer/src/programmes/components/AmountLine.svelte';

const fullRate: AmountView = {
  parameter: 'full-rate',
  amount: 1500,
  unit: 'hkd-a-year',
  asOf: '2020-03-11',
  source: {
    title: { 'zh-HK': '政府新聞公報（2020年3月11日）', en: 'Government press release, 11 March 2020' },
  },
};

afterEach(() => locale.set('zh-HK'));

describe('the amount on a result', () => {
  it('says the newest dated value with its date and who to check with, in each language', () => {
    locale.set('en');
    const { unmount } = render(AmountLine, { amount: fullRate });
    expect(screen.getByTestId('amount').textContent?.trim()).toBe(
      'HK$1,500 a year: the full rate as of 11 March 2020. Check the current amount with the SFO.',
    );
    unmount();
    locale.set('zh-HK');
    render(AmountLine, { amount: { ...fullRate, parameter: 'half-rate', amount: 650, asOf: '2010' } });
    expect(screen.getByTestId('amount').textContent?.trim()).toBe(
      '每年港幣650元：這是2010年時的半額津貼金額。現時金額請向學生資助處查詢。',
    );
  });
});
