import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService, catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import request from 'supertest';
import type {
  ComponentsResponse,
  ScorecardsResponse,
  SuggestionsResponse,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { archTradeoffsPlugin } from './plugin';
import { loadExampleCatalog } from './__testUtils__/exampleCatalog';
import { permissionPolicy } from './__testUtils__/permissionPolicy';
import { createTestDatabases } from './__testUtils__/testDatabases';

const entities = loadExampleCatalog();
const api = '/api/arch-tradeoffs/v1';
const databases = createTestDatabases();

const HIDDEN_SYSTEM = 'order-management';
const HIDDEN_GROUP = 'group:default/fraud-risk';
/** A policy as an organisation would write it: users may not read one system's components, nor one team. */
const RESTRICTED = createCatalogConditionalDecision(catalogEntityReadPermission, {
  allOf: [
    { not: catalogConditions.hasSpec({ key: 'system', value: HIDDEN_SYSTEM }) },
    { not: catalogConditions.hasMetadata({ key: 'name', value: 'fraud-risk' }) },
  ],
});
const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };

const isHidden = (e: Entity) => e.kind === 'Component' && e.spec?.system === HIDDEN_SYSTEM;
const hiddenRefs = new Set(entities.filter(isHidden).map(e => stringifyEntityRef(e)));
const groups = entities.filter(e => e.kind === 'Group');

/** A group and every group below it. */
function subtree(groupRef: string): Set<string> {
  const refs = new Set([groupRef]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const g of groups) {
      const ref = stringifyEntityRef(g);
      if (g.spec?.parent && refs.has(`group:default/${g.spec.parent}`) && !refs.has(ref)) {
        refs.add(ref);
        grew = true;
      }
    }
  }
  return refs;
}
const hiddenIn = (groupRef: string) =>
  entities.filter(e => isHidden(e) && subtree(groupRef).has(`group:default/${e.spec!.owner}`)).length;

const refs = (body: { items: Array<{ entityRef: string }> }) => body.items.map(i => i.entityRef);

