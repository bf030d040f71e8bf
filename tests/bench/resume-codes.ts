/**
 * Resume-code benchmark: `lessons.resume.create` p50 and p95 with 10,000 and 100,000 codes already
 * in resume-codes.json (the store keeps at most its cap, so the 100k file shows what the cap buys),
 * through the real core on a temp folder, plus how long a visitor's `visit.start` waits while
 * creates are in flight. Prints figures; asserts nothing.
 * `npx tsx -e "import('./tests/bench/resume-codes.ts').then(m=>m.runResumeCodeBench()).then(console.log)"`
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RESUME_CODE_ALPHABET, RESUME_CODE_LENGTH } from '../../electron/shared/resume-code-format';
import { defaultResumeCodesDoc, type ResumeCodesDoc } from '../../electron/core/lessons/resume-codes';
import { createKioskCore } from '../../electron/core/service';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir';
import { median, percentile, round } from './stats';

const CREATES = 30;
const NOW = new Date('2026-06-01T04:00:00Z');

/** `count` distinct codes, the newest a minute old, one a minute before that (all inside retention). */
function seededCodes(count: number): ResumeCodesDoc {
  const doc = defaultResumeCodesDoc();
  const seen = new Set<string>();
  for (let i = 0; seen.size < count; i++) {
    let code = '';
    let n = i * 2_654_435_761;
    for (let c = 0; c < RESUME_CODE_LENGTH; c++) {
      code += RESUME_CODE_ALPHABET[Math.abs(n) % RESUME_CODE_ALPHABET.length];
      n = Math.floor(n / RESUME_CODE_ALPHABET.length) + i * 7 + c;
    }
    if (seen.has(code)) continue;
    seen.add(code);
    const createdAt = new Date(NOW.getTime() - (count - seen.size + 1) * 60_000).toISOString();
    doc.codes.push({ code, lessonId: 'free-wifi', stepIndex: 1, completedLessons: [], createdAt });
  }
  return doc;
}

async function measureAt(
  count: number,
): Promise<{ p50: number; p95: number; stored: number; visitWait: number }> {
  const dir = await makeTempDir('kiosk-bench-resume-');
  try {
    await fs.writeFile(path.join(dir, 'resume-codes.json'), JSON.stringify(seededCodes(count)));
    let clock = NOW.getTime();
    // Each create a few seconds apart, as visitors make them: time moves with the injected clock.
    const core = await createKioskCore({ dataDir: dir, shell: 'browser', now: () => new Date(clock) });
    const times: number[] = [];
    for (let i = 0; i < CREATES; i++) {
      clock += 5_000;
      const start = performance.now();
      const result = await core.invoke('lessons.resume.create', { lessonId: 'free-wifi', stepIndex: 1 });
      times.push(performance.now() - start);
      if (!result.ok) throw new Error(`resume.create failed: ${result.error.message}`);
    }
    // Another visitor's call while two creates are in flight.
    clock += 60_000;
    const inFlight = [
      core.invoke('lessons.resume.create', { lessonId: 'free-wifi', stepIndex: 1 }),
      core.invoke('lessons.resume.create', { lessonId: 'free-wifi', stepIndex: 2 }),
    ];
    const visitStart = performance.now();
    await core.invoke('visit.start', { language: 'en' });
    const visitWait = performance.now() - visitStart;
    await Promise.all(inFlight);
    const retention = await core.handlers['staff.lessons.retention']({}, {});
    return { p50: median(times), p95: percentile(times, 95), stored: retention.storedCodes, visitWait };
  } finally {
    await removeTempDir(dir);
  }
}

export async function runResumeCodeBench(): Promise<Record<string, string | number>> {
  const figures: Record<string, string | number> = {};
  for (const count of [10_000, 100_000]) {
    const { p50, p95, stored, visitWait } = await measureAt(count);
    const label = `${count / 1000}k codes`;
    figures[`resume.create p50 / p95, ${label} (ms)`] = `${round(p50)} / ${round(p95)}`;
    figures[`codes kept after creates, ${label}`] = stored;
    figures[`visit.start during two creates, ${label} (ms)`] = round(visitWait);
  }
  return figures;
}
