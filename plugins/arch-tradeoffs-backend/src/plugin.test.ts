import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  ANNOTATIONS,
  ComponentsResponse,
  isArchTradeoffsAvailable,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { archTradeoffsPlugin } from './plugin';
import { loadExampleCatalog } from './__testUtils__/exampleCatalog';
import { CATALOG_PAGE_SIZE } from './services/catalogPages';
import { EXPORT_CHUNK } from './services/SnapshotView';
import path from 'node:path';

const MALFORMED_FILE = path.resolve(__dirname, '../../../examples/catalog/components/malformed-examples.yaml');

const entities = loadExampleCatalog();
const exampleComponents = entities.filter(e => e.kind === 'Component');

async function startWith(catalogEntities = entities) {
  const { server } = await startTestBackend({
    features: [archTradeoffsPlugin, catalogServiceMock.factory({ entities: catalogEntities })],
  });
  return server;
}

describe('GET /api/arch-tradeoffs/v1/components', () => {
  it('lists every example component with owner, system, domain, settings and diagnostics', async () => {
    const server = await startWith();
    const res = await request(server).get('/api/arch-tradeoffs/v1/components');
    expect(res.status).toBe(200);
    const body: ComponentsResponse = res.body;
    expect(body.totalCount).toBe(exampleComponents.length);
    expect(body.items.map(i => i.entityRef).sort()).toEqual(
      exampleComponents.map(e => `component:default/${e.metadata.name}`).sort(),
    );

    // Each record carries what its entity says, resolved through its system to a domain.
    for (const entity of exampleComponents) {
      const item = body.items.find(i => i.name === entity.metadata.name)!;
      expect(item.owner).toBe(`group:default/${entity.spec!.owner}`);
      const system = entities.find(e => e.kind === 'System' && e.metadata.name === entity.spec!.system);
      expect(item.system).toBe(`system:default/${system!.metadata.name}`);
      expect(item.domain).toBe(`domain:default/${system!.spec!.domain}`);
      // Our model or platform, or an annotation the built-in inference rules read; libraries never.
      const annotated = isArchTradeoffsAvailable(entity) && entity.spec!.type !== 'library';
      // Annotated components are assessable unless both model and platform are malformed (none are).
      expect({ name: item.name, assessable: item.assessable }).toEqual({ name: item.name, assessable: annotated });
    }
  });

  it('reports the deliberately malformed annotations as per-entity diagnostics', async () => {
    const server = await startWith();
    const { body } = await request(server).get('/api/arch-tradeoffs/v1/components');
    const items = (body as ComponentsResponse).items;
    const byName = (name: string) => items.find(i => i.name === name)!;
    expect(byName('loyalty-points-service').diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', annotation: ANNOTATIONS.monthlyRequests, value: 'lots' }),
    );
    expect(byName('gift-card-service')).toMatchObject({
      assessable: true,
      settings: expect.objectContaining({ executionModel: 'always-on', platform: 'aws-ec2' }),
    });
    expect(byName('gift-card-service').diagnostics).toContainEqual(
      expect.objectContaining({ annotation: ANNOTATIONS.executionModel, message: expect.stringContaining('contradicts') }),
    );
    expect(byName('legacy-invoice-renderer').diagnostics).toContainEqual(
      expect.objectContaining({ annotation: ANNOTATIONS.platform, value: 'heroku' }),
    );
    // Every component in the malformed file has an error; every other one has none.
    const malformed = new Set(loadExampleCatalog(MALFORMED_FILE).map(e => e.metadata.name));
    expect(malformed.size).toBeGreaterThanOrEqual(4);
    const withProblems = items
      .filter(i => i.diagnostics.some(d => d.severity === 'error' || d.severity === 'warning'))
      .map(i => i.name);
    expect(withProblems.sort()).toEqual([...malformed].sort());
  });

  it('filters by owner, system, domain, model and platform', async () => {
    const server = await startWith();
    const all: ComponentsResponse = (await request(server).get('/api/arch-tradeoffs/v1/components')).body;
    const sample = all.items.find(i => i.assessable && i.owner && i.system && i.domain)!;

    const byOwner = (await request(server).get('/api/arch-tradeoffs/v1/components').query({ owner: sample.owner })).body;
    expect(byOwner.items.length).toBe(all.items.filter(i => i.owner === sample.owner).length);
    expect(byOwner.items.every((i: any) => i.owner === sample.owner)).toBe(true);

    // Shorthand refs work like full ones.
    const shortOwner = sample.owner!.split('/')[1];
    const byShortOwner = (await request(server).get('/api/arch-tradeoffs/v1/components').query({ owner: shortOwner })).body;
    expect(byShortOwner.totalCount).toBe(byOwner.totalCount);

    const byDomain = (await request(server).get('/api/arch-tradeoffs/v1/components').query({ domain: sample.domain })).body;
    expect(byDomain.totalCount).toBe(all.items.filter(i => i.domain === sample.domain).length);

    const onDemand = (await request(server).get('/api/arch-tradeoffs/v1/components').query({ model: 'on-demand' })).body;
    expect(onDemand.totalCount).toBeGreaterThan(0);
    expect(onDemand.items.every((i: any) => i.settings.executionModel === 'on-demand')).toBe(true);

    const unannotated = (await request(server).get('/api/arch-tradeoffs/v1/components').query({ model: 'unannotated' })).body;
    expect(unannotated.totalCount).toBe(all.items.filter(i => !i.assessable && !i.notApplicable).length);

    // Libraries are not workloads: a filter of their own, and never 'unannotated'.
    const libraries = exampleComponents.filter(e => e.spec?.type === 'library').map(e => e.metadata.name);
    expect(libraries.length).toBeGreaterThan(0);
    const notApplicable = (await request(server).get('/api/arch-tradeoffs/v1/components').query({ model: 'not-applicable' })).body;
    expect(notApplicable.items.map((i: any) => i.name).sort()).toEqual(libraries.sort());
    expect(notApplicable.items.every((i: any) => i.notApplicable.includes('a library is not deployed') && !i.assessment)).toBe(true);

    const lambda = (await request(server).get('/api/arch-tradeoffs/v1/components').query({ platform: 'aws-lambda', system: sample.system })).body;
    expect(lambda.items.every((i: any) => i.settings.platform === 'aws-lambda' && i.system === sample.system)).toBe(true);
  });

  it('rejects an unknown filter value or parameter with a 400 naming the field', async () => {
    const server = await startWith();
    const badModel = await request(server).get('/api/arch-tradeoffs/v1/components').query({ model: 'sometimes' });
    expect(badModel.status).toBe(400);
    expect(badModel.body.error.message).toContain("'model'");
    const badPlatform = await request(server).get('/api/arch-tradeoffs/v1/components').query({ platform: 'heroku' });
    expect(badPlatform.status).toBe(400);
    expect(badPlatform.body.error.message).toContain("'platform'");
    const twice = await request(server).get('/api/arch-tradeoffs/v1/components?owner=a&owner=b');
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain("'owner'");
    const unknown = await request(server).get('/api/arch-tradeoffs/v1/components').query({ colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('colour');
  });

  it('requires credentials', async () => {
    const server = await startWith();
    const res = await request(server)
      .get('/api/arch-tradeoffs/v1/components')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    await request(server).get('/api/arch-tradeoffs/health').set('Authorization', mockCredentials.none.header()).expect(200);
  });

  it('reads the catalog in pages, so a catalog larger than one page is read whole', async () => {
    const template = exampleComponents.find(e => e.metadata.annotations?.[ANNOTATIONS.platform])!;
    // Over two catalog pages and over one chunk of the CSV export.
    const many = Array.from({ length: Math.max(CATALOG_PAGE_SIZE * 2, EXPORT_CHUNK) + 7 }, (_, i) => ({
      ...template,
      metadata: { ...template.metadata, name: `generated-${i}` },
    }));
    const server = await startWith(many);
    const summaries = await request(server).get('/api/arch-tradeoffs/v1/components').query({ view: 'summary', limit: 'all' });
    expect(summaries.body.totalCount).toBe(many.length);
    expect(new Set(summaries.body.items.map((i: any) => i.name)).size).toBe(many.length);
    expect(summaries.body.snapshot.componentCount).toBe(many.length);
    // Full records of more components than one primary-key lookup batch, and than one chunk of the
    // export, come back whole and in order.
    const csv = await request(server).get('/api/arch-tradeoffs/v1/components').query({ format: 'csv' });
    const refs = csv.text.trim().split('\r\n').slice(1).map(line => line.split(',')[0]);
    expect(refs).toEqual(many.map(e => `component:default/${e.metadata.name}`).sort());
  });

  it('pages full records: 100 by default, offset and limit on request', async () => {
    const server = await startWith();
    const sorted = exampleComponents.map(e => `component:default/${e.metadata.name}`).sort();
    const first = (await request(server).get('/api/arch-tradeoffs/v1/components').query({ limit: 10 })).body;
    expect(first).toMatchObject({ totalCount: sorted.length, offset: 0, limit: 10 });
    expect(first.items.map((i: any) => i.entityRef)).toEqual(sorted.slice(0, 10));
    const second = (await request(server).get('/api/arch-tradeoffs/v1/components').query({ limit: 10, offset: 10 })).body;
    expect(second.items.map((i: any) => i.entityRef)).toEqual(sorted.slice(10, 20));
    const tooMany = await request(server).get('/api/arch-tradeoffs/v1/components').query({ limit: 5000 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain("'limit'");
  });

  it('says which snapshot the figures come from, and when it was written', async () => {
    const server = await startWith();
    const { body } = await request(server).get('/api/arch-tradeoffs/v1/components');
    expect(body.snapshot).toEqual({
      id: expect.any(Number),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      componentCount: exampleComponents.length,
      durationMs: expect.any(Number),
      partial: false,
    });
    expect(Date.now() - Date.parse(body.snapshot.createdAt)).toBeLessThan(60_000);
    expect(body.currency).toBe('USD');
  });

  it('sends an ETag and answers 304 to a client that holds the same response', async () => {
    const server = await startWith();
    const url = '/api/arch-tradeoffs/v1/components?limit=5';
    const first = await request(server).get(url);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await request(server).get(url).set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    // The same snapshot under another configuration (here a discount) is another response too.
    const { server: discounted } = await startTestBackend({
      features: [
        archTradeoffsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({ data: { archTradeoffs: { pricing: { discountPercent: 20 } } } }),
      ],
    });
    const other = await request(discounted).get(url).set('If-None-Match', first.headers.etag);
    expect(other.status).toBe(200);
    expect(other.body.snapshot.id).toBe(first.body.snapshot.id);
    // Another query is another response.
    const sixth = await request(server).get('/api/arch-tradeoffs/v1/components?limit=6');
    expect(sixth.headers.etag).not.toBe(first.headers.etag);
    expect(sixth.body.items).toHaveLength(6);
  });

  it('serves the compact summary the map draws, with costs and suggestions', async () => {
    const server = await startWith();
    const full: ComponentsResponse = (await request(server).get('/api/arch-tradeoffs/v1/components')).body;
    const { body } = await request(server).get('/api/arch-tradeoffs/v1/components').query({ view: 'summary', limit: 'all' });
    expect(body.totalCount).toBe(exampleComponents.length);
    for (const record of full.items) {
      const summary = body.items.find((s: any) => s.entityRef === record.entityRef);
      expect(summary).toMatchObject({
        name: record.name,
        executionModel: record.assessment?.executionModel ?? null,
        platform: record.assessment?.platform ?? null,
        // To the cent, as every figure the map shows.
        monthlyCost: record.assessment ? Math.round(record.assessment.monthlyCost.expected * 100) / 100 : null,
        diagnosticCount: record.diagnostics.length,
      });
      expect(summary.suggestion?.id ?? null).toBe(record.assessment?.suggestion?.id ?? null);
    }
  });

  it('serves the records without their assessments for lists that show the annotations', async () => {
    const server = await startWith();
    const full: ComponentsResponse = (await request(server).get('/api/arch-tradeoffs/v1/components')).body;
    const light: ComponentsResponse = (
      await request(server).get('/api/arch-tradeoffs/v1/components').query({ view: 'annotations' })
    ).body;
    expect(light.totalCount).toBe(full.totalCount);
    expect(light.items).toEqual(full.items.map(({ assessment, ...rest }) => rest));
    expect(full.items.some(i => i.assessment)).toBe(true);
  });

  it('sends the summary gzipped to clients that accept it, plain to those that do not', async () => {
    const server = await startWith();
    const url = '/api/arch-tradeoffs/v1/components?view=summary&limit=all';
    const gzipped = await request(server).get(url).set('Accept-Encoding', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-type']).toMatch(/^application\/json/);
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/i);
    const plain = await request(server).get(url).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(gzipped.body);
    expect(plain.body.items).toHaveLength(exampleComponents.length);
    // A filtered page is its own cache entry.
    const page = await request(server).get('/api/arch-tradeoffs/v1/components').query({ view: 'summary', model: 'unannotated', limit: 1 });
    expect(page.body).toMatchObject({ limit: 1, offset: 0 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('exports the matching components as CSV', async () => {
    const server = await startWith();
    const res = await request(server).get('/api/arch-tradeoffs/v1/components').query({ format: 'csv', model: 'unannotated' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('arch-tradeoffs-components.csv');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^entityRef,title,owner/);
    const unannotated = exampleComponents.filter(e => e.spec?.type !== 'library' && !isArchTradeoffsAvailable(e));
    expect(lines.length - 1).toBe(unannotated.length);
  });
});

describe('GET /api/arch-tradeoffs/v1/components/:namespace/:kind/:name', () => {
  it('returns one component with its assessment and decision, and 404 for an unknown one', async () => {
    const server = await startWith();
    const res = await request(server).get('/api/arch-tradeoffs/v1/components/default/component/settlement-report-job');
    expect(res.status).toBe(200);
    expect(res.body.component.entityRef).toBe('component:default/settlement-report-job');
    expect(res.body.component.assessment.platform).toBe('aws-lambda');
    expect(res.body.decision).toBeNull();
    expect(res.body.snapshot.id).toEqual(expect.any(Number));
    // The kind in the path is case-insensitive, as entity refs are.
    await request(server).get('/api/arch-tradeoffs/v1/components/default/Component/settlement-report-job').expect(200);

    const missing = await request(server).get('/api/arch-tradeoffs/v1/components/default/component/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('component:default/no-such-thing');
  });
});

describe('POST /api/arch-tradeoffs/v1/estimate', () => {
  const lambda = {
    [ANNOTATIONS.platform]: 'aws-lambda',
    [ANNOTATIONS.monthlyRequests]: '25000000',
    [ANNOTATIONS.avgDurationMs]: '100',
    [ANNOTATIONS.cpuMs]: '100',
    [ANNOTATIONS.memoryMb]: '512',
    [ANNOTATIONS.architecture]: 'x86_64',
    [ANNOTATIONS.trafficPattern]: 'steady',
  };

  it('returns the assessment of a what-if workload, priced from the published list prices', async () => {
    const server = await startWith([]);
    const res = await request(server).post('/api/arch-tradeoffs/v1/estimate').send({ annotations: lambda });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/what-if',
      executionModel: 'on-demand',
      platform: 'aws-lambda',
      monthlyCost: { currency: 'USD' },
    });
    // Lambda x86 us-east-1: 25,000,000 requests × $0.20 / 1M = $5.00;
    // 25,000,000 × 0.1 s × 0.5 GB = 1,250,000 GB-s × $0.0000166667 = $20.83 (tier 1).
    const breakdown: { kind: string; amount: number }[] = res.body.monthlyCost.breakdown;
    expect(breakdown.find(l => l.kind === 'requests')!.amount).toBeCloseTo(5.0, 2);
    expect(breakdown.find(l => l.kind === 'compute')!.amount).toBeCloseTo(20.83, 2);
    expect(res.body.monthlyCost.low).toBeLessThanOrEqual(res.body.monthlyCost.expected);
    expect(res.body.monthlyCost.high).toBeGreaterThanOrEqual(res.body.monthlyCost.expected);
    expect(res.body.alternatives.length).toBeGreaterThan(0);
    expect(res.body.alternatives.some((a: any) => a.executionModel === 'always-on')).toBe(true);
  });

  it('gives the same assessment the catalog read gives an entity with the same annotations', async () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'same-annotations', namespace: 'default', annotations: lambda },
      spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    };
    const server = await startWith([entity]);
    const listed = (await request(server).get('/api/arch-tradeoffs/v1/components')).body.items[0];
    const estimated = (
      await request(server)
        .post('/api/arch-tradeoffs/v1/estimate')
        .send({ annotations: lambda, entityRef: 'component:default/same-annotations' })
    ).body;
    expect(estimated).toEqual(listed.assessment);
  });

  it('lists diagnostics and assumptions for malformed or missing values', async () => {
    const server = await startWith([]);
    const res = await request(server)
      .post('/api/arch-tradeoffs/v1/estimate')
      .send({ annotations: { ...lambda, [ANNOTATIONS.memoryMb]: 'lots' } });
    expect(res.status).toBe(200);
    expect(res.body.diagnostics).toContainEqual(
      expect.objectContaining({ annotation: ANNOTATIONS.memoryMb, value: 'lots', severity: 'error' }),
    );
    expect(res.body.assumptions).toContainEqual(expect.objectContaining({ field: 'memoryMb' }));
  });

  it.each([
    [{}, "'annotations'"],
    [{ annotations: 'aws-lambda' }, "'annotations'"],
    [{ annotations: { [ANNOTATIONS.memoryMb]: 512 } }, `'annotations.${ANNOTATIONS.memoryMb}'`],
    [{ annotations: lambda, colour: 'red' }, 'colour'],
    [{ annotations: { [ANNOTATIONS.monthlyRequests]: '5' } }, `'annotations'`],
    [{ annotations: { [ANNOTATIONS.platform]: 'heroku' } }, `'annotations.${ANNOTATIONS.platform}'`],
  ])('rejects %j with a 400 naming %s', async (body, field) => {
    const server = await startWith([]);
    const res = await request(server).post('/api/arch-tradeoffs/v1/estimate').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(field);
  });

  it('requires credentials', async () => {
    const server = await startWith([]);
    const res = await request(server)
      .post('/api/arch-tradeoffs/v1/estimate')
      .set('Authorization', mockCredentials.none.header())
      .send({ annotations: lambda });
    expect(res.status).toBe(401);
  });
});

describe('pricing configuration', () => {
  const annotations = {
    [ANNOTATIONS.platform]: 'aws-lambda',
    [ANNOTATIONS.monthlyRequests]: '25000000',
    [ANNOTATIONS.avgDurationMs]: '100',
    [ANNOTATIONS.memoryMb]: '512',
    [ANNOTATIONS.architecture]: 'x86_64',
  };

  async function estimateWith(archTradeoffs: object) {
    const { server } = await startTestBackend({
      features: [
        archTradeoffsPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({ data: { archTradeoffs } }),
      ],
    });
    return (await request(server).post('/api/arch-tradeoffs/v1/estimate').send({ annotations })).body;
  }

  it('applies a discount and a currency from app-config', async () => {
    const body = await estimateWith({ pricing: { discountPercent: 20, currency: { code: 'EUR', rate: 0.9 } } });
    // Requests: 25,000,000 × $0.20 / 1M = $5.00 × 0.8 (discount) × 0.9 (EUR per USD) = €3.60
    const requests = body.monthlyCost.breakdown.find((l: any) => l.kind === 'requests');
    expect(body.monthlyCost.currency).toBe('EUR');
    expect(requests.amount).toBeCloseTo(3.6, 6);
  });

  it('applies a price override', async () => {
    const body = await estimateWith({ pricing: { overrides: { 'aws-lambda.request': 0.0000004 } } });
    // 25,000,000 × $0.40 / 1M = $10.00
    expect(body.monthlyCost.breakdown.find((l: any) => l.kind === 'requests').amount).toBeCloseTo(10, 6);
  });

  it('refuses to start with an unknown price key, naming it', async () => {
    await expect(
      startTestBackend({
        features: [
          archTradeoffsPlugin,
          catalogServiceMock.factory({ entities: [] }),
          mockServices.rootConfig.factory({
            data: { archTradeoffs: { pricing: { overrides: { 'aws-lambda.requets': 1 } } } },
          }),
        ],
      }),
    ).rejects.toThrow(/aws-lambda\.requets/);
  });
});
