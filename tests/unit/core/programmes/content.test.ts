import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { collectLocalisedTexts, MAINLAND_PHRASES } from '../../../../electron/core/content/localise';
import {
  crossCheck,
  loadProgrammeContent,
  QUESTIONS_FILE,
  type ProgrammeContent,
} from '../../../../electron/core/programmes/load';
import {
  ProgrammeSchema,
  QuestionSetSchema,
  SourceSchema,
} from '../../../../electron/core/programmes/schema';
import { tempDirs } from '../../../helpers/temp-dir';
import { loadCases } from './case-runner';

const CONTENT_DIR = fileURLToPath(new URL('../../../../data', import.meta.url));
const FOLDER = path.join(CONTENT_DIR, 'programmes');
/** A fixed "today" for date checks: the day the content was last checked (see the case file). */
const TEST_DATE = loadCases().today;

const dirs = tempDirs('kiosk-programmes-');
afterEach(() => dirs.cleanup());

let content: ProgrammeContent;
let raw: Record<string, unknown>;
beforeAll(async () => {
  content = await loadProgrammeContent(CONTENT_DIR);
  raw = {};
  for (const file of await fs.readdir(FOLDER))
    if (file.endsWith('.json')) raw[file] = JSON.parse(await fs.readFile(path.join(FOLDER, file), 'utf8'));
});

