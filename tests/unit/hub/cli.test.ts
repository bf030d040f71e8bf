import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runHub, type HubIo } from '../../../electron/hub/cli';
import { hubPaths, readHubFile } from '../../../electron/hub/home';
import { sayIn } from '../../../electron/hub/messages';
import { deviceIdOf, fakeHubSyncthing } from '../../helpers/fake-hub-syncthing';
import { manualClock } from '../../helpers/manual-clock';
import { freePort } from '../../helpers/syncthing-instance';
import { tempDirs } from '../../helpers/temp-dir';

const DATA = path.resolve(import.meta.dirname, '../../../data');
const dirs = tempDirs('hub-cli-');
afterEach(dirs.cleanup);

function io(env: NodeJS.ProcessEnv, extra: Partial<HubIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
      env,
      now: manualClock('2026-12-02T03:00:00.000Z').now,
      ...extra,
    } satisfies HubIo,
  };
}

/** A Syncthing home whose config names a loopback port nothing listens on: Syncthing set up but stopped. */
async function stoppedSyncthing(): Promise<string> {
  const home = await dirs.make();
  const port = await freePort();
  await fs.writeFile(
    path.join(home, 'config.xml'),
    `<configuration version="37"><gui enabled="true" tls="false"><address>127.0.0.1:${port}</address><apikey>test-key</apikey></gui></configuration>`,
  );
  return home;
}

