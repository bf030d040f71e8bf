import { describe, expect, it } from 'vitest';
import { sayList } from '../../../../renderer/src/lib/say-list';

describe('a list in the reader’s language', () => {
  it('joins names the way each language writes them, never with another language’s comma', () => {
    const names = ['何生', 'May', '陳太'];
    expect(sayList(names, 'zh-HK')).toBe('何生、May及陳太');
    expect(sayList(names, 'zh-CN')).toBe('何生、May和陳太');
    expect(sayList(names, 'en')).toBe('何生, May, and 陳太');
  });

  it('says one name alone and two with "and"', () => {
    expect(sayList(['May'], 'en')).toBe('May');
    expect(sayList(['何生', 'May'], 'zh-HK')).toBe('何生及May');
  });
});
