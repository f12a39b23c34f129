import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import request from 'supertest';
import { archTradeoffsPlugin } from './plugin';
import { refreshTrigger } from './__testUtils__/refreshTrigger';
import { loadExampleCatalog } from './__testUtils__/exampleCatalog';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const entities = loadExampleCatalog();
const api = '/api/arch-tradeoffs/v1';

/**
 * The example catalog, served in small pages, whose second page of components can be made to fail: a
 * refresh that breaks midway, when it has already staged the first page's components and history.
 */
function breakableCatalog() {
  const catalog = catalogServiceMock({ entities });
  const control = { failMidway: false, failures: 0 };
  const componentCursors = new Set<string>();
  const service = new Proxy(catalog, {
    get(target, property, receiver) {
      if (property !== 'queryEntities')
        return Reflect.get(target, property, receiver);
      return async (...[query, options]: Parameters<typeof catalog.queryEntities>) => {
        const { filter, cursor } = (query ?? {}) as { filter?: { kind?: string }; cursor?: string };
        const components = filter?.kind === 'Component' || (cursor !== undefined && componentCursors.has(cursor));
        if (control.failMidway && components && cursor !== undefined) {
          control.failures += 1;
          throw new Error('catalog went away');
        }
        const page = await catalog.queryEntities({ ...query, limit: 10 }, options);
        if (components && page.pageInfo.nextCursor) componentCursors.add(page.pageInfo.nextCursor);
        return page;
      };
    },
  });
  const factory = createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => service,
  });
  return { factory, control };
}

async function startOn(knex: Knex, extra: any[] = []) {
  const trigger = refreshTrigger();
  const backend = await startTestBackend({
    features: [
      archTradeoffsPlugin,
      mockServices.database.factory({ knex }),
      trigger.module,
      ...extra,
    ],
  });
  return { backend, refresh: trigger.refresh };
}

