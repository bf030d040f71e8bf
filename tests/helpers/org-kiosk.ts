import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Result } from '../../electron/core/errors';
import type { OrgStatus } from '../../electron/core/org/org-contract';
import { createKioskCore, type CoreOptions, type KioskCore } from '../../electron/core/service';
import { waitUntil } from './syncthing-instance';

/**
 * A real kiosk core for the organisation tests and bench, signed in as its coordinator (the first
 * staff set up), talking to the Syncthing at `syncthingHome`; and the few things those journeys
 * ask of it again and again.
 */

export const SHIPPED_DATA = path.resolve(import.meta.dirname, '../../data');
const PIN = '246813';

export interface OrgKiosk {
  name: string;
  dataDir: string;
  core: KioskCore;
  call<T>(method: string, input?: unknown): Promise<T>;
  raw(method: string, input?: unknown): Promise<Result<unknown>>;
}

export async function openOrgKiosk(options: {
  name: string;
  dataDir: string;
  syncthingHome: string;
  now: () => Date;
  orgPollMs?: number;
}): Promise<OrgKiosk> {
  const coreOptions: CoreOptions = {
    dataDir: options.dataDir,
    shell: 'browser',
    now: options.now,
    syncthingHome: options.syncthingHome,
    orgPollMs: options.orgPollMs ?? 250,
  };
  const core = await createKioskCore(coreOptions);
  const status = await core.invoke('staff.status', {});
  const pinSet = status.ok && (status.value as { pinSet: boolean }).pinSet;
  const signIn = pinSet
    ? await core.invoke('staff.login', { pin: PIN })
    : await core.invoke('staff.setup', { pin: PIN, confirm: PIN });
  if (!signIn.ok) throw new Error(signIn.error.message);
  let session = (signIn.value as { session: string }).session;
  const raw = async (method: string, input: unknown = {}): Promise<Result<unknown>> => {
    const result = await core.invoke(method, input, { staffSession: session });
    if (result.ok || result.error.code !== 'unauthorized') return result;
    // Moving the clock on a day ends the staff session, as on the kiosk: sign in again.
    const again = await core.invoke('staff.login', { pin: PIN });
    if (!again.ok) throw new Error(again.error.message);
    session = (again.value as { session: string }).session;
    return core.invoke(method, input, { staffSession: session });
  };
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await raw(method, input);
    if (!result.ok)
      throw new Error(
        `${options.name} ${method}: ${result.error.code} ${result.error.reason} ${result.error.message}`,
      );
    return result.value as T;
  };
  return { name: options.name, dataDir: options.dataDir, core, call, raw };
}

export async function lessonIds(kiosk: OrgKiosk): Promise<string[]> {
  const list = await kiosk.call<{ lessons: { id: string }[] }>('lessons.list');
  return list.lessons.map((lesson) => lesson.id).sort();
}

export function orgStatus(kiosk: OrgKiosk): Promise<OrgStatus> {
  return kiosk.call<OrgStatus>('staff.org.status');
}

/** Polls the kiosk's staff.org.status until `check` holds; the last status is in the failure. */
export async function waitForStatus(
  kiosk: OrgKiosk,
  what: string,
  check: (status: OrgStatus) => boolean,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<OrgStatus> {
  let last: OrgStatus | undefined;
  try {
    await waitUntil(
      async () => {
        last = await orgStatus(kiosk);
        return check(last);
      },
      options.timeoutMs ?? 60_000,
      `${kiosk.name}: ${what}`,
      options.intervalMs,
    );
  } catch (error) {
    throw new Error(`${String(error)}\nlast status: ${JSON.stringify(last, null, 1)}`, { cause: error });
  }
  return last as OrgStatus;
}

/**
 * A pack's source folder: the shipped lessons plus lessons `extra` (copies of free-wifi under new
 * ids and titles), since a pack's lessons replace the shipped set wholly.
 */
export async function lessonPackSource(root: string, name: string, extra: string[]): Promise<string> {
  const folder = path.join(root, 'sources', name);
  await fs.mkdir(path.join(folder, 'lessons'), { recursive: true });
  for (const file of await fs.readdir(path.join(SHIPPED_DATA, 'lessons')))
    await fs.copyFile(path.join(SHIPPED_DATA, 'lessons', file), path.join(folder, 'lessons', file));
  const model = JSON.parse(
    await fs.readFile(path.join(SHIPPED_DATA, 'lessons', 'free-wifi.json'), 'utf8'),
  ) as Record<string, unknown>;
  for (const id of extra) {
    // Only the shipped path's lessons carry a place on the "start here" path.
    const lesson: Record<string, unknown> = {
      ...model,
      id,
      title: { 'zh-HK': `機構課堂 ${id}`, en: `Organisation lesson ${id}` },
    };
    delete lesson['startHere'];
    await fs.writeFile(path.join(folder, 'lessons', `${id}.json`), `${JSON.stringify(lesson, null, 2)}\n`);
  }
  return folder;
}

/** Every file under `dir`, recursively (none when it does not exist). */
export async function allFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
