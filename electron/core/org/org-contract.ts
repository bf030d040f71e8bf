import { z } from 'zod';
import { coordinatorOnly, method } from '../contract-method';
import type { LocalisedText } from '../i18n';
import { isSourceContent, type SourceContent } from '../hotspots/source-stream';
import type { DistrictCode } from '../hotspots/districts';
import { MAX_JOIN_FILE_BYTES } from './join-file';
import {
  ApplyModeSchema,
  type AppliedPack,
  type ApplyMode,
  type PackPart,
  type PackRefusal,
  type WaitingPack,
} from './org-doc';

export type { AppliedPack, ApplyMode, PackPart, PackRefusal, WaitingPack };

const Empty = z.object({}).strict();
/** The join file itself: bytes over IPC, the request body as it streams in over HTTP. */
const JoinContentSchema = z.custom<SourceContent>(isSourceContent, { message: 'Expected the file itself' });

/** A Syncthing folder as the console shows it: its state word and what it still has to move. */
export interface FolderSync {
  /** Syncthing's folder state (idle, scanning, syncing, error…), or 'unknown' when it could not say. */
  state: string;
  needBytes: number;
}

export interface OrgStatus {
  /** 'not-found': no Syncthing set up for the kiosk; 'not-running': set up but not answering. */
  syncthing: 'running' | 'not-running' | 'not-found';
  joined: null | {
    kioskId: string;
    organisation: string;
    centre: { name: string; district: DistrictCode };
    hubDeviceId: string;
    joinedAt: string;
    applyMode: ApplyMode;
    /** This kiosk's own Syncthing device id; null while Syncthing does not answer. */
    deviceId: string | null;
  };
  /** Null when not joined or Syncthing does not answer. */
  sync: null | {
    connected: boolean;
    lastContact: string | null;
    content: FolderSync;
    figures: FolderSync;
    errors: { folder: string; message: string; path?: string }[];
  };
  packs: {
    current: AppliedPack | null;
    previous: AppliedPack | null;
    waiting: WaitingPack | null;
    refused: PackRefusal[];
    /** A checked pack waiting for staff to apply it (preview mode, or a held version). */
    pending: PackPreview | null;
    held: string[];
  };
  figures: { lastDayWritten: string | null };
}

/** One content item a pack adds, changes or removes: its id and its title in every language. */
export interface PackItem {
  id: string;
  title: LocalisedText;
}
export interface PackItemChanges {
  added: PackItem[];
  changed: PackItem[];
  removed: PackItem[];
}

/** What applying a pack would change, against the content in use now. */
export interface PackPreview {
  version: string;
  organisation: string;
  created: string;
  parts: PackPart[];
  lessons: PackItemChanges;
  programmes: PackItemChanges;
  /** Whether the pack replaces the accessibility demonstrations. */
  accessibility: boolean;
  /** Venues in the pack's Wi-Fi dataset; null when the pack carries none. */
  wifiVenues: number | null;
}

/** What confirming a join file would do; nothing is changed until staff confirm with the token. */
export interface JoinPreview {
  token: string;
  kioskId: string;
  organisation: string;
  centre: { name: string; district: DistrictCode };
  hubDeviceId: string;
  hubAddresses: string[];
  /** SHA-256 of the key's SPKI DER, first 16 hex digits in groups of 4: to read out to the hub's staff. */
  keyFingerprint: string;
  folders: { content: string; figures: string };
  /** i18n keys, one sentence each, of what confirming will do. */
  willDo: string[];
}

export const orgMethods = {
  'staff.org.status': method<OrgStatus>()({ input: Empty, staff: true }),
  ...coordinatorOnly({
    /** Reads a join file and says what joining would do; nothing is changed until confirm. */
    'staff.org.join.preview': method<JoinPreview>()({
      input: z.object({ content: JoinContentSchema }).strict(),
      staff: true,
      maxBodyBytes: MAX_JOIN_FILE_BYTES,
      upload: 'content',
    }),
    /** Electron: the file dialog (a USB stick); the browser kiosk answers forbidden (it uploads). */
    'staff.org.join.choose': method<JoinPreview | { cancelled: true }>()({ input: Empty, staff: true }),
    'staff.org.join.confirm': method<OrgStatus>()({
      input: z.object({ token: z.string().min(1).max(64) }).strict(),
      staff: true,
    }),
    /** Stops syncing with the hub; applied content and figures already written stay. */
    'staff.org.leave': method<OrgStatus>()({ input: Empty, staff: true }),
    'staff.org.mode': method<OrgStatus>()({
      input: z.object({ applyMode: ApplyModeSchema }).strict(),
      staff: true,
    }),
    /** Applies the pending pack of this version, after the same checks again. */
    'staff.org.pack.apply': method<OrgStatus>()({
      input: z.object({ version: z.string().min(1).max(40) }).strict(),
      staff: true,
    }),
    /** One step back: current ↔ previous (none → the shipped content). */
    'staff.org.pack.rollback': method<OrgStatus>()({ input: Empty, staff: true }),
  }),
} as const;

export type OrgMethods = typeof orgMethods;
