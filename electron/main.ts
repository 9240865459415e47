/**
 * The desktop app's main process: one hardened window on the app:// protocol,
 * the backend on the user's SQLite file, and the API served over one IPC
 * channel. Everything else lives in the shared backend.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { DatabaseOpenError } from '../db/open';
import { type Backend, createBackend } from './backend';
import { printDocument, saveDocumentAsPdf } from './print';
import { rendererProtocolHandler } from './security/protocol';
import { APP_ORIGIN, APP_SCHEME, hardenSession, hardenWebContents, isTrustedSender, secureWebPreferences } from './security/window';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

const resources = () => (app.isPackaged ? process.resourcesPath : app.getAppPath());
const preloadPath = () => join(__dirname, 'preload.cjs');

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: '园务通 KinderDesk',
    webPreferences: secureWebPreferences(preloadPath()),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

function createPrintWindow(): BrowserWindow {
  return new BrowserWindow({ show: false, webPreferences: secureWebPreferences(preloadPath()) });
}

function registerIpc(active: Backend) {
  ipcMain.handle('kd:api', (event, request: { name?: unknown; input?: unknown; session?: unknown }) => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的请求。' } };
    }
    return active.dispatcher.call({
      name: String(request?.name ?? ''),
      input: request?.input,
      session: typeof request?.session === 'string' ? request.session : null,
    });
  });
  const printDeps = {
    createWindow: createPrintWindow,
    chooseSavePath: async (defaultName: string) => {
      const result = await dialog.showSaveDialog({ defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    writeFile: (path: string, data: Buffer) => writeFile(path, data),
  };
  ipcMain.handle('kd:print', (event, route: string, sessionToken: string | null) => {
    if (!isTrustedSender(event.senderFrame)) return { spooled: false, reason: 'forbidden' };
    return printDocument(printDeps, String(route), sessionToken);
  });
  // Staff pick a USB drive or synced folder for backups; typing a path is not for them.
  ipcMain.handle('kd:chooseFolder', async (event, title: string) => {
    if (!isTrustedSender(event.senderFrame)) return null;
    const result = await dialog.showOpenDialog({ title: String(title || '选择文件夹'), properties: ['openDirectory', 'createDirectory'] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
  ipcMain.handle('kd:printToPdf', (event, route: string, sessionToken: string | null, name: string) => {
    if (!isTrustedSender(event.senderFrame)) return { saved: false };
    return saveDocumentAsPdf(printDeps, String(route), sessionToken, String(name || '园务通.pdf'));
  });
}

async function start() {
  await app.whenReady();
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, rendererProtocolHandler(join(app.getAppPath(), 'dist', 'renderer')));
  Menu.setApplicationMenu(null);
  try {
    backend = createBackend({
      dbPath: join(app.getPath('userData'), 'kinderdesk.sqlite'),
      migrationsFolder: join(resources(), app.isPackaged ? 'migrations' : join('db', 'migrations')),
    });
  } catch (error) {
    const message = error instanceof DatabaseOpenError ? error.message : `无法打开数据文件：${String(error)}`;
    dialog.showErrorBox('园务通无法启动', message);
    app.quit();
    return;
  }
  registerIpc(backend);
  mainWindow = createMainWindow();
}

/** Opening the app again (a second double-click) brings the running window forward instead of starting another. */
function showRunningWindow() {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => backend?.close());
// One app per user session; a second KinderDesk on the same data file from elsewhere (another
// user, another computer on a shared folder) is refused by the backend's lock on the file.
if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', showRunningWindow);
  void start();
}
