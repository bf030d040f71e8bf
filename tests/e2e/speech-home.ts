import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A HOME for Chromium in which speech-dispatcher (espeak-ng) lists its voices and finishes
 * utterances on a machine with no sound card: audio goes to libao's null driver.
 */
export function makeSpeechHome(): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'kiosk-chromium-home-'));
  const config = path.join(home, '.config/speech-dispatcher');
  mkdirSync(config, { recursive: true });
  writeFileSync(
    path.join(config, 'speechd.conf'),
    [
      'AudioOutputMethod "libao"',
      'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
      'DefaultModule espeak-ng',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(home, '.libao'), 'default_driver=null\n');
  return home;
}
