/*
 * Journey: the org-wide map (the page's default tab). A treemap by default: every example component
 * is a rectangle nested in its domain and system; a click zooms into a group and the breadcrumbs come
 * back; filters narrow it, and a rectangle opens its entity. The List view (tiles under headings, the
 * accessible alternative) groups by domain and system or by team.
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
  treemapGroup,
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

test('the treemap shows every example component, nested in domains and systems', async () => {
  const { page } = ctx;
  await openMap(page);
  await page.getByTestId('treemap').waitFor();
  assert.equal(await tiles(page).count(), EXAMPLE_COMPONENTS);
  const items = await summaries();
  const labels = await tiles(page).evaluateAll(els =>
    els.map(e => e.getAttribute('aria-label')),
  );
  assert.deepEqual([...labels].sort(), items.map(c => c.name).sort());

  // Domains, then systems, each a zoomable group.
  for (const name of [
    'payments',
    'commerce',
    'data',
    'platform',
    'storefront',
  ]) {
    await treemapGroup(page, name).waitFor();
  }
  // Area follows cost: the most expensive component is drawn larger than the cheapest priced one.
  const priced = items
    .filter(c => (c.monthlyCost ?? 0) > 0)
    .sort((a, b) => a.monthlyCost! - b.monthlyCost!);
  const area = async (ref: string) => {
    const box = await page.locator(`a[data-ref="${ref}"] rect`).boundingBox();
    return box!.width * box!.height;
  };
  assert.ok(
    (await area(priced[priced.length - 1].entityRef)) >
      (await area(priced[0].entityRef)),
  );
  // Suggestions carry the dark corner.
  assert.equal(
    await page.getByTestId('map-suggestion').count(),
    items.filter(c => c.suggestion).length,
  );
  // The treemap fits the viewport: no 38,000 px page.
  const svg = await page.getByTestId('treemap').boundingBox();
  assert.ok(svg!.height <= 1000, `treemap ${svg!.height} px tall`);
  await screenshot(page, 'map-treemap');
});

test('clicking a domain zooms into it, the URL keeps the zoom, the breadcrumb goes back', async () => {
  const { page } = ctx;
  await openMap(page);
  const items = await summaries();
  const payments = items.filter(c => c.domain === 'domain:default/payments');
  const system = payments[0].system!;
  const inSystem = payments.filter(c => c.system === system);

  await treemapGroup(page, 'payments').click({ position: { x: 10, y: 6 } });
  await waitForTileCount(page, payments.length);
  assert.match(page.url(), /[?&]zoom=domain%3Adefault%2Fpayments(&|$)/);
  const refs = await tiles(page).evaluateAll(els =>
    els.map(e => e.getAttribute('data-ref')),
  );
  assert.deepEqual([...refs].sort(), payments.map(c => c.entityRef).sort());
  const crumbs = page.getByRole('navigation', { name: 'Treemap zoom' });
  await crumbs.getByText('payments', { exact: true }).waitFor();
  await screenshot(page, 'map-treemap-zoom-domain');

  // One level further, into a system; a reload keeps the zoom.
  await treemapGroup(page, shortName(system)!).click({
    position: { x: 10, y: 6 },
  });
  await waitForTileCount(page, inSystem.length);
  await page.reload();
  await waitForTileCount(page, inSystem.length, 60_000);
  await screenshot(page, 'map-treemap-zoom-system');

  // Back up to the domain, then to the whole organisation.
  await crumbs.getByRole('button', { name: 'payments' }).click();
  await waitForTileCount(page, payments.length);
  await crumbs.getByRole('button', { name: 'All domains' }).click();
  await waitForTileCount(page, EXAMPLE_COMPONENTS);
  assert.doesNotMatch(page.url(), /zoom=/);
});

test('the List view shows every example component as a tile, grouped by domain and system', async () => {
  const { page } = ctx;
  await openMap(page);
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await page.waitForURL(/[?&]view=list/);
  await page.locator('section h3').first().waitFor();
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

  await screenshot(page, 'map-list-by-domain');
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

test('clearing a search or a filter draws the whole organisation exactly as before', async () => {
  const { page } = ctx;
  await openMap(page);
  const treemap = page.getByTestId('treemap');
  await treemap.waitFor();
  const whole = await treemap.innerHTML();

  // The map keeps the unfiltered layout while filtered, and draws it again unchanged.
  await page.getByRole('searchbox', { name: 'Search' }).fill('payment');
  await page.getByText(` of ${EXAMPLE_COMPONENTS} components`).waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await waitForTileCount(page, EXAMPLE_COMPONENTS);
  assert.equal(await treemap.innerHTML(), whole);

  await page.locator('#org-map-model').selectOption('always-on');
  await page.getByText(` of ${EXAMPLE_COMPONENTS} components`).waitFor();
  await page.locator('#org-map-model').selectOption('');
  await waitForTileCount(page, EXAMPLE_COMPONENTS);
  assert.equal(await treemap.innerHTML(), whole);
});

test('grouping by team replaces the domain headings with the owning teams', async () => {
  const { page } = ctx;
  await openMap(page, '?view=list');
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

test('hovering a rectangle shows its details and clicking it opens the entity page', async () => {
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
