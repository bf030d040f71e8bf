/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import { visit } from '../../../../renderer/src/lib/visit.svelte';
import { connectRealCore } from '../../../helpers/renderer-core';

let connection: Awaited<ReturnType<typeof connectRealCore>>;
beforeEach(async () => {
  connection = await connectRealCore();
  visit.wipe();
});
afterEach(() => connection.disconnect());

describe('the visit', () => {
  it('moves between screens: Back stops at home, home clears the way back', () => {
    expect(visit.route.screen).toBe('attract');
    visit.replace('home');
    expect(visit.canGoBack).toBe(false);
    visit.go('lessons');
    visit.go('lessons-player', { id: 'whatsapp-video-call' });
    expect(visit.route).toEqual({ screen: 'lessons-player', params: { id: 'whatsapp-video-call' } });
    expect(visit.canGoBack).toBe(true);
    visit.back();
    expect(visit.route.screen).toBe('lessons');
    visit.home();
    expect(visit.stack).toEqual([{ screen: 'home' }]);
    expect(visit.canGoBack).toBe(false);
  });

  it('shows text size and contrast on <html>, where every screen and dialog reads them', () => {
    visit.setTextSize(3);
    visit.toggleContrast();
    expect(document.documentElement.dataset.textSize).toBe('3');
    expect(document.documentElement.classList.contains('high-contrast')).toBe(true);
  });

  it('gets a counted visit token from the core when the visitor picks a language', async () => {
    visit.begin('en');
    const token = await visit.visitToken();
    expect(typeof token).toBe('string');
    expect(connection.calls).toEqual(['visit.start']);
  });

  it('a visit the core refuses to count still goes on, uncounted', async () => {
    // The core refuses a language it does not know; the visitor must not be stopped by that.
    visit.begin('fr' as never);
    await expect(visit.visitToken()).resolves.toBeUndefined();
  });
});

describe('the wipe ("I\'m finished" and the idle timeout)', () => {
  it('returns everything a visitor chose to the start and forgets the visit token', async () => {
    visit.begin('en');
    expect(await visit.visitToken()).toBeTypeOf('string');
    locale.set('en');
    visit.replace('home');
    visit.go('programmes');
    visit.setTextSize(2);
    visit.toggleContrast();
    sessionStorage.setItem('typed', 'Chan Tai Man');
    localStorage.setItem('kept', '1');

    visit.wipe();

    expect(visit.stack).toEqual([{ screen: 'attract' }]);
    expect(visit.textSize).toBe(1);
    expect(visit.highContrast).toBe(false);
    expect(document.documentElement.dataset.textSize).toBe('1');
    expect(document.documentElement.classList.contains('high-contrast')).toBe(false);
    expect(locale.current).toBe('zh-HK');
    expect(document.documentElement.lang).toBe('zh-HK');
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);
    await expect(visit.visitToken()).resolves.toBeUndefined();
  });

  it("returns to the centre's chosen default language", () => {
    visit.defaultLanguage = 'en';
    locale.set('zh-CN');
    visit.wipe();
    expect(locale.current).toBe('en');
    visit.defaultLanguage = 'zh-HK';
  });

  it("runs every capability's clean-up, and not one that has unregistered", () => {
    const lessons = vi.fn();
    const programmes = vi.fn();
    const stopLessons = visit.onWipe(lessons);
    const stopProgrammes = visit.onWipe(programmes);
    visit.wipe();
    expect(lessons).toHaveBeenCalledTimes(1);
    expect(programmes).toHaveBeenCalledTimes(1);
    stopLessons();
    visit.wipe();
    expect(lessons).toHaveBeenCalledTimes(1);
    expect(programmes).toHaveBeenCalledTimes(2);
    stopProgrammes();
  });
});
