import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../electron/core/contract';
import { readMethodsArgument } from '../../../electron/ipc-channels';
import { denyAllPermissions, hardenWebContents, kioskWindowOptions } from '../../../electron/window';
import { MockEvent, MockSession, MockWebContents } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

describe('kioskWindowOptions', () => {
  const production = kioskWindowOptions({
    preloadPath: '/app/dist/electron/preload.cjs',
    development: false,
  });
  const prefs = production.webPreferences ?? {};

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });

  it('keeps web security on', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('allows DevTools only in development', () => {
    expect(prefs.devTools).toBe(false);
    const development = kioskWindowOptions({ preloadPath: '/p.cjs', development: true });
    expect(development.webPreferences?.devTools).toBe(true);
    // Nothing else differs between the two.
    expect({ ...development.webPreferences, devTools: false, preload: prefs.preload }).toEqual(prefs);
  });

  it('is a full-screen kiosk window shown only once painted', () => {
    expect(production).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true, show: false });
    expect(production.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs.spellcheck).toBe(false);
  });

  it("hands the preload the contract's method names", () => {
    expect([...readMethodsArgument(prefs.additionalArguments ?? [])]).toEqual(METHOD_NAMES);
  });
});

describe('hardenWebContents', () => {
  function hardened() {
    const contents = new MockWebContents();
    const onBlocked = vi.fn();
    hardenWebContents(contents, { appOrigin: 'app://kiosk', onBlocked });
    return { contents, onBlocked };
  }

  function navigate(
    contents: MockWebContents,
    eventName: string,
    url: string,
    details: Record<string, unknown> = {},
  ) {
    const event = new MockEvent({ url, ...details });
    contents.emit(eventName, event, url);
    return event;
  }

  it('denies every window.open', () => {
    const { contents, onBlocked } = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
    expect(onBlocked).toHaveBeenCalledWith('window-open', 'https://evil.example/');
  });

  it.each([
    'http://evil.example/',
    'https://evil.example/login',
    'file:///etc/passwd',
    'data:text/html,<h1>hi</h1>',
    'javascript:alert(1)',
    'app://evil/index.html',
    'app://kiosk@evil.example/',
    'about:blank',
    'not a url',
  ])('refuses navigation to %s', (url) => {
    const { contents, onBlocked } = hardened();
    expect(navigate(contents, 'will-navigate', url).defaultPrevented).toBe(true);
    expect(navigate(contents, 'will-redirect', url).defaultPrevented).toBe(true);
    expect(navigate(contents, 'will-frame-navigate', url, { isMainFrame: false }).defaultPrevented).toBe(
      true,
    );
    expect(onBlocked).toHaveBeenCalledWith('navigation', url);
    expect(onBlocked).toHaveBeenCalledWith('redirect', url);
  });

  it.each(['app://kiosk/index.html', 'app://kiosk/index.html#/staff', 'app://kiosk/__kiosk/resting.html'])(
    'allows navigation within the app: %s',
    (url) => {
      const { contents, onBlocked } = hardened();
      expect(navigate(contents, 'will-navigate', url).defaultPrevented).toBe(false);
      expect(navigate(contents, 'will-redirect', url).defaultPrevented).toBe(false);
      expect(navigate(contents, 'will-frame-navigate', url, { isMainFrame: true }).defaultPrevented).toBe(
        false,
      );
      expect(onBlocked).not.toHaveBeenCalled();
    },
  );

  it('reports a refused main-frame navigation once', () => {
    const { contents, onBlocked } = hardened();
    navigate(contents, 'will-navigate', 'https://evil.example/');
    expect(
      navigate(contents, 'will-frame-navigate', 'https://evil.example/', { isMainFrame: true })
        .defaultPrevented,
    ).toBe(true);
    expect(onBlocked).toHaveBeenCalledTimes(1);
  });

  it('uses the URL passed beside the event when the event has none', () => {
    const { contents } = hardened();
    const event = new MockEvent();
    contents.emit('will-navigate', event, 'https://evil.example/');
    expect(event.defaultPrevented).toBe(true);
  });

  it('refuses to attach a <webview>', () => {
    const { contents, onBlocked } = hardened();
    const event = new MockEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
    expect(onBlocked).toHaveBeenCalledWith('webview', '');
  });
});

describe('denyAllPermissions', () => {
  it('answers no to every permission request and check', () => {
    const session = new MockSession();
    denyAllPermissions(session);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'fullscreen',
      'openExternal',
      'unknown',
    ]) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(session.permissionCheckHandler?.({}, permission, 'app://kiosk', {})).toBe(false);
    }
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('works with a session that has no device permission handler', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    expect(() => denyAllPermissions(session)).not.toThrow();
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });
});
