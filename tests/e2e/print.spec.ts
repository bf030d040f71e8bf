import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { api, expect, REPO_ROOT, startVisit, test } from './fixtures';
import { openDirectory, prepareKiosk, resultCards } from './hotspots-helpers';
import { completeLesson, openLessons, playStep, readLesson } from './lessons-helpers';
import { answerQuestions, JOURNEYS, LANGUAGES, openProgrammes, patientKiosk } from './programmes-helpers';
import { signInToConsole } from './staff-console-helpers';

/**
 * The slips a visitor takes away (the lesson slip, the resume-code card, the programme result)
 * print on whatever paper the printer has: one A4 page, or one page of an 80 mm receipt roll,
 * with nothing of the kiosk around them. Chromium's own PDF output is the printer here.
 */

const MM_TO_PT = 72 / 25.4;
const RECEIPT_WIDTH_PT = 80 * MM_TO_PT; // 226.8
/** 80 mm at 96 CSS px to the inch: the width the receipt layout is laid out in. */
const RECEIPT_WIDTH_PX = Math.round((80 / 25.4) * 96);

interface PdfPage {
  width: number;
  height: number;
}

/** The pages of a PDF Chromium wrote: one `/Type /Page` object each (the tree node is `/Pages`). */
function pdfPages(pdf: Buffer): PdfPage[] {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/g)];
  expect(boxes.length, 'one MediaBox per page').toBe(pages.length);
  return boxes.map((m) => ({ width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) }));
}

/**
 * How many pieces of text each page of a PDF Chromium wrote draws (TJ/Tj operators in its content
 * stream): 0 is a blank page. Chromium writes each page's content as one Flate stream.
 */
function textOnPages(pdf: Buffer): number[] {
  const text = pdf.toString('latin1');
  const objects = new Map<string, { head: string; start: number }>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*/g)) {
    const from = m.index + m[0].length;
    const streamAt = text.indexOf('stream', from);
    const endAt = text.indexOf('endobj', from);
    const isStream = streamAt >= 0 && streamAt < endAt;
    objects.set(m[1]!, {
      head: text.slice(from, isStream ? streamAt : endAt),
      start: isStream ? streamAt + (text[streamAt + 6] === '\r' ? 8 : 7) : -1,
    });
  }
  return [...objects.values()]
    .filter((o) => /\/Type\s*\/Page(?![a-zA-Z])/.test(o.head))
    .map((pageObject) => {
      const content = objects.get(/\/Contents\s+(\d+) 0 R/.exec(pageObject.head)?.[1] ?? '');
      expect(content && content.start >= 0, 'each page has one content stream').toBe(true);
      const raw = pdf.subarray(
        content!.start,
        content!.start + Number(/\/Length\s+(\d+)/.exec(content!.head)?.[1]),
      );
      const body = (/FlateDecode/.test(content!.head) ? inflateSync(raw) : raw).toString('latin1');
      return (body.match(/\bT[Jj]\b/g) ?? []).length;
    });
}

/** The slip printed on A4, then on an 80 mm receipt roll: one page each, the receipt 80 mm wide. */
async function expectOnePageEach(page: Page, label: string): Promise<void> {
  const a4 = pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
  expect(a4.length, `${label}: A4 pages`).toBe(1);
  // Chromium rounds paper sizes to hundredths of an inch (A4: 8.27 in = 595.4 pt).
  expect(Math.abs(a4[0]!.width - 210 * MM_TO_PT)).toBeLessThan(2);
  const receipt = pdfPages(await page.pdf({ width: '80mm', height: '297mm', printBackground: true }));
  expect(receipt.length, `${label}: 80 mm receipt pages`).toBe(1);
  expect(
    Math.abs(receipt[0]!.width - RECEIPT_WIDTH_PT),
    `receipt width ${receipt[0]!.width} pt`,
  ).toBeLessThan(2);
}

/**
 * In print media, only the slip shows and it fits its page: on an A4-sized page it is one page
 * tall; 80 mm wide it is one column, nothing wider than the paper, the code large and the QR code
 * as wide as most of the paper.
 */
