import type { ReactNode } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { configApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  ANNOTATIONS,
  Assessment,
  ComponentResponse,
  ComponentUsage,
  createAssessor,
  InferredPlatform,
  parseArchAnnotations,
  ParsedSettings,
  UsageMeasurement,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type { ArchTradeoffsApi } from '../../../api/ArchTradeoffsApi';
import { archTradeoffsApiRef } from '../../../api/ArchTradeoffsApi';

/** payment-status-service from examples/catalog: a hot, I/O-bound Lambda the engine suggests moving. */
export const HOT_LAMBDA: Record<string, string> = {
  [ANNOTATIONS.executionModel]: 'on-demand',
  [ANNOTATIONS.platform]: 'aws-lambda',
  [ANNOTATIONS.monthlyRequests]: '300000000',
  [ANNOTATIONS.avgDurationMs]: '120',
  [ANNOTATIONS.cpuMs]: '15',
  [ANNOTATIONS.memoryMb]: '1024',
  [ANNOTATIONS.architecture]: 'x86_64',
  [ANNOTATIONS.trafficPattern]: 'steady',
  [ANNOTATIONS.peakRps]: '150',
  [ANNOTATIONS.latencySloMs]: '300',
  [ANNOTATIONS.maxDurationS]: '10',
  [ANNOTATIONS.runtime]: 'nodejs',
  [ANNOTATIONS.connections]: 'request-response',
  [ANNOTATIONS.state]: 'stateless',
};

/** loyalty-points-service from examples/catalog: `monthly-requests: lots` is not a number. */
export const MALFORMED: Record<string, string> = {
  [ANNOTATIONS.executionModel]: 'always-on',
  [ANNOTATIONS.platform]: 'kubernetes',
  [ANNOTATIONS.monthlyRequests]: 'lots',
  [ANNOTATIONS.avgDurationMs]: '40',
  [ANNOTATIONS.instances]: '2',
  [ANNOTATIONS.runtime]: 'go',
};

export function componentEntity(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/payments-core',
    },
  };
}

/** What the engine says of these annotations, through JSON as the wire carries it. */
export function realAssessment(
  name: string,
  annotations: Record<string, string>,
  pricing?: Parameters<typeof createAssessor>[0],
  parsed: ParsedSettings = parseArchAnnotations(annotations),
): Assessment {
  const assessment = createAssessor(pricing)(
    `component:default/${name}`,
    parsed,
  );
  if (!assessment) throw new Error(`${name} is not assessable`);
  return JSON.parse(JSON.stringify(assessment));
}

/**
 * 30 days of Prometheus figures for a busy daytime API: 61M requests (where a stated 25M drifts by
 * more than 2×), 85 ms per request, 3 replicas, and a diurnal day.
 */
export function measurement(
  overrides: Partial<UsageMeasurement> = {},
): UsageMeasurement {
  const day = [2, 1, 1, 1, 1, 2, 5, 12, 20, 26, 28, 29, 30, 29, 28, 27, 26, 24, 18, 12, 8, 5, 3, 2];
  return {
    source: 'prometheus',
    selector: 'job="checkout"',
    measuredAt: new Date(Date.now() - 3 * 3600 * 1000).toISOString(),
    windowDays: 30,
    from: '2026-10-23T00:00:00Z',
    to: '2026-11-22T00:00:00Z',
    figures: {
      monthlyRequests: { value: 61_000_000, metric: 'http_request_duration_seconds_count' },
      avgDurationMs: { value: 85, metric: 'http_request_duration_seconds_sum' },
      instances: { value: 3, metric: 'up' },
    },
    shape: { hourlyRps: day, pattern: 'diurnal', peakToMean: 2.1, dailySwing: 4.2, idleShare: 0 },
    ...overrides,
  };
}

/**
 * A `GET /v1/components/...` response built the way the backend builds it: parsed with the
 * measurement when `usage` holds one, and with what other plugins' annotations imply.
 */
export function componentResponse(
  name: string,
  annotations: Record<string, string>,
  { usage, inferred }: { usage?: ComponentUsage; inferred?: InferredPlatform } = {},
): ComponentResponse {
  const parsed = parseArchAnnotations(annotations, {
    ...(usage?.status === 'measured' ? { measured: usage.measurement } : {}),
    ...(inferred ? { inferred } : {}),
  });
  return {
    component: {
      entityRef: `component:default/${name}`,
      namespace: 'default',
      name,
      owner: 'group:default/payments-core',
      assessable: parsed.assessable,
      ...(parsed.settings ? { settings: parsed.settings } : {}),
      stated: parsed.stated,
      measured: parsed.measured,
      assumptions: parsed.assumptions,
      diagnostics: parsed.diagnostics,
      ...(usage ? { usage } : {}),
      assessment: realAssessment(name, annotations, undefined, parsed),
    },
    decision: null,
    snapshot: {
      id: 7,
      createdAt: new Date(Date.now() - 12 * 60 * 1000).toISOString(),
      partial: false,
      componentCount: 40,
      durationMs: 850,
    },
  };
}

export function fakeApi(
  overrides: Partial<ArchTradeoffsApi>,
): ArchTradeoffsApi {
  const unexpected = (method: string) => () =>
    Promise.reject(new Error(`unexpected call to ${method}`));
  return {
    getComponents: unexpected('getComponents'),
    getComponentSummaries: unexpected('getComponentSummaries'),
    getComponent: unexpected('getComponent'),
    estimate: unexpected('estimate'),
    getScorecards: unexpected('getScorecards'),
    getScorecard: unexpected('getScorecard'),
    getSuggestions: unexpected('getSuggestions'),
    decide: unexpected('decide'),
    getHistory: unexpected('getHistory'),
    downloadCsv: unexpected('downloadCsv'),
    ...overrides,
  };
}

/** A 404 as the client throws it (ResponseError carries the status). */
export function notFound(): Error {
  return Object.assign(new Error('Request failed with 404 Not Found'), {
    name: 'ResponseError',
    statusCode: 404,
  });
}

type ConfigData = NonNullable<
  NonNullable<Parameters<typeof mockApis.config>[0]>['data']
>;

/**
 * Recharts' ResponsiveContainer measures with ResizeObserver, which jsdom lacks: report a fixed size
 * so the charts render.
 */
export function mockResizeObserver() {
  (global as any).ResizeObserver = class {
    constructor(private readonly callback: (entries: any[]) => void) {}
    observe() {
      this.callback([{ contentRect: { width: 800, height: 320 } }]);
    }
    unobserve() {}
    disconnect() {}
  };
}

export async function renderWithEntity(
  children: ReactNode,
  {
    entity,
    api,
    config = {},
  }: { entity: Entity; api: ArchTradeoffsApi; config?: ConfigData },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [archTradeoffsApiRef, api],
        [configApiRef, mockApis.config({ data: config })],
      ]}
    >
      <EntityProvider entity={entity}>{children}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
