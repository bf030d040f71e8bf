import { describe, expect, it } from 'vitest';
import { joinSentences } from '../../../../renderer/src/lib/sentences';

describe('joinSentences', () => {
  it('puts a space between English sentences and none after a Chinese full stop', () => {
    expect(joinSentences(['In use: version 2.', 'It brings: lessons.'], 'en')).toBe(
      'In use: version 2. It brings: lessons.',
    );
    expect(joinSentences(['正在使用：第 2 版。', '包括：課堂。'], 'zh-HK')).toBe(
      '正在使用：第 2 版。包括：課堂。',
    );
    expect(joinSentences(['正在使用：第 2 版。', ''], 'zh-CN')).toBe('正在使用：第 2 版。');
  });
});
