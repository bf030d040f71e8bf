import { describe, expect, it } from 'vitest';
import { staffName } from '../../../../renderer/src/staff-access/staff-name';
import { UNNAMED_FIRST_COORDINATOR } from '../../../../electron/shared/staff-names';
import { FIRST_COORDINATOR } from '../../../../electron/core/staff-access/credential-schema';
import en from '../../../../renderer/src/i18n/locales/en.json';
import zhCN from '../../../../renderer/src/i18n/locales/zh-CN.json';
import zhHK from '../../../../renderer/src/i18n/locales/zh-HK.json';

const translateWith =
  (file: { staff: { accounts: { coordinator: string } } }) =>
  (key: string): string => {
    if (key !== 'staff.accounts.coordinator') throw new Error(`unexpected key ${key}`);
    return file.staff.accounts.coordinator;
  };

describe('staffName', () => {
  it('says the unnamed first coordinator as the role in each language', () => {
    expect(FIRST_COORDINATOR.name).toBe(UNNAMED_FIRST_COORDINATOR);
    expect(staffName(FIRST_COORDINATOR.name, translateWith(en))).toBe('Coordinator');
    expect(staffName(FIRST_COORDINATOR.name, translateWith(zhCN))).toBe('统筹主任');
    expect(staffName(FIRST_COORDINATOR.name, translateWith(zhHK))).toBe('統籌主任');
  });

  it('shows a name someone typed as typed, in every language', () => {
    for (const file of [en, zhCN, zhHK]) {
      expect(staffName('陳姑娘', translateWith(file))).toBe('陳姑娘');
      expect(staffName('Ms Chan', translateWith(file))).toBe('Ms Chan');
      expect(staffName('統籌主任 陳', translateWith(file))).toBe('統籌主任 陳');
    }
  });
});
