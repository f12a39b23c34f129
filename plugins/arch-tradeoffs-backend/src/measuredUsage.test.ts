import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  ANNOTATIONS,
  ComponentRecord,
  ComponentsResponse,
  ComponentSummary,
  inputSources,
  ScorecardsResponse,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { describeWithPrometheus } from '../dev/prometheus/describeWithPrometheus';
import { PrometheusServer, startPrometheus } from '../dev/prometheus/prometheusServer';
import { diurnal, openMetricsText, steady, SyntheticService, syntheticTruth } from '../dev/prometheus/syntheticMetrics';
import { archTradeoffsPlugin } from './plugin';

const api = '/api/arch-tradeoffs/v1';
const DAY = 86_400;
const END = Math.floor((Date.now() / 1000 - 3 * 3600) / 3600) * 3600;

const SERVICES: SyntheticService[] = [
  { id: 'orders', labels: { job: 'orders' }, family: 'otel', rps: diurnal(25, { peakHourUtc: 15, minShare: 0.2 }), avgDurationMs: 80, memoryMb: 400, instances: 3, start: END - 8 * DAY, end: END, step: 60 },
  { id: 'search', labels: { job: 'search' }, family: 'prometheus', rps: steady(2), avgDurationMs: 30, start: END - 8 * DAY, end: END, step: 60 },
];
const TRUTH = syntheticTruth(SERVICES);

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { namespace: 'default', name, annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}
const entities: Entity[] = [
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { namespace: 'default', name: 'team-a' }, spec: { type: 'team', children: [] } },
  // Measured; its platform inferred from the Kubernetes plugin's annotation.
  component('orders', { 'backstage.io/kubernetes-id': 'orders' }),
  // Measured, but the team typed a figure by hand a long time ago: drift.
  component('search', { [ANNOTATIONS.platform]: 'kubernetes', [ANNOTATIONS.monthlyRequests]: '100000' }),
  // No series: estimated from defaults.
  component('legacy', { [ANNOTATIONS.platform]: 'aws-ec2' }),
  component('docs', {}),
];

async function start(usage: object) {
  const { server } = await startTestBackend({
    features: [
      archTradeoffsPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: { archTradeoffs: { usage } } }),
    ],
  });
  return server;
}

const byName = (items: ComponentRecord[]) => new Map(items.map(i => [i.name, i]));

describeWithPrometheus('measured usage through the backend', () => {
  let prometheus: PrometheusServer;
  beforeAll(async () => {
    prometheus = await startPrometheus({ write: openMetricsText(SERVICES) });
  }, 120_000);
  afterAll(() => prometheus?.stop());

  it('prices measured components on their measured traffic, says where every input came from, and flags drift', async () => {
    const server = await start({ prometheus: { baseUrl: prometheus.baseUrl } });
    const body: ComponentsResponse = (await request(server).get(`${api}/components`)).body;
    const items = byName(body.items);

    const orders = items.get('orders')!;
    expect(orders.usage?.status).toBe('measured');
    const monthly = orders.settings!.monthlyRequests;
    expect(Math.abs(monthly - TRUTH.orders.monthlyRequests) / TRUTH.orders.monthlyRequests).toBeLessThan(0.01);
    expect(orders.settings).toMatchObject({ trafficPattern: 'diurnal', instances: 3, memoryMb: 400 });
    expect(inputSources(orders)).toMatchObject({
      platform: 'inferred',
      monthlyRequests: 'measured',
      avgDurationMs: 'measured',
      trafficPattern: 'measured',
      runtime: 'default',
    });
    // Measured traffic counts as known: confidence is not lowered by it.
    expect(orders.assessment!.confidence).not.toBe('low');

    const search = items.get('search')!;
    expect(search.settings!.monthlyRequests).toBe(100_000);
    const drift = search.diagnostics.find(d => d.annotation === ANNOTATIONS.monthlyRequests)!;
    expect(drift.severity).toBe('warning');
    expect(drift.message).toMatch(/^declares 100,000 requests per month; measured [\d,]+ over 8 days \(http_request_duration_seconds_count\)/);

    expect(items.get('legacy')!.usage).toEqual({
      status: 'unmeasured',
      reason: 'no request counter series match job="legacy" in the last 30 days',
      selector: 'job="legacy"',
    });

    expect(body.snapshot.usage).toMatchObject({ source: 'prometheus', measured: 2, selected: 4, windowDays: 30 });
    expect(body.snapshot.usage!.lastError).toBeUndefined();

    // Filters and scorecards see the same.
    const measured: ComponentsResponse<ComponentSummary> = (
      await request(server).get(`${api}/components`).query({ view: 'summary', input: 'measured' })
    ).body;
    expect(measured.items.map(i => [i.name, i.measured])).toEqual([['orders', true], ['search', true]]);
    const estimated = (await request(server).get(`${api}/components`).query({ input: 'estimated' })).body;
    expect(estimated.items.map((i: ComponentRecord) => i.name)).toEqual(['docs', 'legacy']);
    await request(server).get(`${api}/components`).query({ input: 'guessed' }).expect(400);

    const scorecards: ScorecardsResponse = (await request(server).get(`${api}/scorecards`)).body;
    const team = scorecards.items.find(t => t.groupRef === 'group:default/team-a')!.direct;
    // orders (measured) and search (stated) have real traffic; legacy and docs do not.
    expect(team).toMatchObject({ components: 4, covered: 2, measured: 2 });
  }, 60_000);

  it('publishes when Prometheus is down: every component estimated, and the snapshot says why', async () => {
    const down = await startPrometheus({ write: openMetricsText(SERVICES.slice(0, 1)) });
    const baseUrl = down.baseUrl;
    await down.stop();
    const server = await start({ prometheus: { baseUrl, queryTimeout: { seconds: 2 } } });
    const body: ComponentsResponse = (await request(server).get(`${api}/components`)).body;
    expect(body.totalCount).toBe(4);
    const orders = byName(body.items).get('orders')!;
    expect(orders.usage).toMatchObject({ status: 'unmeasured', reason: expect.stringContaining('could not be reached') });
    expect(orders.assessment).not.toBeNull();
    expect(body.snapshot.usage).toMatchObject({ measured: 0, lastError: { message: expect.stringContaining(baseUrl) } });
  }, 60_000);
});

describe('measured usage configuration', () => {
  it('measures nothing, and says nothing of it, without a source', async () => {
    const server = await start({});
    const body: ComponentsResponse = (await request(server).get(`${api}/components`)).body;
    expect(body.snapshot.usage).toBeUndefined();
    expect(body.items.every(i => i.usage === undefined && i.measured.length === 0)).toBe(true);
  });

  it.each([
    [{ prometheus: { baseUrl: 'ftp://x' } }, 'Invalid archTradeoffs.usage.prometheus.baseUrl'],
    [{ prometheus: { baseUrl: 'http://user:secret@x:9090' } }, 'give credentials in archTradeoffs.usage.prometheus.headers'],
    [{ prometheus: { baseUrl: 'http://x', selector: 'job=~"{{name}}"' } }, 'Invalid archTradeoffs.usage.prometheus.selector'],
    [{ prometheus: { baseUrl: 'http://x', window: { minutes: 5 } } }, 'Invalid archTradeoffs.usage.prometheus.window'],
    [{ driftFactor: 1 }, 'Invalid archTradeoffs.usage.driftFactor'],
  ])('refuses to start with a bad setting, naming it (%j)', async (usage, message) => {
    await expect(start(usage)).rejects.toThrow(message);
  });
});
