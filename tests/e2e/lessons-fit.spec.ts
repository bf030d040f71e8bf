import type { Page } from '@playwright/test';
import type { PracticeStep } from '../../electron/core/lessons/schema';
import { RESUME_CODE_ALPHABET } from '../../electron/shared/resume-code-format';
import { present } from './a11y';
import { api, expect, startVisit, test } from './fixtures';
import { LANGUAGE_NAMES, readLesson, type LanguageCode } from './lessons-helpers';

/**
 * The lessons fit the kiosk they run on: the thing to press is in view without scrolling, at the
 * largest text on a 1280×800 panel and on a portrait totem; help comes before a mistake; the
 * code keyboard offers only what a code can hold; a greyed Next says why.
 */

/** Open a lesson at a step by typing a code made for it, as a visitor continuing would. */
async function openAt(page: Page, lessonId: string, stepIndex: number, keyboardName: string): Promise<void> {
  const made = await api(page, 'lessons.resume.create', { lessonId, stepIndex, completedLessons: [] });
  const code = (made.value as { code: string }).code;
  await page.getByTestId('continue-with-code').tap();
  const keyboard = page.getByRole('group', { name: keyboardName });
  // Either case: this is only the way in, whichever keyboard the code entry shows.
  for (const character of code)
    await keyboard.getByRole('button', { name: new RegExp(`^${character}$`, 'i') }).tap();
  await page.getByTestId('open-code').tap();
  await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-step-index', String(stepIndex));
}

/** Back to the lessons list with the toolbar's Back. */
async function backToLessons(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: '資訊站控制' })
    .getByRole('button', { name: '返回', exact: true })
    .tap();
  await expect(page.getByTestId('continue-with-code')).toBeVisible();
}

/** Every main action of the screen lies wholly inside the window, and the screen itself does not scroll. */
async function expectMainActionsInView(page: Page, label: string, expected: string[]): Promise<void> {
  for (const id of expected)
    await expect(page.getByTestId(id), `${label}: ${id} is a main action`).toHaveAttribute(
      'data-primary-action',
      '',
    );
  // Let the layout settle (fonts, container sizes) before measuring.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-primary-action]')].flatMap((el) => {
      const box = el.getBoundingClientRect();
      const inside =
        box.width > 0 &&
        box.top >= -0.5 &&
        box.left >= -0.5 &&
        box.bottom <= innerHeight + 0.5 &&
        box.right <= innerWidth + 0.5;
      return inside
        ? []
        : [`${el.dataset.testid ?? el.className} ${Math.round(box.top)}–${Math.round(box.bottom)}`];
    }),
  );
  expect(outside, `${label}: main actions outside the window`).toEqual([]);
  const scrolls = await page.evaluate(() => {
    const screen = document.getElementById('screen')!;
    return (
      screen.scrollHeight > screen.clientHeight + 1 || document.documentElement.scrollHeight > innerHeight + 1
    );
  });
  expect(scrolls, `${label}: the screen scrolls`).toBe(false);
}

const VIEWPORTS = [
  { name: 'landscape 1280×800', width: 1280, height: 800 },
  { name: 'portrait 1080×1920', width: 1080, height: 1920 },
] as const;

for (const viewport of VIEWPORTS) {
  test(`at the largest text on ${viewport.name} every lessons screen has its main action in view`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await startVisit(page, kiosk);
    await present(page, { textSize: 3, highContrast: false });
    await page.getByTestId('tile-lessons').tap();
    await expectMainActionsInView(page, 'lessons list', [
      'continue-with-code',
      'start-here-touchscreen-basics',
    ]);

    await page.getByTestId('continue-with-code').tap();
    await expect(page.getByTestId('resume-entry')).toBeVisible();
    await expectMainActionsInView(page, 'code entry', ['open-code']);
    await backToLessons(page);

    const basics = readLesson('touchscreen-basics');
    const quiz = basics.steps.findIndex((s) => s.kind === 'quiz');
    const places: { lessonId: string; step: number; label: string; expected: string[] }[] = [
      { lessonId: 'touchscreen-basics', step: 0, label: 'explain step', expected: ['step-next'] },
      {
        lessonId: 'touchscreen-basics',
        step: 1,
        label: 'practice step',
        expected: ['step-next', 'phone-area'],
      },
      {
        lessonId: 'spot-the-scam',
        step: 1,
        label: 'safe-or-scam step',
        expected: ['step-next', 'judge-safe', 'judge-scam', 'phone-area'],
      },
      {
        lessonId: 'touchscreen-basics',
        step: quiz,
        label: 'quiz step',
        expected: [
          'step-next',
          ...(basics.steps[quiz] as { answers: { id: string }[] }).answers.map((a) => `answer-${a.id}`),
        ],
      },
      {
        lessonId: 'touchscreen-basics',
        step: basics.steps.length - 1,
        label: 'recap step',
        expected: ['step-next'],
      },
    ];
    for (const place of places) {
      await openAt(page, place.lessonId, place.step, '輸入號碼的鍵盤');
      await expectMainActionsInView(page, place.label, place.expected);
      if (place.label === 'recap step') {
        await page.getByTestId('step-next').tap();
        await expect(page.getByTestId('lesson-end')).toBeVisible();
        await expectMainActionsInView(page, 'lesson end', ['all-lessons']);
        await page.getByTestId('all-lessons').tap();
      } else {
        await backToLessons(page);
      }
    }
  });
}

