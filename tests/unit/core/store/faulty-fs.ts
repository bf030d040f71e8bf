import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { DurableFs } from '../../../../electron/core/store/durable-file';

/**
 * A real file system with failures injected where a durable write can break: writing the temp file
 * (half the bytes land, then ENOSPC, as a disk filling up does), its fsync, creating it, the rename
 * into place, the folder's fsync, and reading a file (EACCES, which root cannot get from chmod).
 */
export type FaultPoint =
  'create-temp' | 'write-temp' | 'sync-temp' | 'rename' | 'sync-folder' | 'read' | 'move';

export interface Fault {
  at: FaultPoint;
  /** The document file the call is for (`counter.json`, `counter.bak.json`); for sync-folder, any. */
  file?: string;
  code: string;
  /** Fail this many times, then let calls through; forever when left out. */
  times?: number;
}

const TEMP = /^\.(.+)\.\d+\.\d+\.tmp$/;

function errno(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: injected fault, ${syscall} '${file}'`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = syscall;
  error.path = file;
  return error;
}

/** The document a path belongs to: the target of a temp file, else the file's own name. */
function documentOf(file: string): string {
  const name = path.basename(String(file));
  return TEMP.exec(name)?.[1] ?? name;
}

export function faultyFs(faults: Fault[]): DurableFs & { tripped: string[] } {
  const left = faults.map((fault) => ({ ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY }));
  const tripped: string[] = [];

  function trip(at: FaultPoint, file: string, syscall: string): void {
    const fault = left.find(
      (f) => f.at === at && f.remaining > 0 && (f.file === undefined || f.file === documentOf(file)),
    );
    if (!fault) return;
    fault.remaining -= 1;
    tripped.push(`${at}:${documentOf(file)}`);
    throw errno(fault.code, syscall, String(file));
  }

  function wrapHandle(handle: FileHandle, file: string, isTemp: boolean, isFolder: boolean): FileHandle {
    return new Proxy(handle, {
      get(target, key, receiver) {
        if (key === 'writeFile' && isTemp) {
          return async (data: string | Uint8Array) => {
            const bytes = typeof data === 'string' ? Buffer.from(data) : data;
            try {
              trip('write-temp', file, 'write');
            } catch (error) {
              await target.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
              throw error;
            }
            return target.writeFile(bytes);
          };
        }
        if (key === 'sync') {
          return async () => {
            if (isTemp) trip('sync-temp', file, 'fsync');
            if (isFolder) trip('sync-folder', file, 'fsync');
            return target.sync();
          };
        }
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  const facade: DurableFs = {
    ...fs,
    open: (async (file: string, flags?: string, mode?: number) => {
      const isTemp = TEMP.test(path.basename(String(file)));
      if (isTemp) trip('create-temp', file, 'open');
      const handle = await fs.open(file, flags, mode);
      const isFolder = !isTemp && (await handle.stat()).isDirectory();
      return wrapHandle(handle, file, isTemp, isFolder);
    }) as DurableFs['open'],
    rename: async (from, to) => {
      trip(TEMP.test(path.basename(String(from))) ? 'rename' : 'move', String(from), 'rename');
      return fs.rename(from, to);
    },
    readFile: (async (file: string, options?: unknown) => {
      trip('read', file, 'open');
      return fs.readFile(file, options as BufferEncoding);
    }) as DurableFs['readFile'],
  };
  return Object.assign(facade, { tripped });
}
