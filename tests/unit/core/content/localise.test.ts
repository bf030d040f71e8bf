import { describe, expect, it } from 'vitest';
import {
  collectLocalisedTexts,
  fillTemplate,
  isLocalisedText,
  textIn,
  toSimplified,
  withSimplified,
  withSimplifiedDeep,
} from '../../../../electron/core/content/localise';

describe('localise', () => {
  it('derives Simplified Chinese from the Hong Kong text', () => {
    expect(toSimplified('上網費津貼')).toBe('上网费津贴');
    expect(withSimplified({ 'zh-HK': '學生資助處', en: 'Student Finance Office' })).toEqual({
      'zh-HK': '學生資助處',
      en: 'Student Finance Office',
      'zh-CN': '学生资助处',
    });
  });

  it('says in mainland words what Hong Kong words name: messages, calls, accounts, apps', () => {
    expect(toSimplified('收到銀行短訊，立即掛線。')).toBe('收到银行短信，立即挂断。');
    expect(toSimplified('你的銀行戶口被暫停')).toBe('你的银行账户被暂停');
    expect(toSimplified('打開通訊程式，打視像通話')).toBe('打开通讯应用，打视频通话');
    expect(toSimplified('「靜音」是有咪高峰的按鈕')).toBe('“静音”是有麦克风的按钮');
    expect(toSimplified('輕按「完成」，再按『錄音』')).toBe('点按“完成”，再按‘录音’');
    expect(toSimplified('家居寬頻')).toBe('家居宽带');
    expect(toSimplified('下次覆診')).toBe('下次复诊');
  });

  it('leaves words alone that mean the same in the mainland (no 过日期, no 表单 for a table)', () => {
    expect(toSimplified('長者過日子')).toBe('长者过日子');
    expect(toSimplified('把表格存為 CSV')).toBe('把表格存为 CSV');
    expect(toSimplified('請選擇日子和時間')).toBe('请选择日期和时间');
  });

  it('keeps a hand-written zh-CN', () => {
    expect(withSimplified({ 'zh-HK': '綜援', en: 'CSSA', 'zh-CN': '综合援助' })['zh-CN']).toBe('综合援助');
  });

  it('fills every localised text inside nested content without changing anything else', () => {
    const content = {
      id: 'x',
      count: 3,
      title: { 'zh-HK': '長者', en: 'Elders' },
      steps: [{ text: { 'zh-HK': '電話', en: 'Phone' } }, 'plain'],
      missing: null,
    };
    const filled = withSimplifiedDeep(content);
    expect(filled).toEqual({
      id: 'x',
      count: 3,
      title: { 'zh-HK': '長者', en: 'Elders', 'zh-CN': '长者' },
      steps: [{ text: { 'zh-HK': '電話', en: 'Phone', 'zh-CN': '电话' } }, 'plain'],
      missing: null,
    });
    // The input is left alone.
    expect(content.title).toEqual({ 'zh-HK': '長者', en: 'Elders' });
  });

  it('finds localised texts with their paths', () => {
    const texts = collectLocalisedTexts({
      a: { 'zh-HK': '一', en: 'one' },
      list: [{ b: { 'zh-HK': '二', en: 'two' } }],
    });
    expect(texts.map((entry) => entry.path)).toEqual(['$.a', '$.list[0].b']);
    expect(isLocalisedText({ en: 'only english' })).toBe(false);
  });

  it('fills templates in each language', () => {
    const filled = fillTemplate(
      { 'zh-HK': '如果{what}，可以。', en: 'If {what}, yes.' },
      { what: { 'zh-HK': '有綜援', en: 'you get CSSA' } },
    );
    expect(filled).toEqual({
      'zh-HK': '如果有綜援，可以。',
      en: 'If you get CSSA, yes.',
      'zh-CN': '如果有综援，可以。',
    });
    expect(textIn(filled, 'en')).toBe('If you get CSSA, yes.');
    expect(textIn({ 'zh-HK': '學習', en: 'learn' }, 'zh-CN')).toBe('学习');
  });
});
