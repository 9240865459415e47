import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { type Backend, createBackend } from '../../electron/backend';
import { type RunningServer, startHttpServer } from '../../electron/server/http-server';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Native date inputs follow the browser's language, not the page's.
  '--lang=zh-CN',
];

export interface AppUnderTest {
  backend: Backend;
  server: RunningServer;
  browser: Browser;
  page: Page;
  dir: string;
  /** Saves artifacts/screenshots/<name>.png (full page). */
  screenshot(name: string): Promise<string>;
  /** Signs in through the login screen and waits for the app. */
  signIn(username: string, password: string): Promise<void>;
  /** Fills the login form and submits, without waiting for success. */
  trySignIn(username: string, password: string): Promise<void>;
  close(): Promise<void>;
}

/** Waits for the locator to be visible and returns its text. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return (await locator.first().innerText()).trim();
}

/** Waits until the locator's text matches (Playwright's own expect is not part of playwright-core). */
export async function waitForText(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    try {
      last = (await locator.first().innerText({ timeout: 1000 })).trim();
      if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    } catch {
      // not there yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected text ${String(expected)}, last seen: ${JSON.stringify(last)}`);
}

/**
 * Browser mode for real: a fresh SQLite file, the real backend and HTTP
 * server, the built UI (run `npm run build:renderer` first) and Debian's Chromium.
 * `demo: true` loads the demo kindergarten before the page opens.
 */
export interface StartOptions {
  demo?: boolean;
  viewport?: { width: number; height: number };
  /** Fixes the backend's clock, so "today" means the same on any day the test runs. */
  now?: Date;
  /** Signs in through the login screen before returning. */
  user?: string;
}

export async function startApp(options: StartOptions = {}): Promise<AppUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-e2e-'));
  const now = options.now;
  const backend = createBackend({ dbPath: join(dir, 'kinderdesk.sqlite'), log: () => {}, now: now ? () => now : undefined });
  if (options.demo) {
    const loaded = await backend.dispatcher.call({ name: 'setup.loadDemo', input: {} });
    if (!loaded.ok) throw new Error(loaded.error.message);
  }
  const server = await startHttpServer({ dispatcher: backend.dispatcher, staticDir: join(ROOT, 'dist', 'renderer') });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  await page.goto(server.url);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const trySignIn = async (username: string, password: string) => {
    await page.getByLabel('登录名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  };
  const app: AppUnderTest = {
    backend,
    server,
    browser,
    page,
    dir,
    async screenshot(name) {
      const file = join(SCREENSHOTS, `${name}.png`);
      // From the top: a full-page capture of a scrolled page repeats the fixed header mid-page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    trySignIn,
    async signIn(username, password) {
      await trySignIn(username, password);
      await page.getByTestId('current-user').waitFor();
    },
    async close() {
      await browser.close();
      await server.close();
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.user) await app.signIn(options.user, 'demo1234');
  return app;
}
