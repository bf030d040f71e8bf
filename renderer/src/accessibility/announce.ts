import { computeAccessibleName, getRole } from 'dom-accessibility-api';

/**
 * What a screen reader would say for the controls inside a container, computed from the live
 * DOM with dom-accessibility-api (the accessible-name algorithm browsers and screen readers use).
 * DOM-dependent, so it lives beside the pure modules rather than among them.
 */

export interface Announcement {
  element: Element;
  role: string;
  name: string;
}

/** The elements a screen reader stops at: controls, fields and pictures, in reading order. */
const STOPS = 'button, a[href], input, select, textarea, img, [role="img"], [role="button"], [role="link"]';

export function announcementsIn(container: Element): Announcement[] {
  return [...container.querySelectorAll(STOPS)]
    .filter((element) => !element.closest('[aria-hidden="true"]'))
    .map((element) => ({
      element,
      role: getRole(element) ?? 'generic',
      name: computeAccessibleName(element).trim(),
    }));
}

export function announcementFor(element: Element): Announcement {
  return { element, role: getRole(element) ?? 'generic', name: computeAccessibleName(element).trim() };
}
