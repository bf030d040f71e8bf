import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { api, expect, startVisit, test } from './fixtures';
import { offered, pickCandidate, writeCharacter } from './handwriting-helpers';
import { openDirectory, prepareKiosk, resultCards } from './hotspots-helpers';
import { agreeToStatement, signInToConsole, typeOnScreen } from './staff-console-helpers';

/** The e2e dataset (data/hotspots-sample.json) has three places in Sha Tin district. */
const SHA_TIN_VENUES = ['NPL-004', 'WTT-182', 'NPL-014'];

async function expectShaTinVenues(page: Page): Promise<void> {
  await expect(resultCards(page).first()).toBeVisible();
  const ids = await resultCards(page).evaluateAll((cards) => cards.map((card) => card.dataset.venueId));
  expect(ids.length).toBeGreaterThanOrEqual(2);
  for (const id of ids) expect(SHA_TIN_VENUES, `${id} is not in Sha Tin`).toContain(id);
  expect(ids).toContain('NPL-004');
}

/** Tap the candidate `char` once and see the field hold `expected`. */
async function pick(page: Page, char: string, field: Locator, expected: string): Promise<void> {
  // One tap, as soon as the candidates answer: a quick last stroke must not cost the next tap.
  await pickCandidate(page, char);
  await expect(field).toHaveValue(expected);
}

/**
 * Every text field takes what people write: Chinese by finger on the kiosk's own keyboard, and, for
 * staff at a desk, a physical keyboard and the system's input method (page.keyboard.insertText
 * stands for an IME committing its text, which arrives as input without key presses).
 */

test('by finger only, 沙 and 田 written in the Wi-Fi search and picked from the candidates find the Sha Tin venues', async ({
  page,
  kiosk,
}) => {
  await prepareKiosk(page, kiosk);
  await startVisit(page, kiosk);
  await openDirectory(page);
  await page.getByTestId('hotspots-search').tap();
  const box = page.getByRole('textbox', { name: '你的搜尋：' });
  const pad = page.getByTestId('handwriting-pad');

  await writeCharacter(page, pad, '沙');
  await pick(page, '沙', box, '沙');
  // What usually follows 沙 is offered at once; 田 is written anyway, the way a visitor would.
  await expect(page.getByTestId('candidate-bar')).toHaveAttribute('data-kind', 'suggestions');
  await expect.poll(() => offered(page)).toContain('田');
  await writeCharacter(page, pad, '田');
  await pick(page, '田', box, '沙田');
  await expect(box).toHaveValue('沙田');

  await page.getByTestId('hotspots-search-show').tap();
  await expect(page.getByTestId('hotspots-search-screen')).toHaveCount(0);
  await expectShaTinVenues(page);
});

test('the nickname 陳太 is written by finger in a group session, saved and shown; a phone number added on the letter keys is still refused', async ({
  page,
  kiosk,
}) => {
  const session = await signInToConsole(page, kiosk, '繁體中文');
  const created = await api(
    page,
    'staff.groups.create',
    { title: '手機班', place: '', facilitator: '', date: '2026-12-09', lessonIds: ['free-wifi'] },
    session,
  );
  const id = (created.value as { id: string }).id;
  await page.getByRole('button', { name: '小組活動', exact: true }).tap();
  await page
    .getByRole('button', { name: /手機班/ })
    .first()
    .tap();
  await page.getByTestId('participant-start').tap();
  await agreeToStatement(page);
  const field = page.getByTestId('participant-label');
  await field.tap();

  const pad = page.getByRole('dialog').getByTestId('handwriting-pad');
  await writeCharacter(page, pad, '陳');
  await pick(page, '陳', field, '陳');
  await writeCharacter(page, pad, '太');
  await pick(page, '太', field, '陳太');

  await page.getByTestId('keyboard-mode-abc').tap();
  await typeOnScreen(page, '91234567');
  await page.getByTestId('participant-add').tap();
  await expect(page.getByTestId('participant-error')).toBeVisible();
  for (let i = 0; i < 8; i++) await page.getByRole('button', { name: '刪除' }).first().tap();
  await expect(field).toHaveValue('陳太');

  await page.getByTestId('participant-add').tap();
  await expect(page.getByTestId('participants')).toContainText('陳太');
  const stored = await api(page, 'staff.groups.get', { id }, session);
  expect((stored.value as { participants: { label: string; kind: string }[] }).participants).toEqual([
    expect.objectContaining({ label: '陳太', kind: 'nickname' }),
  ]);
});

