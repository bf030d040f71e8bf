/**
 * The names Icon.svelte can draw. Kept in a .ts file so modules that the Node type check also
 * reads (screens/registry.ts, through lib/visit.svelte.ts) can name an icon: that check sees a
 * .svelte file only as a default export.
 */
export type IconName =
  | 'home'
  | 'back'
  | 'text'
  | 'contrast'
  | 'speaker'
  | 'speaker-off'
  | 'language'
  | 'finish'
  | 'lessons'
  | 'programmes'
  | 'wifi'
  | 'accessibility'
  | 'lock'
  | 'check'
  | 'backspace'
  | 'space'
  | 'hand'
  // Outcomes each have their own shape, so a programme result never rests on colour alone.
  | 'yes'
  | 'maybe'
  | 'unknown'
  | 'no'
  | 'closed'
  | 'phone'
  | 'place'
  | 'people'
  | 'document'
  | 'info'
  | 'qr'
  | 'print'
  | 'next'
  | 'warning'
  | 'up'
  | 'down';
