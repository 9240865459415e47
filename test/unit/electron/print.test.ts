import { describe, expect, it, vi } from 'vitest';
import { printDocument, printUrl, saveDocumentAsPdf } from '../../../electron/print';

function fakeWindow(options: { ready?: boolean } = {}) {
  const contents = {
    executeJavaScript: vi.fn(async () => options.ready ?? true),
    print: vi.fn((_opts: unknown, done: (ok: boolean, reason: string) => void) => done(true, '')),
    printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')),
  };
  const window = { webContents: contents, loadURL: vi.fn(async () => {}), destroy: vi.fn() };
  return { window, contents };
}

describe('printing from the desktop app', () => {
  it('loads the print route on the app protocol and hands over the session', () => {
    expect(printUrl('attendance-sheet/3/2026-11', 'abc')).toBe('app://kinderdesk/index.html#/print/attendance-sheet/3/2026-11?kdsession=abc');
    expect(printUrl('survey-report/2?lang=en', null)).toBe('app://kinderdesk/index.html#/print/survey-report/2?lang=en');
    expect(() => printUrl('x/"><script>', null)).toThrow();
  });

  it('prints once the document has rendered, and closes the hidden window', async () => {
    const { window, contents } = fakeWindow();
    const result = await printDocument({ createWindow: () => window as never, chooseSavePath: vi.fn(), writeFile: vi.fn() }, 'receipt/9', 's');
    expect(result).toEqual({ spooled: true, reason: undefined });
    expect(contents.print).toHaveBeenCalledWith({ silent: false, printBackground: true }, expect.any(Function));
    expect(window.destroy).toHaveBeenCalled();
  });

  it('saves a PDF where the user chose, and nothing when they cancel', async () => {
    const writeFile = vi.fn(async () => {});
    const { window } = fakeWindow();
    const saved = await saveDocumentAsPdf({ createWindow: () => window as never, chooseSavePath: async () => '/tmp/x.pdf', writeFile }, 'receipt/9', 's', '收据.pdf');
    expect(saved).toEqual({ saved: true, path: '/tmp/x.pdf' });
    expect(writeFile).toHaveBeenCalledWith('/tmp/x.pdf', Buffer.from('%PDF-1.7 fake'));
    const cancelled = await saveDocumentAsPdf({ createWindow: () => fakeWindow().window as never, chooseSavePath: async () => null, writeFile }, 'receipt/9', 's', '收据.pdf');
    expect(cancelled).toEqual({ saved: false });
    expect(writeFile).toHaveBeenCalledTimes(1);
  });
});