const TYPING_CELLS = [
  { width: 1280, height: 800, textSize: 3 },
  { width: 1366, height: 768, textSize: 3 },
  { width: 1920, height: 1080, textSize: 1 },
  { width: 1080, height: 1920, textSize: 3 },
] as const;

for (const cell of TYPING_CELLS) {
  test(`with the keypad open the whole practice phone fits its area, every key in view, at ${cell.width}×${cell.height} text ${cell.textSize}`, async ({
    page,
    kiosk,
  }) => {
    const lesson = readLesson('lock-and-passwords');
    const index = lesson.steps.findIndex((s) => s.kind === 'practice' && s.success.kind === 'type-text');
    const step = lesson.steps[index] as PracticeStep;
    if (step.success.kind !== 'type-text') throw new Error('not a typing step');
    await page.setViewportSize({ width: cell.width, height: cell.height });
    await startVisit(page, kiosk);
    await present(page, { textSize: cell.textSize, highContrast: false });
    await page.getByTestId('tile-lessons').tap();
    await openAt(page, lesson.id, index, '輸入號碼的鍵盤');

    // The words say where the phone is, and it is there: beside them in landscape, below in portrait.
    const words = (await page.getByTestId('practice-words').boundingBox())!;
    const area = (await page.getByTestId('phone-area').boundingBox())!;
    if (cell.height > cell.width) expect(area.y).toBeGreaterThanOrEqual(words.y + words.height);
    else expect(area.x).toBeGreaterThanOrEqual(words.x + words.width);

    await page.getByTestId(`phone-el-${step.success.fieldId}`).tap();
    const done = page.getByTestId('phone-keyboard-done');
    await expect(done).toBeVisible();
    // The tap that opened the keypad typed nothing, though the keys now fill the screen.
    await expect(page.getByTestId(`phone-el-${step.success.fieldId}`).locator('.field-value')).toHaveClass(
      /placeholder/,
    );
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

    const misfits = await page.evaluate(() => {
      const out: string[] = [];
      const area = document.querySelector('[data-testid="phone-area"]')!.getBoundingClientRect();
      const phone = document.querySelector('[data-testid="phone"]')!.getBoundingClientRect();
      if (phone.top < area.top - 0.5 || phone.bottom > area.bottom + 0.5)
        out.push(
          `phone ${Math.round(phone.top)}–${Math.round(phone.bottom)} in ${Math.round(area.top)}–${Math.round(area.bottom)}`,
        );
      const region = document.querySelector('[data-testid="phone-scroll"] [role="region"]')!;
      if (region.scrollHeight > region.clientHeight + 4) out.push('the phone scrolls in its area');
      const targets = [
        ...document.querySelectorAll<HTMLElement>(
          '.phone-keyboard button, [data-testid="phone-keyboard-done"]',
        ),
      ];
      for (const el of targets) {
        const box = el.getBoundingClientRect();
        const name = el.textContent?.trim() || el.getAttribute('aria-label') || '?';
        if (box.width < 64 || box.height < 64)
          out.push(`${name} is ${Math.round(box.width)}×${Math.round(box.height)}`);
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        if (!hit || !el.contains(hit)) out.push(`${name} is covered or out of view`);
      }
      return out;
    });
    expect(misfits).toEqual([]);

    // And it types: the keys beside or below the field fill it, Done finishes the step.
    const keypad = page.getByRole('group', { name: '練習手機的鍵盤' });
    for (const digit of step.success.expected)
      await keypad.getByRole('button', { name: digit, exact: true }).tap();
    await expect(page.getByTestId(`phone-el-${step.success.fieldId}`)).toContainText(step.success.expected);
    await done.tap();
    await expect(page.getByTestId('practice-feedback')).toHaveAttribute('data-kind', 'success');
  });
}

