import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KioskError } from '../errors';

/**
 * The kiosk's and the hub's one way to talk to the local Syncthing: its REST API (v1.19) over
 * fetch, on loopback only, with the API key from Syncthing's own config.xml. Every failure is a
 * KioskError('unavailable') with a reason a screen can say (`org.errors.syncthing*`), so a kiosk
 * whose Syncthing is stopped or misconfigured says so instead of failing in the dark.
 */

export const SYNCTHING_REASONS = {
  notRunning: 'org.errors.syncthingNotRunning',
  refused: 'org.errors.syncthingRefused',
  notConfigured: 'org.errors.syncthingNotConfigured',
  notLoopback: 'org.errors.syncthingNotLoopback',
  failed: 'org.errors.syncthingFailed',
} as const;

export type SyncthingFolderType = 'sendonly' | 'receiveonly' | 'sendreceive';

export interface SyncthingFolderDevice {
  deviceID: string;
  introducedBy?: string;
  encryptionPassword?: string;
}

/** The fields this project sets; Syncthing fills the rest from its folder defaults. */
export interface SyncthingFolder {
  id: string;
  label: string;
  path: string;
  type: SyncthingFolderType;
  devices: SyncthingFolderDevice[];
  rescanIntervalS: number;
  fsWatcherEnabled: boolean;
  fsWatcherDelayS: number;
  ignorePerms: boolean;
  paused?: boolean;
  [more: string]: unknown;
}

export interface SyncthingDevice {
  deviceID: string;
  name: string;
  addresses: string[];
  autoAcceptFolders: boolean;
  introducer: boolean;
  paused?: boolean;
  [more: string]: unknown;
}

export interface SyncthingConfig {
  version: number;
  folders: SyncthingFolder[];
  devices: SyncthingDevice[];
  options: Record<string, unknown>;
  gui: Record<string, unknown>;
  [more: string]: unknown;
}

/** `/rest/cluster/pending/devices`: devices that tried to connect and are not configured. */
export type PendingDevices = Record<string, { time: string; name: string; address: string }>;

/** `/rest/cluster/pending/folders`: folders offered by configured devices, not yet shared here. */
export type PendingFolders = Record<
  string,
  {
    offeredBy: Record<
      string,
      { time: string; label: string; receiveEncrypted?: boolean; remoteEncrypted?: boolean }
    >;
  }
>;

export interface FolderStatus {
  /** idle, scanning, scan-waiting, syncing, sync-preparing, sync-waiting, cleaning, error, … */
  state: string;
  needBytes: number;
  needFiles: number;
  /** How many items could not be synced (see folderErrors for which and why). */
  errors: number;
  pullErrors: number;
  globalBytes: number;
  globalFiles: number;
  localBytes: number;
  localFiles: number;
  inSyncBytes: number;
  error: string;
  [more: string]: unknown;
}

export interface Completion {
  completion: number;
  needBytes: number;
  needItems: number;
  needDeletes: number;
  globalBytes: number;
  globalItems: number;
  remoteState?: string;
  [more: string]: unknown;
}

export interface ConnectionInfo {
  connected: boolean;
  paused: boolean;
  address: string;
  type: string;
  inBytesTotal: number;
  outBytesTotal: number;
  [more: string]: unknown;
}

export interface Connections {
  connections: Record<string, ConnectionInfo>;
  total: Record<string, unknown>;
}

/** `/rest/stats/device`: lastSeen is an ISO time, "1970-01-01T00:00:00Z" when never seen. */
export type DeviceStats = Record<string, { lastSeen: string; lastConnectionDurationS?: number }>;

export interface FolderError {
  path: string;
  error: string;
}

