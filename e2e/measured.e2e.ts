/*
 * Journey: a component whose traffic the demo Prometheus measured. Its Trade-offs tab says where each
 * input came from (measured, stated, inferred, default), over which span, and charts the traffic by
 * hour; a drifting annotation is called out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ComponentResponse } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { DEMO_DRIFT_COMPONENT } from '../plugins/arch-tradeoffs-backend/dev/prometheus/demo';
import { archApi, frontend, panel, screenshot, screenshotOf, useBrowserPage, waitForSnapshot } from './helpers';

const ctx = useBrowserPage();
/** Set by scripts/test.js when it started the demo Prometheus (empty without a prometheus binary). */
const measuring = Boolean(process.env.ARCH_TRADEOFFS_E2E_PROMETHEUS);
// Skipped without one, with the reason; in CI (ARCH_TRADEOFFS_REQUIRE_PROMETHEUS) run, and fail.
const skip =
  measuring || process.env.ARCH_TRADEOFFS_REQUIRE_PROMETHEUS
    ? false
    : 'no demo Prometheus (no prometheus binary; apt-get install prometheus)';

async function openTab(name: string) {
  await waitForSnapshot();
  await ctx.page.goto(`${frontend}/catalog/default/component/${name}/arch-tradeoffs`);
  await ctx.page.getByRole('heading', { name, exact: true }).first().waitFor();
}

test('a measured component shows each input’s source, the span measured and its traffic by hour', { skip }, async () => {
  const { page } = ctx;
  // It states nothing of its own: its platform is inferred from the Kubernetes plugin's annotation, its
  // traffic measured (a nightly batch in the demo).
  await waitForSnapshot();
  const { component } = await archApi<ComponentResponse>('/v1/components/default/component/warehouse-events-consumer');
  assert.equal(component.usage?.status, 'measured', 'the demo measures warehouse-events-consumer');
  const monthly = component.measured.find(m => m.field === 'monthlyRequests');

  await openTab('warehouse-events-consumer');
  const inputs = panel(page, 'Inputs and where they came from');
  await inputs.waitFor();
  await inputs.getByLabel('measurement').waitFor();
  assert.match(await inputs.getByLabel('measurement').innerText(), /Measured in Prometheus over \d+/);

  const table = inputs.getByRole('table', { name: 'inputs and their sources' });
  const text = await table.innerText();
  assert.ok(text.includes('Measured'), 'its traffic is measured');
  assert.ok(text.includes('Inferred'), 'its platform is inferred');
  assert.ok(text.includes('Default'), 'the rest are defaults');
  if (monthly) assert.ok(text.includes(monthly.metric), 'the metric of the measured traffic is named');

  const chart = inputs.getByRole('figure', { name: 'traffic by hour' });
  await chart.scrollIntoViewIfNeeded();
  // Attached, not visible: a bar of an idle hour has no height.
  await chart.locator('.recharts-bar-rectangle').first().waitFor({ state: 'attached' });
  assert.equal(await chart.locator('.recharts-bar-rectangle').count(), 24, 'one bar per hour of the day');
  assert.match(await chart.innerText(), /Batch/);
  await screenshot(page, 'entity-measured-inputs');
  await screenshotOf(inputs, 'entity-inputs-card');
});

test('a stated figure far from the measured one is called out as drift', { skip }, async () => {
  const { page } = ctx;
  await openTab(DEMO_DRIFT_COMPONENT);
  const inputs = panel(page, 'Inputs and where they came from');
  const drift = inputs.getByLabel('drift');
  await drift.waitFor();
  assert.match(await drift.innerText(), /declares 50,000 requests per month; measured [\d,]+ over/);
});