async function expectPrintLayout(
  page: Page,
  slipTestId: string,
  { hasCode, hasQr = true }: { hasCode: boolean; hasQr?: boolean },
): Promise<void> {
  const viewport = page.viewportSize()!;
  await page.emulateMedia({ media: 'print' });
  try {
    const slip = page.getByTestId(slipTestId);
    await expect(slip).toBeVisible();
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(page.getByTestId('centre-name')).toBeHidden();
    await expect(page.locator('#screen')).toBeHidden();

    // A4 at 96 px to the inch.
    await page.setViewportSize({ width: 794, height: 1123 });
    const a4Height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(a4Height, 'the slip on A4 is at most one page tall').toBeLessThanOrEqual(1123);

    await page.setViewportSize({ width: RECEIPT_WIDTH_PX, height: 1123 });
    const receipt = await page.evaluate((testId) => {
      const root = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
      const width = root.getBoundingClientRect().width;
      const qr = root.querySelector<HTMLElement>('.slip-qr');
      const code = root.querySelector<HTMLElement>('.slip-code');
      const body = parseFloat(getComputedStyle(root).fontSize);
      return {
        pageWidth: document.documentElement.clientWidth,
        scrollWidth: document.documentElement.scrollWidth,
        width,
        widest: Math.max(
          ...[...root.querySelectorAll<HTMLElement>('*')].map((e) => e.getBoundingClientRect().right),
        ),
        qr: qr ? qr.getBoundingClientRect().width / width : 0,
        code: code ? parseFloat(getComputedStyle(code).fontSize) / body : 0,
        columns: getComputedStyle(root.querySelector('.slip-body') ?? root).columnCount,
      };
    }, slipTestId);
    expect(receipt.scrollWidth, 'nothing wider than the receipt').toBeLessThanOrEqual(receipt.pageWidth);
    expect(receipt.widest).toBeLessThanOrEqual(receipt.pageWidth + 0.5);
    if (hasQr) expect(receipt.qr, 'the QR code takes most of the receipt width').toBeGreaterThanOrEqual(0.6);
    expect(receipt.columns === 'auto' || receipt.columns === '1', 'one column').toBe(true);
    if (hasCode) expect(receipt.code, 'the code at least twice the text size').toBeGreaterThanOrEqual(2);
  } finally {
    await page.setViewportSize(viewport);
  }
  // page.pdf prints in print media whatever is emulated; the on-screen checks after this want screen.
  await page.emulateMedia({ media: 'print' });
}

/** A string from a lessons locale file, {{placeholders}} filled. */
function lessonsText(language: string, key: string, values: Record<string, string | number>): string {
  const file = path.join(REPO_ROOT, 'renderer/src/lessons/locales', `${language}.json`);
  let node: unknown = JSON.parse(readFileSync(file, 'utf8'));
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return (node as string).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

function countPrints(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => void (w.printed += 1);
  });
}
const printed = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);

test('the lesson slip prints on one A4 page or one 80 mm receipt, with the code and the lesson it continues', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  const lesson = readLesson('touchscreen-basics');
  const next = readLesson(lesson.related[0]!);
  await openLessons(page, kiosk, 'zh-HK');
  await page.getByTestId('lesson-card-touchscreen-basics').tap();
  await completeLesson(page, lesson);
  await page.getByTestId('make-code').tap();
  const code = (await page.getByTestId('resume-code').getAttribute('data-code'))!;
  await countPrints(page);
  await page.getByTestId('print-slip').tap();
  expect(await printed(page)).toBe(1);

  await expectPrintLayout(page, 'print-slip-content', { hasCode: true });
  const slip = page.getByTestId('print-slip-content');
  await expect(slip).toContainText(lesson.title['zh-HK']!);
  await expect(slip.locator('.slip-code')).toHaveText([...code].join(' '));
  await expect(slip).toContainText(
    lessonsText('zh-HK', 'code.continues', {
      lesson: next.title['zh-HK']!,
      number: 1,
      total: next.steps.length,
    }),
  );
  await expect(page.getByTestId('lesson-end')).toBeHidden();
  await expectOnePageEach(page, 'lesson slip');
  await page.emulateMedia({ media: 'screen' });
});

