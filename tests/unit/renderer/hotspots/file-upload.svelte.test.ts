/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileBytes } from '../../../../renderer/src/hotspots/file-upload';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import { ApiError, errorText } from '../../../../renderer/src/lib/api';

afterEach(() => locale.set('zh-HK'));

/** A chosen file the browser can no longer read: moved, or on a USB stick taken out. */
const gone = {
  arrayBuffer: () =>
    Promise.reject(new DOMException('A requested file could not be read', 'NotReadableError')),
} as unknown as Blob;

describe('reading a chosen file', () => {
  it('gives its bytes as they are', async () => {
    const bytes = await readFileBytes(new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x7b])]));
    expect([...bytes]).toEqual([0xef, 0xbb, 0xbf, 0x7b]);
  });

  it('says a file that can no longer be read as that, in the reader’s language, never as the kiosk’s fault', async () => {
    for (const [language, words] of [
      ['zh-HK', '未能讀取這個檔案'],
      ['en', 'The file could not be read'],
      ['zh-CN', '未能读取这个文件'],
    ] as const) {
      locale.set(language);
      const error = await readFileBytes(gone).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ApiError);
      expect(errorText(error)).toContain(words);
      expect(errorText(error)).not.toBe(errorText(new Error('anything')));
    }
  });
});
