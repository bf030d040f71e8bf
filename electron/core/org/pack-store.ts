import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KioskError } from '../errors';
import { syncFolder } from '../store/durable-file';
import type { StoredDocument } from '../store/document';
import { pushRefusal, type AppliedPack, type OrgDoc, type PackRefusal } from './org-doc';
import { compareVersions, hashFile, manifestDigest, partsOf, type PackManifest } from './pack-manifest';

/**
 * The applied content packs: immutable trees under `<dataDir>/org/packs/<version>-<8 hex>/` and
 * the `packs` section of org.json that says which one is current. Applying is atomic: the tree
 * is written in full under a temporary name, checked, fsynced and renamed into place, and only
 * then does ONE durable write of org.json make it current (the old current becoming previous).
 * A kiosk switched off at any step restarts on the pack it had; what the interrupted step left
 * behind is swept by prune(). Content goes live last, through `activate`; if that fails the
 * document is flipped back and the pack is reported.
 *
 * Calls are serialised: the org loop and a staff member pressing Apply never interleave.
 */

/** One problem the content checks found (H3's validateContentTree answers these). */
export interface ContentProblem {
  part: string;
  file: string;
  problem: string;
}

export interface PackTreeTools {
  /** Writes the applied tree for the pack in `packFolder` into `into` (a folder that does not exist yet). */
  buildTree(packFolder: string, manifest: PackManifest, into: string): Promise<void>;
  /** The problems the kiosk's own loaders find in a built tree; empty when it may be applied. */
  validate(tree: string): Promise<ContentProblem[]>;
  /** Makes a tree the live content (null: the shipped content). Throws when it cannot. */
  activate(tree: string | null): Promise<void>;
}

export type ApplyOutcome =
  | { outcome: 'applied'; pack: AppliedPack }
  | { outcome: 'refused'; refusal: PackRefusal; recorded: boolean }
  /** A pack file changed while the tree was built (Syncthing brought a newer one): check again later. */
  | { outcome: 'changed' };

export type PackVerdict =
  | { ok: true }
  /** `record`: whether Data health should list it (a pack seen again every poll is listed once). */
  | { ok: false; reason: string; params: Record<string, string | number>; record: boolean };

/** What the store needs of org.json: StoredDocument<OrgDoc> fits; tests may pass one on a faulty disk. */
export type OrgDocument = Pick<StoredDocument<OrgDoc>, 'data' | 'update'>;

export interface PackStoreOptions {
  dataDir: string;
  doc: OrgDocument;
  now: () => Date;
}

const TEMP_PREFIX = '.tmp-';
const MAX_HELD = 200;
/** The schema's bound on a refusal's string param. */
const MAX_PARAM_LENGTH = 300;

