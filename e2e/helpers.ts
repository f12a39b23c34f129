/*
 * Shared by the browser tests: where the app runs, a browser and page per test file, waiting for the
 * catalog snapshot, reading the backend's API as the guest user, and screenshots.
 */
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './browser';

export const frontend = (
  process.env.ARCH_TRADEOFFS_E2E_FRONTEND ?? 'http://localhost:3000'
).replace(/\/$/, '');
/** `npm test` sets the backend; for a run against `npm start` it follows the frontend (3000 → 7007). */
export const backend = (
  process.env.ARCH_TRADEOFFS_E2E_BACKEND ??
  (frontend.endsWith(':3017')
    ? 'http://localhost:7017'
    : 'http://localhost:7007')
).replace(/\/$/, '');

/** Number of components in examples/catalog. */
export const EXAMPLE_COMPONENTS = 52;
/** The catalog ingests a few seconds after start-up and the refresh runs on a schedule after that. */
export const SNAPSHOT_TIMEOUT_MS = 120_000;

export const screenshots = path.join(__dirname, 'screenshots');

export async function screenshot(page: Page, name: string, fullPage = true) {
  await page.screenshot({
    path: path.join(screenshots, `${name}.png`),
    fullPage,
  });
}

/**
 * One browser and one page for the tests of the calling file (node:test runs a file's tests in
 * order). The returned object's `page` is set before the first test.
 */
export function useBrowserPage(viewport = { width: 1500, height: 1000 }): {
  page: Page;
} {
  const holder = {} as { page: Page };
  let browser: Browser | undefined;
  before(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    browser = await launchChromium();
    holder.page = await browser.newPage({ viewport });
    holder.page.setDefaultTimeout(30_000);
  });
  after(async () => {
    await browser?.close();
  });
  return holder;
}

let token: Promise<string> | undefined;

/** The guest's Backstage token, as the app gets it after its automatic sign-in. */
function guestToken(): Promise<string> {
  token ??= (async () => {
    const res = await fetch(`${backend}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    assert.equal(
      res.status,
      200,
      `guest sign-in at ${backend} answered ${res.status}`,
    );
    const body = (await res.json()) as { backstageIdentity: { token: string } };
    return body.backstageIdentity.token;
  })();
  return token;
}

/** GET `/api/arch-tradeoffs<path>` as the guest user. */
export async function archApi<T>(apiPath: string): Promise<T> {
  const res = await fetch(`${backend}/api/arch-tradeoffs${apiPath}`, {
    headers: { Authorization: `Bearer ${await guestToken()}` },
  });
  assert.equal(
    res.status,
    200,
    `GET ${apiPath} answered ${res.status}: ${await res.clone().text()}`,
  );
  return (await res.json()) as T;
}

/**
 * Waits until the backend serves a snapshot with every example component (polling its API, which is
 * cheaper than reloading pages). Right after start-up the snapshot is missing or empty.
 */
export async function waitForSnapshot(): Promise<void> {
  const deadline = Date.now() + SNAPSHOT_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await archApi<{ totalCount: number }>(
        '/v1/components?view=summary&limit=1',
      );
      if (res.totalCount === EXAMPLE_COMPONENTS) return;
      last = `${res.totalCount} components`;
    } catch (e) {
      // 404 (no snapshot yet) or the backend is still starting
      last = (e as Error).message;
      token = undefined;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `no snapshot with ${EXAMPLE_COMPONENTS} components within ${SNAPSHOT_TIMEOUT_MS / 1000} s (last: ${last})`,
  );
}

/** Opens the map and waits for it to show every example component. */
export async function openMap(page: Page, query = ''): Promise<void> {
  await waitForSnapshot();
  await page.goto(`${frontend}/arch-tradeoffs${query}`);
  await page
    .getByText(`${EXAMPLE_COMPONENTS} components ·`)
    .waitFor({ timeout: SNAPSHOT_TIMEOUT_MS });
}

export const tiles = (page: Page) => page.locator('[data-testid="map-tile"]');

/** Waits until the map shows exactly `count` tiles (the map re-draws deferred after a filter). */
export async function waitForTileCount(
  page: Page,
  count: number,
  timeout = 15_000,
) {
  await page.waitForFunction(
    n => document.querySelectorAll('[data-testid="map-tile"]').length === n,
    count,
    { timeout },
  );
}

/** The text of the headings matching `selector`, trimmed. */
export async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allInnerTexts()).map(t => t.trim());
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The card or table titled `title`: the nearest MUI Paper around an InfoCard's header title (a span)
 * or a Backstage Table's title (an h2).
 */
export function panel(page: Page, title: string): Locator {
  return page
    .locator('.MuiCardHeader-title, h2')
    .filter({ hasText: new RegExp(`^\\s*${escape(title)}\\s*$`) })
    .first()
    .locator(
      'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " MuiPaper-root ")][1]',
    );
}

/** A screenshot of one element (a card or table), at full resolution. */
export async function screenshotOf(locator: Locator, name: string) {
  await locator.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

/** A treemap group (domain, system or team) by its label; the outermost when names repeat. */
export const treemapGroup = (page: Page, label: string) =>
  page
    .locator(
      `g[data-testid="map-group"][aria-label^="Zoom into ${label.replace(/"/g, '\\"')}:"]`,
    )
    .first();
