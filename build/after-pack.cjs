// @ts-check
/**
 * electron-builder afterPack hook: flips Electron's fuses in the packaged binary, after the app is
 * copied in and before anything is signed (so a signature covers the flipped bits).
 *
 * What each fuse is for in a kiosk:
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the kiosk's binary into a plain Node.
 * - NodeOptions env and --inspect arguments off: no code injection or debugger through the launcher.
 * - Embedded ASAR integrity on + only load the app from app.asar: a changed app.asar or a loose
 *   app/ folder beside it is refused (enforced by Electron on Windows and macOS; Linux has no check yet).
 * - Cookie encryption on; no extra file:// privileges (the renderer is served from app://).
 */
const path = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** The fuse settings, by FuseV1Options index. */
const KIOSK_FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * Where electron-builder put the app's Electron binary (or the .app bundle on macOS, which
 * @electron/fuses resolves to the framework itself).
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { appInfo: { productFilename: string }, executableName?: string } }} context
 */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      // Linux names the binary after `executableName` (lower-case, no spaces), not the product.
      return path.join(appOutDir, packager.executableName ?? productFilename);
    default:
      throw new Error(`after-pack: no Electron binary path known for platform ${electronPlatformName}`);
  }
}

/** @param {Parameters<typeof electronBinaryPath>[0]} context */
async function afterPack(context) {
  const binary = electronBinaryPath(context);
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // Apple Silicon refuses to run an ad-hoc signed binary whose bytes changed.
    resetAdHocDarwinSignature: isMac,
    ...KIOSK_FUSES,
  });

  // Read the wire back: a packaging run must never ship with RunAsNode still on.
  const wire = /** @type {Record<string, unknown>} */ (await getCurrentFuseWire(binary));
  const ENABLED = '1'.charCodeAt(0);
  const DISABLED = '0'.charCodeAt(0);
  for (const [index, wanted] of Object.entries(KIOSK_FUSES)) {
    const actual = wire[index];
    // A fuse this Electron lacks or has removed is not ours to judge.
    if (actual !== ENABLED && actual !== DISABLED) continue;
    if ((actual === ENABLED) !== wanted) {
      throw new Error(`after-pack: fuse ${FuseV1Options[Number(index)]} did not flip in ${binary}`);
    }
  }
  console.log(`  • fuses flipped  binary=${binary}`);
}

module.exports = { afterPack, default: afterPack, electronBinaryPath, KIOSK_FUSES };
