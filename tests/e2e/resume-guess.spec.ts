import { expect, test } from './fixtures';
import { openLessons } from './lessons-helpers';

/**
 * While a script at the page guesses resume codes, the kiosk checks only a few a minute: an elder
 * typing a code then is told kindly to wait a few seconds, and once the guessing stops her code is
 * checked again within seconds, never locked out.
 */
test('an elder typing a code while codes are being guessed gets a kind "wait a few seconds", then an answer', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  await openLessons(page, kiosk, 'en');
  await page.getByTestId('continue-with-code').tap();

  // The script: guesses as fast as the kiosk answers, until told to stop.
  await page.evaluate(`
    window.__guessing = true;
    window.__guesses = { checked: 0, refused: 0 };
    (async () => {
      const token = document.querySelector('meta[name="kiosk-token"]').content;
      const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
      for (let i = 0; window.__guessing; i++) {
        let code = '';
        for (let c = 0, n = i; c < 6; c++, n = Math.floor(n / 32)) code += alphabet[n % 32];
        const response = await fetch('/api/lessons.resume.open', { method: 'POST', headers: { 'content-type': 'application/json', 'x-kiosk-token': token }, body: JSON.stringify({ code }) });
        const answer = await response.json();
        if (answer.error && answer.error.code === 'locked') window.__guesses.refused += 1; else window.__guesses.checked += 1;
      }
    })();
    undefined;
  `);
  await expect.poll(() => page.evaluate('window.__guesses.refused')).toBeGreaterThan(100);

  const keyboard = page.getByRole('group', { name: 'Keyboard for your code' });
  for (const character of 'ZZZZZZ')
    await keyboard.getByRole('button', { name: character, exact: true }).tap();
  await page.getByTestId('open-code').tap();
  await expect(page.getByTestId('code-wait')).toBeVisible();
  await expect(page.getByTestId('code-wait')).toContainText('wait a few seconds');

  await page.evaluate('window.__guessing = false');
  const { checked, refused } = (await page.evaluate('window.__guesses')) as {
    checked: number;
    refused: number;
  };
  // Thousands of tries, a handful checked.
  expect(checked).toBeLessThan(30);
  expect(refused).toBeGreaterThan(checked * 5);

  // The guessing has stopped: a few seconds later the same code gets its answer.
  await expect(async () => {
    await page.getByTestId('open-code').tap();
    await expect(page.getByTestId('code-unknown')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});
