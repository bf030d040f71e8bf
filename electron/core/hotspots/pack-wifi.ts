import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { CoreContext, PackWifiInstaller } from '../core-context';
import { logStaffAction } from '../staff-console/staff-log';
import type { HotspotDatasetStore } from './dataset-store';
import type { DistrictDirectory } from './districts';
import { readImport } from './importer';

/** What changed in the store, so the handlers refresh what they built from it (index, preview). */
export type PackWifiChange = 'fixed' | 'vehicles' | 'rollback';

/**
 * An organisation's pack carrying a Wi-Fi file: the file goes through the staff import's reader
 * (`readImport`: the same record rules, the same refusals) and the same store step as a staff
 * confirm (`replacePart`, so the one-step previous is kept for the Wi-Fi panel's rollback),
 * labelled with the pack's version so staff see where it came from. Going back to the shipped
 * content undoes a dataset a pack brought, and only that: a staff import since then is the
 * centre's own choice and stays.
 */
export function packWifiInstaller(
  ctx: CoreContext,
  store: HotspotDatasetStore,
  directory: DistrictDirectory,
  changed: (change: PackWifiChange) => Promise<void>,
): PackWifiInstaller {
  const fromPack = () => Boolean(store.current.fixed?.source.pack ?? store.current.vehicles?.source.pack);
  return {
    prepare: async (file, pack) => {
      // Read as a stream, as a staff upload is: a 50 MB file never sits in memory whole.
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
      const sha256 = hash.digest('hex');
      const doc = store.current;
      // Already the dataset in use (the same pack applied again): nothing to do.
      if (doc.fixed?.source.sha256 === sha256 || doc.vehicles?.source.sha256 === sha256)
        return async () => undefined;
      const candidate = await readImport(createReadStream(file), {
        fileName: path.basename(file),
        directory,
        now: ctx.now(),
      });
      candidate.part.source.pack = { version: pack.version };
      return async () => {
        await store.replacePart(
          candidate.kind === 'fixed' ? { fixed: candidate.part } : { vehicles: candidate.part },
        );
        await changed(candidate.kind);
        const { fileName } = candidate.part.source;
        await logStaffAction(
          ctx,
          'hotspots-imported',
          `${fileName} (${candidate.kind}) from pack ${pack.version}`,
          {
            file: fileName,
            kind: candidate.kind,
            pack: pack.version,
          },
        );
      };
    },
    prepareShipped: async () => {
      if (!fromPack() || !store.current.previous) return null;
      return async () => {
        if (!fromPack() || !store.current.previous) return;
        await store.rollback();
        await changed('rollback');
        await logStaffAction(ctx, 'hotspots-rolled-back', 'back to the shipped content', { pack: 'shipped' });
      };
    },
  };
}
