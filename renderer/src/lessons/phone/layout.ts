import type { App, ScreenElement } from '../../../../electron/core/lessons/schema';

/**
 * How the simulated phone lays out a screen's elements, top to bottom: runs of app icons become a
 * grid, runs of buttons or call buttons a row, runs of list rows (settings, networks, people,
 * details) one list, which each phone style draws its own way (an iPhone's inset grouped card, an
 * Android's plain rows), people on a share sheet a row of faces; on the camera the first photo is the viewfinder and later photos sit as
 * thumbnails in the control row with the buttons. Title-bar buttons and the chat's typing bar are
 * not in the screen's column (see `placeElements`). Pure, so it is easy to test.
 */
export interface ElementGroup {
  layout: 'grid' | 'row' | 'call-row' | 'controls' | 'list' | 'people' | 'single';
  elements: ScreenElement[];
}

const LIST_KINDS: readonly ScreenElement['kind'][] = ['list-item', 'toggle', 'contact', 'info-row'];

/**
 * Where each element is drawn: in the title bar (its buttons, at the top right, as the real apps
 * have them), at the bottom of the screen under the list (a chat's typing bar, which stays in place
 * while the messages scroll), or in the screen's own column.
 */
export function placeElements(elements: readonly ScreenElement[]): {
  header: ScreenElement[];
  body: ScreenElement[];
  footer: ScreenElement[];
} {
  return {
    header: elements.filter((e) => e.kind === 'header-button'),
    body: elements.filter((e) => e.kind !== 'header-button' && e.kind !== 'compose-bar'),
    footer: elements.filter((e) => e.kind === 'compose-bar'),
  };
}

export function groupElements(app: App, elements: readonly ScreenElement[]): ElementGroup[] {
  const groups: ElementGroup[] = [];
  let seenPhoto = false;
  for (const element of elements) {
    let layout: ElementGroup['layout'] = 'single';
    if (element.kind === 'app-icon') layout = 'grid';
    // A share sheet shows people as round faces in a row, not as a list.
    else if (app === 'share' && element.kind === 'contact') layout = 'people';
    else if (LIST_KINDS.includes(element.kind)) layout = 'list';
    else if (element.kind === 'call-button') layout = 'call-row';
    else if (app === 'camera' && (element.kind === 'button' || (element.kind === 'photo' && seenPhoto)))
      layout = 'controls';
    else if (element.kind === 'button') layout = 'row';
    if (element.kind === 'photo') seenPhoto = true;
    const last = groups[groups.length - 1];
    if (last && layout !== 'single' && last.layout === layout) last.elements.push(element);
    else groups.push({ layout, elements: [element] });
  }
  return groups;
}

/** The direction a finger moved, or null when it barely moved (a tap or a press). */
export function swipeDirection(
  dx: number,
  dy: number,
  minDistance: number,
): 'left' | 'right' | 'up' | 'down' | null {
  if (Math.hypot(dx, dy) < minDistance) return null;
  if (Math.abs(dx) >= Math.abs(dy)) return dx < 0 ? 'left' : 'right';
  return dy < 0 ? 'up' : 'down';
}
