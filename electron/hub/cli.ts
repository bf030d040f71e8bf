import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Clock } from '../core/clock';
import type { Language } from '../shared/languages';
import { acceptKiosks, watchKiosks, type AcceptResult } from './accept';
import { HubError, resolveHubHome } from './home';
import { writeJoinFile } from './join';
import { makeKeys } from './keys';
import { isLanguage, languageFromEnvironment, sayIn, type Say } from './messages';
import { buildPack, PackContentError } from './pack';
import { runReport } from './report-command';
import type { HubSyncthing } from './syncthing';

/**
 * `npm run hub -- <command>`: the organisation's tool on its hub computer. This file only reads
 * the command line and prints; each command is a module that takes plain options and returns a
 * result (the integration test and the bench call them directly). Exit codes: 0 done, 1 bad
 * input, 2 the hub's Syncthing not running, 3 no organisation key.
 */

export interface HubIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  now?: Clock;
  /** Tests pass a fake Syncthing; otherwise each command opens the hub's own. */
  syncthing?: HubSyncthing;
  /** Ends `watch` (the CLI wires Ctrl-C to it). */
  signal?: AbortSignal;
}

const COMMON = ['home', 'language', 'syncthing-home', 'help'] as const;
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  keys: ['organisation', 'force'],
  pack: ['version'],
  join: ['centre', 'district', 'address', 'replace'],
  accept: [],
  watch: [],
  report: ['from', 'to', 'out'],
};
/** Positionals each command takes: the pack folder, the kiosk id. */
const POSITIONALS: Record<string, string | null> = {
  keys: null,
  pack: '<folder>',
  join: '<kiosk id>',
  accept: null,
  watch: null,
  report: null,
};

const OPTIONS = {
  home: { type: 'string' },
  language: { type: 'string' },
  'syncthing-home': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  organisation: { type: 'string' },
  force: { type: 'boolean' },
  version: { type: 'string' },
  centre: { type: 'string' },
  district: { type: 'string' },
  address: { type: 'string', multiple: true },
  replace: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function required(
  values: Values,
  name: 'organisation' | 'version' | 'centre' | 'district' | 'from' | 'to',
): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new HubError(1, 'errors.missingArgument', { name: `--${name}` });
  return value;
}

function printAccept(say: Say, result: AcceptResult, io: HubIo, quiet: boolean): void {
  for (const kiosk of result.accepted)
    io.out(
      say(kiosk.bound ? 'accept.bound' : 'accept.again', {
        kioskId: kiosk.kioskId,
        deviceId: kiosk.deviceId,
      }),
    );
  for (const claim of result.refused) io.err(say('accept.refused', { ...claim }));
  if (quiet) return;
  for (const device of result.unknown) io.out(say('accept.unknown', device));
  if (result.accepted.length === 0 && result.refused.length === 0) io.out(say('accept.none'));
}

