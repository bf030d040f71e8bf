import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANTONESE } from '../../../helpers/chinese-register';
import { localeFolders, readLocaleFolder } from '../../../helpers/locale-files';

const RENDERER_SRC = path.resolve(import.meta.dirname, '../../../../renderer/src');

/**
 * data/README.md's register rule for the screens: everything the kiosk itself says in zh-HK, to a
 * visitor or to staff, is plain written Chinese (這個檔案不是 JSON, not 呢個檔案唔係 JSON). Words
 * quoted in 「」 are somebody else's and keep their own register.
 */
describe('zh-HK screen strings are written Chinese', () => {
  const folders = localeFolders(RENDERER_SRC);

  it('reads every locale folder', () => {
    expect(folders.length).toBeGreaterThanOrEqual(7);
  });

  for (const folder of folders) {
    const name = path.relative(RENDERER_SRC, folder);
    it(`${name}: no spoken Cantonese outside quotes`, () => {
      const spoken = [...readLocaleFolder(folder)['zh-HK']!]
        .filter(([, value]) => CANTONESE.test(String(value).replace(/「[^」]*」/g, '')))
        .map(([key, value]) => `${key}: ${String(value)}`);
      expect(spoken).toEqual([]);
    });
  }
});
