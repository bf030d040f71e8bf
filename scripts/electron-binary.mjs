// Where the Electron binary is, read the way node_modules/electron/index.js reads it (path.txt,
// ELECTRON_OVERRIDE_DIST_PATH) but without requiring the package: that starts a download and
// throws with a stack trace where there is no network.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The binary's absolute path, or `{ missing: <why> }`. */
export function findElectronBinary() {
  const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing: `node_modules/electron has no path.txt: its postinstall download of the binary never ran`,
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : path.join(electronDir, 'dist', relative);
  return existsSync(binary) ? { binary } : { missing: `${binary} does not exist` };
}