describe.each(databases.eachSupportedId())('on %s', databaseId => {
  it('keeps serving the previous snapshot when a refresh fails midway, and leaves nothing half-written', async () => {
    const knex = await databases.init(databaseId);
    const catalog = breakableCatalog();
    const { backend, refresh } = await startOn(knex, [catalog.factory]);
    const before = (await request(backend.server).get(`${api}/components`))
      .body;
    expect(before.totalCount).toBe(
      entities.filter(e => e.kind === 'Component').length,
    );

    catalog.control.failMidway = true; // a page of components is staged when the next page fails
    await refresh(); // the mock scheduler reports a task's failure to no one
    expect(catalog.control.failures).toBe(1);

    const after = (await request(backend.server).get(`${api}/components`)).body;
    expect(after.snapshot.id).toBe(before.snapshot.id);
    expect(after.totalCount).toBe(before.totalCount);
    const [{ n: building }] = await knex('snapshots')
      .whereNot({ status: 'complete' })
      .count({ n: '*' });
    expect(Number(building)).toBe(0);
    const [{ n: staged }] = await knex('snapshot_components')
      .whereNot({ snapshot_id: before.snapshot.id })
      .count({ n: '*' });
    expect(Number(staged)).toBe(0);
    const [{ n: stagedHistory }] = await knex('history_points')
      .whereNotIn('snapshot_id', knex('snapshots').select('id'))
      .count({ n: '*' });
    expect(Number(stagedHistory)).toBe(0);

    catalog.control.failMidway = false;
    await refresh();
    const recovered = (await request(backend.server).get(`${api}/components`))
      .body;
    expect(recovered.snapshot.id).toBeGreaterThan(before.snapshot.id + 1); // the failed one took an id
    // The newest two published snapshots keep their rows: the gap left by the failure does not count.
    const rows = await knex('snapshot_components').select('snapshot_id').groupBy('snapshot_id').orderBy('snapshot_id');
    expect(rows.map(r => Number(r.snapshot_id))).toEqual([before.snapshot.id, recovered.snapshot.id]);
    const groups = await knex('snapshot_groups').select('snapshot_id').groupBy('snapshot_id').orderBy('snapshot_id');
    expect(groups.map(r => Number(r.snapshot_id))).toEqual([before.snapshot.id, recovered.snapshot.id]);
    // One more refresh drops the oldest.
    await refresh();
    const after3 = await knex('snapshot_components').select('snapshot_id').groupBy('snapshot_id').orderBy('snapshot_id');
    expect(after3.map(r => Number(r.snapshot_id))).toEqual([recovered.snapshot.id, recovered.snapshot.id + 1]);
    await backend.stop();
  });

  it('serves each version and configuration its own snapshot: one truth per snapshot, also while two share the database', async () => {
    const knex = await databases.init(databaseId);
    const cheaper = mockServices.rootConfig.factory({
      data: { archTradeoffs: { pricing: { discountPercent: 50 } } },
    });
    // Two backends on one database, as during a rolling deploy or right after a price change: the
    // second computes with half the prices. Each runs its startup refresh.
    const list = await startOn(knex, [catalogServiceMock.factory({ entities })]);
    const half = await startOn(knex, [catalogServiceMock.factory({ entities }), cheaper]);
    const name = 'payment-status-service';
    const read = async (server: any) => {
      const record = (await request(server).get(`${api}/components/default/component/${name}`)).body;
      const map = (await request(server).get(`${api}/components`).query({ view: 'summary', limit: 'all' })).body;
      const summary = map.items.find((i: { name: string }) => i.name === name);
      return { record, summary, snapshot: map.snapshot.id as number };
    };
    const a = await read(list.backend.server);
    const b = await read(half.backend.server);
    expect(a.snapshot).not.toBe(b.snapshot);
    // Within each backend, the entity page and the map agree (the record is derived on read, the map's
    // figure was stored at refresh): the same configuration produced both.
    for (const { record, summary } of [a, b]) {
      expect(summary.monthlyCost).toBe(Math.round(record.component.assessment.monthlyCost.expected * 100) / 100);
    }
    expect(b.summary.monthlyCost).toBeLessThan(a.summary.monthlyCost);
    // A refresh by either keeps the other's newest snapshot: it is the only one the other may serve.
    await half.refresh();
    expect((await read(list.backend.server)).snapshot).toBe(a.snapshot);
    await list.backend.stop();
    await half.backend.stop();
  });

  it('asks for a refresh, and serves nothing stale, when no snapshot has its version and configuration', async () => {
    const knex = await databases.init(databaseId);
    const first = await startOn(knex, [catalogServiceMock.factory({ entities })]);
    await first.backend.stop();
    // Stamp the only snapshot as another configuration's, as an upgrade or a price change would leave it.
    await knex('snapshots').update({ fingerprint: 'another-configuration' });
    const second = await startTestBackend({
      features: [
        archTradeoffsPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        // No startup refresh: the scheduler runs tasks only when asked to.
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      ],
    });
    const stale = await request(second.server).get(`${api}/components`);
    expect(stale.status).toBe(503);
    expect(stale.body.error.message).toContain('a new one is running');
    // The refresh it asked for publishes a snapshot of its own; then it answers.
    let answered = stale;
    for (let i = 0; i < 50 && answered.status !== 200; i++) {
      await new Promise(r => setTimeout(r, 200));
      answered = await request(second.server).get(`${api}/components`);
    }
    expect(answered.status).toBe(200);
    const fingerprints = await knex('snapshots').where({ status: 'complete' }).orderBy('id').pluck('fingerprint');
    expect(fingerprints[0]).toBe('another-configuration');
    expect(fingerprints[fingerprints.length - 1]).not.toBe('another-configuration');
    await second.stop();
  });

  it('asks for another refresh while the snapshot is empty, as the one taken before the catalog has read its entities', async () => {
    const knex = await databases.init(databaseId);
    // The catalog as it is at start-up: nothing read yet.
    const catalog: typeof entities = [];
    const backend = await startTestBackend({
      features: [
        archTradeoffsPlugin,
        mockServices.database.factory({ knex }),
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => ({
            ...catalogServiceMock({ entities: [] }),
            // Each call reads the catalog as it is now.
            getEntities: (req: any, opts: any) => catalogServiceMock({ entities: catalog }).getEntities(req, opts),
            queryEntities: (req: any, opts: any) => catalogServiceMock({ entities: catalog }).queryEntities(req, opts),
          }),
        }),
        mockServices.scheduler.factory(),
      ],
    });
    // The catalog has read its entities since the start-up refresh; the snapshot is still empty.
    catalog.push(...entities);
    const first = await request(backend.server).get(`${api}/components`);
    expect(first.status).toBe(200);
    expect(first.body.totalCount).toBe(0);
    // Its reader asked for a refresh: the next snapshot holds the catalog.
    let answered = first;
    for (let i = 0; i < 50 && answered.body.totalCount === 0; i++) {
      await new Promise(r => setTimeout(r, 200));
      answered = await request(backend.server).get(`${api}/components`);
    }
    expect(answered.body.totalCount).toBeGreaterThan(0);
    expect(answered.body.snapshot.id).toBeGreaterThan(first.body.snapshot.id);
    await backend.stop();
  });

  it('keeps a decision across a backend restart', async () => {
    const knex = await databases.init(databaseId);
    const first = await startOn(knex, [
      catalogServiceMock.factory({ entities }),
    ]);
    const [suggestion] = (
      await request(first.backend.server).get(`${api}/suggestions`)
    ).body.items;
    await request(first.backend.server)
      .post(
        `${api}/suggestions/${encodeURIComponent(suggestion.suggestion.id)}/decision`,
      )
      .send({ decision: 'dismissed', reason: 'Owned by a vendor' })
      .expect(200);
    await first.backend.stop();

    const second = await startOn(knex, [
      catalogServiceMock.factory({ entities }),
    ]);
    const items = (
      await request(second.backend.server).get(`${api}/suggestions`)
    ).body.items;
    expect(
      items.find((i: any) => i.suggestion.id === suggestion.suggestion.id),
    ).toMatchObject({
      status: 'dismissed',
      decision: { reason: 'Owned by a vendor', decidedBy: 'user:default/mock' },
    });
    await second.backend.stop();
  });

  it('runs the refresh once per interval when two backends share the database', async () => {
    const knex = await databases.init(databaseId);
    const config = mockServices.rootConfig.factory({
      data: {
        archTradeoffs: {
          refresh: {
            schedule: { frequency: { minutes: 10 }, timeout: { minutes: 1 } },
          },
        },
      },
    });
    const start = () =>
      startTestBackend({
        features: [
          archTradeoffsPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.database.factory({ knex }),
          schedulerServiceFactory, // the real scheduler, with its lock in the shared database
          config,
        ],
      });
    // One after the other, as replicas roll out (a fresh schema cannot be migrated twice at once).
    const a = await start();
    const b = await start();

    const snapshots = async () =>
      (await knex('snapshots').where({ status: 'complete' }).select('id'))
        .length;
    const deadline = Date.now() + 30_000;
    while ((await snapshots()) === 0 && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    // Both workers poll the task table; give the second every chance to run it too.
    await new Promise(resolve => setTimeout(resolve, 6_000));
    expect(await snapshots()).toBe(1);
    const fromA = (await request(a.server).get(`${api}/components`)).body
      .snapshot.id;
    const fromB = (await request(b.server).get(`${api}/components`)).body
      .snapshot.id;
    expect(fromA).toBe(fromB);
    await Promise.all([a.stop(), b.stop()]);
  });
});
