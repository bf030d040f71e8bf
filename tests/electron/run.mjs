// `npm run test:electron`: the Electron smoke test where the Electron binary is installed; where it
// is not (machines without the network), one line saying so, and success, so `npm test` stays green.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const found = findElectronBinary();
if (!found.binary) {
  console.log(
    `Electron smoke test skipped: no Electron binary (${found.missing}); run \`node node_modules/electron/install.js\` with the network, then \`npm run test:electron\`.`,
  );
  process.exit(0);
}
const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
  stdio: 'inherit',
  cwd: root,
});
if (built.status !== 0) process.exit(built.status ?? 1);
const playwright = path.join(root, 'node_modules/@playwright/test/cli.js');
const run = spawnSync(
  process.execPath,
  [playwright, 'test', '-c', 'tests/electron/playwright.config.ts', ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: root },
);
process.exit(run.status ?? 1);
