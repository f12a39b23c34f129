import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import type { ComponentRecord } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { archTradeoffsPlugin } from './plugin';
import { loadExampleCatalog } from './__testUtils__/exampleCatalog';

/**
 * The example organisation exists to show what the plugin finds; these are the stories it tells
 * (examples/catalog/README.md). If the engine stops telling one, the example or the engine is wrong.
 */
describe('the example catalog', () => {
  let byName: Map<string, ComponentRecord>;

  beforeAll(async () => {
    const { server } = await startTestBackend({
      features: [archTradeoffsPlugin, catalogServiceMock.factory({ entities: loadExampleCatalog() })],
    });
    const res = await request(server).get('/api/arch-tradeoffs/v1/components');
    byName = new Map((res.body.items as ComponentRecord[]).map(i => [i.name, i]));
  });

  const suggestion = (name: string) => byName.get(name)!.assessment!.suggestion;

  it('moves the hot, I/O-bound Lambda function to multi-concurrency containers on AWS', () => {
    expect(suggestion('payment-status-service')).toMatchObject({
      rule: 'io-bound-to-multi-concurrency',
      targetModel: 'always-on',
      targetPlatform: 'aws-fargate',
    });
    expect(suggestion('payment-status-service')!.monthlySavings.expected).toBeGreaterThan(300);
  });

  it('takes the over-provisioned idle services on demand', () => {
    for (const name of ['fx-rates-service', 'merchant-onboarding-service']) {
      expect(suggestion(name)).toMatchObject({ rule: 'idle-always-on-to-on-demand', targetModel: 'on-demand' });
    }
  });

  it('trims the under-used provisioned concurrency in place', () => {
    expect(suggestion('merchant-payouts-service')).toMatchObject({
      rule: 'underused-provisioned-concurrency',
      targetPlatform: 'aws-lambda',
      effort: 'low',
    });
  });

  it('switches the busy Cloud Run service to instance-based billing', () => {
    expect(suggestion('clickstream-collector')).toMatchObject({
      rule: 'cloud-run-billing-mode',
      targetPlatform: 'gcp-cloud-run',
    });
  });

  it('moves the 20-minute job off Lambda, staying on AWS', () => {
    const s = suggestion('settlement-report-job')!;
    expect(s.rule).toBe('serverless-ruled-out');
    expect(['aws-fargate', 'aws-ec2', 'kubernetes']).toContain(s.targetPlatform);
    expect(s.reasons[0]).toContain("exceeds Lambda's 900 s timeout");
  });

  it('flags the Java Lambda function whose cold start breaks its latency objective', () => {
    const assessment = byName.get('payment-authorization-service')!.assessment!;
    expect(assessment.posture.coldStart.exposed).toBe(true);
    expect(assessment.suggestion?.rule).toBe('cold-start-vs-slo');
  });

  it('keeps the websocket gateway and the in-memory service always-on: functions are ruled out', () => {
    for (const name of ['realtime-gateway', 'fraud-rules-engine']) {
      const assessment = byName.get(name)!.assessment!;
      const functions = assessment.alternatives.filter(a => a.platform === 'aws-lambda');
      expect(functions.every(a => !a.feasible && a.infeasible.length > 0)).toBe(true);
      expect(assessment.suggestion?.targetModel).not.toBe('on-demand');
    }
  });

  it('does not propose re-platforming for savings in the noise of the estimate', () => {
    // storefront-bff would save about 11 % on Lambda: below the migration bar (25 % and $20).
    expect(suggestion('storefront-bff')).toBeNull();
  });

  it('places the components that carry only other plugins’ annotations, and says where from', () => {
    expect(byName.get('warehouse-events-consumer')).toMatchObject({
      assessable: true,
      stated: [],
      diagnostics: [],
      assessment: { platform: 'kubernetes', executionModel: 'always-on', confidence: 'low' },
    });
    expect(byName.get('warehouse-events-consumer')!.assumptions).toContainEqual(
      expect.objectContaining({ field: 'platform', inferredFrom: 'backstage.io/kubernetes-id' }),
    );
    expect(byName.get('receipt-pdf-renderer')!.assessment).toMatchObject({ platform: 'aws-lambda', executionModel: 'on-demand' });
    // The team's stated platform wins over the ECS service's, with a warning on the ECS annotation.
    const ledger = byName.get('ledger-export-job')!;
    expect(ledger.assessment!.platform).toBe('aws-lambda');
    expect(ledger.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', annotation: 'aws.amazon.com/amazon-ecs-service-arn' }),
    ]);
  });

  it('leaves the libraries out: not priced, said to be no workload', () => {
    for (const name of ['acme-design-system', 'acme-money', 'service-chassis-go']) {
      expect(byName.get(name)).toMatchObject({ assessment: null, notApplicable: expect.stringContaining('a library') });
    }
  });

  it('assesses every annotated component and none of the unannotated ones', () => {
    const assessed = [...byName.values()].filter(r => r.assessment);
    expect(assessed.length).toBe([...byName.values()].filter(r => r.assessable).length);
    for (const r of assessed) {
      const cost = r.assessment!.monthlyCost;
      expect(Number.isFinite(cost.expected) && cost.low <= cost.expected && cost.expected <= cost.high).toBe(true);
    }
    expect(byName.get('acme-design-system')!.assessment).toBeNull();
  });
});
