import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { accessibilityMethods } from '../../../../electron/core/accessibility/contract';
import { createAccessibilityHandlers } from '../../../../electron/core/accessibility/handlers';
import { loadAccessibilityContent } from '../../../../electron/core/accessibility/load-accessibility';
import { MAINLAND_PHRASES, toSimplified as toMainland } from '../../../../electron/core/content/localise';
import { AccessibilityContentSchema, DEMO_IDS } from '../../../../electron/core/accessibility/schema';
import { collectLocalisedTexts } from '../../../../electron/core/content/localise';
import { loadShippedAccessibility } from '../../../../electron/core/content/live-content';
import { makeCoreContext } from '../../../helpers/hotspots-context';

const CONTENT_DIR = fileURLToPath(new URL('../../../../data', import.meta.url));
const HAN = /\p{Script=Han}/u;
const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function context(contentDir: string) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-a11y-'));
  temps.push(dataDir);
  // Only the demos come from the folder under test, loaded the way the shipped content loads them.
  const ctx = await makeCoreContext(dataDir, () => new Date('2026-11-27T00:00:00Z'));
  ctx.content = { ...ctx.content, accessibility: await loadShippedAccessibility(contentDir) };
  return ctx;
}

describe('accessibility demos content', () => {
  it('validates, has all nine demos in order, ten checks and the scheme', async () => {
    const raw: unknown = JSON.parse(
      await fs.readFile(path.join(CONTENT_DIR, 'accessibility-demos.json'), 'utf8'),
    );
    expect(AccessibilityContentSchema.safeParse(raw).success).toBe(true);
    const content = await loadAccessibilityContent(CONTENT_DIR);
    expect(content.demos.map((d) => d.id)).toEqual([...DEMO_IDS]);
    expect(content.checklist.items).toHaveLength(10);
    expect(content.learnMore.website).toBe('digital-accessibility.hk');
    expect(content.learnMore.paragraphs.map((p) => p.en).join(' ')).toContain(
      'Digital Accessibility Recognition Scheme',
    );
  });

  it('every text has three languages: Chinese where Chinese is due, Simplified with mainland words', async () => {
    const content = await loadAccessibilityContent(CONTENT_DIR);
    const texts = collectLocalisedTexts(content);
    expect(texts.length).toBeGreaterThan(100);
    const hongKongOnly = MAINLAND_PHRASES.map(([hk]) => hk);
    for (const { path: where, text } of texts) {
      expect(text['zh-CN'], where).toBeTruthy();
      expect(HAN.test(text['zh-HK']), `${where} zh-HK`).toBe(true);
      for (const word of hongKongOnly)
        expect(text['zh-CN']!.includes(word), `${where} zh-CN still says ${word}`).toBe(false);
    }
  });

  it('names each demo a WCAG criterion with number, name and level', async () => {
    const content = await loadAccessibilityContent(CONTENT_DIR);
    const main = Object.fromEntries(content.demos.map((d) => [d.id, d.wcag[0]?.number]));
    expect(main).toEqual({
      'text-size': '1.4.4',
      contrast: '1.4.3',
      'colour-alone': '1.4.1',
      'low-vision': '1.4.11',
      'touch-targets': '2.5.8',
      'screen-readers': '4.1.2',
      forms: '3.3.2',
      'time-and-motion': '2.2.1',
      captions: '1.2.2',
    });
  });

  it('converts Hong Kong words to mainland ones', () => {
    expect(toMainland('按鈕甚麼時候會顯示錯誤訊息？')).toBe('按钮什么时候会显示错误信息？');
    expect(toMainland('表格元件')).toBe('表单控件');
  });

  it('accessibility.demos answers the content; a broken file answers internal without throwing at start', async () => {
    const handlers = await createAccessibilityHandlers(await context(CONTENT_DIR));
    expect(Object.keys(handlers)).toEqual(Object.keys(accessibilityMethods));
    const answer = await handlers['accessibility.demos']({}, {});
    expect(answer.demos[8]?.clip?.[0]?.['zh-CN']).toBeTruthy();

    const broken = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-a11y-content-'));
    temps.push(broken);
    await fs.writeFile(path.join(broken, 'accessibility-demos.json'), '{"asOf": "nope"}');
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const brokenHandlers = await createAccessibilityHandlers(await context(broken));
      await expect(brokenHandlers['accessibility.demos']({}, {})).rejects.toMatchObject({ code: 'internal' });
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
  });

  it('the contract takes no input', () => {
    expect(accessibilityMethods['accessibility.demos'].input.safeParse({}).success).toBe(true);
    expect(accessibilityMethods['accessibility.demos'].input.safeParse({ id: 'x' }).success).toBe(false);
    expect(accessibilityMethods['accessibility.demos'].staff).toBe(false);
  });
});
