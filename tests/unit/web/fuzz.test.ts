import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../../electron/core/contract';
import { tempDirs } from '../../helpers/temp-dir';
import {
  CONTENT_TYPES,
  HTTP_METHODS,
  InputMaker,
  jsonSchemaOf,
  makeRandom,
  nestedText,
  ODD_JSON_TEXTS,
  oddPath,
  type Random,
} from './fuzz-inputs';
import { STAFF_PIN, staffSession, startTransport, type TransportHarness } from './harness';

/**
 * Seeded HTTP fuzzing of the browser kiosk's transport and every contract method. Fails on any 5xx,
 * a request with no answer, a stack frame or a file path in an answer, or an error the core had to
 * log. Replay a failure with the seed it prints: KIOSK_FUZZ_SEED=<seed> npx vitest run tests/unit/web/fuzz.test.ts
 * (KIOSK_FUZZ_RUNS=<n> for a longer run).
 */
const SEED = Number(process.env.KIOSK_FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.KIOSK_FUZZ_RUNS ?? 5000);
/** A request without an answer in this long is a hang. */
const ANSWER_MS = 10_000;
/** Starts just before midnight in Hong Kong on the last day of the year, UTC still the day before. */
const START = Date.parse('2026-12-31T15:59:30.000Z');
/** The core's clock: moves only when the test moves it (past a lock-out), never with the wall clock. */
let clock = START;

interface Sent {
  index: number;
  summary: string;
  method: string;
  target: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Half-close the socket part-way through the body, as a client that gives up does. */
  abortAfter?: number;
  apiMethod?: MethodName;
}

interface Answer {
  status: number;
  text: string;
}

/** The shipped Wi-Fi sample: a real file the import accepts, to bend into ones it must refuse. */
const SAMPLE = readFileSync(path.resolve('data', 'hotspots-sample.json'));

function bent(random: Random, file: Buffer): Buffer {
  const copy = Buffer.from(file.subarray(0, random.chance(0.5) ? file.length : random.int(1, file.length)));
  for (let flips = random.int(0, 5); flips > 0; flips--)
    copy[random.int(0, copy.length - 1)] = random.int(0, 255);
  return copy;
}

const dirs = tempDirs('kiosk-fuzz-');
let h: TransportHarness;
let session: string;
let dataDir: string;
const logged: string[] = [];

beforeAll(async () => {
  const root = await dirs.make();
  h = await startTransport(root, {
    now: () => new Date(clock),
    timeouts: { headersMs: 3_000, requestMs: 5_000, keepAliveMs: 1_000, checkIntervalMs: 250, lingerMs: 50 },
  });
  dataDir = h.dataDir;
  session = await staffSession(h);
  // What the core logs for an error it did not expect (a handler threw something not a KioskError).
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
  });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await h?.server.close();
  await dirs.cleanup();
});

