import type { Icon } from '../../../../electron/core/lessons/schema';

/** A circle as path data, so every icon is a plain list of paths. */
const circle = (cx: number, cy: number, r: number) =>
  `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

/** A rainstorm warning: a cloud with heavy rain in a frame (its colour says amber, red or black). */
const RAINSTORM = [
  'M3 3h18v18H3z',
  'M8 13h8a3 3 0 0 0 0-6 4 4 0 0 0-7.5 1A2.6 2.6 0 0 0 8 13z',
  'M8.5 15.5l-1 3M12 15.5l-1 3M15.5 15.5l-1 3',
];

/**
 * Line drawings (24×24, stroked with currentColor) for the simulated phone's icons. Simple shapes an
 * elder already knows from their own phone; no image files, so nothing is fetched.
 */
export const PHONE_ICON_PATHS: Record<Icon, string[]> = {
  phone: ['M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z'],
  chat: ['M4 4h16v12H9l-5 4z', 'M8 9h8M8 12h5'],
  camera: ['M3 7h4l2-3h6l2 3h4v12H3z', circle(12, 13, 3.5)],
  gallery: ['M3 4h18v16H3z', 'M3 16l5-5 4 4 3-3 6 6', circle(16, 8.5, 1.5)],
  settings: [
    circle(12, 12, 3),
    'M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1',
  ],
  wifi: ['M2 8.5a15 15 0 0 1 20 0', 'M5 12a10 10 0 0 1 14 0', 'M8.5 15.5a5 5 0 0 1 7 0', circle(12, 19, 1)],
  browser: [circle(12, 12, 9), 'M3 12h18', 'M12 3a14 14 0 0 1 0 18', 'M12 3a14 14 0 0 0 0 18'],
  clock: [circle(12, 12, 9), 'M12 7v5l3 2'],
  calendar: ['M4 5h16v15H4z', 'M4 10h16', 'M8 3v4M16 3v4', 'M8 14h3v3H8z'],
  'iam-smart': ['M6 3h12v18H6z', circle(12, 10, 2.5), 'M8.5 17a3.5 3.5 0 0 1 7 0'],
  'ha-go': ['M4 4h16v16H4z', 'M12 7v10M7 12h10'],
  observatory: [
    circle(9, 9, 4),
    'M9 2v2M2 9h2M4 4l1.5 1.5M14 4l-1.5 1.5',
    'M8 20h10a4 4 0 0 0 0-8 5 5 0 0 0-9 2 3 3 0 0 0-1 6z',
  ],
  payment: ['M3 6h18v12H3z', 'M3 10h18', 'M7 15h4'],
  lock: ['M5 11h14v10H5z', 'M8 11V7a4 4 0 0 1 8 0v4'],
  sms: ['M3 5h18v12H8l-5 4z', 'M7 10h.01M12 10h.01M17 10h.01'],
  'volume-up': ['M4 9h4l5-4v14l-5-4H4z', 'M16.5 8.5a5 5 0 0 1 0 7', 'M19 6a8.5 8.5 0 0 1 0 12'],
  'volume-down': ['M4 9h4l5-4v14l-5-4H4z', 'M16.5 10a3 3 0 0 1 0 4'],
  'brightness-up': [
    circle(12, 12, 4),
    'M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1',
  ],
  'brightness-down': [circle(12, 12, 4), 'M12 5v1M12 18v1M5 12h1M18 12h1'],
  'text-size': ['M3 19 8 5l5 14', 'M4.8 14h6.4', 'M15 19l3.5-9 3.5 9', 'M16 16.5h5'],
  'zoom-in': [circle(10, 10, 6.5), 'M15 15l6 6', 'M7 10h6M10 7v6'],
  'zoom-out': [circle(10, 10, 6.5), 'M15 15l6 6', 'M7 10h6'],
  share: [circle(6, 12, 2.5), circle(18, 6, 2.5), circle(18, 18, 2.5), 'M8.2 10.8l7.6-3.6M8.2 13.2l7.6 3.6'],
  back: ['M10 5 3 12l7 7', 'M3 12h18'],
  send: ['M3 20 21 12 3 4l3 8z', 'M6 12h8'],
  video: ['M3 7h12v10H3z', 'M15 10l6-3v10l-6-3'],
  search: [circle(10, 10, 6.5), 'M15 15l6 6'],
  link: ['M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1', 'M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1'],
  shutter: [circle(12, 12, 9), circle(12, 12, 6)],
  sun: [
    circle(12, 12, 4),
    'M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1',
  ],
  rain: ['M7 15h10a4 4 0 0 0 0-8 5 5 0 0 0-9.5 1.5A3.3 3.3 0 0 0 7 15z', 'M8 18l-1 3M12 18l-1 3M16 18l-1 3'],
  cloud: ['M7 18h10a4.5 4.5 0 0 0 0-9 5.5 5.5 0 0 0-10.5 1.5A3.8 3.8 0 0 0 7 18z'],
  warning: ['M12 3 2 20h20z', 'M12 9v5', 'M12 17v.5'],
  pill: ['M4.5 13.5l9-9a4.2 4.2 0 0 1 6 6l-9 9a4.2 4.2 0 0 1-6-6z', 'M9 9l6 6'],
  bill: ['M6 3h12v18l-3-2-3 2-3-2-3 2z', 'M9 8h6M9 12h6M9 16h3'],
  qr: ['M3 3h7v7H3zM14 3h7v7h-7zM3 14h7v7H3z', 'M14 14h3v3h-3zM18 18h3v3h-3zM18 14h3M14 18v3'],
  person: [circle(12, 8, 4), 'M4 21a8 8 0 0 1 16 0'],
  key: [circle(8, 15, 4), 'M11 12l9-9M16 7l3 3M14 9l2 2'],
  tick: ['M5 12l5 5 9-10'],
  mic: ['M9 5a3 3 0 0 1 6 0v6a3 3 0 0 1-6 0z', 'M5 11a7 7 0 0 0 14 0', 'M12 18v3'],
  // The Observatory's signal shapes: No. 1 a "T", No. 3 an inverted "T", No. 8 a triangle.
  'typhoon-1': ['M4 5h16', 'M12 5v15'],
  'typhoon-3': ['M12 4v15', 'M4 19h16'],
  'typhoon-8': ['M12 3 21 20H3z'],
  'rainstorm-amber': RAINSTORM,
  'rainstorm-red': RAINSTORM,
  'rainstorm-black': RAINSTORM,
  hot: ['M10 4a2 2 0 0 1 4 0v9.5a4 4 0 1 1-4 0z', 'M12 10v6', 'M18 4l2-1M18 8h3'],
  cold: ['M12 3v18', 'M4.2 7.5l15.6 9', 'M4.2 16.5l15.6-9', 'M9.5 4.5 12 6l2.5-1.5M9.5 19.5 12 18l2.5 1.5'],
  scameter: [circle(10, 10, 6.5), 'M15 15l6 6', 'M10 6.5v4', 'M10 13.2v.3'],
  document: ['M6 3h8l4 4v14H6z', 'M14 3v4h4', 'M9 12h6M9 16h6'],
};

/** Icons the phone draws for itself (not named by content): the call screen's controls. */
export const CALL_ICON_PATHS = {
  mute: ['M9 5a3 3 0 0 1 6 0v6a3 3 0 0 1-6 0z', 'M5 11a7 7 0 0 0 14 0', 'M12 18v3', 'M4 3l16 18'],
  speaker: ['M4 9h4l5-4v14l-5-4H4z', 'M16.5 8.5a5 5 0 0 1 0 7', 'M19 6a8.5 8.5 0 0 1 0 12'],
  phone: ['M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z'],
} as const;