test('"Show me" is there from the first moment, and the hint is offered after 15 s untouched; the idle wipe still comes', async ({
  page,
  kiosk,
}) => {
  await page.clock.install();
  const lesson = readLesson('touchscreen-basics');
  const step = lesson.steps[1] as PracticeStep;
  await startVisit(page, kiosk, LANGUAGE_NAMES.en);
  await page.getByTestId('tile-lessons').tap();
  await openAt(page, lesson.id, 1, 'Keyboard for your code');

  const feedback = page.getByTestId('practice-feedback');
  await expect(page.getByTestId('show-me')).toBeVisible();
  await expect(feedback).toHaveCount(0);
  await page.clock.fastForward(10_000);
  await expect(feedback).toHaveCount(0);
  await page.clock.fastForward(6_000);
  await expect(feedback).toHaveAttribute('data-kind', 'hint');
  await expect(feedback).toHaveAttribute('data-offered', '');
  await expect(feedback).toContainText('Take your time');
  await expect(feedback).toContainText(step.hint.en);
  // Offered help is not a dialog: the phone and Next are still there to use.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('step-next')).toBeDisabled();

  // The hint is not a touch: nobody there, the visit still ends on its own.
  await page.clock.fastForward(91_000);
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.clock.fastForward(21_000);
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
});

test('"Show me" before any try plays the demonstration without counting a try', async ({ page, kiosk }) => {
  const lesson = readLesson('touchscreen-basics');
  const step = lesson.steps[1] as PracticeStep;
  await startVisit(page, kiosk, LANGUAGE_NAMES.en);
  await page.getByTestId('tile-lessons').tap();
  await openAt(page, lesson.id, 1, 'Keyboard for your code');
  await page.getByTestId('show-me').tap();
  const feedback = page.getByTestId('practice-feedback');
  await expect(feedback).toHaveAttribute('data-kind', 'show-me');
  await expect(feedback).toContainText(step.showMe.en);
  await expect(page.getByTestId('show-me-animation')).toBeVisible();
  await expect(page.getByTestId('show-me-again')).toBeVisible();
  await page.getByTestId(`phone-el-${(step.success as { targetId: string }).targetId}`).tap();
  await expect(feedback).toHaveAttribute('data-kind', 'success');
  await expect(page.getByTestId('show-me')).toHaveCount(0);
});

test('the code keyboard offers exactly the characters a code can hold: no 0, 1, I or O', async ({
  page,
  kiosk,
}) => {
  await startVisit(page, kiosk, LANGUAGE_NAMES.en);
  await page.getByTestId('tile-lessons').tap();
  await page.getByTestId('continue-with-code').tap();
  const keyboard = page.getByRole('group', { name: 'Keyboard for your code' });
  const names = await keyboard
    .getByRole('button')
    .evaluateAll((keys) =>
      keys.map((key) => key.getAttribute('aria-label') ?? key.textContent?.trim() ?? ''),
    );
  expect(names.filter((name) => name !== 'Delete').sort()).toEqual([...RESUME_CODE_ALPHABET].sort());
  for (const never of ['0', '1', 'I', 'O', 'i', 'o'])
    await expect(keyboard.getByRole('button', { name: never, exact: true })).toHaveCount(0);
});

const WHY: { language: LanguageCode; width: number; height: number; text: string }[] = [
  { language: 'en', width: 1280, height: 800, text: 'First, try it on the practice phone on the right.' },
  { language: 'zh-HK', width: 1080, height: 1920, text: '請先在上面的練習手機上試一試。' },
];
for (const { language, width, height, text } of WHY) {
  test(`a greyed Next says why when tapped, pointing at the phone (${language}, ${width}×${height})`, async ({
    page,
    kiosk,
  }) => {
    await page.setViewportSize({ width, height });
    await startVisit(page, kiosk, LANGUAGE_NAMES[language]);
    await page.getByTestId('tile-lessons').tap();
    await openAt(
      page,
      'touchscreen-basics',
      1,
      language === 'en' ? 'Keyboard for your code' : '輸入號碼的鍵盤',
    );
    const next = page.getByTestId('step-next');
    await expect(next).toHaveAttribute('aria-disabled', 'true');
    // force: Playwright would wait for an aria-disabled control to become enabled; a visitor just taps.
    await next.tap({ force: true });
    await expect(page.getByTestId('disabled-reason')).toHaveText(text);
    await expect(page.getByTestId('phone-area')).toHaveClass(/explain-pointed/);
    // It says so and stays put: still step 2.
    await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-step-index', '1');
    // The phone really is where the words say.
    const phone = (await page.getByTestId('phone-area').boundingBox())!;
    const words = (await page.getByTestId('practice-words').boundingBox())!;
    if (width > height) expect(phone.x).toBeGreaterThanOrEqual(words.x + words.width - 1);
    else {
      expect(phone.y).toBeGreaterThanOrEqual(words.y + words.height - 1);
      // The reason shows by Next, at the phone's foot: "above" is where the phone is from there.
      const reason = (await page.getByTestId('disabled-reason').boundingBox())!;
      expect(reason.y).toBeGreaterThan(phone.y + phone.height / 2);
    }
  });
}
