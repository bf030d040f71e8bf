import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  screen,
  session,
  type Session,
} from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { APP_ENTRY_URL, APP_ORIGIN, APP_RESTING_URL, APP_SCHEME } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { createChooseJoinFile } from './choose-join-file';
import { clockFromEnvironment, CLOCK_VARIABLE } from './core/clock';
import { MAX_JOIN_FILE_BYTES } from './core/org/join-file';
import { createKioskCore, type KioskCore } from './core/service';
import { writeFileDurably } from './core/store/durable-file';
import { createGroupDisplay } from './group-display';
import { createSenderCheck, registerIpc, sendKioskEvent } from './ipc';
import { createPrintToPdf } from './print-pdf';
import { createCrashTracker, RESTING_RETRY_MS, UNRESPONSIVE_GRACE_MS } from './recovery';
import { CONTENT_SECURITY_POLICY } from './web/server';
import { denyAllPermissions, hardenWebContents, kioskWindowOptions } from './window';

/**
 * The desktop kiosk's main process: one instance, one full-screen window on app://kiosk, the core
 * behind IPC, and a renderer that is reloaded when it dies. Bundled to dist/electron/main.cjs, so
 * __dirname is dist/electron (inside app.asar when packaged).
 */

const development = !app.isPackaged && Boolean(process.env.KIOSK_DEV);
const rendererDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
// KIOSK_DATA_DIR and KIOSK_CONTENT_DIR are honoured in development only (tests, content authors);
// the installed kiosk always keeps its data in userData and reads the content it shipped with.
const contentDir = app.isPackaged
  ? path.join(process.resourcesPath, 'data')
  : process.env.KIOSK_CONTENT_DIR || path.join(__dirname, '../../data');
const dataDir = (!app.isPackaged && process.env.KIOSK_DATA_DIR) || app.getPath('userData');
// KIOSK_NOW (development only) starts the whole kiosk's clock at another instant, for tests and demonstrations.
const clock = clockFromEnvironment(app.isPackaged ? undefined : process.env[CLOCK_VARIABLE]);

// Both must happen before 'ready'.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// Read aloud on Linux goes through speech-dispatcher, which Chromium leaves off unless asked.
if (process.platform === 'linux') app.commandLine.appendSwitch('enable-speech-dispatcher');

if (!app.requestSingleInstanceLock()) {
  // Another kiosk is running; it is told through 'second-instance' and comes to the front.
  app.quit();
} else {
  start();
}