test('"save my place" prints the code card: one page, saying which lesson and step it continues', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  const lesson = readLesson('touchscreen-basics');
  await openLessons(page, kiosk, 'zh-HK');
  await page.getByTestId('lesson-card-touchscreen-basics').tap();
  for (let index = 0; index < 3; index++) await playStep(page, lesson, index);
  await page.getByTestId('save-place').tap();
  const dialog = page.getByRole('dialog');
  const code = (await dialog.getByTestId('resume-code').getAttribute('data-code'))!;
  const continues = lessonsText('zh-HK', 'code.continues', {
    lesson: lesson.title['zh-HK']!,
    number: 4,
    total: lesson.steps.length,
  });
  // The dialog says it on screen too, and has a Print button for the card.
  await expect(dialog).toContainText(continues);
  await countPrints(page);
  await dialog.getByTestId('print-code').tap();
  expect(await printed(page)).toBe(1);

  await expectPrintLayout(page, 'code-slip', { hasCode: true });
  const slip = page.getByTestId('code-slip');
  await expect(slip.locator('.slip-code')).toHaveText([...code].join(' '));
  await expect(slip).toContainText(continues);
  await expect(slip.locator('.slip-qr svg')).toHaveCount(1);
  // Only the card: not the dialog's heading or buttons, nor the lesson behind it.
  await expect(dialog.getByTestId('close-code')).toBeHidden();
  await expect(dialog.getByTestId('print-code')).toBeHidden();
  await expect(page.getByTestId('lesson-player')).toBeHidden();
  await expectOnePageEach(page, 'code card');
  await page.emulateMedia({ media: 'screen' });
  await expect(dialog.getByTestId('close-code')).toBeVisible();
});

test('the programme result slip prints on one A4 page or one 80 mm receipt', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  await patientKiosk(page, kiosk);
  await openProgrammes(page, kiosk, LANGUAGES[0]);
  await page.getByTestId('start-check').first().tap();
  await answerQuestions(page, JOURNEYS[1]!.answers);
  await countPrints(page);
  await page.getByTestId('print-slip').tap();
  expect(await printed(page)).toBe(1);

  await expectPrintLayout(page, 'print-slip-content', { hasCode: false });
  const slip = page.getByTestId('print-slip-content');
  await expect(slip).toContainText('2802 2345');
  await expect(slip.locator('.slip-qr svg')).toHaveCount(1);
  // The content version, and the amount with the date of that figure (the half rate, 2010-11 Budget).
  await expect(slip.getByTestId('slip-version')).toContainText('rules-2026.12');
  await expect(slip.getByTestId('slip-amount').first()).toContainText('650');
  await expect(slip.getByTestId('slip-amount').first()).toContainText('2010年');
  await expectOnePageEach(page, 'programme result slip');
  await page.emulateMedia({ media: 'screen' });
});

test('"what to bring" prints on one A4 page or one 80 mm receipt, every route with its office, and no answer', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(150_000);
  await patientKiosk(page, kiosk);
  await openProgrammes(page, kiosk, LANGUAGES[0]);
  await page.getByTestId('start-check').first().tap();
  const slips: string[] = [];
  for (const journey of [JOURNEYS[0]!, JOURNEYS[2]!]) {
    await answerQuestions(page, journey.answers);
    await page.getByTestId('open-bring').tap();
    await countPrints(page);
    await page.getByTestId('print-bring').tap();
    expect(await printed(page)).toBe(1);

    await expectPrintLayout(page, 'bring-slip', { hasCode: false, hasQr: false });
    const slip = page.getByTestId('bring-slip');
    // Only this slip: not the result slip of the screen before it.
    await expect(page.getByTestId('print-slip-content')).toHaveCount(0);
    for (const words of [
      '如你的家庭領取綜援',
      '綜援受助人證明書',
      '住址證明',
      '學生證',
      '資格證明書',
      '毅進',
    ]) {
      await expect(slip).toContainText(words);
    }
    await expect(slip).toContainText('社會福利署');
    await expect(slip).toContainText('學生資助處');
    await expect(slip).toContainText('2802 2345');
    await expect(slip).toContainText('辦公時間');
    await expectOnePageEach(page, '"what to bring" slip');
    slips.push(await slip.innerText());
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('back-to-summary').tap();
    await page.getByTestId('check-again').tap();
  }
  // A CSSA family's slip and a family's with no school child are the same: it says nothing of them.
  expect(slips[0]).toBe(slips[1]);
});

