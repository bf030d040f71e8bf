// `npm start`: build what is stale, then launch the desktop kiosk (Electron, full-screen kiosk
// mode). Where the Electron binary is not installed — its download needs the network, which the
// build machines do not have — say so in one line and start the browser kiosk instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));

function installedElectron() {
  return findElectronBinary().binary ?? null;
}

/**
 * npm 11 skips install scripts unless allowed, so Electron's own download may never have run.
 * Try it once, quietly (it fails at once without the network).
 */
function electronBinary() {
  if (installedElectron()) return installedElectron();
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 10 * 60 * 1000,
  });
  return installedElectron();
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
  child.on('error', (error) => {
    console.error(`Could not start ${path.basename(command)}: ${error.message}`);
    process.exit(1);
  });
}

const binary = electronBinary();
if (binary) {
  run(binary, [root, ...process.argv.slice(2)]);
} else {
  console.log(
    'Electron is not installed here (its download needs the network): starting the browser kiosk instead.',
  );
  run(process.execPath, [
    path.join(root, 'dist/server/cli.mjs'),
    '--port',
    process.env.KIOSK_PORT ?? '0',
    '--open',
    ...process.argv.slice(2),
  ]);
}