describe('programme content (data/programmes)', () => {
  it('every file validates against its schema', () => {
    const files = Object.keys(raw);
    expect(files).toContain(QUESTIONS_FILE);
    for (const file of files) {
      const schema = file === QUESTIONS_FILE ? QuestionSetSchema : ProgrammeSchema;
      const parsed = schema.safeParse(raw[file]);
      expect(parsed.success, `${file}: ${parsed.error?.message}`).toBe(true);
    }
    expect(content.programmes.map((programme) => programme.id).sort()).toEqual([
      'elder-digital-support',
      'internet-access-subsidy',
      'internet-learning-support-programme',
      'wifi-hk',
    ]);
  });

  it('the files agree with each other', () => {
    expect(crossCheck(content.questions, content.programmes)).toEqual([]);
  });

  it('every text has zh-HK and English, and none has a hand-written zh-CN', () => {
    const written = collectLocalisedTexts(raw);
    expect(written.length).toBeGreaterThan(100);
    for (const { path: where, text } of written) {
      expect(text['zh-HK'].trim(), where).not.toBe('');
      expect(text.en.trim(), where).not.toBe('');
      // Chinese text goes in zh-HK, English in en (catches swapped fields).
      expect(/[\u4e00-\u9fff]/.test(text['zh-HK']), `${where} zh-HK has Chinese`).toBe(true);
      expect(/[\u4e00-\u9fff]/.test(text.en), `${where} en has no Chinese`).toBe(false);
    }
    // None is written by hand today, so every zh-CN the kiosk shows is the loader's derivation.
    expect(written.filter(({ text }) => text['zh-CN'] !== undefined)).toEqual([]);
  });

  it('zh-CN is Simplified Chinese in mainland words, checked apart from the loader', () => {
    // OpenCC's plain Traditional → Simplified table, not the Hong Kong one the loader uses: what it
    // would still change is a Traditional character left in the zh-CN text.
    const traditionalToSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    const loaded = collectLocalisedTexts(content);
    expect(loaded.length).toBe(collectLocalisedTexts(raw).length);
    for (const { path: where, text } of loaded) {
      const zhCN = text['zh-CN'] ?? '';
      expect(zhCN.trim(), where).not.toBe('');
      expect(traditionalToSimplified(zhCN), `${where} has Traditional characters: ${zhCN}`).toBe(zhCN);
      if (traditionalToSimplified(text['zh-HK']) !== text['zh-HK'])
        expect(zhCN, `${where} was converted`).not.toBe(text['zh-HK']);
      for (const [hongKong] of MAINLAND_PHRASES)
        expect(zhCN, `${where} keeps the Hong Kong word ${hongKong}`).not.toContain(hongKong);
    }
    const inSimplified = (zhHK: string) => loaded.find(({ text }) => text['zh-HK'] === zhHK)?.text['zh-CN'];
    expect(inSimplified('長者數碼支援')).toBe('长者数码支援');
    expect(inSimplified('上網學習支援計劃')).toBe('上网学习支援计划');
    expect(inSimplified('你家中有沒有小朋友正在全日制小學或中學讀書？')).toBe(
      '你家中有没有小朋友正在全日制小学或中学读书？',
    );
    expect(inSimplified('申請時要附上甚麼文件，請向學生資助處查詢。')).toBe(
      '申请时要附上什么文件，请向学生资助处查询。',
    );
  });

  it('dates are ISO, ranges are in order and asOf is not in the future', () => {
    for (const programme of content.programmes) {
      expect(programme.asOf <= TEST_DATE, programme.id).toBe(true);
      expect(programme.rules.asOf <= TEST_DATE, programme.id).toBe(true);
      if (programme.validTo) expect(programme.validFrom <= programme.validTo, programme.id).toBe(true);
      for (const fact of programme.facts) expect(fact.asOf <= TEST_DATE, `${programme.id} fact`).toBe(true);
    }
    expect(
      ProgrammeSchema.safeParse({ ...(raw['wifi-hk.json'] as object), validFrom: '5 Aug 2014' }).success,
    ).toBe(false);
    expect(ProgrammeSchema.safeParse({ ...(raw['wifi-hk.json'] as object), asOf: '2026-11' }).success).toBe(
      false,
    );
  });

  it('closed programmes ended before the test date and say so; open ones have not ended', () => {
    for (const programme of content.programmes) {
      if (programme.status === 'closed') {
        expect(programme.validTo && programme.validTo < TEST_DATE, programme.id).toBe(true);
        expect(programme.statusNote, programme.id).toBeDefined();
        expect(programme.pointsTo.length, `${programme.id} points to what runs now`).toBeGreaterThan(0);
      } else {
        expect(programme.validTo === null || programme.validTo >= TEST_DATE, programme.id).toBe(true);
      }
    }
    const ilsp = content.programmes.find(
      (programme) => programme.id === 'internet-learning-support-programme',
    )!;
    expect(ilsp).toMatchObject({ status: 'closed', validTo: '2018-08-31' });
  });

  it('a closed programme without an end date or a plain note is refused', () => {
    const ilsp = raw['internet-learning-support-programme.json'] as Record<string, unknown>;
    expect(ProgrammeSchema.safeParse({ ...ilsp, validTo: null }).success).toBe(false);
    expect(ProgrammeSchema.safeParse({ ...ilsp, statusNote: undefined }).success).toBe(false);
  });

  it('states no unconfirmed fact: no current subsidy rate, no ILSP hotline; SFO enquiries 2802 2345', () => {
    const subsidy = content.programmes.find((programme) => programme.id === 'internet-access-subsidy')!;
    expect(subsidy.whereToGo.find((place) => place.phone)?.phone).toBe('2802 2345');
    expect(subsidy.whatYouGet.some((text) => /check the current amount/i.test(text.en))).toBe(true);
    const ilsp = content.programmes.find(
      (programme) => programme.id === 'internet-learning-support-programme',
    )!;
    expect(ilsp.whereToGo.filter((place) => place.phone)).toEqual([]);
    // Only the SFO enquiry line is a confirmed number for these programmes.
    const phones = content.programmes.flatMap((programme) =>
      programme.whereToGo.flatMap((place) => (place.phone ? [place.phone] : [])),
    );
    expect(phones).toEqual(['2802 2345']);
  });

  it('Wi-Fi.HK links to the in-kiosk hotspot directory', () => {
    const wifi = content.programmes.find((programme) => programme.id === 'wifi-hk')!;
    expect(wifi.link?.screen).toBe('hotspots');
    expect(wifi.whereToGo.some((place) => place.screen === 'hotspots')).toBe(true);
  });

  it('every source has a title in each language and, when linked, a web address', () => {
    for (const programme of content.programmes) {
      for (const source of [...programme.sources, ...programme.rules.sources]) {
        if (source.url !== undefined) expect(source.url, programme.id).toMatch(/^https?:\/\//);
        expect(source.title.en.length, programme.id).toBeGreaterThan(3);
        expect(source.title['zh-CN'], programme.id).toBeDefined();
      }
    }
    const title = { 'zh-HK': '政府新聞公報', en: 'Government press release' };
    expect(SourceSchema.safeParse({ title, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(
      SourceSchema.safeParse({ title: 'Press release', url: 'https://www.info.gov.hk/gia/a.htm' }).success,
    ).toBe(false);
  });

  it('the questions ask for no names, ID numbers or exact income', () => {
    const wording = JSON.stringify(
      content.questions.questions.map((question) => [question.text.en, question.help?.en]),
    ).toLowerCase();
    expect(wording).not.toMatch(/\bname\b|hkid|identity card|how much|exact/);
    expect(
      content.questions.questions.every(
        (question) => question.kind !== 'range' || question.options.length >= 2,
      ),
    ).toBe(true);
  });
});

describe('the loader refuses broken content', () => {
  async function copyWith(change: (files: Record<string, unknown>) => void): Promise<string> {
    const dir = await dirs.make();
    await fs.mkdir(path.join(dir, 'programmes'));
    const files = structuredClone(raw);
    change(files);
    for (const [file, value] of Object.entries(files))
      await fs.writeFile(path.join(dir, 'programmes', file), JSON.stringify(value));
    return dir;
  }

  it('loads an unchanged copy', async () => {
    await expect(loadProgrammeContent(await copyWith(() => undefined))).resolves.toBeDefined();
  });

  it('names the file and field that fail the schema', async () => {
    const dir = await copyWith((files) => {
      (files['wifi-hk.json'] as { title: { en: string } }).title.en = '';
    });
    await expect(loadProgrammeContent(dir)).rejects.toThrow(/wifi-hk\.json.*title\.en/);
  });

  it('refuses a rule that reads a question or option that does not exist', async () => {
    const dir = await copyWith((files) => {
      const elder = files['elder-digital-support.json'] as {
        rules: { outcomes: { when: { value: string } }[] };
      };
      elder.rules.outcomes[0]!.when.value = 'maybe';
    });
    await expect(loadProgrammeContent(dir)).rejects.toThrow(/aged-60" has no option "maybe"/);
  });

  it('refuses a file not named after its programme', async () => {
    const dir = await copyWith((files) => {
      files['wifi.json'] = files['wifi-hk.json'];
      delete files['wifi-hk.json'];
    });
    await expect(loadProgrammeContent(dir)).rejects.toThrow(/name the file after its id/);
  });
});
