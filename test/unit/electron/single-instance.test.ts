import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The desktop app runs once per user: a second start hands over to the
 * first (its window comes forward) and quits before it opens the database.
 * Against a mocked `electron`, as in main.test.ts.
 */
function mockElectron(lock: boolean) {
  const state = {
    quit: vi.fn(),
    listeners: new Map<string, (...args: unknown[]) => void>(),
    windows: [] as { restore: ReturnType<typeof vi.fn>; show: ReturnType<typeof vi.fn>; focus: ReturnType<typeof vi.fn>; minimized: boolean }[],
    ready: false,
  };
  const userData = mkdtempSync(join(tmpdir(), 'kd-single-'));
  vi.doMock('electron', () => {
    class BrowserWindow {
      webContents = { on() {}, setWindowOpenHandler() {} };
      record = { restore: vi.fn(), show: vi.fn(), focus: vi.fn(), minimized: true };
      constructor() {
        state.windows.push(this.record);
      }
      once() {}
      loadURL() {
        return Promise.resolve();
      }
      isMinimized() {
        return this.record.minimized;
      }
      restore() {
        this.record.restore();
      }
      show() {
        this.record.show();
      }
      focus() {
        this.record.focus();
      }
    }
    const app = {
      isPackaged: false,
      whenReady: () => {
        state.ready = true;
        return Promise.resolve();
      },
      getAppPath: () => process.cwd(),
      getPath: () => userData,
      requestSingleInstanceLock: () => lock,
      on: (name: string, fn: (...args: unknown[]) => void) => state.listeners.set(name, fn),
      quit: state.quit,
    };
    return {
      app,
      BrowserWindow,
      dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
      ipcMain: { handle() {} },
      Menu: { setApplicationMenu() {} },
      protocol: { registerSchemesAsPrivileged() {}, handle() {} },
      session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {} } },
    };
  });
  return state;
}

afterEach(() => {
  vi.doUnmock('electron');
  vi.resetModules();
});

describe('a second start of the desktop app', () => {
  it('quits at once when another one holds the single-instance lock: no window, no database', async () => {
    const state = mockElectron(false);
    await import('../../../electron/main');
    expect(state.quit).toHaveBeenCalled();
    expect(state.ready).toBe(false);
    expect(state.windows).toHaveLength(0);
    expect(state.listeners.has('second-instance')).toBe(false);
  });

  it('brings the running window forward in the first one', async () => {
    const state = mockElectron(true);
    await import('../../../electron/main');
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
    state.listeners.get('second-instance')!({}, ['kinderdesk'], process.cwd());
    const [window] = state.windows;
    expect(window!.restore).toHaveBeenCalled();
    expect(window!.focus).toHaveBeenCalled();
    expect(state.quit).not.toHaveBeenCalled();
    state.listeners.get('will-quit')!();
  });
});
