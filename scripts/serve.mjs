// `npm run serve -- --port <n> --data-dir <dir> [--open]`: build what is stale, then start the
// browser kiosk on 127.0.0.1. Arguments pass through to the server.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = spawn(
  process.execPath,
  [
    '--enable-source-maps',
    path.join(root, process.env.KIOSK_DIST ?? 'dist', 'server/cli.mjs'),
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
