import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../helpers/temp-dir';

const config = createRequire(import.meta.url)('../../../.dependency-cruiser.cjs') as IConfiguration;

// A miniature tree with one allowed import of each kind and one breach of each rule, so a rule
// that stops matching (a renamed folder, a wrong dependency type) fails here rather than passing
// silently in `npm run lint:deps`.
const files: Record<string, string> = {
  'node_modules/electron/package.json': '{ "name": "electron", "main": "index.js" }',
  'node_modules/electron/index.js': 'module.exports = {};\n',
  'node_modules/dom-accessibility-api/package.json':
    '{ "name": "dom-accessibility-api", "main": "index.js" }',
  'node_modules/dom-accessibility-api/index.js': 'module.exports = {};\n',
  'electron/shared/period.ts': 'export function addDays(day: string): string {\n  return day;\n}\n',
  'electron/core/contract.ts':
    "import { addDays } from '../shared/period';\nexport const METHODS = [addDays('x')];\nexport type Method = string;\n",
  'electron/window.ts': "import { app } from 'electron';\nexport const ready = app;\n",
  'electron/main.ts':
    "import { app } from 'electron';\nimport { METHODS } from './core/contract';\nexport const both = [app, METHODS];\n",
  'renderer/src/allowed.ts':
    "import type { Method } from '../../electron/core/contract';\nimport { addDays } from '../../electron/shared/period';\nexport const m: Method = addDays('x');\n",
  'renderer/src/runs-core.ts':
    "import { METHODS } from '../../electron/core/contract';\nexport const all = METHODS;\n",
  'renderer/src/uses-node.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'electron/core/through-window.ts': "import { ready } from '../window';\nexport const r = ready;\n",
  'electron/core/uses-dom.ts': "import * as dom from 'dom-accessibility-api';\nexport const d = dom;\n",
  'electron/web/through-window.ts': "import { ready } from '../window';\nexport const r = ready;\n",
  'electron/shared/uses-node.ts': "import path from 'node:path';\nexport const p = path;\n",
  'electron/shared/uses-core.ts': "import { METHODS } from '../core/contract';\nexport const m = METHODS;\n",
  'electron/core/typo.ts': "import { nothing } from './no-such-file';\nexport const n = nothing;\n",
  // The core may read the renderer's strings (its CSV headings are the screen's words), not its code.
  'renderer/src/books/locales/en.json': '{ "report": { "title": "Books lent" } }\n',
  'renderer/src/books/format.ts': 'export const format = (n: number): string => String(n);\n',
  'electron/core/reads-strings.ts':
    "import en from '../../renderer/src/books/locales/en.json';\nexport const title = en.report.title;\n",
  'electron/core/runs-renderer.ts':
    "import { format } from '../../renderer/src/books/format';\nexport const f = format;\n",
};

const temp = tempDirs('kiosk-depcruise-');
afterEach(temp.cleanup);

async function violations(): Promise<string[]> {
  const root = await temp.make();
  for (const [file, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
  }
  const { tsConfig: _fromTheRepository, ...options } = config.options ?? {};
  const output = await cruise(['electron', 'renderer/src'], {
    ...options,
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
  });
  const result = output.output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from}`).sort();
}

describe('the dependency rules (.dependency-cruiser.cjs)', () => {
  it('catch each breach of a process boundary and nothing that is allowed', async () => {
    expect(await violations()).toEqual([
      'core-no-dom: electron/core/runs-renderer.ts',
      'core-no-dom: electron/core/uses-dom.ts',
      'core-no-electron: electron/core/through-window.ts',
      'not-to-unresolvable: electron/core/typo.ts',
      'renderer-no-node: renderer/src/uses-node.ts',
      'renderer-runs-only-shared-code-from-electron: renderer/src/runs-core.ts',
      'shared-is-pure: electron/shared/uses-core.ts',
      'shared-is-pure: electron/shared/uses-node.ts',
      'web-no-electron: electron/web/through-window.ts',
    ]);
  });
});