describe('npm run hub', () => {
  it('refuses an unknown command, a stray option, a missing argument and an unknown language with exit 1', async () => {
    const env = { KIOSK_HUB_HOME: await dirs.make(), LANG: 'en_GB.UTF-8' };
    const en = sayIn('en');
    let run = io(env);
    expect(await runHub(['publish'], run.io)).toBe(1);
    expect(run.err[0]).toBe(en('errors.unknownCommand', { command: 'publish' }));

    run = io(env);
    expect(await runHub(['keys', '--organisation', 'Smart Silver', '--version', '3'], run.io)).toBe(1);
    expect(run.err[0]).toBe(en('errors.badArguments', { detail: '--version' }));

    run = io(env);
    expect(await runHub(['keys'], run.io)).toBe(1);
    expect(run.err[0]).toBe(en('errors.missingArgument', { name: '--organisation' }));

    run = io(env);
    expect(await runHub(['pack', '--version', '3'], run.io)).toBe(1);
    expect(run.err[0]).toBe(en('errors.missingArgument', { name: '<folder>' }));

    run = io(env);
    expect(await runHub(['accept', '--language', 'fr'], run.io)).toBe(1);
    expect(run.err[0]).toBe(en('errors.badLanguage', { value: 'fr' }));

    run = io(env);
    expect(await runHub(['report', '--from', '2026-13-01', '--to', '2026-12-01'], run.io)).toBe(1);
    expect(run.err[0]).toBe(en('errors.badDate', { value: '2026-13-01' }));

    run = io(env);
    expect(await runHub(['keys', '--organisation'], run.io)).toBe(1);
    expect(run.err[0]).toMatch(/^These options cannot be read: /);
  });

  it('speaks the language of LANG, or of --language', async () => {
    const home = await dirs.make();
    let run = io({ KIOSK_HUB_HOME: home, LANG: 'zh_HK.UTF-8' });
    expect(await runHub(['accept'], run.io)).toBe(3);
    expect(run.err[0]).toBe(sayIn('zh-HK')('errors.noKey', { home }));
    expect(run.err[0]).toContain('還沒有鎖匙');

    run = io({ KIOSK_HUB_HOME: home, LANG: 'zh_CN.UTF-8' });
    expect(await runHub(['accept'], run.io)).toBe(3);
    expect(run.err[0]).toContain('还没有密钥');

    run = io({ KIOSK_HUB_HOME: home, LANG: 'zh_HK.UTF-8' });
    expect(await runHub(['accept', '--language', 'en'], run.io)).toBe(3);
    expect(run.err[0]).toBe(sayIn('en')('errors.noKey', { home }));
  });

  it('join with the hub’s Syncthing stopped says so and exits 2, writing no join file', async () => {
    const home = await dirs.make();
    const syncthingHome = await stoppedSyncthing();
    const env = { KIOSK_HUB_HOME: home, LANG: 'en_GB.UTF-8' };
    expect(await runHub(['keys', '--organisation', 'Smart Silver'], io(env).io)).toBe(0);
    const run = io(env);
    const code = await runHub(
      ['join', 'ssw-kt-01', '--centre', 'Kwun Tong', '--district', 'J', '--syncthing-home', syncthingHome],
      run.io,
    );
    expect(code).toBe(2);
    expect(run.err[0]).toBe(sayIn('en')('errors.syncthingNotRunning', { home: syncthingHome }));
    await expect(fs.readdir(hubPaths(home).joins)).rejects.toThrow();
  });

  it('join with no Syncthing set up at all exits 2 too', async () => {
    const home = await dirs.make();
    const env = { KIOSK_HUB_HOME: home, LANG: 'en_GB.UTF-8' };
    await runHub(['keys', '--organisation', 'Smart Silver'], io(env).io);
    const empty = await dirs.make();
    const run = io(env);
    expect(
      await runHub(
        ['join', 'ssw-kt-01', '--centre', 'A', '--district', 'J', '--syncthing-home', empty],
        run.io,
      ),
    ).toBe(2);
    expect(run.err[0]).toBe(sayIn('en')('errors.syncthingNotConfigured', { home: empty }));
  });

  it('join remembers --syncthing-home in hub.json for the commands after it', async () => {
    const home = await dirs.make();
    const env = { KIOSK_HUB_HOME: home, LANG: 'en_GB.UTF-8' };
    await runHub(['keys', '--organisation', 'Smart Silver'], io(env).io);
    const syncthingHome = await dirs.make();
    const run = io(env, { syncthing: fakeHubSyncthing() });
    expect(
      await runHub(
        ['join', 'ssw-kt-01', '--centre', 'A', '--district', 'J', '--syncthing-home', syncthingHome],
        run.io,
      ),
    ).toBe(0);
    expect((await readHubFile(hubPaths(home)))?.syncthingHome).toBe(syncthingHome);
    // accept now asks that Syncthing (set up there, not running) without being told.
    const next = io(env);
    expect(await runHub(['accept'], next.io)).toBe(2);
    expect(next.err[0]).toBe(sayIn('en')('errors.syncthingNotConfigured', { home: syncthingHome }));
  });

  it('runs keys, pack, join and accept end to end against a fake Syncthing, printing each result', async () => {
    const home = await dirs.make();
    const syncthing = fakeHubSyncthing();
    const env = { KIOSK_HUB_HOME: home, LANG: 'en_GB.UTF-8' };
    const en = sayIn('en');

    let run = io(env, { syncthing });
    expect(await runHub(['keys', '--organisation', 'Smart Silver'], run.io)).toBe(0);
    expect(run.out[0]).toMatch(
      /^Made the key pair of Smart Silver\. Fingerprint: [0-9A-F]{4}( [0-9A-F]{4}){3}$/,
    );
    run = io(env, { syncthing });
    expect(await runHub(['keys', '--organisation', 'Smart Silver'], run.io)).toBe(1);

    const pack = await dirs.make();
    await fs.cp(path.join(DATA, 'programmes'), path.join(pack, 'programmes'), { recursive: true });
    const count = (await fs.readdir(path.join(pack, 'programmes'))).length;
    run = io(env, { syncthing });
    expect(await runHub(['pack', pack, '--version', '3'], run.io)).toBe(0);
    expect(run.out[0]).toContain(`Pack 3 is in the content folder: ${count} files`);
    expect(run.out.at(-1)).toBe(en('pack.sent'));

    run = io(env, { syncthing });
    expect(await runHub(['pack', pack, '--version', '2'], run.io)).toBe(1);
    expect(run.err[0]).toBe(en('errors.versionNotNewer', { version: '2', current: '3' }));

    const bad = await dirs.make();
    await fs.cp(path.join(DATA, 'programmes'), path.join(bad, 'programmes'), { recursive: true });
    await fs.writeFile(path.join(bad, 'programmes', 'questions.json'), '{"id": 5');
    run = io(env, { syncthing });
    expect(await runHub(['pack', bad, '--version', '4'], run.io)).toBe(1);
    expect(run.err[0]).toMatch(/^The pack was not made: \d+ problem/);
    // Each problem on its own line, naming its part.
    expect(run.err.length).toBeGreaterThan(1);
    expect(run.err.slice(1).every((line) => line.startsWith('  programmes · '))).toBe(true);

    run = io(env, { syncthing });
    expect(
      await runHub(['join', 'ssw-kt-01', '--centre', 'Kwun Tong', '--district', 'kwun-tong'], run.io),
    ).toBe(0);
    expect(run.out[0]).toBe(
      en('join.done', {
        kioskId: 'ssw-kt-01',
        file: path.join(hubPaths(home).joins, 'ssw-kt-01.kiosk-join.json'),
      }),
    );

    syncthing.pending[deviceIdOf('K')] = {
      time: '2026-12-02T03:01:00Z',
      name: 'kiosk-ssw-kt-01',
      address: '127.0.0.1:1',
    };
    run = io(env, { syncthing });
    expect(await runHub(['accept'], run.io)).toBe(0);
    expect(run.out).toEqual([en('accept.bound', { kioskId: 'ssw-kt-01', deviceId: deviceIdOf('K') })]);
    run = io(env, { syncthing });
    expect(await runHub(['accept'], run.io)).toBe(0);
    expect(run.out).toEqual([en('accept.none')]);
  });

  it('report on a hub no kiosk has joined says so, not that every kiosk reported', async () => {
    const home = await dirs.make();
    const run = io({ LANG: 'en_GB.UTF-8' });
    expect(await runHub(['keys', '--organisation', 'Smart Silver', '--home', home], run.io)).toBe(0);
    const report = io({ LANG: 'en_GB.UTF-8' });
    const args = ['report', '--from', '2026-11-01', '--to', '2026-11-30', '--home', home];
    expect(await runHub(args, report.io)).toBe(0);
    expect(report.out.at(-1)).toBe(sayIn('en')('report.noKiosks'));
    expect(report.out).not.toContain(sayIn('en')('report.allReported', { to: '2026-11-30' }));
  });

  it('every sentence the tool says exists in all three languages', () => {
    const keys = [
      'usage',
      'errors.noKey',
      'errors.syncthingNotRunning',
      'pack.done',
      'join.next',
      'accept.refused',
      'report.done',
      'report.skipped',
    ];
    for (const language of ['en', 'zh-HK', 'zh-CN'] as const)
      for (const key of keys) expect(sayIn(language)(key), `${language} ${key}`).not.toBe(key);
  });
});
