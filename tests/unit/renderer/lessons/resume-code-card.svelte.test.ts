/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import ResumeCodeCard from '../../../../renderer/src/lessons/ResumeCodeCard.svelte';

const props = { code: 'K7MPQ2', lessonTitle: 'Your phone', expiresAt: '2027-06-07T00:00:00.000Z' };

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
  });
  locale.set('en');
});
afterEach(() => {
  vi.useRealTimers();
  locale.set('zh-HK');
});

/** Let promises settle (the QR library answers with one) without moving the clock. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('the resume-code card', () => {
  it('shows the code and where it continues at once, and draws the QR code only after the next frame', async () => {
    const { container } = render(ResumeCodeCard, { ...props, step: { number: 4, total: 9 } });
    await settle();
    expect(screen.getByTestId('resume-code').dataset.code).toBe('K7MPQ2');
    expect(screen.getByTestId('resume-code-continues').textContent).toBe(
      'It continues: Your phone, step 4 of 9',
    );
    // Drawing a QR code takes 10–20 ms (over 100 ms the first time): not in the tap's frame.
    expect(container.querySelector('svg') === null, 'no QR code before the next frame').toBe(true);
    await vi.advanceTimersByTimeAsync(20);
    await settle();
    expect(container.querySelector('.qr svg') !== null, 'the QR code after it').toBe(true);
  });
});