test('staff type the centre name on a physical keyboard, Chinese through an input method and the pad, and the attract screen shows it', async ({
  page,
  kiosk,
}) => {
  await signInToConsole(page, kiosk, '繁體中文');
  await page.getByRole('button', { name: '中心設定', exact: true }).tap();

  const zh = page.getByTestId('field-name-zh-HK');
  await zh.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('樂富');
  await page.keyboard.type(' ');
  await page.keyboard.insertText('長者');
  // The kiosk's own keyboard under the field edits the same value: 中 written by finger…
  await writeCharacter(page, page.getByTestId('handwriting-pad'), '中');
  await pick(page, '中', zh, '樂富 長者中');
  // …and the desk keyboard carries on after it.
  await zh.click();
  await page.keyboard.press('End');
  await page.keyboard.insertText('心');
  await expect(zh).toHaveValue('樂富 長者中心');

  const en = page.getByTestId('field-name-en');
  await en.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Lok Fu Elderly Centre');
  await expect(en).toHaveValue('Lok Fu Elderly Centre');
  // The kiosk's own keys write at the caret as the desk keyboard does, not at the end.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'o', exact: true }).first().tap();
  await expect(en).toHaveValue('Look Fu Elderly Centre');
  await page.getByRole('button', { name: '刪除', exact: true }).first().tap();
  await expect(en).toHaveValue('Lok Fu Elderly Centre');

  await page.getByTestId('save-settings').click();
  await expect(page.getByText('已儲存。')).toBeVisible();
  const saved = JSON.parse(readFileSync(`${kiosk.dataDir}/settings.json`, 'utf8')) as {
    public: { centreName: Record<string, string> };
  };
  expect(saved.public.centreName['zh-HK']).toBe('樂富 長者中心');
  expect(saved.public.centreName.en).toBe('Lok Fu Elderly Centre');

  await page.getByTestId('staff-sign-out').tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  await expect(page.getByTestId('centre-name')).toHaveText('樂富 長者中心');
});

test('the Wi-Fi search takes a physical keyboard and an input method: nothing is searched mid-composition, Enter shows places', async ({
  page,
  kiosk,
}) => {
  await prepareKiosk(page, kiosk);
  await startVisit(page, kiosk);
  await openDirectory(page);
  await page.getByTestId('hotspots-search').tap();
  const box = page.getByRole('textbox', { name: '你的搜尋：' });
  await box.click();
  await page.keyboard.type('lai');
  await expect(box).toHaveValue('lai');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');

  // An input method's unfinished text: Enter picks the IME's word, it does not leave the screen.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'sa', selectionStart: 2, selectionEnd: 2 });
  await expect(box).toHaveValue('sa');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hotspots-search-screen')).toBeVisible();
  await page.keyboard.insertText('沙田');
  await expect(box).toHaveValue('沙田');

  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hotspots-search-screen')).toHaveCount(0);
  await expectShaTinVenues(page);
});

test('the accessibility forms demo takes a name written by finger', async ({ page, kiosk }) => {
  await prepareKiosk(page, kiosk);
  await startVisit(page, kiosk);
  await page.getByTestId('tile-accessibility').tap();
  await page.getByTestId('demo-card-forms').tap();
  await page.getByTestId('show-after').tap();
  await page.getByTestId('type-into-name').tap();
  const name = page.getByTestId('field-name');
  await writeCharacter(page, page.getByTestId('handwriting-pad'), '黃');
  await pick(page, '黃', name, '黃');
  await page.getByTestId('type-into-phone').tap();
  for (const digit of '21234567')
    await page
      .getByRole('group', { name: '表格用的鍵盤' })
      .getByRole('button', { name: digit, exact: true })
      .tap();
  await page.getByTestId('form-send').tap();
  await expect(page.getByTestId('form-sent')).toBeVisible();
  await expect(name).toHaveValue('黃');
});
