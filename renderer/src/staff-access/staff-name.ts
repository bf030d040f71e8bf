import { isUnnamedCoordinator } from '../../../electron/shared/staff-names';

type Translate = (key: string) => string;

/**
 * A staff account's name as a screen says it: the label the kiosk gave an unnamed first
 * coordinator becomes the role's word in the reader's language ("Coordinator" on an English
 * console, not 統籌主任); a name someone typed is shown as typed.
 */
export function staffName(name: string, t: Translate): string {
  return isUnnamedCoordinator(name) ? t('staff.accounts.coordinator') : name;
}