test('the Wi-Fi place slip prints on one A4 page or one 80 mm receipt, with the steps and the QR code', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  await prepareKiosk(page, kiosk);
  await startVisit(page, kiosk, '繁體中文');
  await openDirectory(page);
  await resultCards(page).first().tap();
  await expect(page.getByTestId('venue-qr').locator('svg')).toBeVisible();
  await countPrints(page);
  await page.getByTestId('venue-print').tap();
  expect(await printed(page)).toBe(1);

  await expectPrintLayout(page, 'venue-slip', { hasCode: false });
  const slip = page.getByTestId('venue-slip');
  await expect(slip.locator('ol > li')).toHaveCount(4);
  await expect(slip.locator('.slip-qr svg')).toHaveCount(1);
  await expect(page.getByTestId('hotspots-venue')).toBeHidden();
  await expectOnePageEach(page, 'Wi-Fi place slip');
  await page.emulateMedia({ media: 'screen' });
});

test("a month's report prints on two A4 pages at most, none blank, titled with the centre and the period", async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  const session = await signInToConsole(page, kiosk, '繁體中文');
  // A month of group work: a course of six with two weekly sessions, attendance ticked, and a
  // one-off drop-in without times (the kiosk's clock is on 9 December 2026).
  const staff = async (method: string, input: unknown) => {
    const result = await api(page, method, input, session);
    expect(result.ok, `${method}: ${JSON.stringify(result.error)}`).toBe(true);
    return result.value as Record<string, unknown>;
  };
  const course = (await staff('staff.courses.create', {
    title: '智能手機入門（四星期）',
    place: '活動室',
    lessonIds: ['free-wifi', 'spot-the-scam'],
    plannedSessions: 4,
  })) as { id: string };
  for (const label of ['陳太', '李生', '黃婆婆', '何伯', '張姨', '周太'])
    await staff('staff.courses.members.add', { id: course.id, kind: 'nickname', label, picsAgreed: true });
  for (const [date, present] of [
    ['2026-12-02', 6],
    ['2026-12-09', 4],
  ] as const) {
    const week = (await staff('staff.courses.sessions.add', {
      courseId: course.id,
      date,
      startTime: '10:00',
      endTime: '11:30',
      lessonIds: ['free-wifi'],
    })) as { id: string; participants: { id: string }[] };
    for (const participant of week.participants.slice(0, present))
      await staff('staff.groups.attendance', { id: week.id, participantId: participant.id, present: true });
  }
  const dropIn = (await staff('staff.groups.create', {
    title: '電話求助時段',
    date: '2026-12-05',
    place: '大堂',
    lessonIds: ['spot-the-scam'],
  })) as { id: string };
  await staff('staff.groups.update', { id: dropIn.id, headCount: 8 });

  await page.getByRole('button', { name: '數字及報告' }).tap();
  await expect(page.getByTestId('figure-unique-participants')).toHaveText('6');
  await expect(page.getByTestId('figure-learning-hours')).toHaveText(String(((6 + 4) * 90) / 60));
  await expect(page.getByTestId('report-definitions')).toContainText('不是人數');

  await page.emulateMedia({ media: 'print' });
  const head = page.getByTestId('report-print-head');
  await expect(head).toBeVisible();
  await expect(head.locator('h2')).toHaveText(
    '數碼共融站：由 2026年12月1日 星期二 至 2026年12月9日 星期三 的數字',
  );
  await expect(head).toContainText('列印時間：2026年12月9日 星期三 10:');
  await expect(page.getByTestId('report-definitions')).toBeVisible();
  // The console around the report is out of the printout, not merely invisible in it.
  await expect(page.getByTestId('staff-sign-out')).toBeHidden();
  const pages = textOnPages(await page.pdf({ format: 'A4', printBackground: true }));
  expect(pages.length, `A4 pages: ${JSON.stringify(pages)}`).toBeLessThanOrEqual(2);
  for (const [index, drawn] of pages.entries())
    expect(drawn, `page ${index + 1} has text on it`).toBeGreaterThan(20);
  await page.emulateMedia({ media: 'screen' });
});
