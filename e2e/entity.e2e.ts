/*
 * Journey: a component's own page. The "Architecture trade-offs" card on the Overview shows the
 * expected cost (or the annotation problems, or the missing-annotation state); the "Trade-offs" tab has
 * the breakdown, the alternatives and the what-if panel.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import {
  PLATFORM_LABELS,
  type ComponentResponse,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import {
  archApi,
  frontend,
  panel,
  screenshot,
  screenshotOf,
  useBrowserPage,
  waitForSnapshot,
} from './helpers';

const ctx = useBrowserPage();

/** As the app prints it (en-US in headless Chromium): whole units from 100 up, cents below. */
function money(amount: number, currency: string) {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: Math.abs(amount) >= 100 ? 0 : 2,
  }).format(amount);
}

/** A component's record, once the backend serves the whole example catalog. */
async function component(name: string) {
  await waitForSnapshot();
  return archApi<ComponentResponse>(`/v1/components/default/component/${name}`);
}

async function openEntity(page: Page, name: string, tab = '') {
  await waitForSnapshot();
  await page.goto(`${frontend}/catalog/default/component/${name}${tab}`);
  await page.getByRole('heading', { name, exact: true }).first().waitFor();
}

/** The plugin's card on the Overview tab. */
const tradeoffsCard = (page: Page): Locator =>
  panel(page, 'Architecture trade-offs');

test('the component card shows the expected monthly cost the engine computed', async () => {
  const { page } = ctx;
  const { component: record } = await component('payment-status-service');
  const cost = record.assessment!.monthlyCost;
  const expected = money(cost.expected, cost.currency);
  assert.equal(
    expected,
    '$660',
    'the example annotations price payment-status-service at $660',
  );

  await openEntity(page, 'payment-status-service');
  const card = tradeoffsCard(page);
  await card.getByLabel('Expected monthly cost').waitFor();
  assert.equal(
    (await card.getByLabel('Expected monthly cost').innerText()).trim(),
    expected,
  );
  const text = await card.innerText();
  assert.match(text, /On-demand/);
  assert.match(text, /AWS Lambda/);
  assert.match(
    text,
    new RegExp(`range ${money(cost.low, cost.currency).replace('$', '\\$')}`),
  );
  assert.match(text, /Suggestion/);
  assert.match(text, /moving to AWS Fargate/);
  assert.match(text, /Break-even/);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'entity-card-payment-status-service');
});

test('the Trade-offs tab shows the breakdown, the alternatives and a what-if that follows the traffic', async () => {
  const { page } = ctx;
  const { component: record } = await component('payment-status-service');
  const assessment = record.assessment!;
  const currency = assessment.monthlyCost.currency;

  await openEntity(page, 'payment-status-service', '/arch-tradeoffs');
  assert.match(page.url(), /\/arch-tradeoffs$/);

  // Breakdown: every line item the backend computed.
  const breakdown = panel(page, 'Cost breakdown');
  await breakdown.waitFor();
  const breakdownText = await breakdown.innerText();
  assert.ok(assessment.monthlyCost.breakdown.length > 0);
  for (const item of assessment.monthlyCost.breakdown) {
    assert.ok(
      breakdownText.includes(item.label),
      `breakdown line "${item.label}" missing`,
    );
    assert.ok(
      breakdownText.includes(money(item.amount, currency)),
      `amount of "${item.label}" missing`,
    );
  }

  // Alternatives: every other platform, with the cheapest feasible one's cost.
  const alternatives = panel(page, 'Alternatives');
  const alternativesText = await alternatives.innerText();
  assert.ok(assessment.alternatives.length >= 3);
  for (const a of assessment.alternatives) {
    assert.ok(
      alternativesText.includes(PLATFORM_LABELS[a.platform]),
      `alternative ${a.platform} missing`,
    );
  }
  const fargate = assessment.alternatives.find(
    a => a.platform === 'aws-fargate',
  );
  assert.ok(fargate?.monthlyCost);
  assert.ok(
    alternativesText.includes(money(fargate.monthlyCost.expected, currency)),
  );

  // What-if: a chart, and a cost that follows the traffic.
  const whatIf = panel(page, 'What-if');
  await whatIf.scrollIntoViewIfNeeded();
  await whatIf.locator('.recharts-surface').first().waitFor();
  assert.ok(
    (await whatIf.locator('.recharts-line, .recharts-area').count()) > 0,
    'the chart draws its curves',
  );
  const whatIfCost = whatIf.getByLabel('What-if cost on AWS Lambda');
  const initial = (await whatIfCost.innerText()).trim();
  // The browser computes with the same engine and prices as the backend.
  assert.equal(initial, money(assessment.monthlyCost.expected, currency));
  await screenshot(page, 'entity-tradeoffs-tab');
  await screenshotOf(alternatives, 'entity-alternatives-table');
  await screenshotOf(whatIf, 'entity-whatif-panel');

  const requests = whatIf.getByRole('spinbutton', { name: 'Monthly requests' });
  assert.equal(
    await requests.inputValue(),
    String(record.settings!.monthlyRequests),
  );
  await requests.fill('3000000');
  await page.waitForFunction(
    ([label, before]) =>
      document.querySelector(`[aria-label="${label}"]`)?.textContent?.trim() !==
      before,
    ['What-if cost on AWS Lambda', initial] as const,
  );
  const lower = (await whatIfCost.innerText()).trim();
  const amount = (s: string) => Number(s.replace(/[^0-9.]/g, ''));
  assert.ok(
    amount(lower) < amount(initial),
    `100× less traffic should cost less: ${lower} vs ${initial}`,
  );
  await whatIf.getByText('Monthly requests: 3M').waitFor();

  // The slider moves the traffic too: the top of its range costs more than today.
  const slider = whatIf.getByRole('slider', {
    name: 'Monthly requests slider',
  });
  await slider.focus();
  await page.keyboard.press('End');
  await page.waitForFunction(
    ([label, before]) =>
      document.querySelector(`[aria-label="${label}"]`)?.textContent?.trim() !==
      before,
    ['What-if cost on AWS Lambda', lower] as const,
  );
  const higher = (await whatIfCost.innerText()).trim();
  assert.ok(
    amount(higher) > amount(initial),
    `more traffic should cost more: ${higher} vs ${initial}`,
  );
  // The field follows the slider on its next render, which may come after the cost's.
  for (let i = 0; i < 50 && (await requests.inputValue()) !== '100000000000'; i++) {
    await page.waitForTimeout(100);
  }
  assert.equal(await requests.inputValue(), '100000000000');
  await screenshotOf(whatIf, 'entity-whatif-max-traffic');

  await whatIf.getByRole('button', { name: 'Reset' }).click();
  await page.waitForFunction(
    ([label, value]) =>
      document.querySelector(`[aria-label="${label}"]`)?.textContent?.trim() ===
      value,
    ['What-if cost on AWS Lambda', initial] as const,
  );
});

