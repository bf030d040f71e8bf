import { afterEach, describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../../../electron/core/programmes/decide';
import { CSV_LABELS } from '../../../../electron/core/staff-console/csv-labels';
import { LANGUAGES } from '../../../../electron/shared/languages';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import { outcomeName } from '../../../../renderer/src/programmes/outcome-name';

afterEach(() => locale.set('zh-HK'));

describe("an outcome's name for staff", () => {
  // The report on screen, the programme tallies and the CSV a centre sends on must name an
  // outcome with the same words, or a count on one cannot be found on the other.
  it.each(LANGUAGES)('is the same on screen as in the CSV, in %s', (language) => {
    locale.set(language);
    for (const outcome of OUTCOMES)
      expect(outcomeName(outcome), outcome).toBe(CSV_LABELS[language].outcomes[outcome]);
  });

  it('shows an id it does not know as it is', () => {
    expect(outcomeName('some-new-outcome')).toBe('some-new-outcome');
  });
});
