import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { ANNOTATIONS, ComponentsResponse, ScorecardsResponse } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { archTradeoffsPlugin } from './plugin';

const api = '/api/arch-tradeoffs/v1';

/** A catalog as a real organisation has it: other plugins' annotations, none of ours. */
function component(name: string, type: string, annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { namespace: 'default', name, annotations: { 'backstage.io/techdocs-ref': 'dir:.', ...annotations } },
    spec: { type, lifecycle: 'production', owner: 'team-a' },
  };
}
const entities: Entity[] = [
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { namespace: 'default', name: 'team-a' }, spec: { type: 'team', children: [] } },
  component('orders', 'service', { 'backstage.io/kubernetes-id': 'orders' }),
  component('thumbnails', 'service', { 'aws.com/lambda-function-name': 'thumbnails-prod' }),
  component('billing', 'service', { 'aws.amazon.com/amazon-ecs-service-arn': 'arn:aws:ecs:us-east-1:1:service/prod/billing', [ANNOTATIONS.platform]: 'aws-lambda' }),
  component('reports', 'service', { 'acme.com/cloud-run-service': 'reports' }),
  component('ui-kit', 'library', { 'backstage.io/kubernetes-id': 'ui-kit' }),
  component('icons', 'library', { [ANNOTATIONS.platform]: 'aws-lambda' }),
  component('handbook', 'documentation'),
  component('legacy', 'service'),
];

async function start(config: object = {}) {
  const { server } = await startTestBackend({
    features: [
      archTradeoffsPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: { archTradeoffs: config } }),
    ],
  });
  return server;
}

const byName = (body: ComponentsResponse) => new Map(body.items.map(i => [i.name, i]));

describe('a catalog without arch-tradeoffs annotations', () => {
  it('assesses what other plugins’ annotations place, says where each platform came from, and leaves libraries out', async () => {
    const server = await start();
    const items = byName((await request(server).get(`${api}/components`)).body);

    expect(items.get('orders')).toMatchObject({
      assessable: true,
      settings: { platform: 'kubernetes', executionModel: 'always-on' },
      assessment: { platform: 'kubernetes', confidence: 'low' },
    });
    expect(items.get('orders')!.assumptions).toContainEqual(
      expect.objectContaining({ field: 'platform', inferredFrom: 'backstage.io/kubernetes-id' }),
    );
    expect(items.get('thumbnails')!.settings).toMatchObject({ platform: 'aws-lambda', executionModel: 'on-demand' });
    // A stated platform wins over an inferred one; the disagreement is a warning on the other annotation.
    expect(items.get('billing')!.settings!.platform).toBe('aws-lambda');
    expect(items.get('billing')!.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', annotation: 'aws.amazon.com/amazon-ecs-service-arn' }),
    );
    expect(items.get('reports')!.assessable).toBe(false);
    expect(items.get('legacy')!.assessable).toBe(false);
    // A library annotated as a function is still no workload; the card says why the annotation is unused.
    expect(items.get('icons')!.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', annotation: ANNOTATIONS.platform, message: expect.stringContaining('is not used: a library') }),
    ]);
    for (const name of ['ui-kit', 'handbook', 'icons']) {
      expect(items.get(name)).toMatchObject({ assessable: false, assessment: null, notApplicable: expect.stringContaining('is not deployed') });
    }
    // Other plugins' annotations the rules do not read are not stored, nor served.
    expect(JSON.stringify([...items.values()])).not.toContain('techdocs-ref');

    // Scores count workloads only: 5 services, of which 3 have a known platform.
    const { items: teams }: ScorecardsResponse = (await request(server).get(`${api}/scorecards`)).body;
    const team = teams.find(t => t.groupRef === 'group:default/team-a')!;
    expect(team.direct).toMatchObject({ components: 5, annotated: 3, assessed: 3 });
  });

  it('takes an organisation’s own rules first, and its own list of types that are not workloads', async () => {
    const server = await start({
      inference: {
        rules: [{ annotation: 'acme.com/cloud-run-service', platform: 'gcp-cloud-run', note: 'our convention' }],
        notApplicableTypes: ['documentation'],
      },
    });
    const items = byName((await request(server).get(`${api}/components`)).body);
    expect(items.get('reports')!.settings!.platform).toBe('gcp-cloud-run');
    expect(items.get('reports')!.assumptions).toContainEqual(
      expect.objectContaining({ field: 'platform', reason: 'inferred from acme.com/cloud-run-service (our convention)' }),
    );
    expect(items.get('ui-kit')!.settings!.platform).toBe('kubernetes'); // 'library' is no longer excluded
    expect(items.get('handbook')!.notApplicable).toBeDefined();
  });

  it('stops at start-up on a rule naming an unknown platform', async () => {
    await expect(start({ inference: { rules: [{ annotation: 'x', platform: 'heroku' }] } })).rejects.toThrow(
      /archTradeoffs.inference.rules\[0\].platform: "heroku"/,
    );
  });
});
