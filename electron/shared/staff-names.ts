/**
 * The name the kiosk gives the first coordinator account when nobody has named it (first set-up
 * asks only for a PIN; a version 1 shared PIN becomes this account). It is stored in the kiosk's
 * own language so old files read the same, but it is a label, not a person's name: every screen
 * shows it as the coordinator role's word in the reader's language. A name staff type is shown
 * as typed.
 */
export const UNNAMED_FIRST_COORDINATOR = '統籌主任';

/** Whether `name` is the label the kiosk gave, rather than a name someone typed. */
export function isUnnamedCoordinator(name: string): boolean {
  return name === UNNAMED_FIRST_COORDINATOR;
}
