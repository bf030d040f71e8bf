import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readDataHealth } from '../../../../electron/core/health';
import { sweepTempFiles } from '../../../../electron/core/store/durable-file';
import { CRASH_DOC_NAME, CrashDocSchema, openCrashDoc } from '../../../fixtures/store-writer';
import { tempDirs } from '../../../helpers/temp-dir';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const WRITER = path.join('tests', 'fixtures', 'store-writer.ts');
const KILLS = 24;
const MIN_DELAY_MS = 5;
const MAX_DELAY_MS = 250;

const dirs = tempDirs('kiosk-crash-');
afterEach(dirs.cleanup);

interface RunOutcome {
  lastAck: number;
  stderr: string;
}

/**
 * One writer run: start the child, wait for its first acknowledged write, let it write for a
 * random while, then SIGKILL it. Resolves with the highest `ack` it printed, once it is dead.
 */
function runAndKill(dataDir: string, delayMs: number): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let lastAck = 0;
    let pending = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the writer never acknowledged a write: ${stderr}`));
    }, 20_000);

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ack (\d+)$/.exec(line);
        if (!match) continue;
        lastAck = Math.max(lastAck, Number(match[1]));
        if (!killTimer) {
          clearTimeout(giveUp);
          killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    // 'close' waits for stdout to drain, so every ack printed before the kill has been counted.
    child.on('close', (code, signal) => {
      clearTimeout(giveUp);
      if (killTimer) clearTimeout(killTimer);
      if (signal !== 'SIGKILL') reject(new Error(`the writer stopped by itself (code ${code}): ${stderr}`));
      else resolve({ lastAck, stderr });
    });
  });
}

describe('store crash safety', () => {
  it(`keeps every acknowledged write through ${KILLS} SIGKILLs at random moments`, async () => {
    const dataDir = await dirs.make();
    const mainFile = path.join(dataDir, `${CRASH_DOC_NAME}.json`);
    const backupFile = path.join(dataDir, `${CRASH_DOC_NAME}.bak.json`);
    let previousCounter = 0;

    for (let run = 1; run <= KILLS; run += 1) {
      const delayMs = Math.round(MIN_DELAY_MS + Math.random() * (MAX_DELAY_MS - MIN_DELAY_MS));
      const { lastAck, stderr } = await runAndKill(dataDir, delayMs);
      const where = `run ${run}, killed ${delayMs} ms after the first ack`;

      // The child's own open must not have needed a recovery either.
      expect(stderr, where).not.toMatch(/health|failed/);
      expect(lastAck, where).toBeGreaterThan(previousCounter);

      const healthKinds: string[] = [];
      const doc = await openCrashDoc(dataDir, (kind) => healthKinds.push(kind));
      // The main file is replaced by rename, so a kill never leaves it torn: nothing to recover.
      expect(healthKinds, where).toEqual([]);
      const { counter, log } = doc.data;
      expect(CrashDocSchema.safeParse(JSON.parse(await fs.readFile(mainFile, 'utf8'))).success, where).toBe(
        true,
      );
      expect(counter, where).toBeGreaterThanOrEqual(lastAck);
      // One write may have reached the disk just before the kill, unacknowledged.
      expect(counter, where).toBeLessThanOrEqual(lastAck + 1);
      // Exactly 1..counter: nothing lost, nothing doubled, across every run so far.
      expect(log.length, where).toBe(counter);
      expect(
        log.every((value, index) => value === index + 1),
        where,
      ).toBe(true);

      // The backup is a whole, valid document at most one write behind.
      const backup = CrashDocSchema.safeParse(JSON.parse(await fs.readFile(backupFile, 'utf8')));
      expect(backup.success, where).toBe(true);
      if (backup.success) {
        expect(backup.data.counter, where).toBeGreaterThanOrEqual(counter - 1);
        expect(backup.data.counter, where).toBeLessThanOrEqual(counter);
      }

      // Left-over temp files may exist; they are not data and nothing takes them for data.
      const names = await fs.readdir(dataDir);
      const notTemp = names.filter((name) => !name.endsWith('.tmp')).sort();
      expect(notTemp, where).toEqual([`${CRASH_DOC_NAME}.bak.json`, `${CRASH_DOC_NAME}.json`]);
      const health = await readDataHealth(dataDir, []);
      expect(health.events, where).toEqual([]);
      expect(
        health.documents.map((d) => d.file),
        where,
      ).toEqual([`${CRASH_DOC_NAME}.json`]);

      previousCounter = counter;
    }

    // What the kills left behind is exactly what the start-up sweep removes: only the two documents stay.
    const leftOver = (await fs.readdir(dataDir)).filter((name) => name.endsWith('.tmp')).length;
    expect(await sweepTempFiles(dataDir)).toBe(leftOver);
    expect((await fs.readdir(dataDir)).sort()).toEqual([
      `${CRASH_DOC_NAME}.bak.json`,
      `${CRASH_DOC_NAME}.json`,
    ]);
    console.info(
      `[crash-safety] ${KILLS} kills left ${leftOver} temp file(s); the start-up sweep removed them all`,
    );
  }, 90_000);
});
