/*
 * Journey: the org-wide map (the page's default tab). Every example component is a tile, grouped by
 * domain and system; filters narrow it, the grouping switches to teams, and a tile opens its entity.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  ComponentsResponse,
  ComponentSummary,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import {
  EXAMPLE_COMPONENTS,
  archApi,
  frontend,
  openMap,
  screenshot,
  texts,
  tiles,
  useBrowserPage,
  waitForTileCount,
} from './helpers';

const ctx = useBrowserPage();

const summaries = async () =>
  (
    await archApi<ComponentsResponse<ComponentSummary>>(
      '/v1/components?view=summary&limit=all',
    )
  ).items;

const shortName = (ref: string | undefined) =>
  ref?.replace(/^[a-z]+:default\//, '');

test('the map shows every example component as a tile, grouped by domain and system', async () => {
  const { page } = ctx;
  await openMap(page);
  assert.equal(await tiles(page).count(), EXAMPLE_COMPONENTS);

  // Domains are the top headings, systems nested under them.
  const domains = await texts(page, 'section h3');
  for (const d of ['payments', 'commerce', 'data', 'platform']) {
    assert.ok(
      domains.includes(d),
      `domain heading "${d}" missing; saw ${domains.join(', ')}`,
    );
  }
  const systems = await texts(page, 'section h4');
  for (const s of ['payment-processing', 'storefront', 'analytics']) {
    assert.ok(
      systems.includes(s),
      `system heading "${s}" missing; saw ${systems.join(', ')}`,
    );
  }

  // Every catalog component is there, by name.
  const items = await summaries();
  const labels = await tiles(page).evaluateAll(els =>
    els.map(e => e.getAttribute('aria-label')),
  );
  assert.deepEqual([...labels].sort(), items.map(c => c.name).sort());

  // The payments domain heading counts its tiles.
  const payments = items.filter(
    c => c.domain === 'domain:default/payments',
  ).length;
  await page
    .getByText(`${payments} components ·`, { exact: false })
    .first()
    .waitFor();
  const paymentsSection = page.locator('section', {
    has: page.locator('h3', { hasText: /^payments$/ }),
  });
  assert.equal(
    await paymentsSection.locator('[data-testid="map-tile"]').count(),
    payments,
  );

  await screenshot(page, 'map-by-domain');
});

test('search and the execution-model filter narrow the map to the matching components', async () => {
  const { page } = ctx;
  await openMap(page);
  const items = await summaries();

  // Search by name, as a user types it.
  const matching = items.filter(
    c =>
      c.name.includes('payment') ||
      (c.title ?? '').toLowerCase().includes('payment'),
  );
  assert.ok(matching.length > 0 && matching.length < EXAMPLE_COMPONENTS);
  await page.getByRole('searchbox', { name: 'Search' }).fill('payment');
  await waitForTileCount(page, matching.length);
  await page
    .getByText(`${matching.length} of ${EXAMPLE_COMPONENTS} components`)
    .waitFor();
  const found = await tiles(page).evaluateAll(els =>
    els.map(e => e.getAttribute('aria-label')),
  );
  assert.deepEqual([...found].sort(), matching.map(c => c.name).sort());
  assert.match(page.url(), /[?&]q=payment/);
  await screenshot(page, 'map-search-payment');

  // Clear, then filter by execution model through the select.
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await waitForTileCount(page, EXAMPLE_COMPONENTS);
  const onDemand = items.filter(c => c.executionModel === 'on-demand');
  assert.ok(onDemand.length > 0 && onDemand.length < EXAMPLE_COMPONENTS);
  await page.locator('#org-map-model').selectOption('on-demand');
  await waitForTileCount(page, onDemand.length);
  await page
    .getByText(`${onDemand.length} of ${EXAMPLE_COMPONENTS} components`)
    .waitFor();
  const shown = await tiles(page).evaluateAll(els =>
    els.map(e => e.getAttribute('data-ref')),
  );
  assert.deepEqual([...shown].sort(), onDemand.map(c => c.entityRef).sort());
  assert.match(page.url(), /[?&]model=on-demand/);
  await screenshot(page, 'map-on-demand');

  // The filter is in the URL: a reload (or a shared link) keeps it.
  await page.reload();
  await waitForTileCount(page, onDemand.length, 60_000);
  assert.equal(await page.locator('#org-map-model').inputValue(), 'on-demand');
});

test('grouping by team replaces the domain headings with the owning teams', async () => {
  const { page } = ctx;
  await openMap(page);
  const items = await summaries();

  await page.getByRole('button', { name: 'Team' }).click();
  await page.waitForURL(/[?&]group=owner/);
  const owners = [
    ...new Set(items.map(c => shortName(c.owner) ?? 'No owner')),
  ].sort();
  await page.waitForFunction(
    n => document.querySelectorAll('section h3').length === n,
    owners.length,
  );
  const headings = await texts(page, 'section h3');
  assert.deepEqual([...headings].sort(), owners);
  assert.ok(
    !headings.includes('payments'),
    'the domain headings should be gone',
  );
  assert.equal(
    await page.locator('section h4').count(),
    0,
    'team groups are flat',
  );
  assert.equal(await tiles(page).count(), EXAMPLE_COMPONENTS);

  const core = items.filter(
    c => c.owner === 'group:default/payments-core',
  ).length;
  const coreSection = page.locator('section', {
    has: page.locator('h3', { hasText: /^payments-core$/ }),
  });
  assert.equal(
    await coreSection.locator('[data-testid="map-tile"]').count(),
    core,
  );
  await screenshot(page, 'map-by-team');
});

test('hovering a tile shows its details and clicking it opens the entity page', async () => {
  const { page } = ctx;
  await openMap(page);
  const tile = page.getByRole('link', {
    name: 'payment-status-service',
    exact: true,
  });
  await tile.hover();
  // The hover card names the component, its platform and its cost.
  const details = page.getByRole('tooltip');
  await details.waitFor();
  const text = await details.innerText();
  assert.match(text, /payment-status-service/);
  assert.match(text, /On-demand on AWS Lambda/);
  assert.match(text, /\$660 \/ month \(estimated\)/);
  assert.match(text, /Suggestion: .* move to AWS Fargate/);
  await screenshot(page, 'map-tile-hover', false);

  await tile.click();
  await page.waitForURL(
    `${frontend}/catalog/default/component/payment-status-service`,
  );
  await page
    .getByRole('heading', { name: 'payment-status-service' })
    .first()
    .waitFor();
  await page
    .getByText('Architecture trade-offs', { exact: true })
    .last()
    .waitFor();
});