test('malformed annotations show as diagnostics naming the key and the value', async () => {
  const { page } = ctx;
  const { component: record } = await component('loyalty-points-service');
  const diagnostic = record.diagnostics.find(d =>
    d.annotation.endsWith('/monthly-requests'),
  );
  assert.ok(diagnostic, 'the backend reports the monthly-requests annotation');
  assert.equal(diagnostic.value, 'lots');

  await openEntity(page, 'loyalty-points-service');
  const card = tradeoffsCard(page);
  const list = card.getByRole('list', { name: 'diagnostics' });
  await list.waitFor();
  const text = await list.innerText();
  assert.match(text, /monthly-requests "lots" is not a number/);
  assert.ok(
    text.includes(diagnostic.message),
    `the card shows the message "${diagnostic.message}"`,
  );
  // It is flagged as an error, and shown above the (defaulted) estimate.
  assert.equal(
    (await list.locator('svg title', { hasText: 'error' }).count()) >= 1,
    true,
  );
  assert.match(
    await card.innerText(),
    /Annotation problems[\s\S]*Expected monthly cost/i,
  );
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'entity-card-diagnostics');

  // The Trade-offs tab repeats them in its own Diagnostics card.
  await page.goto(
    `${frontend}/catalog/default/component/loyalty-points-service/arch-tradeoffs`,
  );
  const diagnostics = panel(page, 'Diagnostics');
  await diagnostics.waitFor();
  assert.match(
    await diagnostics.innerText(),
    /monthly-requests "lots" is not a number/,
  );
  await screenshot(page, 'entity-tab-diagnostics');
});

test('a component without arch-tradeoffs annotations shows the missing-annotation state', async () => {
  const { page } = ctx;
  await openEntity(page, 'storefront-web');
  const card = tradeoffsCard(page);
  await card.getByText('Missing Annotation').waitFor();
  const text = await card.innerText();
  assert.match(text, /arch-tradeoffs\.io\/execution-model/);
  assert.match(text, /arch-tradeoffs\.io\/platform/);
  assert.doesNotMatch(text, /Expected monthly cost/i);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'entity-card-missing-annotation');
});

test('a library says it is not a deployed workload instead of asking for annotations', async () => {
  const { page } = ctx;
  await openEntity(page, 'acme-design-system');
  const card = tradeoffsCard(page);
  await card.getByText('Not a deployed workload').waitFor();
  const text = await card.innerText();
  assert.match(text, /a library is not deployed/);
  assert.doesNotMatch(text, /Missing Annotation/);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'entity-card-not-a-workload');
});
