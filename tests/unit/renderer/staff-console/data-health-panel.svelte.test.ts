/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import { config } from '../../../../renderer/src/lib/settings.svelte';
import { staffSignIn } from '../../../../renderer/src/lib/staff.svelte';
import DataHealthPanel from '../../../../renderer/src/staff-console/DataHealthPanel.svelte';
import { connectRealCore } from '../../../helpers/renderer-core';

/** Data health against a real core: the line that names the kiosk's version and kind. */
let connection: Awaited<ReturnType<typeof connectRealCore>>;

beforeEach(async () => {
  connection = await connectRealCore('2026-12-01T10:00:00+08:00');
  const setup = await connection.core.invoke('staff.setup', { pin: '482916', confirm: '482916' }, {});
  if (!setup.ok) throw new Error(setup.error.message);
  staffSignIn.begin((setup.value as { session: string }).session);
  await config.load();
});
afterEach(async () => {
  cleanup();
  await staffSignIn.end();
  await connection.disconnect();
  locale.set('zh-HK');
});

describe('the Data health panel', () => {
  it.each([
    ['zh-HK', 'electron', '桌面版資訊站'],
    ['zh-HK', 'browser', '瀏覽器版資訊站'],
    ['en', 'electron', 'desktop kiosk'],
    ['zh-CN', 'browser', '浏览器版信息站'],
  ] as const)('says the kind of kiosk in %s words (%s), not its code', async (language, shell, words) => {
    locale.set(language);
    config.info = { ...config.info!, shell };
    render(DataHealthPanel);
    const line = await screen.findByText(new RegExp(`${config.info.version}.*${words}`));
    expect(line.textContent).not.toMatch(/electron|browser/);
  });
});
