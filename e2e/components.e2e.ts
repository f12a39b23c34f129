/*
 * Journey: the Components tab, a table of every component with its model, platform and diagnostics.
 * (Before the page had tabs this table was the whole page.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  EXAMPLE_COMPONENTS,
  SNAPSHOT_TIMEOUT_MS,
  frontend,
  screenshot,
  useBrowserPage,
  waitForSnapshot,
} from './helpers';

const ctx = useBrowserPage();

async function openComponentsTab(page: Page) {
  await waitForSnapshot();
  await page.goto(`${frontend}/arch-tradeoffs`);
  // Reached by its tab, which puts it in the URL.
  await page.getByRole('tab', { name: 'Components' }).click();
  await page.waitForURL(/[?&]tab=components/);
  await page
    .getByRole('heading', { name: `Components (${EXAMPLE_COMPONENTS})` })
    .waitFor({ timeout: SNAPSHOT_TIMEOUT_MS });
}

test('the Components tab lists every example component with its model and platform', async () => {
  const { page } = ctx;
  await openComponentsTab(page);
  assert.equal(
    await page
      .getByRole('tab', { name: 'Components' })
      .getAttribute('aria-selected'),
    'true',
  );
  for (const name of [
    'settlement-report-job',
    'gift-card-service',
    'acme-design-system',
  ]) {
    await page.getByRole('link', { name, exact: true }).first().waitFor();
  }
  const body = await page.locator('[role="tabpanel"]').innerText();
  assert.match(body, /Always-on/);
  assert.match(body, /On-demand/);
  assert.match(body, /Not annotated/);
  assert.match(body, /AWS Lambda/);
  await screenshot(page, 'components-tab');
});

test('the Components tab shows malformed annotations as diagnostics naming the key', async () => {
  const { page } = ctx;
  await openComponentsTab(page);
  await page.getByPlaceholder('Filter').fill('loyalty-points');
  const row = page
    .getByRole('row')
    .filter({ hasText: 'loyalty-points-service' });
  await row.waitFor();
  // The row is on the page before the filter applies too: wait for the others to go.
  const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
  await rows.nth(1).waitFor({ state: 'detached' });
  assert.equal(await rows.count(), 1);
  assert.match(
    await row.innerText(),
    /monthly-requests "lots" is not a number/,
  );
  await screenshot(page, 'components-tab-diagnostics', false);
});
