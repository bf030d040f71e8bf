import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Digital Inclusion Kiosk';

/**
 * The same folder Electron's app.getPath('userData') gives, so the desktop and browser kiosks on
 * one machine share their settings and figures.
 */
export function platformUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

/** `--data-dir` wins, then KIOSK_DATA_DIR, then the platform's user data folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.KIOSK_DATA_DIR) return path.resolve(env.KIOSK_DATA_DIR);
  return platformUserDataDir(env);
}
