import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { SyncthingClient } from '../../electron/core/org/syncthing-client';

/**
 * A real Syncthing (Debian's v1.19, /usr/bin/syncthing) for tests: its own temp home, GUI/REST and
 * sync listener on 127.0.0.1 at free ports, and nothing that reaches outside the machine
 * (discovery, relays, NAT, usage and crash reports, upgrades all off). Every started process is
 * also killed when the test process exits, so a failed test leaves no Syncthing behind.
 */

const run = promisify(execFile);
export const SYNCTHING_BINARY = process.env['KIOSK_SYNCTHING_BIN'] ?? '/usr/bin/syncthing';

export interface SyncthingInstance {
  name: string;
  home: string;
  apiUrl: string;
  apiKey: string;
  deviceId: string;
  /** tcp://127.0.0.1:<port>, the address other instances dial. */
  listenAddress: string;
  client: SyncthingClient;
  /** The running process's id (changes across stop/start). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
  /** Starts again on the same home (same device id, same folders). */
  start(): Promise<void>;
  /** Resident memory of the running process, from /proc (0 when stopped). */
  rssKiB(): number;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killAll(): void {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAll);
  // A test worker ended by a signal runs no 'exit' handlers: kill the Syncthings, then let the
  // signal do what it would have done (unless someone else handles it).
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAll();
      process.removeListener(signal, onSignal);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** A port the OS says is free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function setElement(xml: string, name: string, value: string): string {
  const pattern = new RegExp(`<${name}>[^<]*</${name}>`);
  if (!pattern.test(xml)) throw new Error(`config.xml has no <${name}>`);
  return xml.replace(pattern, `<${name}>${value}</${name}>`);
}

/** The generated config turned into a closed, loopback-only test instance. */
function closeOff(xml: string, guiPort: number, listenPort: number, apiKey: string): string {
  let out = xml.replace(/<gui\b[^>]*>[\s\S]*?<\/gui>/, (gui) =>
    gui
      .replace(/<address>[^<]*<\/address>/, `<address>127.0.0.1:${guiPort}</address>`)
      .replace(/<apikey>[^<]*<\/apikey>/, `<apikey>${apiKey}</apikey>`)
      .replace(/tls="true"/, 'tls="false"'),
  );
  out = setElement(out, 'listenAddress', `tcp://127.0.0.1:${listenPort}`);
  const options: Record<string, string> = {
    globalAnnounceEnabled: 'false',
    localAnnounceEnabled: 'false',
    relaysEnabled: 'false',
    natEnabled: 'false',
    urAccepted: '-1',
    autoUpgradeIntervalH: '0',
    crashReportingEnabled: 'false',
    startBrowser: 'false',
    // Tests wait on reconnects (a kiosk's Syncthing stopped and started again): the default 60 s
    // would be most of a test's time.
    reconnectionIntervalS: '1',
  };
  for (const [name, value] of Object.entries(options)) out = setElement(out, name, value);
  return out;
}

function procAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export async function startSyncthing(options: { name: string; root: string }): Promise<SyncthingInstance> {
  installExitHook();
  const home = path.join(options.root, `syncthing-${options.name}`);
  await fs.mkdir(home, { recursive: true });
  const { stdout } = await run(SYNCTHING_BINARY, [
    'generate',
    '--home',
    home,
    '--no-default-folder',
    '--skip-port-probing',
  ]);
  const generated = /Device ID:\s*([A-Z0-9-]+)/.exec(stdout)?.[1];
  const guiPort = await freePort();
  const listenPort = await freePort();
  const apiKey = randomBytes(24).toString('hex');
  const configFile = path.join(home, 'config.xml');
  await fs.writeFile(
    configFile,
    closeOff(await fs.readFile(configFile, 'utf8'), guiPort, listenPort, apiKey),
  );

  const client = SyncthingClient.fromHome(home);
  let child: ChildProcess | undefined;
  let log = '';

  async function start(): Promise<void> {
    if (child && child.exitCode === null) return;
    log = '';
    const started = spawn(
      SYNCTHING_BINARY,
      ['serve', '--home', home, '--no-browser', '--no-restart', '--no-upgrade', '--logflags=0'],
      {
        // STMONITORED: run as the inner process, without Syncthing's monitor parent. One process
        // is what stop() signals, what pid names and whose memory rssKiB() reads; with the monitor,
        // a SIGKILL to it would leave the real Syncthing running.
        env: { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1', STNORESTART: '1', STMONITORED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = started;
    running.add(started);
    const keep = (chunk: Buffer): void => {
      log = (log + chunk.toString()).slice(-8000);
    };
    started.stdout?.on('data', keep);
    started.stderr?.on('data', keep);
    started.on('exit', () => running.delete(started));
    try {
      await waitFor(
        async () => {
          if (started.exitCode !== null) throw new Error('exited');
          return client.ping();
        },
        30_000,
        `Syncthing ${options.name} to answer`,
      );
    } catch (error) {
      started.kill('SIGKILL');
      throw new Error(`Syncthing ${options.name} did not start: ${String(error)}\n${log}`, { cause: error });
    }
  }

  async function stop(): Promise<void> {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    current.kill('SIGTERM');
    const killer = setTimeout(() => current.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
    running.delete(current);
  }

  await start();
  const deviceId = await client.myDeviceId();
  if (generated && generated !== deviceId) throw new Error(`Syncthing ${options.name} changed its device id`);

  return {
    name: options.name,
    home,
    apiUrl: `http://127.0.0.1:${guiPort}`,
    apiKey,
    deviceId,
    listenAddress: `tcp://127.0.0.1:${listenPort}`,
    client,
    get pid() {
      return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    stop,
    start,
    rssKiB() {
      const pid = child?.pid;
      if (!pid || !procAlive(pid)) return 0;
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+)\s*kB/.exec(status)?.[1] ?? 0);
      } catch {
        return 0;
      }
    },
  };
}

/** Whether a process with this id still exists (for "nothing left running" checks). */
export function isRunning(pid: number): boolean {
  return procAlive(pid);
}

/** Polls until `check` is true, for states Syncthing reaches on its own time. */
export { waitFor as waitUntil };
