import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clockFromEnvironment, CLOCK_VARIABLE, type Clock } from '../core/clock';
import { createKioskCore } from '../core/service';
import { resolveDataDir } from './data-dir';
import { startKioskServer } from './server';

/**
 * The browser kiosk: `node dist/server/cli.mjs --port <n> --data-dir <dir> [--open]`.
 * Started through `npm run serve`, which builds what is stale first.
 */
const USAGE =
  'Usage: npm run serve -- [--port <n>] [--data-dir <folder>] [--syncthing-home <folder>] [--open]';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function chromiumKioskArgs(url: string, profileDir: string): string[] {
  return [
    '--kiosk',
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-translate',
    '--disable-features=TranslateUI',
    '--overscroll-history-navigation=0',
    '--enable-speech-dispatcher',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

async function main(): Promise<void> {
  let values: {
    port?: string;
    'data-dir'?: string;
    'syncthing-home'?: string;
    open?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'syncthing-home': { type: 'string' },
        open: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? process.env.KIOSK_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`The port must be a number from 0 to 65535.\n${USAGE}`);
    process.exit(2);
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, '../..');
  const dataDir = resolveDataDir(values['data-dir']);
  let now: Clock;
  try {
    // Tests start the kiosk on a fixed date this way; the browser kiosk only listens on loopback.
    now = clockFromEnvironment(process.env[CLOCK_VARIABLE]);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  // How often the organisation loop looks at the content folder; tests make it quick.
  const orgPollMs = process.env.KIOSK_ORG_POLL_MS ? Number(process.env.KIOSK_ORG_POLL_MS) : undefined;
  if (orgPollMs !== undefined && !(Number.isInteger(orgPollMs) && orgPollMs >= 100)) {
    console.error('KIOSK_ORG_POLL_MS must be a whole number of milliseconds, at least 100.');
    process.exit(2);
  }
  if (process.env[CLOCK_VARIABLE]) console.log(`Clock starts at ${now().toISOString()} (${CLOCK_VARIABLE}).`);
  const core = await createKioskCore({
    dataDir,
    shell: 'browser',
    contentDir: path.join(root, 'data'),
    handwritingTemplates: path.join(here, '../handwriting/templates.bin'),
    now,
    // Unset: KIOSK_SYNCTHING_HOME, else the Syncthing of the user running the kiosk.
    syncthingHome: values['syncthing-home'],
    orgPollMs,
  });
  let server;
  try {
    server = await startKioskServer({ core, rendererDir: path.join(here, '../renderer'), port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use. Try --port 0 to pick a free one.`
        : `The kiosk could not start: ${(error as Error).message}`,
    );
    process.exit(1);
  }
  console.log(`Kiosk ready at ${server.url}`);
  console.log(`Data folder: ${dataDir}`);

  if (values.open) openChromium(server.url, dataDir);

  const stop = () => {
    core.close?.();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openChromium(url: string, dataDir: string): void {
  const browser = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  const hasDisplay =
    process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!browser || !hasDisplay) {
    console.log(`No ${browser ? 'display' : 'Chromium'} found: open ${url} in a browser.`);
    return;
  }
  const child = spawn(browser, chromiumKioskArgs(url, path.join(dataDir, 'chromium-profile')), {
    stdio: 'ignore',
    detached: false,
  });
  child.on('error', () => console.log(`Chromium did not start: open ${url} in a browser.`));
  console.log(`Opened ${path.basename(browser)} in kiosk mode.`);
}

main().catch((error: unknown) => {
  console.error(`The kiosk could not start: ${(error as Error).message}`);
  process.exit(1);
});
