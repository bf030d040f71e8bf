import { z } from 'zod';
import { LanguageSchema, LocalisedTextSchema } from '../i18n';
import { DEFAULT_MAP_LINK, MAP_LINKS } from '../../shared/map-link';
import { DEFAULT_PHONE_STYLE, PHONE_STYLES } from '../../shared/phone-style';
import { LegacyStaffAuthSchema } from '../staff-access/credential-schema';

/** District codes as the Home Affairs Department letters them (A–T, no I or O). */
export const DISTRICT_CODES = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'Q',
  'R',
  'S',
  'T',
] as const;
export const DistrictCodeSchema = z.enum(DISTRICT_CODES);

export const LocationSchema = z.object({
  // Hong Kong's bounding box with a margin: a location outside it is a typing mistake.
  latitude: z.number().min(22.1).max(22.6),
  longitude: z.number().min(113.8).max(114.5),
});

/** What any visitor screen may read (settings.get). */
export const PublicSettingsSchema = z.object({
  centreName: LocalisedTextSchema,
  district: DistrictCodeSchema,
  location: LocationSchema,
  /** Seconds without a touch before "Are you still there?". */
  idleSeconds: z.number().int().min(5).max(1800),
  /** Seconds the "Are you still there?" countdown runs before the wipe. */
  countdownSeconds: z.number().int().min(5).max(120),
  defaultLanguage: LanguageSchema,
  /**
   * The practice phone's style until a visitor picks theirs (Android or iPhone). A settings file
   * written before the choice existed has none and loads with the default.
   */
  phoneStyle: z.enum(PHONE_STYLES).default(DEFAULT_PHONE_STYLE),
  /**
   * The map a venue's take-away QR code links to (Google Maps or OpenStreetMap). A settings file
   * written before the choice existed has none and loads with the default.
   */
  mapLink: z.enum(MAP_LINKS).default(DEFAULT_MAP_LINK),
  /**
   * Minutes the facilitator's class view stays without a touch before it closes to the console
   * (with a warning 5 minutes before); no visitor idle wipe while it shows. A settings file
   * written before the limit existed has none and loads with the default.
   */
  groupViewLimitMinutes: z.number().int().min(30).max(480).default(180),
  /**
   * The centre's phone number (8 digits, as on its door and leaflets), or null. No staff PIN may
   * be six digits of it in a row. A settings file written before it existed loads with none.
   */
  centrePhone: z
    .string()
    .regex(/^\d{8}$/)
    .nullable()
    .default(null),
});
export type PublicSettings = z.infer<typeof PublicSettingsSchema>;

export { PinHashSchema, type PinHash } from '../staff-access/credential-schema';

export const SETTINGS_SCHEMA_VERSION = 2;
export const SettingsDocSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  public: PublicSettingsSchema,
  /**
   * Where the staff credential lived before staff-credential.json: read once at start-up, moved to
   * its own document and then removed. Never written again, and never part of the defaults, so a
   * reset of settings cannot touch the PIN.
   */
  staff: LegacyStaffAuthSchema.optional(),
});
export type SettingsDoc = z.infer<typeof SettingsDocSchema>;

export const DEFAULT_PUBLIC_SETTINGS: PublicSettings = {
  centreName: { 'zh-HK': '數碼共融站', en: 'Digital Inclusion Kiosk', 'zh-CN': '数码共融站' },
  district: 'F',
  // Sham Shui Po District Office area: a neutral default that staff replace with their own centre.
  location: { latitude: 22.3307, longitude: 114.1622 },
  idleSeconds: 90,
  countdownSeconds: 20,
  defaultLanguage: 'zh-HK',
  phoneStyle: DEFAULT_PHONE_STYLE,
  mapLink: DEFAULT_MAP_LINK,
  groupViewLimitMinutes: 180,
  centrePhone: null,
};

export function defaultSettingsDoc(): SettingsDoc {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    public: structuredClone(DEFAULT_PUBLIC_SETTINGS),
  };
}

/**
 * Version 1 (the first pilot) kept the centre name as one string and the idle time in
 * milliseconds. Version 2 names the centre in each language and counts in seconds.
 */
export const settingsMigrations = [
  {
    from: 1,
    migrate(old: Record<string, unknown>): Record<string, unknown> {
      const pub = (old.public ?? {}) as Record<string, unknown>;
      const name = typeof pub.centreName === 'string' ? pub.centreName : undefined;
      const idleMs = typeof pub.idleTimeoutMs === 'number' ? pub.idleTimeoutMs : undefined;
      const { idleTimeoutMs: _dropped, ...rest } = pub;
      return {
        ...old,
        schemaVersion: 2,
        public: {
          ...DEFAULT_PUBLIC_SETTINGS,
          ...rest,
          centreName: name ? { 'zh-HK': name, en: name, 'zh-CN': name } : DEFAULT_PUBLIC_SETTINGS.centreName,
          idleSeconds: idleMs ? Math.round(idleMs / 1000) : DEFAULT_PUBLIC_SETTINGS.idleSeconds,
        },
      };
    },
  },
];