function buildRequest(random: Random, maker: InputMaker, index: number): Sent {
  const r = random;
  const apiMethod = r.pick(METHOD_NAMES);
  const spec = contract[apiMethod];
  const headers: Record<string, string> = {
    host: h.host,
    'x-kiosk-token': h.server.token,
    'content-type': 'application/json',
  };
  // staff.logout with the fuzzer's own session would end it for every later call.
  if (spec.staff && apiMethod !== 'staff.logout' && r.chance(0.85)) headers['x-kiosk-staff'] = session;
  else if (r.chance(0.3))
    headers['x-kiosk-staff'] = r.pick(['', 'made-up', session.slice(1), `${session} `, 'x'.repeat(600)]);
  let target = `/api/${apiMethod}`;
  let method = 'POST';
  let body: Buffer;
  let kind: string;
  const roll = r.next();
  maker.capability = apiMethod.replace(/\.[^.]+$/, '');
  const upload = 'upload' in spec ? (spec as { upload?: string }).upload : undefined;

  if (upload && roll < 0.5) {
    kind = 'upload';
    maker.strict = r.chance(0.7);
    const { [upload]: _file, ...rest } = (maker.fromSchema(jsonSchemaOf(spec.input)) ?? {}) as Record<
      string,
      unknown
    >;
    headers['content-type'] = 'application/octet-stream';
    if (r.chance(0.9))
      headers['x-kiosk-input'] = r.chance(0.9)
        ? encodeURIComponent(JSON.stringify(rest))
        : r.pick(['%', '%E0%A4%A', nestedText(r, 200), '[]', 'null']);
    // A third of the time the real sample with a proper name, which a preview accepts.
    const real = r.chance(0.3);
    if (real) headers['x-kiosk-input'] = encodeURIComponent(JSON.stringify({ fileName: 'wifi-hk.json' }));
    body = real
      ? SAMPLE
      : r.pick([
          bent(r, SAMPLE),
          bent(r, SAMPLE),
          Buffer.from(JSON.stringify([{ a: 1 }, maker.anyJson(3)])),
          Buffer.from('LocationID,Name\n"1","a\n'),
          Buffer.from(maker.string(0, 500)),
          Buffer.from(nestedText(r, r.pick([10, 1000, 100_000]))),
          Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x00, 0x5b]),
          Buffer.alloc(r.int(0, 300_000), r.int(0, 255)),
        ]);
  } else if (roll < 0.6) {
    kind = 'schema';
    maker.strict = r.chance(0.5);
    body = Buffer.from(JSON.stringify(maker.fromSchema(jsonSchemaOf(spec.input)) ?? {}));
  } else if (roll < 0.72) {
    kind = 'json';
    body = Buffer.from(JSON.stringify(maker.anyJson(4)));
  } else if (roll < 0.8) {
    kind = 'text';
    body = Buffer.from(
      r.chance(0.5) ? r.pick(ODD_JSON_TEXTS) : nestedText(r, r.pick([50, 64, 65, 200, 10_000, 100_000])),
    );
  } else if (roll < 0.9) {
    kind = 'headers';
    body = Buffer.from(JSON.stringify(maker.fromSchema(jsonSchemaOf(spec.input)) ?? {}));
    headers['content-type'] = r.pick(CONTENT_TYPES);
    if (r.chance(0.3)) delete headers['x-kiosk-token'];
    if (r.chance(0.2))
      headers.origin = r.pick(['null', 'http://evil.example', `http://${h.host}`, 'http://[::1]', '']);
    if (r.chance(0.2))
      headers.host = r.pick([
        '',
        'evil.example',
        h.host.toUpperCase(),
        `${h.host}.evil`,
        `[::1]:${h.server.port}`,
      ]);
    if (r.chance(0.2)) headers['x-padding'] = 'p'.repeat(r.int(1000, 20_000));
    if (r.chance(0.2)) headers['transfer-encoding'] = 'chunked';
  } else {
    kind = 'odd';
    method = r.pick(HTTP_METHODS);
    target = oddPath(r, apiMethod);
    body = r.chance(0.5) ? Buffer.alloc(0) : Buffer.from(JSON.stringify(maker.anyJson(2)));
  }
  maker.strict = false;
  const abortAfter = body.length > 2 && r.chance(0.01) ? r.int(1, body.length - 1) : undefined;
  const summary = `#${index} ${kind} ${method} ${target.slice(0, 80)} (${body.length} bytes${abortAfter ? `, cut at ${abortAfter}` : ''})`;
  return {
    index,
    summary,
    method,
    target,
    headers,
    body,
    abortAfter,
    apiMethod: kind === 'odd' ? undefined : apiMethod,
  };
}

/** One request on its own socket, written byte for byte, so no client library tidies it up. */
function send(sent: Sent): Promise<Answer | 'no answer'> {
  return new Promise((resolve) => {
    const socket = net.connect(h.server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('no answer');
    }, ANSWER_MS);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0);
      resolve({ status, text: raw });
    });
    const chunked = sent.headers['transfer-encoding'] === 'chunked';
    const lines = [`${sent.method} ${sent.target} HTTP/1.1`, 'connection: close'];
    for (const [name, value] of Object.entries(sent.headers)) lines.push(`${name}: ${value}`);
    if (!chunked) lines.push(`content-length: ${sent.body.length}`);
    const payload = chunked
      ? Buffer.concat([
          Buffer.from(`${sent.body.length.toString(16)}\r\n`),
          sent.body,
          Buffer.from('\r\n0\r\n\r\n'),
        ])
      : sent.body;
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (sent.abortAfter !== undefined) socket.end(payload.subarray(0, sent.abortAfter));
    else socket.write(payload);
  });
}

