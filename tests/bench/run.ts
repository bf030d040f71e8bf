/**
 * `npm run bench`: every benchmark in turn, figures printed (budgets in brackets). Nothing is
 * asserted: timings depend on the machine; the README records the figures measured here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { printFigures } from './stats';

const benches: { title: string; file: string; run: string }[] = [
  { title: 'Kiosk shell', file: 'shell.ts', run: 'runShellBench' },
  { title: 'Lessons', file: 'lessons.ts', run: 'runLessonBench' },
  { title: 'Visitor taps', file: 'visitor-taps.ts', run: 'runVisitorTapBench' },
  { title: 'Resume codes', file: 'resume-codes.ts', run: 'runResumeCodeBench' },
  { title: 'Wi-Fi directory', file: 'hotspots.ts', run: 'runHotspotBench' },
  {
    title: 'Wi-Fi search beside MiniSearch, FlexSearch and kdbush',
    file: 'search-peers.ts',
    run: 'runSearchPeerBench',
  },
  { title: 'Handwriting', file: 'handwriting.ts', run: 'runHandwritingBench' },
  { title: 'Transport', file: 'transport.ts', run: 'runTransportBench' },
  {
    title: 'Organisation sync (real Syncthing, 2 and 10 kiosks)',
    file: 'org-sync.ts',
    run: 'runOrgSyncBench',
  },
  {
    title: 'Organisation sync: a kiosk redialling a restarted hub',
    file: 'org-redial.ts',
    run: 'runOrgRedialBench',
  },
];

for (const bench of benches) {
  const file = path.join(import.meta.dirname, bench.file);
  if (!existsSync(file)) continue;
  const module = (await import(file)) as Record<string, () => Promise<Record<string, string | number>>>;
  const run = module[bench.run];
  if (!run) continue;
  printFigures(bench.title, await run());
}