function start(): void {
  let kioskWindow: BrowserWindow | undefined;
  let quitting = false;
  // Facilitator mode's group view on a second display, if there is one; the core shows and closes it.
  // `screen` is read only when a step is shown, after 'ready'.
  const groupDisplay = createGroupDisplay({
    screen,
    createWindow: (options) => new BrowserWindow(options),
    primaryWindow: () => kioskWindow,
    preloadPath,
    development,
  });

  app.on('before-quit', () => {
    quitting = true;
    groupDisplay.close();
  });

  app.on('second-instance', () => {
    if (!kioskWindow || kioskWindow.isDestroyed()) return;
    if (kioskWindow.isMinimized()) kioskWindow.restore();
    kioskWindow.show();
    kioskWindow.focus();
  });

  // One hardening for every web contents, the kiosk's and any other that might ever appear.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { appOrigin: APP_ORIGIN });
  });

  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(boot)
    .catch((error: unknown) => {
      console.error('[kiosk] could not start:', error);
      app.exit(1);
    });

  async function boot(): Promise<void> {
    // The default menu carries Ctrl+R, Ctrl+W and the DevTools shortcuts; a kiosk has no menu.
    if (!development) Menu.setApplicationMenu(null);
    denyAllPermissions(session.defaultSession);
    refuseNetworkRequests(session.defaultSession);
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({ rendererDir, contentSecurityPolicy: CONTENT_SECURITY_POLICY }),
    );

    let core: KioskCore | undefined;
    try {
      core = await createKioskCore({
        dataDir,
        contentDir,
        // Built beside this bundle (scripts/build-handwriting.mjs); inside app.asar when packaged.
        handwritingTemplates: path.join(__dirname, '../handwriting/templates.bin'),
        shell: 'electron',
        now: clock,
        exitKiosk: () => app.quit(),
        // The staff console's "Print": the kiosk window's page, through its print stylesheet, to a chosen folder.
        printToPdf: createPrintToPdf({ dialog, window: () => kioskWindow, writeFile: writeFileDurably }),
        // The Organisation section's "Load join file": a file dialog, for a join file on a USB stick.
        chooseJoinFile: createChooseJoinFile({
          dialog,
          window: () => kioskWindow,
          maxBytes: MAX_JOIN_FILE_BYTES,
        }),
        showGroupDisplay: groupDisplay,
      });
    } catch (error) {
      console.error(`[kiosk] the data folder ${dataDir} could not be opened:`, error);
    }
    if (core) {
      // Before the page loads, so its first call finds a handler.
      registerIpc(ipcMain, core, {
        isTrustedSender: createSenderCheck({
          appOrigin: APP_ORIGIN,
          kioskContents: () => kioskWindow?.webContents,
        }),
      });
    }

    kioskWindow = createKioskWindow(core !== undefined);
    powerMonitor.on('resume', () => sendKioskEvent(kioskWindow?.webContents, 'system-resumed'));
  }

  function createKioskWindow(coreReady: boolean): BrowserWindow {
    const window = new BrowserWindow(kioskWindowOptions({ preloadPath, development }));
    const contents = window.webContents;
    const crashes = createCrashTracker();
    let restTimer: NodeJS.Timeout | undefined;
    let hangTimer: NodeJS.Timeout | undefined;

    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    // Alt+F4 or a window manager's close button would leave a visitor at the desktop. Quitting
    // (staff "exit kiosk", system shutdown) sets `quitting` first and is not stopped.
    window.on('close', (event) => {
      if (!quitting && !development) event.preventDefault();
    });
    window.on('closed', () => {
      clearTimeout(restTimer);
      clearTimeout(hangTimer);
    });

    const load = (url: string) => {
      contents.loadURL(url).catch((error: unknown) => console.error(`[kiosk] could not load ${url}:`, error));
    };
    const loadKiosk = () => {
      clearTimeout(restTimer);
      load(APP_ENTRY_URL);
    };
    const rest = (tryAgain: () => void = loadKiosk) => {
      clearTimeout(restTimer);
      load(APP_RESTING_URL);
      restTimer = setTimeout(tryAgain, RESTING_RETRY_MS);
    };

    // A reloaded (or crashed) kiosk page has lost the facilitator's place: the group screen goes too.
    contents.on('did-navigate', () => groupDisplay.close());
    contents.on('render-process-gone', (_event, details) => {
      clearTimeout(hangTimer);
      groupDisplay.close();
      if (quitting || window.isDestroyed()) return;
      console.error(`[kiosk] the page stopped: ${details.reason} (exit code ${details.exitCode})`);
      if (crashes.record() === 'reload') {
        loadKiosk();
      } else {
        console.error(
          `[kiosk] the page stopped ${crashes.recent()} times within a minute; resting before trying again`,
        );
        rest();
      }
    });
    // A hung page gets a grace period; then its renderer is killed, which lands in
    // render-process-gone above and is reloaded (or rested) like any crash.
    contents.on('unresponsive', () => {
      console.warn('[kiosk] the page is not responding');
      clearTimeout(hangTimer);
      hangTimer = setTimeout(() => {
        if (!window.isDestroyed()) contents.forcefullyCrashRenderer();
      }, UNRESPONSIVE_GRACE_MS);
    });
    contents.on('responsive', () => clearTimeout(hangTimer));

    if (!coreReady) {
      // Without the core the page cannot work; a fresh process gets another go at the data folder.
      rest(() => {
        app.relaunch();
        app.exit(0);
      });
    } else if (!existsSync(path.join(rendererDir, 'index.html'))) {
      console.error(`[kiosk] the renderer is not built (${rendererDir}); run \`npm run build\``);
      rest();
    } else {
      loadKiosk();
    }
    if (development) contents.openDevTools({ mode: 'detach' });
    return window;
  }
}

/**
 * The kiosk works offline and the CSP already keeps the page on app://; this stops anything that
 * slips past it (a stray URL in content, a future dependency) from reaching the network or disk.
 */
function refuseNetworkRequests(ses: Session): void {
  const filter = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file:///*'] };
  ses.webRequest.onBeforeRequest(filter, (details, callback) => {
    console.warn(`[kiosk] refused a request to ${details.url}`);
    callback({ cancel: true });
  });
}
