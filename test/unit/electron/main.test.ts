import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { builtinPolicies as builtinPoliciesData } from '../../../core/policies';

/**
 * The main process against a mocked `electron` (the binary cannot be
 * downloaded here): what it registers, how it builds windows, and what it
 * does with IPC from a page that is not ours. The backend behind it is real.
 */
const userData = mkdtempSync(join(tmpdir(), 'kd-electron-'));
const h = vi.hoisted(() => {
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: any; loaded: string[] }[] = [];
  const schemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const session = {
    permissionRequest: null as null | ((...a: unknown[]) => void),
    permissionCheck: null as null | ((...a: unknown[]) => boolean),
    setPermissionRequestHandler(fn: any) {
      this.permissionRequest = fn;
    },
    setPermissionCheckHandler(fn: any) {
      this.permissionCheck = fn;
    },
    setDevicePermissionHandler() {},
  };
  const openDialog = vi.fn(async () => ({ canceled: false, filePaths: ['E:\\园务通备份'] }));
  return { ipcHandlers, appListeners, windows, schemes, protocolHandlers, session, openDialog, menu: { value: 'unset' as unknown } };
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { on() {}, setWindowOpenHandler() {} };
    constructor(options: unknown) {
      h.windows.push({ options, loaded: [] });
    }
    once() {}
    loadURL(url: string) {
      h.windows.at(-1)!.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
    destroy() {}
  }
  const app = {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    getAppPath: () => process.cwd(),
    getPath: () => userData,
    requestSingleInstanceLock: () => true,
    on: (name: string, fn: (...args: unknown[]) => void) => h.appListeners.set(name, fn),
    quit: vi.fn(),
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: h.openDialog },
    ipcMain: { handle: (channel: string, fn: any) => h.ipcHandlers.set(channel, fn) },
    Menu: { setApplicationMenu: (m: unknown) => (h.menu.value = m) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => h.schemes.push(...s),
      handle: (scheme: string, fn: any) => h.protocolHandlers.set(scheme, fn),
    },
    session: { defaultSession: h.session },
  };
});

beforeAll(async () => {
  await import('../../../electron/main');
  await vi.waitFor(() => expect(h.ipcHandlers.has('kd:api')).toBe(true));
});

const trusted = { senderFrame: { url: 'app://kinderdesk/index.html#/families', parent: null } };

describe('the desktop main process', () => {
  it('opens one window with context isolation, sandbox, no Node and web security on', () => {
    const main = h.windows[0]!;
    const prefs = main.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    expect(main.loaded).toEqual(['app://kinderdesk/index.html']);
    expect(h.menu.value).toBeNull();
  });

  it('serves the UI from its own secure scheme, with the content security policy', async () => {
    expect(h.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const handler = h.protocolHandlers.get('app')!;
    const missing = await handler(new Request('app://kinderdesk/no-such-file.js'));
    expect(missing.status).toBe(404);
    expect((await handler(new Request('app://kinderdesk/../../etc/passwd'))).status).toBeGreaterThanOrEqual(403);
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(403);
  });

  it('denies every permission request (camera, location, notifications …)', () => {
    const callback = vi.fn();
    h.session.permissionRequest!(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(h.session.permissionCheck!(null, 'geolocation')).toBe(false);
  });

  it('answers API calls from its own page through the real backend', async () => {
    const result = await h.ipcHandlers.get('kd:api')!(trusted, { name: 'setup.status', input: {} });
    const builtinPolicies = builtinPoliciesData().map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn }));
    expect(result).toEqual({ ok: true, value: { configured: false, kindergartenName: null, isDemo: false, demoAccounts: [], builtinPolicies } });
  });

  it('refuses API and print calls from any other page or from a sub-frame', async () => {
    const foreign = { senderFrame: { url: 'https://example.com/', parent: null } };
    const framed = { senderFrame: { url: 'app://kinderdesk/index.html', parent: {} } };
    for (const event of [foreign, framed, { senderFrame: null }]) {
      expect(await h.ipcHandlers.get('kd:api')!(event, { name: 'setup.status', input: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await h.ipcHandlers.get('kd:print')!(event, 'attendance-sheet/1', null)).toEqual({ spooled: false, reason: 'forbidden' });
    }
  });

  it('lets its own page pick a backup folder with the system dialog, and nobody else', async () => {
    expect(await h.ipcHandlers.get('kd:chooseFolder')!(trusted, '选择备份文件夹')).toBe('E:\\园务通备份');
    expect(h.openDialog).toHaveBeenCalledWith({ title: '选择备份文件夹', properties: ['openDirectory', 'createDirectory'] });
    h.openDialog.mockClear();
    expect(await h.ipcHandlers.get('kd:chooseFolder')!({ senderFrame: { url: 'https://example.com/', parent: null } }, 'x')).toBeNull();
    expect(h.openDialog).not.toHaveBeenCalled();
  });

  it('hardens every web contents: no navigation away, no new windows, no webviews', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | null = null;
    const contents = {
      on: (name: string, fn: any) => listeners.set(name, fn),
      setWindowOpenHandler: (fn: any) => (openHandler = fn),
    };
    h.appListeners.get('web-contents-created')!({}, contents);
    const away = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(inside, 'app://kinderdesk/index.html#/attendance');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(openHandler!()).toEqual({ action: 'deny' });
  });
});
