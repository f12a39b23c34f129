import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';

const frontend = process.env.ARCH_TRADEOFFS_E2E_FRONTEND ?? 'http://localhost:3000';
const screenshots = path.join(__dirname, 'screenshots');

let browser: Browser;
let page: Page;

before(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
});

after(async () => {
  await browser?.close();
});

test('the arch-tradeoffs page lists the example components after automatic guest sign-in', async () => {
  await page.goto(`${frontend}/arch-tradeoffs`);
  // The catalog ingests examples/catalog shortly after start-up; the table fills once it has.
  await page.getByText('Components (49)').waitFor({ timeout: 120_000 });
  for (const name of ['settlement-report-job', 'gift-card-service', 'acme-design-system']) {
    await page.getByRole('link', { name, exact: true }).first().waitFor();
  }
  const body = await page.locator('body').innerText();
  assert.match(body, /Always-on/);
  assert.match(body, /On-demand/);
  assert.match(body, /Not annotated/);
  assert.match(body, /AWS Lambda/);
  await page.screenshot({ path: path.join(screenshots, 'components-page.png'), fullPage: true });
});

test('malformed annotations show as diagnostics naming the key', async () => {
  await page.goto(`${frontend}/arch-tradeoffs`);
  await page.getByText('Components (49)').waitFor({ timeout: 120_000 });
  await page.getByPlaceholder('Filter').fill('loyalty-points');
  const row = page.getByRole('row').filter({ hasText: 'loyalty-points-service' });
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /monthly-requests "lots" is not a number/);
  await page.screenshot({ path: path.join(screenshots, 'diagnostics.png') });
});

test('a component links to its catalog entity page', async () => {
  await page.goto(`${frontend}/arch-tradeoffs`);
  await page.getByText('Components (49)').waitFor({ timeout: 120_000 });
  await page.getByRole('link', { name: 'settlement-report-job', exact: true }).first().click();
  await page.waitForURL(/\/catalog\/default\/component\/settlement-report-job/);
  // The catalog's own entity page renders, with the component's description in its About card.
  await page.getByText('About', { exact: true }).first().waitFor();
  await page.getByText(/20-minute report job/).first().waitFor();
  await page.screenshot({ path: path.join(screenshots, 'entity-page.png') });
});
