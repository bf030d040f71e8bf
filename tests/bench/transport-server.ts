/**
 * Child process of the transport benchmark: a browser-kiosk server with a staff session, so the
 * benchmark can send it uploads over real sockets and read its memory without counting its own
 * buffers. Prints `{ port, token, session }` on one line, then answers the message 'memory' with
 * its resident memory after a full GC and its peak (VmHWM).
 * Usage: node --expose-gc --import tsx tests/bench/transport-server.ts <dataDir>
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createKioskCore } from '../../electron/core/service';
import { startKioskServer } from '../../electron/web/server';
import { contentDir } from '../helpers/hotspots-context';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('data folder?');
const PIN = '864209';

const core = await createKioskCore({ dataDir, shell: 'browser', contentDir });
const server = await startKioskServer({ core, rendererDir: path.join(dataDir, 'renderer'), port: 0 });
const setup = await core.invoke('staff.setup', { pin: PIN, confirm: PIN });
if (!setup.ok) throw new Error(`staff.setup: ${setup.error.code}`);
const { session } = setup.value as { session: string };

process.on('message', (message) => {
  if (message !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  const status = readFileSync('/proc/self/status', 'utf8');
  const vmHwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  process.send?.({ rss: process.memoryUsage().rss, vmHwm });
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
process.stdout.write(`${JSON.stringify({ port: server.port, token: server.token, session })}\n`);
