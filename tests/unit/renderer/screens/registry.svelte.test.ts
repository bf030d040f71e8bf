/// <reference types="vite/client" />
// The registry imports screens that use Vite's import.meta.glob; the root tsconfig has Node types only.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { LINK_SCREENS, type LinkScreen } from '../../../../electron/core/lessons/schema';
import type { PlaceView, ProgrammeDetail } from '../../../../electron/core/programmes/views';
import type { IconName } from '../../../../renderer/src/components/icon-name';
import type { Route } from '../../../../renderer/src/lib/visit.svelte';
import { HOME_TILES, SCREENS, type HomeTile, type ScreenId } from '../../../../renderer/src/screens/registry';

// The type assertions are checked by `tsc` (npm test runs it over tests/); at run time they do nothing.
describe('screen ids and icon names', () => {
  it('a route, a home tile and a navigation call take only ids the screen table has', () => {
    expectTypeOf<Route['screen']>().toEqualTypeOf<ScreenId>();
    expectTypeOf<HomeTile['screen']>().toEqualTypeOf<ScreenId>();
    expectTypeOf<'lessons-player'>().toExtend<ScreenId>();
    expectTypeOf<'lesson'>().not.toExtend<ScreenId>();
    expectTypeOf<string>().not.toExtend<ScreenId>();
  });

  it("the core's link targets are screens the renderer has", () => {
    expectTypeOf<LinkScreen>().toExtend<ScreenId>();
    expectTypeOf<NonNullable<PlaceView['screen']>>().toExtend<ScreenId>();
    expectTypeOf<NonNullable<ProgrammeDetail['link']>['screen']>().toExtend<ScreenId>();
    for (const screen of LINK_SCREENS) expect(Object.keys(SCREENS)).toContain(screen);
  });

  it('a home tile names an icon Icon draws, and opens a visitor screen', () => {
    expectTypeOf<HomeTile['icon']>().toEqualTypeOf<IconName>();
    for (const tile of HOME_TILES) expect(SCREENS[tile.screen].kind).toBe('visitor');
  });
});