describe.each(databases.eachSupportedId())('per-user visibility on %s', databaseId => {
  /** The policy's answer for `catalog.entity.read`, changed by a test to act as another user. */
  let read: PolicyDecision;

  beforeEach(() => {
    read = ALLOW;
  });

  async function start(catalog?: ReturnType<typeof createServiceFactory>) {
    const { server } = await startTestBackend({
      features: [
        archTradeoffsPlugin,
        mockServices.database.factory({ knex: await databases.init(databaseId) }),
        catalog ?? catalogServiceMock.factory({ entities }),
        permissionPolicy({ read: () => read }),
      ],
    });
    return server;
  }

  /** The same request as a user who may read everything and as one under the restricted policy. */
  async function both(server: any, path: string, query: object = {}) {
    read = ALLOW;
    const full = await request(server).get(`${api}${path}`).query(query);
    read = RESTRICTED;
    const restricted = await request(server).get(`${api}${path}`).query(query);
    return { full, restricted };
  }

  it('lists, filters, counts, maps and exports only the components the caller may read', async () => {
    const server = await start();
    expect(hiddenRefs.size).toBeGreaterThanOrEqual(4);

    const list = await both(server, '/components', { limit: 1000 });
    const full: ComponentsResponse = list.full.body;
    const restricted: ComponentsResponse = list.restricted.body;
    expect(refs(full)).toEqual(expect.arrayContaining([...hiddenRefs]));
    expect(refs(restricted)).toEqual(refs(full).filter(r => !hiddenRefs.has(r)));
    expect(restricted.totalCount).toBe(full.totalCount - hiddenRefs.size);
    expect(full.snapshot).toMatchObject({ partial: false, componentCount: full.totalCount });
    expect(restricted.snapshot).toMatchObject({ partial: true, componentCount: restricted.totalCount });

    // The owner of the hidden system's components: its filter counts only what the caller may read.
    const byOwner = await both(server, '/components', { owner: 'checkout' });
    expect(byOwner.restricted.body.totalCount).toBe(
      byOwner.full.body.totalCount - hiddenIn('group:default/checkout'),
    );
    const bySystem = await both(server, '/components', { system: HIDDEN_SYSTEM });
    expect(bySystem.full.body.totalCount).toBe(hiddenRefs.size);
    expect(bySystem.restricted.body).toMatchObject({ totalCount: 0, items: [] });

    const map = await both(server, '/components', { view: 'summary', limit: 'all' });
    expect(refs(map.restricted.body)).toEqual(refs(map.full.body).filter(r => !hiddenRefs.has(r)));

    const csv = await both(server, '/components', { format: 'csv' });
    const csvRefs = (text: string) => text.trim().split('\r\n').slice(1).map(line => line.split(',')[0]);
    expect(csvRefs(csv.full.text)).toEqual(expect.arrayContaining([...hiddenRefs]));
    expect(csvRefs(csv.restricted.text)).toEqual(csvRefs(csv.full.text).filter(r => !hiddenRefs.has(r)));

    // Cached responses and ETags are the caller's view: the full view's tag is no good to the other.
    expect(map.restricted.headers.etag).not.toBe(map.full.headers.etag);
    read = RESTRICTED;
    const revalidated = await request(server)
      .get(`${api}/components`)
      .query({ view: 'summary', limit: 'all' })
      .set('If-None-Match', map.full.headers.etag);
    expect(revalidated.status).toBe(200);
    expect(refs(revalidated.body)).toEqual(refs(map.restricted.body));
  });

  it('answers 404 for a component the caller may not read, as for one that does not exist', async () => {
    const server = await start();
    const [hidden] = [...hiddenRefs];
    const path = `${api}/components/${hidden.replace(/^component:default\//, 'default/component/')}`;
    read = ALLOW;
    await request(server).get(path).expect(200);
    read = RESTRICTED;
    const res = await request(server).get(path);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('No component');
    const missing = await request(server).get(`${api}/components/default/component/no-such-thing`);
    expect(missing.body.error.message).toContain('No component');
  });

  it('leaves hidden components out of suggestions and their totals; a decision on one is 404 and records nothing', async () => {
    const server = await start();
    const { full, restricted } = await both(server, '/suggestions');
    const all: SuggestionsResponse = full.body;
    const visible: SuggestionsResponse = restricted.body;
    const hiddenSuggestions = all.items.filter(i => hiddenRefs.has(i.entityRef));
    expect(hiddenSuggestions.length).toBeGreaterThan(0);
    expect(refs(visible)).toEqual(refs(all).filter(r => !hiddenRefs.has(r)));
    expect(visible.totalCount).toBe(all.totalCount - hiddenSuggestions.length);
    const savings = (items: SuggestionsResponse['items']) =>
      Math.round(items.reduce((n, i) => n + Math.max(0, i.suggestion.monthlySavings.expected), 0) * 100) / 100;
    expect(visible.openSavings).toBeCloseTo(savings(visible.items), 2);
    expect(all.openSavings).toBeCloseTo(savings(all.items), 2);

    const csv = await request(server).get(`${api}/suggestions`).query({ format: 'csv' });
    for (const ref of hiddenRefs) expect(csv.text).not.toContain(ref);

    const target = hiddenSuggestions[0].suggestion.id;
    const decide = await request(server)
      .post(`${api}/suggestions/${encodeURIComponent(target)}/decision`)
      .send({ decision: 'accepted', reason: 'not mine to accept' });
    expect(decide.status).toBe(404);
    read = ALLOW;
    const after: SuggestionsResponse = (await request(server).get(`${api}/suggestions`)).body;
    expect(after.items.find(i => i.suggestion.id === target)).toMatchObject({ status: 'open', decision: null });
    // The same user may decide on what they may read.
    read = RESTRICTED;
    await request(server)
      .post(`${api}/suggestions/${encodeURIComponent(visible.items[0].suggestion.id)}/decision`)
      .send({ decision: 'accepted' })
      .expect(200);
  });

  it('scores teams over the components the caller may read, and leaves out teams they may not read', async () => {
    const server = await start();
    const { full, restricted } = await both(server, '/scorecards');
    const all: ScorecardsResponse = full.body;
    const visible: ScorecardsResponse = restricted.body;
    expect(visible.snapshot.partial).toBe(true);
    expect(visible.items.map(t => t.groupRef).sort()).toEqual(
      all.items.map(t => t.groupRef).filter(r => r !== HIDDEN_GROUP).sort(),
    );
    for (const team of visible.items) {
      const before = all.items.find(t => t.groupRef === team.groupRef)!;
      expect({ team: team.groupRef, components: team.aggregated.components }).toEqual({
        team: team.groupRef,
        components: before.aggregated.components - hiddenIn(team.groupRef),
      });
      expect(team.children).not.toContain(HIDDEN_GROUP);
    }
    // The hidden team's parent still rolls up its components (the caller may read those).
    const parent = all.items.find(t => t.children.includes(HIDDEN_GROUP))!;
    expect(visible.items.find(t => t.groupRef === parent.groupRef)!.aggregated.components).toBe(
      parent.aggregated.components,
    );
    await request(server).get(`${api}/scorecards/default/fraud-risk`).expect(404);
    const csv = await request(server).get(`${api}/scorecards`).query({ format: 'csv' });
    expect(csv.text).not.toContain(HIDDEN_GROUP);
  });

  it('withholds history that would sum components the caller may not read', async () => {
    const server = await start();
    const [hidden] = [...hiddenRefs];
    const affected = 'group:default/checkout';
    const unaffected = 'group:default/data-engineering';
    expect(hiddenIn(affected)).toBeGreaterThan(0);
    expect(hiddenIn(unaffected)).toBe(0);

    read = ALLOW;
    const org = (await request(server).get(`${api}/history`)).body;
    expect(org).toMatchObject({ kind: 'org', partial: false });
    expect(org.points.length).toBeGreaterThan(0);
    await request(server).get(`${api}/history`).query({ entityRef: hidden }).expect(200);

    read = RESTRICTED;
    expect((await request(server).get(`${api}/history`)).body).toMatchObject({ partial: true, points: [] });
    expect((await request(server).get(`${api}/history`).query({ group: affected })).body).toMatchObject({
      partial: true,
      points: [],
    });
    // Even a team none of whose components is hidden today: its past points may sum components since
    // moved to it, or deleted, that the caller could not read.
    expect((await request(server).get(`${api}/history`).query({ group: unaffected })).body).toMatchObject({
      partial: true,
      points: [],
    });
    read = ALLOW;
    expect((await request(server).get(`${api}/history`).query({ group: unaffected })).body.points.length).toBeGreaterThan(0);
    read = RESTRICTED;
    await request(server).get(`${api}/history`).query({ entityRef: hidden }).expect(404);
    await request(server).get(`${api}/history`).query({ group: HIDDEN_GROUP }).expect(404);
  });

  it('shows nothing to a caller the policy denies', async () => {
    const server = await start();
    read = { result: AuthorizeResult.DENY };
    const list: ComponentsResponse = (await request(server).get(`${api}/components`)).body;
    expect(list).toMatchObject({ totalCount: 0, items: [], snapshot: { partial: true, componentCount: 0 } });
    expect((await request(server).get(`${api}/suggestions`)).body).toMatchObject({ totalCount: 0, openSavings: 0 });
    expect((await request(server).get(`${api}/scorecards`)).body.items).toEqual([]);
  });

  it('leaves conditions on a rule it does not know to the catalog, asked with the caller’s credentials', async () => {
    // The catalog applies the policy's custom rule: users see the visible entities, the plugin all.
    const everything = catalogServiceMock({ entities });
    const forUsers = catalogServiceMock({ entities: entities.filter(e => !isHidden(e)) });
    const catalog = new Proxy(everything, {
      get(target, method: string) {
        const value = (target as any)[method];
        if (typeof value !== 'function') return value;
        return (req: unknown, options: { credentials: { principal: { type: string } } }) =>
          (options.credentials.principal.type === 'user' ? forUsers : target)[method as keyof CatalogService](
            req as any,
            options as any,
          );
      },
    });
    const server = await start(
      createServiceFactory({ service: catalogServiceRef, deps: {}, factory: () => catalog }),
    );
    const custom: PolicyDecision = {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: { rule: 'IS_IN_MY_DEPARTMENT', resourceType: 'catalog-entity', params: {} },
    };
    read = ALLOW;
    const all: ComponentsResponse = (await request(server).get(`${api}/components`).query({ limit: 1000 })).body;
    read = custom;
    const visible: ComponentsResponse = (await request(server).get(`${api}/components`).query({ limit: 1000 })).body;
    expect(refs(visible)).toEqual(refs(all).filter(r => !hiddenRefs.has(r)));
    expect(visible.snapshot.partial).toBe(true);
  });
});
