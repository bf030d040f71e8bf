import type { PublicSettings } from '../../../electron/core/settings/schema';
import type { AppInfo } from '../../../electron/core/contract';
import { errorText, invoke } from './api';
import { followCoreClock } from './clock';
import { visit } from './visit.svelte';

/** Public settings and app info, loaded at start and after staff change them. */
class KioskConfig {
  settings = $state<PublicSettings | null>(null);
  info = $state<AppInfo | null>(null);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      const [settings, info] = await Promise.all([invoke('settings.get', {}), invoke('app.info', {})]);
      this.settings = settings;
      this.info = info;
      followCoreClock(info.clock.now);
      visit.defaultLanguage = settings.defaultLanguage;
      this.error = null;
    } catch (error) {
      this.error = errorText(error);
    }
  }
}

export const config = new KioskConfig();
