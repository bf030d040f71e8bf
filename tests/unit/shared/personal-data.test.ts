import { describe, expect, it } from 'vitest';
import { identifierProblem } from '../../../electron/shared/personal-data';

describe('identifierProblem', () => {
  it('lets a nickname in Chinese or English through', () => {
    for (const nickname of ['陳太', '黃伯', 'May', '李生 (3樓)'])
      expect(identifierProblem(nickname)).toBeNull();
  });

  it('refuses an identity number, a phone number or an e-mail address', () => {
    expect(identifierProblem('A123456(7)')).toBe('hkid');
    expect(identifierProblem('陳太 9123 4567')).toBe('number');
    expect(identifierProblem('chan@example.com')).toBe('email');
  });

  it('refuses them too when an input method wrote them in full-width characters', () => {
    expect(identifierProblem('Ａ１２３４５６（７）')).toBe('hkid');
    expect(identifierProblem('陳太　９１２３　４５６７')).toBe('number');
    expect(identifierProblem('ｃｈａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBe('email');
  });
});