function refusalKey(name: string): string {
  return `org.refusals.${name}`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Every file and folder under `dir` fsynced, children before their folder, so the tree survives a power cut. */
async function syncTree(dir: string): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await syncTree(full);
    else if (entry.isFile()) {
      const handle = await fs.open(full, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  }
  await syncFolder(dir);
}

export class PackStore {
  readonly packsDir: string;
  private readonly doc: OrgDocument;
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();
  private tempCount = 0;

  constructor(options: PackStoreOptions) {
    this.packsDir = path.join(options.dataDir, 'org', 'packs');
    this.doc = options.doc;
    this.now = options.now;
  }

  get packs(): Readonly<OrgDoc['packs']> {
    return this.doc.data.packs;
  }

  /** The folder of an applied pack's tree. */
  treeDir(pack: AppliedPack): string {
    return path.join(this.packsDir, pack.tree);
  }

  /** The current pack's tree, or null when the kiosk runs its shipped content. */
  currentTree(): string | null {
    const current = this.packs.current;
    return current ? this.treeDir(current) : null;
  }

  /** The folder name a manifest's tree gets: its version and the first 8 hex of its digest. */
  static treeName(manifest: PackManifest): string {
    return `${manifest.version}-${manifestDigest(manifest).slice(0, 8)}`;
  }

  /**
   * Whether a checked pack may be applied now: from the organisation joined, newer than current,
   * and not a version staff rolled back from (unless staff apply it themselves). The same version
   * as current is no news when it is the very pack applied, and worth one line when other content
   * claims the same number.
   */
  judge(manifest: PackManifest, options: { byStaff?: boolean } = {}): PackVerdict {
    const { version } = manifest;
    const organisation = this.doc.data.joined?.join.organisation.name;
    if (organisation !== undefined && manifest.organisation !== organisation)
      return {
        ok: false,
        reason: refusalKey('otherOrganisation'),
        params: { version, organisation: manifest.organisation },
        record: true,
      };
    const current = this.packs.current;
    if (current) {
      const order = compareVersions(version, current.version);
      if (order === 0)
        return {
          ok: false,
          reason: refusalKey('sameVersion'),
          params: { version },
          record: current.tree !== PackStore.treeName(manifest),
        };
      // Older content comes back through rollback (which keeps the previous tree for it), or when
      // staff themselves apply a version they rolled back from.
      if (order < 0 && !(options.byStaff && this.packs.held.includes(version)))
        return {
          ok: false,
          reason: refusalKey('olderVersion'),
          params: { version, current: current.version },
          record: true,
        };
    }
    if (!options.byStaff && this.packs.held.includes(version))
      return { ok: false, reason: refusalKey('heldVersion'), params: { version }, record: true };
    return { ok: true };
  }

  /**
   * Records a refusal for Data health, newest first, at most 20. The loop re-checks every poll,
   * so a version already refused for the same reason is not added again. Answers whether it was added.
   */
  refuse(version: string, reason: string, params: Record<string, string | number> = {}): Promise<boolean> {
    return this.serial(() => this.record(version, reason, params));
  }

  /**
   * Applies the pack in `folder` (checked ready by checkPackFolder): judged again, built, checked
   * against the manifest's hashes and the content schemas, made durable, made current, made live.
   * Nothing changes unless it is applied. Storage failures are thrown (nothing changed either).
   */
  apply(
    folder: string,
    manifest: PackManifest,
    tools: PackTreeTools,
    options: { byStaff?: boolean } = {},
  ): Promise<ApplyOutcome> {
    return this.serial(() => this.applyNow(folder, manifest, tools, options));
  }

  /**
   * One step back: current ↔ previous (no previous: the shipped content, and the pack left
   * becomes previous, so a second rollback returns to it). The version left is held: the loop
   * does not apply it again on its own. Answers the pack now current (null: shipped).
   */
  rollback(activate: PackTreeTools['activate']): Promise<AppliedPack | null> {
    return this.serial(() => this.rollbackNow(activate));
  }

  /** Removes every tree that is neither current nor previous, and what an interrupted apply left. */
  prune(): Promise<string[]> {
    return this.serial(() => this.pruneNow());
  }

  private serial<R>(run: () => Promise<R>): Promise<R> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async record(
    version: string,
    reason: string,
    params: Record<string, string | number>,
  ): Promise<boolean> {
    if (this.packs.refused.some((refusal) => refusal.version === version && refusal.reason === reason))
      return false;
    const bounded: Record<string, string | number> = { version };
    for (const [key, value] of Object.entries(params))
      bounded[key.slice(0, 40)] = typeof value === 'string' ? value.slice(0, MAX_PARAM_LENGTH) : value;
    const refusal: PackRefusal = { version, at: this.now().toISOString(), reason, params: bounded };
    await this.doc.update((draft) => pushRefusal(draft, refusal));
    return true;
  }

  private async refused(
    version: string,
    reason: string,
    params: Record<string, string | number>,
    record = true,
  ): Promise<ApplyOutcome> {
    const recorded = record ? await this.record(version, reason, params) : false;
    return {
      outcome: 'refused',
      refusal: { version, at: this.now().toISOString(), reason, params: { version, ...params } },
      recorded,
    };
  }

  private async applyNow(
    folder: string,
    manifest: PackManifest,
    tools: PackTreeTools,
    options: { byStaff?: boolean },
  ): Promise<ApplyOutcome> {
    const { version } = manifest;
    const verdict = this.judge(manifest, options);
    if (!verdict.ok) return this.refused(version, verdict.reason, verdict.params, verdict.record);

    const name = PackStore.treeName(manifest);
    const final = path.join(this.packsDir, name);
    await fs.mkdir(this.packsDir, { recursive: true });
    // What an apply cut short by a power cut left; nothing else builds here (calls are serialised).
    for (const leftover of await fs.readdir(this.packsDir))
      if (leftover.startsWith(TEMP_PREFIX))
        await fs.rm(path.join(this.packsDir, leftover), { recursive: true, force: true });
    const kept = [this.packs.current?.tree, this.packs.previous?.tree];
    if (!kept.includes(name)) {
      const built = await this.buildChecked(folder, manifest, tools);
      if (built.outcome === 'changed') return { outcome: 'changed' };
      if (built.outcome === 'refused') return built.result;
      // A tree of the same name not in use is what a crash between rename and org.json left; replace it.
      await fs.rm(final, { recursive: true, force: true });
      await fs.rename(built.temp, final);
      await syncFolder(this.packsDir);
    }
    // else: the previous tree is this very pack (staff applying what they rolled back from); trees never change.

    const before = { current: this.packs.current, previous: this.packs.previous, held: [...this.packs.held] };
    const pack: AppliedPack = {
      version,
      organisation: manifest.organisation,
      created: manifest.created,
      appliedAt: this.now().toISOString(),
      tree: name,
      parts: partsOf(manifest),
    };
    await this.doc.update((draft) => {
      draft.packs.previous = draft.packs.current;
      draft.packs.current = pack;
      draft.packs.held = draft.packs.held.filter((held) => held !== version);
      if (draft.packs.waiting?.version === version) draft.packs.waiting = null;
    });
    try {
      await tools.activate(final);
    } catch (error) {
      await this.doc.update((draft) => {
        draft.packs.current = before.current;
        draft.packs.previous = before.previous;
        draft.packs.held = before.held;
      });
      // What was live stays live: the activator swaps content only once it has loaded in full.
      return this.refused(version, refusalKey('notApplied'), { problem: errorMessage(error) });
    }
    await this.pruneNow();
    return { outcome: 'applied', pack };
  }

  /** The tree built under a temporary name and checked; on any refusal the temp is gone. */
  private async buildChecked(
    folder: string,
    manifest: PackManifest,
    tools: PackTreeTools,
  ): Promise<
    { outcome: 'built'; temp: string } | { outcome: 'changed' } | { outcome: 'refused'; result: ApplyOutcome }
  > {
    this.tempCount += 1;
    const temp = path.join(this.packsDir, `${TEMP_PREFIX}${PackStore.treeName(manifest)}-${this.tempCount}`);
    await fs.rm(temp, { recursive: true, force: true });
    let ok = false;
    try {
      await tools.buildTree(folder, manifest, temp);
      // The pack folder is Syncthing's and may change under us: the tree must hold the signed bytes.
      for (const file of manifest.files) {
        const copied = path.join(temp, ...file.path.split('/'));
        const sha = await hashFile(copied).catch(() => null);
        if (sha !== file.sha256) return { outcome: 'changed' };
      }
      const problems = await tools.validate(temp);
      const first = problems[0];
      if (first)
        return {
          outcome: 'refused',
          result: await this.refused(manifest.version, refusalKey('contentInvalid'), {
            part: first.part,
            file: first.file,
            problem: first.problem,
            count: problems.length,
          }),
        };
      await syncTree(temp);
      ok = true;
      return { outcome: 'built', temp };
    } finally {
      if (!ok) await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private async rollbackNow(activate: PackTreeTools['activate']): Promise<AppliedPack | null> {
    const { current, previous } = this.packs;
    if (!current && !previous)
      throw new KioskError('conflict', 'There is no content pack to roll back from or to.', {
        reason: 'org.errors.nothingToRollBack',
      });
    const target = previous;
    const heldBefore = [...this.packs.held];
    if (target) {
      const exists = await fs
        .stat(this.treeDir(target))
        .then((stats) => stats.isDirectory())
        .catch(() => false);
      if (!exists)
        throw new KioskError('conflict', `The previous pack's content (${target.tree}) is missing.`, {
          reason: 'org.errors.previousPackMissing',
          params: { version: target.version },
        });
    }
    await this.doc.update((draft) => {
      draft.packs.current = target;
      draft.packs.previous = current;
      let held = draft.packs.held.filter((version) => version !== target?.version);
      if (current && !held.includes(current.version)) held = [...held, current.version];
      draft.packs.held = held.slice(-MAX_HELD);
    });
    try {
      await activate(target ? this.treeDir(target) : null);
    } catch (error) {
      await this.doc.update((draft) => {
        draft.packs.current = current;
        draft.packs.previous = previous;
        draft.packs.held = heldBefore;
      });
      throw new KioskError('internal', `Rolling back failed: ${errorMessage(error)}`, {
        reason: 'org.errors.rollbackFailed',
      });
    }
    return target;
  }

  private async pruneNow(): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.packsDir);
    } catch {
      return [];
    }
    const keep = new Set([this.packs.current?.tree, this.packs.previous?.tree].filter(Boolean));
    const removed: string[] = [];
    for (const name of names) {
      if (keep.has(name)) continue;
      try {
        await fs.rm(path.join(this.packsDir, name), { recursive: true, force: true });
        removed.push(name);
      } catch {
        // Tried again next time.
      }
    }
    return removed;
  }
}