/** Answers that leak how the kiosk is built or where it keeps its files. */
function leaks(text: string): string | null {
  const frame =
    /^\s*at \S.*(?:\(.*\)|:\d+:\d+)$/m.exec(text) ?? /\bat (?:async )?\S+ \((?:file:|node:|\/)/.exec(text);
  if (frame) return `stack frame "${frame[0].trim().slice(0, 80)}"`;
  for (const path of [dataDir, '/work/', 'node_modules', 'electron/core', '.ts:'])
    if (text.includes(path)) return `path "${path}"`;
  return null;
}

function bodyOf(answer: Answer): string {
  const start = answer.text.indexOf('\r\n\r\n');
  return start === -1 ? '' : answer.text.slice(start + 4);
}

describe('HTTP fuzzing', () => {
  it(`${RUNS} seeded requests across every method: no 5xx, hang, stack trace or path (seed ${SEED})`, async () => {
    console.log(`[fuzz] seed ${SEED}, ${RUNS} requests; replay with KIOSK_FUZZ_SEED=${SEED}`);
    const random = makeRandom(SEED);
    const maker = new InputMaker(random);
    // Seed the string pool with real ids and dates from the kiosk's own answers.
    for (const method of METHOD_NAMES.filter((m) => /\.(list|status|facets|search|get|info)$/.test(m))) {
      const answer = await h.api(method, {}, { 'x-kiosk-staff': session });
      if (answer.status === 200) maker.harvest((JSON.parse(answer.text) as { value: unknown }).value, method);
    }
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const methodsReached = new Set<string>();
    /** Sends one request and records what is wrong with its answer. */
    async function run(sent: Sent): Promise<void> {
      const answer = await send(sent);
      if (answer === 'no answer') {
        failures.push(`${sent.summary}: no answer in ${ANSWER_MS} ms`);
        return;
      }
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      let body = bodyOf(answer);
      // Data health shows staff where the data folder is, on purpose; nothing else may.
      if (sent.apiMethod === 'staff.health' && answer.status === 200)
        body = body.split(JSON.stringify(dataDir).slice(1, -1)).join('<data folder>');
      if (answer.status >= 500) failures.push(`${sent.summary}: ${answer.status} ${body.slice(0, 200)}`);
      // A client that hung up part-way may get no status line at all; any other request must.
      else if (answer.status === 0 && sent.abortAfter === undefined)
        failures.push(`${sent.summary}: the connection closed without an answer`);
      const leak = leaks(body);
      if (leak) failures.push(`${sent.summary}: ${leak} in ${body.slice(0, 200)}`);
      if (answer.status === 200 && sent.apiMethod) {
        methodsReached.add(sent.apiMethod);
        const parsed = JSON.parse(body) as { value?: unknown };
        maker.harvest(parsed.value, sent.apiMethod);
      }
      // Fuzzed sign-ins lock staff out and fuzzed calls may end the session: sign in again, after
      // moving the clock past the lock-out, so the staff methods stay reachable.
      if (answer.status === 401 && sent.headers['x-kiosk-staff'] === session) {
        for (let attempt = 0; attempt < 3; attempt++) {
          const login = await h.api('staff.login', { pin: STAFF_PIN });
          if (login.status === 200) {
            session = (JSON.parse(login.text) as { value: { session: string } }).value.session;
            break;
          }
          clock += 60 * 60 * 1000;
        }
      }
    }
    // One at a time first, so a failure replays exactly; then the last fifth eight at a time, for
    // what only shows when calls overlap (two writes to one document).
    const concurrentFrom = Math.floor(RUNS * 0.8);
    for (let index = 0; index < RUNS && failures.length < 20;) {
      const batch = index < concurrentFrom ? 1 : Math.min(8, RUNS - index);
      const sent = Array.from({ length: batch }, (_, k) => buildRequest(random, maker, index + k));
      const before = logged.length;
      await Promise.all(sent.map(run));
      if (logged.length > before)
        failures.push(
          `${sent.map((s) => s.summary).join(' + ')}: the core logged ${logged.slice(before).join(' | ').slice(0, 400)}`,
        );
      index += batch;
    }
    const health = await fetch(`${h.server.url}healthz`);
    console.log(
      `[fuzz] statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; ` +
        `${methodsReached.size}/${METHOD_NAMES.length} methods answered 200 at least once ` +
        `(not: ${METHOD_NAMES.filter((m) => !methodsReached.has(m)).join(', ')})`,
    );
    expect(failures, `seed ${SEED}: replay with KIOSK_FUZZ_SEED=${SEED}`).toEqual([]);
    expect(health.status).toBe(200);
  }, 240_000);
});
