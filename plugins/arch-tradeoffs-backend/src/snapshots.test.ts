import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import type {
  ScorecardsResponse,
  SuggestionsResponse,
  TeamScorecard,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { archTradeoffsPlugin } from './plugin';
import { refreshTrigger } from './__testUtils__/refreshTrigger';
import { loadExampleCatalog } from './__testUtils__/exampleCatalog';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { permissionPolicy } from './__testUtils__/permissionPolicy';

const entities = loadExampleCatalog();
const api = '/api/arch-tradeoffs/v1';
const databases = createTestDatabases();

// The routes over the store, on SQLite and (when given) PostgreSQL.
describe.each(databases.eachSupportedId())('on %s', databaseId => {
  async function start(
    options: { permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {},
  ) {
    const trigger = refreshTrigger();
    const { server } = await startTestBackend({
      features: [
        archTradeoffsPlugin,
        mockServices.database.factory({
          knex: await databases.init(databaseId),
        }),
        catalogServiceMock.factory({ entities }),
        trigger.module,
        // The decide permission as given; reading stays allowed.
        ...(options.permission ? [permissionPolicy({ decide: options.permission })] : []),
      ],
    });
    return { server, refresh: trigger.refresh };
  }

  describe('GET /v1/scorecards', () => {
    it('rolls each team up through its child teams, transitively', async () => {
      const { server } = await start();
      const res = await request(server).get(`${api}/scorecards`);
      expect(res.status).toBe(200);
      const body: ScorecardsResponse = res.body;
      const groups = entities.filter(e => e.kind === 'Group');
      expect(body.items).toHaveLength(groups.length);
      const byRef = new Map(body.items.map(t => [t.groupRef, t]));

      // Every team's aggregated count is its own plus its children's aggregated counts.
      for (const team of body.items) {
        const childSum = team.children.reduce(
          (n, c) => n + byRef.get(c)!.aggregated.components,
          0,
        );
        expect({ team: team.groupRef, n: team.aggregated.components }).toEqual({
          team: team.groupRef,
          n: team.direct.components + childSum,
        });
      }
      // The root covers every component that a group owns.
      const roots = body.items.filter(t => !t.parent);
      const ownedByGroups = entities.filter(
        e =>
          e.kind === 'Component' &&
          e.spec!.type !== 'library' && // not a workload: counted nowhere
          groups.some(g => g.metadata.name === e.spec!.owner),
      ).length;
      expect(roots.reduce((n, t) => n + t.aggregated.components, 0)).toBe(
        ownedByGroups,
      );

      // Ranked by aggregated score, with checks and weights visible.
      const scores = body.items.map(t => t.aggregated.score ?? -1);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(body.weights).toEqual({
        'input-coverage': 25,
        'cost-efficiency': 35,
        'posture-risks': 20,
        'open-suggestions': 20,
      });
      expect(body.items[0].aggregated.checks.map(c => c.id)).toEqual([
        'input-coverage',
        'cost-efficiency',
        'posture-risks',
        'open-suggestions',
      ]);
    });

    it('serves one team, 404 for an unknown one, and CSV for all', async () => {
      const { server } = await start();
      const all: TeamScorecard[] = (
        await request(server).get(`${api}/scorecards`)
      ).body.items;
      const [namespace, name] = all[0].groupRef.split(':')[1].split('/');
      const one = await request(server).get(
        `${api}/scorecards/${namespace}/${name}`,
      );
      expect(one.status).toBe(200);
      expect(one.body.scorecard).toEqual(all[0]);
      await request(server)
        .get(`${api}/scorecards/default/no-such-team`)
        .expect(404);

      const csv = await request(server)
        .get(`${api}/scorecards`)
        .query({ format: 'csv' });
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.text.trim().split('\r\n');
      expect(lines).toHaveLength(all.length + 1);
      expect(lines[1].startsWith(`${all[0].groupRef},`)).toBe(true);
    });

    it('uses configured weights', async () => {
      const { server } = await startTestBackend({
        features: [
          archTradeoffsPlugin,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: {
              archTradeoffs: {
                scorecards: {
                  weights: {
                    annotationCoverage: 0,
                    costEfficiency: 1,
                    postureRisks: 0,
                    openSuggestions: 0,
                  },
                },
              },
            },
          }),
        ],
      });
      const body: ScorecardsResponse = (
        await request(server).get(`${api}/scorecards`)
      ).body;
      for (const team of body.items) {
        const efficiency = team.aggregated.checks.find(
          c => c.id === 'cost-efficiency',
        )!.score;
        expect(team.aggregated.score).toBe(efficiency);
      }
    });
  });

  describe('suggestions and decisions', () => {
    it('lists suggestions by savings, largest first, with their components', async () => {
      const { server } = await start();
      const body: SuggestionsResponse = (
        await request(server).get(`${api}/suggestions`)
      ).body;
      expect(body.totalCount).toBeGreaterThan(5);
      const savings = body.items.map(i => i.suggestion.monthlySavings.expected);
      expect(savings).toEqual([...savings].sort((a, b) => b - a));
      const first = body.items[0];
      const component = (
        await request(server).get(
          `${api}/components/default/component/${first.entityRef.split('/')[1]}`,
        )
      ).body.component;
      expect(first.suggestion).toEqual(component.assessment.suggestion);
      // To the cent, as the map shows it.
      expect(first.currentMonthlyCost).toBe(
        Math.round(component.assessment.monthlyCost.expected * 100) / 100,
      );
      expect(first.status).toBe('open');
      expect(body.openSavings).toBeCloseTo(
        body.items.reduce(
          (n, i) => n + Math.max(0, i.suggestion.monthlySavings.expected),
          0,
        ),
        2,
      );
    });

    it('pages the ranked list on request, counting every match', async () => {
      const { server } = await start();
      const all: SuggestionsResponse = (
        await request(server).get(`${api}/suggestions`)
      ).body;
      const page: SuggestionsResponse = (
        await request(server).get(`${api}/suggestions?offset=2&limit=3`)
      ).body;
      expect(page.items).toEqual(all.items.slice(2, 5));
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.openSavings).toBe(all.openSavings);
      // A page of 100 unless asked otherwise; `limit=all` for every match.
      expect(all.items).toHaveLength(Math.min(100, all.totalCount));
      const every: SuggestionsResponse = (
        await request(server).get(`${api}/suggestions?limit=all`)
      ).body;
      expect(every.items).toHaveLength(every.totalCount);
      expect(every.items.slice(0, 100)).toEqual(all.items);
      const bad = await request(server).get(`${api}/suggestions?limit=0`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('limit');
    });

    it('records accept, dismiss and snooze with who and when, and they carry over to the next snapshot', async () => {
      const { server, refresh } = await start();
      const items: SuggestionsResponse['items'] = (
        await request(server).get(`${api}/suggestions`)
      ).body.items;
      const [a, b, c] = items;
      const accepted = await request(server)
        .post(
          `${api}/suggestions/${encodeURIComponent(a.suggestion.id)}/decision`,
        )
        .send({ decision: 'accepted' });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        suggestionId: a.suggestion.id,
        decision: 'accepted',
        decidedBy: mockCredentials.user().principal.userEntityRef,
      });
      expect(Date.parse(accepted.body.decidedAt)).toBeGreaterThan(
        Date.now() - 60_000,
      );
      await request(server)
        .post(
          `${api}/suggestions/${encodeURIComponent(b.suggestion.id)}/decision`,
        )
        .send({ decision: 'dismissed', reason: 'Contract renewal pending' })
        .expect(200);
      const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
      await request(server)
        .post(
          `${api}/suggestions/${encodeURIComponent(c.suggestion.id)}/decision`,
        )
        .send({ decision: 'snoozed', snoozeUntil: until })
        .expect(200);

      const before = await request(server).get(`${api}/suggestions`);
      await refresh();
      const after = await request(server).get(`${api}/suggestions`);
      expect(after.body.snapshot.id).toBeGreaterThan(before.body.snapshot.id);
      const status = (id: string) =>
        after.body.items.find((i: any) => i.suggestion.id === id);
      expect(status(a.suggestion.id)).toMatchObject({ status: 'accepted' });
      expect(status(b.suggestion.id)).toMatchObject({
        status: 'dismissed',
        decision: { reason: 'Contract renewal pending' },
      });
      expect(status(c.suggestion.id)).toMatchObject({
        status: 'snoozed',
        decision: { snoozeUntil: until },
      });

      // Filters by status; the component route shows the decision; scorecards count it as handled at once.
      const open = (
        await request(server)
          .get(`${api}/suggestions`)
          .query({ status: 'open' })
      ).body;
      expect(open.totalCount).toBe(items.length - 3);
      // A page of one status still counts every match of it: the planner's header reads these.
      const openPage: SuggestionsResponse = (
        await request(server)
          .get(`${api}/suggestions`)
          .query({ status: 'open', offset: 1, limit: 2 })
      ).body;
      expect(openPage.items).toEqual(open.items.slice(1, 3));
      expect(openPage.totalCount).toBe(open.totalCount);
      expect(openPage.openSavings).toBe(open.openSavings);
      expect(openPage.openSavings).toBeGreaterThan(0);
      const dismissedPage: SuggestionsResponse = (
        await request(server)
          .get(`${api}/suggestions`)
          .query({ status: 'dismissed', limit: 1 })
      ).body;
      expect(dismissedPage.items.map(i => i.suggestion.id)).toEqual([
        b.suggestion.id,
      ]);
      expect(dismissedPage.totalCount).toBe(1);
      expect(dismissedPage.openSavings).toBe(0);
      const componentName = a.entityRef.split('/')[1];
      const one = (
        await request(server).get(
          `${api}/components/default/component/${componentName}`,
        )
      ).body;
      expect(one.decision).toMatchObject({ decision: 'accepted' });
      const scorecards: ScorecardsResponse = (
        await request(server).get(`${api}/scorecards`)
      ).body;
      const rootOpen = scorecards.items
        .filter(t => !t.parent)
        .reduce((n, t) => n + t.aggregated.openSuggestions, 0);
      expect(rootOpen).toBe(open.items.filter((i: any) => i.owner).length);

      const csv = await request(server)
        .get(`${api}/suggestions`)
        .query({ format: 'csv' });
      expect(csv.text).toContain('Contract renewal pending');
      expect(csv.text.trim().split('\r\n')).toHaveLength(items.length + 1);
    });

    it('trims every reason the same way, and exports it neutralised', async () => {
      const { server } = await start();
      const [first, second] = (await request(server).get(`${api}/suggestions`)).body.items;
      const until = new Date(Date.now() + 86_400_000).toISOString();
      const snoozed = await request(server)
        .post(`${api}/suggestions/${encodeURIComponent(first.suggestion.id)}/decision`)
        .send({ decision: 'snoozed', snoozeUntil: until, reason: '\t=HYPERLINK("http://x")  ' });
      expect(snoozed.body.reason).toBe('=HYPERLINK("http://x")');
      const accepted = await request(server)
        .post(`${api}/suggestions/${encodeURIComponent(second.suggestion.id)}/decision`)
        .send({ decision: 'accepted', reason: '\r\n+1 from the team ' });
      expect(accepted.body.reason).toBe('+1 from the team');
      const csv = (await request(server).get(`${api}/suggestions`).query({ format: 'csv' })).text;
      expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
      expect(csv).toContain(`'+1 from the team`);
    });

    it.each([
      [{ decision: 'dismissed' }, "'reason'"],
      [{ decision: 'dismissed', reason: '   ' }, "'reason'"],
      [{ decision: 'snoozed' }, "'snoozeUntil'"],
      [{ decision: 'snoozed', snoozeUntil: 'next week' }, "'snoozeUntil'"],
      [{ decision: 'snoozed', snoozeUntil: '2020-01-01' }, "'snoozeUntil'"],
      // Offsets no clock has: the pattern accepts them, the instant does not exist.
      [{ decision: 'snoozed', snoozeUntil: '2027-01-01T00:00:00+99:99' }, "'snoozeUntil'"],
      [{ decision: 'snoozed', snoozeUntil: '2027-01-01T00:00:00+24:00' }, "'snoozeUntil'"],
      [{ decision: 'snoozed', snoozeUntil: '2027-02-30' }, "'snoozeUntil'"],
      [{ decision: 'snoozed', snoozeUntil: '2099-01-01' }, "'snoozeUntil'"],
      [{ decision: 'snoozed', snoozeUntil: 12 }, "'snoozeUntil'"],
      [{ decision: 'accepted', reason: 'x'.repeat(2001) }, "'reason'"],
      [{ decision: 'maybe' }, "'decision'"],
      [{ decision: 'accepted', colour: 'red' }, 'colour'],
    ])('rejects %j with a 400 naming %s', async (body, field) => {
      const { server } = await start();
      const [first] = (await request(server).get(`${api}/suggestions`)).body
        .items;
      const res = await request(server)
        .post(
          `${api}/suggestions/${encodeURIComponent(first.suggestion.id)}/decision`,
        )
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    });

    it('answers 404 for an unknown suggestion, 403 without the permission or as a service, 401 without credentials', async () => {
      const { server } = await start();
      await request(server)
        .post(`${api}/suggestions/nope/decision`)
        .send({ decision: 'accepted' })
        .expect(404);

      const denied = await start({ permission: AuthorizeResult.DENY });
      const [first] = (await request(denied.server).get(`${api}/suggestions`))
        .body.items;
      const res = await request(denied.server)
        .post(
          `${api}/suggestions/${encodeURIComponent(first.suggestion.id)}/decision`,
        )
        .send({ decision: 'accepted' });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(
        'arch-tradeoffs.suggestion.decide',
      );

      await request(server)
        .post(
          `${api}/suggestions/${encodeURIComponent(first.suggestion.id)}/decision`,
        )
        .set('Authorization', mockCredentials.service.header())
        .send({ decision: 'accepted' })
        .expect(403); // a service may read, but decisions are a person's
      for (const path of [
        '/scorecards',
        '/suggestions',
        '/history',
        '/components/default/component/x',
      ]) {
        await request(server)
          .get(`${api}${path}`)
          .set('Authorization', mockCredentials.none.header())
          .expect(401);
      }
    });
  });

  describe('GET /v1/history', () => {
    it('keeps org and team figures per snapshot, and component figures when they change', async () => {
      const { server, refresh } = await start();
      await refresh();
      const org = (await request(server).get(`${api}/history`)).body;
      expect(org.kind).toBe('org');
      expect(org.points).toHaveLength(2);
      expect(org.points[0].snapshotId).toBeLessThan(org.points[1].snapshotId);
      expect(org.points[1].components).toBe(
        entities.filter(e => e.kind === 'Component' && e.spec!.type !== 'library').length,
      );
      expect(org.points[1].monthlyCost).toBeGreaterThan(0);

      const scorecards: ScorecardsResponse = (
        await request(server).get(`${api}/scorecards`)
      ).body;
      const team = scorecards.items[0];
      const teamHistory = (
        await request(server)
          .get(`${api}/history`)
          .query({ group: team.groupRef })
      ).body;
      expect(teamHistory.points).toHaveLength(2);
      expect(teamHistory.points[1]).toMatchObject({
        score: team.aggregated.score,
        components: team.aggregated.components,
      });

      // Nothing changed between the two refreshes, so the component has one point.
      const component = (
        await request(server)
          .get(`${api}/history`)
          .query({ entityRef: 'settlement-report-job' })
      ).body;
      expect(component).toMatchObject({
        subject: 'component:default/settlement-report-job',
        kind: 'component',
      });
      expect(component.points).toHaveLength(1);

      await request(server)
        .get(`${api}/history`)
        .query({ entityRef: 'no-such-thing' })
        .expect(404);
      const both = await request(server)
        .get(`${api}/history`)
        .query({ group: 'a', entityRef: 'b' });
      expect(both.status).toBe(400);
      expect(both.body.error.message).toContain("'group'");
    });
  });
});
