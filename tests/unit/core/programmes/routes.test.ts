import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import {
  crossCheck,
  loadProgrammeContent,
  type ProgrammeContent,
} from '../../../../electron/core/programmes/load';
import en from '../../../../renderer/src/programmes/locales/en.json';
import zhCN from '../../../../renderer/src/programmes/locales/zh-CN.json';
import zhHK from '../../../../renderer/src/programmes/locales/zh-HK.json';

/** The offices results route families to: named in every language, checked against the rules. */

const CONTENT_DIR = fileURLToPath(new URL('../../../../data', import.meta.url));
let content: ProgrammeContent;
beforeAll(async () => {
  content = await loadProgrammeContent(CONTENT_DIR);
});

describe('offices a result can name', () => {
  it('each has a name in every language, and only FACTS-confirmed phones (the SFO 2802 2345)', () => {
    const ids = content.questions.offices.map((office) => office.id);
    for (const words of [en, zhHK, zhCN]) expect(Object.keys(words.office).sort()).toEqual([...ids].sort());
    expect(content.questions.offices.filter((office) => office.phone)).toEqual([
      { id: 'sfo', phone: '2802 2345' },
    ]);
  });

  it('the CSSA route of the internet subsidy is the SWD, the programme itself the SFO', () => {
    const subsidy = content.programmes.find((programme) => programme.id === 'internet-access-subsidy')!;
    expect(subsidy.route).toBe('sfo');
    expect(subsidy.rules.outcomes.find((rule) => rule.id === 'cssa-route')?.route).toBe('swd');
  });

  it('a route, a rule route or a settling office naming no listed office is a content error', () => {
    const [first, ...rest] = content.programmes;
    const broken = { ...first!, route: 'housing-department' };
    const questions = {
      ...content.questions,
      questions: content.questions.questions.map((question, index) =>
        index === 0 ? { ...question, settleOffice: 'nowhere' } : question,
      ),
    };
    expect(crossCheck(questions, [broken, ...rest])).toEqual([
      `question ${questions.questions[0]!.id}: no office "nowhere"`,
      `${first!.id}: no office "housing-department"`,
    ]);
    expect(crossCheck(content.questions, content.programmes)).toEqual([]);
  });
});
