import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
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
  /** Saves artifacts/screenshots/<name>.png: the full page, or with `fullPage: false` the window as the user sees it. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
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

/**
 * Waits, with Playwright's own locator waiting (it re-checks on every DOM
 * change, however slow the machine), until one of the locator's elements shows
 * the text, and returns that element's text. Playwright's expect is not part of
 * playwright-core. `without` also requires the text to be gone, so a list that
 * is being filtered is read after the filter, not before.
 */
export async function waitForText(locator: Locator, expected: string | RegExp, options: { without?: string | RegExp } = {}): Promise<string> {
  const hasText = typeof expected === 'string' ? new RegExp(escapeRegExp(expected)) : expected;
  const match = locator.filter(options.without === undefined ? { hasText } : { hasText, hasNotText: options.without }).first();
  try {
    await match.waitFor();
  } catch (error) {
    const seen = await locator.allInnerTexts().catch(() => []);
    throw new Error(`expected text ${String(expected)}${options.without ? ` without ${String(options.without)}` : ''}, seen: ${JSON.stringify(seen)}`, { cause: error });
  }
  return (await match.innerText()).trim();
}

/** Waits until exactly `n` elements match (a filtered list has settled on its rows). */
export async function waitForCount(locator: Locator, n: number): Promise<void> {
  if (n > 0) await locator.nth(n - 1).waitFor({ state: 'attached' });
  await locator.nth(n).waitFor({ state: 'detached' });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Resolves with the result of the next call of API `name` the page makes
 * (start waiting before the click that makes it). Lets a test wait until a
 * change is saved, or new settings are loaded, before it goes on.
 */
export function apiCall(page: Page, name: string): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const result = page
    .waitForResponse((r) => r.url().endsWith('/api/call') && (r.request().postDataJSON() as { name?: string } | null)?.name === name)
    .then((response) => response.json() as Promise<{ ok: boolean }>);
  // A test that fails before awaiting it reports its own error, not an unhandled rejection.
  result.catch(() => {});
  return result;
}

/**
 * What the page did lately (API calls with their outcome and time, page errors),
 * printed with a screenshot when a test fails: a failure on a busy machine says
 * what the screen showed and which call had not answered.
 */
let watched: { page: Page; events: string[] } | undefined;
function watch(page: Page) {
  const events: string[] = [];
  const note = (line: string) => {
    events.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (events.length > 30) events.shift();
  };
  page.on('request', (request) => {
    if (request.url().endsWith('/api/call')) note(`→ ${(request.postDataJSON() as { name?: string } | null)?.name}`);
  });
  page.on('response', async (response) => {
    if (!response.url().endsWith('/api/call')) return;
    const name = (response.request().postDataJSON() as { name?: string } | null)?.name;
    const body = (await response.json().catch(() => null)) as { ok?: boolean; error?: { message?: string } } | null;
    note(`← ${name} ${body?.ok ? 'ok' : `refused: ${body?.error?.message ?? response.status()}`}`);
  });
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  watched = { page, events };
}

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail' || !watched || watched.page.isClosed()) return;
  const name = context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
  const file = join(ROOT, 'artifacts', 'failed', `${name}.png`);
  mkdirSync(join(ROOT, 'artifacts', 'failed'), { recursive: true });
  await watched.page.screenshot({ path: file, animations: 'disabled' }).catch(() => {});
  console.error(`[failed] ${context.task.name}\n  screen: ${file}\n  last API calls:\n    ${watched.events.join('\n    ')}`);
});

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
  // KD_E2E_API_DELAY_MS holds every API answer back that long: a slow machine on
  // demand, to show a test that reads the screen before the data arrives.
  const delay = Number(process.env.KD_E2E_API_DELAY_MS ?? 0);
  if (delay > 0) {
    await context.route('**/api/call', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      await route.continue();
    });
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  watch(page);
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
    async screenshot(name, { fullPage = true } = {}) {
      const file = join(SCREENSHOTS, `${name}.png`);
      // From the top: a full-page capture of a scrolled page repeats the fixed header mid-page.
      await page.evaluate(() => window.scrollTo(0, 0));
      // Transitions (a dialog opening, a notification sliding in) are finished first:
      // the picture shows the screen at rest, however slowly it was drawn.
      await page.screenshot({ path: file, fullPage, animations: 'disabled' });
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