export interface SyncthingClientOptions {
  /** e.g. http://127.0.0.1:8384 (no trailing slash needed). */
  baseUrl: string;
  apiKey: string;
  /** Per request; Syncthing answers loopback calls in milliseconds, so 5 s means it is stuck. */
  timeoutMs?: number;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

function unavailable(reason: string, message: string, params?: Record<string, string | number>): KioskError {
  return new KioskError('unavailable', message, params ? { reason, params } : { reason });
}

/** Whether a `host:port` (or `[v6]:port`) names this machine only. */
export function isLoopbackAddress(address: string): boolean {
  const trimmed = address.trim().replace(/^https?:\/\//, '');
  let host: string;
  if (trimmed.startsWith('[')) {
    const end = trimmed.indexOf(']');
    if (end < 0) return false;
    host = trimmed.slice(0, end + 1);
  } else {
    const colon = trimmed.lastIndexOf(':');
    host = colon < 0 ? trimmed : trimmed.slice(0, colon);
  }
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

function xmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The GUI's address, API key and TLS flag from Syncthing's config.xml text. */
export function readGuiSettings(configXml: string): { address: string; apiKey: string; tls: boolean } | null {
  const gui = /<gui\b([^>]*)>([\s\S]*?)<\/gui>/.exec(configXml);
  if (!gui) return null;
  const attributes = gui[1] ?? '';
  const body = gui[2] ?? '';
  const address = /<address>([^<]*)<\/address>/.exec(body)?.[1];
  const apiKey = /<apikey>([^<]*)<\/apikey>/.exec(body)?.[1];
  if (address === undefined || apiKey === undefined) return null;
  return {
    address: xmlText(address.trim()),
    apiKey: xmlText(apiKey.trim()),
    tls: /\btls="true"/.test(attributes),
  };
}

/**
 * Where the Syncthing on this machine keeps its config: `$KIOSK_SYNCTHING_HOME`, else the XDG
 * state folder newer Syncthing uses (when it holds a config), else the classic ~/.config one
 * that Debian's v1.19 uses.
 */
export function defaultSyncthingHome(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const chosen = env['KIOSK_SYNCTHING_HOME'];
  if (chosen) return chosen;
  const state = join(home, '.local', 'state', 'syncthing');
  if (existsSync(join(state, 'config.xml'))) return state;
  return join(home, '.config', 'syncthing');
}

export class SyncthingClient {
  readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly timeoutMs: number;

  constructor(options: SyncthingClientOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'http:' || !isLoopbackAddress(url.host)) {
      throw unavailable(
        SYNCTHING_REASONS.notLoopback,
        `Syncthing's address ${options.baseUrl} is not loopback http`,
      );
    }
    this.baseUrl = `${url.protocol}//${url.host}`;
    this.apiKey = options.apiKey;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  /**
   * A client for the Syncthing whose home (config folder) is `home`. Synchronous: it only reads
   * config.xml, and a caller may `await` it or not.
   */
  static fromHome(home: string, options: { timeoutMs?: number } = {}): SyncthingClient {
    const file = join(home, 'config.xml');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw unavailable(SYNCTHING_REASONS.notConfigured, `No Syncthing config at ${file}`);
    }
    const gui = readGuiSettings(text);
    if (!gui || !gui.apiKey || !gui.address) {
      throw unavailable(
        SYNCTHING_REASONS.notConfigured,
        `Syncthing's config at ${file} has no GUI address or API key`,
      );
    }
    if (gui.address.startsWith('unix') || gui.address.startsWith('/') || !isLoopbackAddress(gui.address)) {
      throw unavailable(
        SYNCTHING_REASONS.notLoopback,
        `Syncthing's GUI listens on ${gui.address}, not loopback`,
      );
    }
    if (gui.tls) {
      // Loopback never leaves the machine; a self-signed certificate would only make fetch refuse it.
      throw unavailable(
        SYNCTHING_REASONS.notConfigured,
        "Syncthing's GUI is set to TLS; the kiosk uses plain loopback",
      );
    }
    const host = gui.address.replace(/^https?:\/\//, '');
    return new SyncthingClient({
      baseUrl: `http://${host}`,
      apiKey: gui.apiKey,
      timeoutMs: options.timeoutMs,
    });
  }

  private async request<T>(
    method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    query: Record<string, string> = {},
    body?: unknown,
  ): Promise<T> {
    const url = new URL(path, this.baseUrl);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const headers: Record<string, string> = { 'X-API-Key': this.apiKey };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw unavailable(
        SYNCTHING_REASONS.notRunning,
        `Syncthing at ${this.baseUrl} did not answer (${detail})`,
      );
    }
    const text = await response.text().catch(() => '');
    if (response.status === 401 || response.status === 403) {
      throw unavailable(SYNCTHING_REASONS.refused, `Syncthing refused the API key (${response.status})`);
    }
    if (!response.ok) {
      throw unavailable(
        SYNCTHING_REASONS.failed,
        `Syncthing ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`,
        {
          status: response.status,
        },
      );
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      // Some write endpoints answer plain text; callers of those ignore the value.
      return text as T;
    }
  }

  async ping(): Promise<boolean> {
    const answer = await this.request<{ ping?: string }>('GET', '/rest/system/ping');
    return answer?.ping === 'pong';
  }

  async myDeviceId(): Promise<string> {
    const status = await this.request<{ myID: string }>('GET', '/rest/system/status');
    return status.myID;
  }

  getConfig(): Promise<SyncthingConfig> {
    return this.request<SyncthingConfig>('GET', '/rest/config');
  }

  /** Adds or replaces one device; fields left out take Syncthing's device defaults. */
  async putDevice(device: Partial<SyncthingDevice> & { deviceID: string }): Promise<void> {
    await this.request('PUT', `/rest/config/devices/${encodeURIComponent(device.deviceID)}`, {}, device);
  }

  async removeDevice(id: string): Promise<void> {
    await this.request('DELETE', `/rest/config/devices/${encodeURIComponent(id)}`);
  }

  /** Adds or replaces one folder; fields left out take Syncthing's folder defaults. */
  async putFolder(folder: Partial<SyncthingFolder> & { id: string }): Promise<void> {
    await this.request('PUT', `/rest/config/folders/${encodeURIComponent(folder.id)}`, {}, folder);
  }

  async removeFolder(id: string): Promise<void> {
    await this.request('DELETE', `/rest/config/folders/${encodeURIComponent(id)}`);
  }

  /** This Syncthing's own device name (what a hub sees among its pending devices). */
  async setDeviceName(name: string): Promise<void> {
    const id = await this.myDeviceId();
    await this.request('PATCH', `/rest/config/devices/${encodeURIComponent(id)}`, {}, { name });
  }

  async pendingDevices(): Promise<PendingDevices> {
    return (await this.request<PendingDevices | null>('GET', '/rest/cluster/pending/devices')) ?? {};
  }

  async pendingFolders(): Promise<PendingFolders> {
    return (await this.request<PendingFolders | null>('GET', '/rest/cluster/pending/folders')) ?? {};
  }

  folderStatus(id: string): Promise<FolderStatus> {
    return this.request<FolderStatus>('GET', '/rest/db/status', { folder: id });
  }

  /** How far `deviceId` has the folder (100 = all of it), as this Syncthing last heard. */
  completion(folderId: string, deviceId: string): Promise<Completion> {
    return this.request<Completion>('GET', '/rest/db/completion', { folder: folderId, device: deviceId });
  }

  connections(): Promise<Connections> {
    return this.request<Connections>('GET', '/rest/system/connections');
  }

  deviceStats(): Promise<DeviceStats> {
    return this.request<DeviceStats>('GET', '/rest/stats/device');
  }

  async folderErrors(id: string): Promise<FolderError[]> {
    const answer = await this.request<{ errors: FolderError[] | null }>('GET', '/rest/folder/errors', {
      folder: id,
    });
    return answer?.errors ?? [];
  }

  async scan(folderId: string): Promise<void> {
    await this.request('POST', '/rest/db/scan', { folder: folderId });
  }

  async setOptions(partial: Record<string, unknown>): Promise<void> {
    await this.request('PATCH', '/rest/config/options', {}, partial);
  }
}