async function run(
  command: string,
  values: Values,
  positionals: string[],
  io: HubIo,
  language: Language,
): Promise<void> {
  const say = sayIn(language);
  const home = resolveHubHome(values.home, io.env);
  const syncthingHome = values['syncthing-home'];
  const common = { home, syncthingHome, syncthing: io.syncthing, now: io.now };
  switch (command) {
    case 'keys': {
      const result = await makeKeys({
        home,
        organisation: required(values, 'organisation'),
        force: values.force,
        now: io.now,
      });
      io.out(say('keys.made', { organisation: result.organisation, fingerprint: result.fingerprint }));
      io.out(say('keys.files', { privateKey: result.privateKey, publicKey: result.publicKey }));
      if (result.retired) io.out(say('keys.retired', { retired: result.retired }));
      return;
    }
    case 'pack': {
      const result = await buildPack({
        ...common,
        folder: positionals[0]!,
        version: required(values, 'version'),
      });
      io.out(
        say('pack.done', {
          version: result.version,
          files: result.files,
          bytes: result.bytes,
          parts: result.parts.join(', '),
        }),
      );
      if (result.previous)
        io.out(say('pack.replaced', { previous: result.previous, removed: result.removed }));
      io.out(say(result.rescan === 'done' ? 'pack.sent' : 'pack.notRunning'));
      return;
    }
    case 'join': {
      const result = await writeJoinFile({
        ...common,
        kioskId: positionals[0]!,
        centre: required(values, 'centre'),
        district: required(values, 'district'),
        addresses: values.address ?? [],
        replace: values.replace,
      });
      if (result.replaced)
        io.out(say('join.replaced', { kioskId: result.join.kioskId, deviceId: result.replaced }));
      io.out(say('join.done', { kioskId: result.join.kioskId, file: result.file }));
      const addresses = result.join.hub.addresses.join(', ');
      io.out(
        say(result.addressesFrom === 'option' ? 'join.addressesOption' : 'join.addressesListen', {
          addresses,
        }),
      );
      io.out(say('join.next'));
      return;
    }
    case 'accept':
      printAccept(say, await acceptKiosks(common), io, false);
      return;
    case 'watch': {
      const seconds = 10;
      io.out(say('accept.watching', { seconds }));
      let lastError = '';
      await watchKiosks({
        ...common,
        intervalMs: seconds * 1000,
        signal: io.signal ?? new AbortController().signal,
        onRound: (round) => {
          if (round instanceof HubError) {
            // Said once while it lasts, not every ten seconds.
            const line = say(round.key, round.params);
            if (line !== lastError) io.err(line);
            lastError = line;
            return;
          }
          lastError = '';
          printAccept(say, round, io, true);
        },
      });
      return;
    }
    case 'report': {
      const result = await runReport({
        home,
        from: required(values, 'from'),
        to: required(values, 'to'),
        language,
        out: values.out ? path.resolve(values.out) : undefined,
        now: io.now,
      });
      io.out(say('report.done', { from: result.from, to: result.to, folder: result.folder }));
      for (const file of result.files) io.out(say('report.file', { file }));
      for (const kiosk of result.notReported)
        io.out(
          kiosk.since
            ? say('report.notReported', { kioskId: kiosk.kioskId, centre: kiosk.centre, since: kiosk.since })
            : say('report.neverReported', { kioskId: kiosk.kioskId, centre: kiosk.centre }),
        );
      if (result.report.centres.length === 0) io.out(say('report.noKiosks'));
      else if (result.notReported.length === 0) io.out(say('report.allReported', { to: result.to }));
      if (result.skipped > 0) io.out(say('report.skipped', { count: result.skipped }));
      return;
    }
  }
}

/** Runs one command line; resolves to the exit code. Never throws. */
export async function runHub(argv: string[], io: HubIo): Promise<number> {
  let language = languageFromEnvironment(io.env);
  let say = sayIn(language);
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(say('errors.badArguments', { detail: error instanceof Error ? error.message : String(error) }));
    io.err(say('usage'));
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.language !== undefined) {
    if (!isLanguage(values.language)) {
      io.err(say('errors.badLanguage', { value: values.language }));
      return 1;
    }
    language = values.language;
    say = sayIn(language);
  }
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    (command || values.help ? io.out : io.err)(say('usage'));
    return command || values.help ? 0 : 1;
  }
  if (!(command in COMMAND_OPTIONS)) {
    io.err(say('errors.unknownCommand', { command }));
    io.err(say('usage'));
    return 1;
  }
  const allowed = new Set<string>([...COMMON, ...COMMAND_OPTIONS[command]!]);
  const stray = Object.keys(values).find((name) => !allowed.has(name));
  const wanted = POSITIONALS[command] ?? null;
  if (stray || rest.length !== (wanted ? 1 : 0)) {
    const detail = stray
      ? `--${stray}`
      : wanted && rest.length === 0
        ? wanted
        : rest.slice(wanted ? 1 : 0).join(' ');
    io.err(
      stray || rest.length > (wanted ? 1 : 0)
        ? say('errors.badArguments', { detail })
        : say('errors.missingArgument', { name: detail }),
    );
    return 1;
  }
  try {
    await run(command, values, rest, io, language);
    return 0;
  } catch (error) {
    if (error instanceof HubError) {
      io.err(say(error.key, error.params));
      if (error instanceof PackContentError)
        for (const problem of error.problems) io.err(say('errors.packProblem', { ...problem }));
      return error.exitCode;
    }
    io.err(say('errors.unexpected', { detail: error instanceof Error ? error.message : String(error) }));
    return 1;
  }
}

async function main(): Promise<void> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  process.exitCode = await runHub(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    signal: controller.signal,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) void main();
