/*
 * Journey: the migration planner. A decision (here: dismissing a suggestion with a reason) is stored
 * by the backend, so it is still there after a reload, and the component's page shows it too.
 *
 * It uses feature-flags-service, whose suggestion no other browser test looks at. Decisions persist
 * for the backend's lifetime, so a re-run first re-opens the decision (accepting it) and then
 * dismisses it again with a new reason: the test always makes a fresh decision it can check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { SuggestionsResponse } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import {
  archApi,
  frontend,
  panel,
  screenshot,
  useBrowserPage,
  waitForSnapshot,
} from './helpers';

const ctx = useBrowserPage();
const NAME = 'feature-flags-service';

async function openPlanner(page: Page) {
  await waitForSnapshot();
  await page.goto(`${frontend}/arch-tradeoffs?tab=planner`);
  await page
    .getByRole('heading', { name: /^Migration suggestions \(\d+\)$/ })
    .waitFor({ timeout: 60_000 });
}

const rowOf = (page: Page) =>
  page
    .getByRole('row')
    .filter({
      has: page.getByRole('button', { name: `Dismiss suggestion for ${NAME}` }),
    });

test('a suggestion dismissed with a reason in the planner is still dismissed after a reload', async () => {
  const { page } = ctx;
  await openPlanner(page);
  const title = page.getByRole('heading', {
    name: /^Migration suggestions \(\d+\)$/,
  });
  const { items } = await archApi<SuggestionsResponse>('/v1/suggestions');
  const record = items.find(r => r.entityRef === `component:default/${NAME}`);
  assert.ok(record, `${NAME} has a suggestion`);

  // The tab opens on the open suggestions; "All" lists decided ones too.
  await page.locator('#planner-status').selectOption('all');
  await title.filter({ hasText: `(${items.length})` }).waitFor();
  const row = rowOf(page);
  await row.waitFor();
  const dismiss = page.getByRole('button', {
    name: `Dismiss suggestion for ${NAME}`,
  });
  if (await dismiss.isDisabled()) {
    // Dismissed by an earlier run against the same backend: re-open the decision first.
    await page
      .getByRole('button', { name: `Accept suggestion for ${NAME}` })
      .click();
    await row.getByText('Accepted by user:default/guest').waitFor();
  }

  await dismiss.click();
  const dialog = page.getByRole('dialog', {
    name: `Dismiss suggestion for ${NAME}`,
  });
  await dialog.waitFor();
  // A reason is required.
  await dialog.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await dialog
    .getByText('A reason is required to dismiss a suggestion')
    .waitFor();
  await screenshot(page, 'planner-dismiss-dialog', false);

  const reason = `Flags are served from the edge cache; run ${Date.now()}`;
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await dialog.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await row.getByText(`Dismissed by user:default/guest: ${reason}`).waitFor();
  assert.equal(
    await dismiss.isDisabled(),
    true,
    'dismissing twice is not offered',
  );

  // Stored by the backend...
  const after = await archApi<SuggestionsResponse>('/v1/suggestions');
  const stored = after.items.find(r => r.entityRef === record.entityRef);
  assert.equal(stored?.status, 'dismissed');
  assert.equal(stored?.decision?.reason, reason);

  // ...so a reload shows it: not among the open suggestions, but under "Dismissed" with its reason.
  await page.reload();
  await title.waitFor({ timeout: 60_000 });
  assert.match(page.url(), /tab=planner/);
  assert.equal(await page.locator('#planner-status').inputValue(), 'open');
  await page
    .getByRole('button', { name: /^Dismiss suggestion for / })
    .first()
    .waitFor();
  assert.equal(await rowOf(page).count(), 0, `${NAME} is no longer open`);

  await page.locator('#planner-status').selectOption('dismissed');
  const dismissedRow = rowOf(page);
  await dismissedRow.waitFor();
  const text = await dismissedRow.innerText();
  assert.ok(text.includes(`Dismissed by user:default/guest: ${reason}`), text);
  // Only dismissed suggestions are listed under that status.
  const statuses = await page
    .getByRole('row')
    .filter({
      has: page.getByRole('button', { name: /^Dismiss suggestion for / }),
    })
    .allInnerTexts();
  assert.ok(statuses.length >= 1);
  for (const s of statuses) assert.match(s, /Dismissed by /);
  await screenshot(page, 'planner-dismissed-after-reload');

  // The component's own page shows the decision next to the suggestion.
  await page.goto(`${frontend}/catalog/default/component/${NAME}`);
  const card = panel(page, 'Architecture trade-offs');
  await card
    .getByText(
      new RegExp(
        `Dismissed by user:default/guest on .*: ${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
      ),
    )
    .waitFor();
});
