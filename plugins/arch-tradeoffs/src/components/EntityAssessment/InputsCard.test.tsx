import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import {
  ANNOTATIONS,
  ComponentRecord,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { InputsCard } from './InputsCard';
import { EntityArchTradeoffsContent } from './EntityArchTradeoffsContent';
import {
  componentEntity,
  componentResponse,
  fakeApi,
  HOT_LAMBDA,
  measurement,
  mockResizeObserver,
  renderWithEntity,
} from './__testUtils__/fixtures';

beforeAll(mockResizeObserver);

/** An always-on service on Kubernetes (inferred), with its traffic measured and little else stated. */
const KUBERNETES_SERVICE: Record<string, string> = {
  [ANNOTATIONS.executionModel]: 'always-on',
  [ANNOTATIONS.memoryMb]: '1024',
};

function measuredRecord(
  annotations: Record<string, string> = KUBERNETES_SERVICE,
): ComponentRecord {
  return componentResponse('checkout-api', annotations, {
    usage: { status: 'measured', measurement: measurement() },
    inferred: {
      platform: 'kubernetes',
      annotation: 'backstage.io/kubernetes-id',
    },
  }).component;
}

const table = () =>
  within(screen.getByRole('table', { name: 'inputs and their sources' }));
/** Value, source and detail of a setting's row (its first cell is the setting's name). */
const cells = (label: string) =>
  within(table().getByText(label).closest('tr')!)
    .getAllByRole('cell')
    .slice(1)
    .map(c => c.textContent);

describe('InputsCard', () => {
  it('gives each setting its value and where it came from: measured, stated, inferred, defaulted', async () => {
    await renderInTestApp(<InputsCard component={measuredRecord()} />);

    expect(cells('Monthly requests')).toEqual([
      '61,000,000',
      'Measured',
      'http_request_duration_seconds_count',
    ]);
    expect(cells('Average duration')).toEqual([
      '85 ms',
      'Measured',
      'http_request_duration_seconds_sum',
    ]);
    expect(cells('Traffic pattern')).toEqual([
      'diurnal',
      'Measured',
      'hourly traffic shape',
    ]);
    expect(cells('Memory')).toEqual([
      '1,024 MB',
      'Stated',
      ANNOTATIONS.memoryMb,
    ]);
    expect(cells('Platform')).toEqual([
      'Kubernetes (EKS)',
      'Inferred',
      'inferred from backstage.io/kubernetes-id',
    ]);
    const runtime = cells('Runtime');
    expect(runtime.slice(0, 2)).toEqual(['container', 'Default']);
    expect(runtime[2]).toMatch(/default/);
    // Settings the component does not have (no latency objective stated) get no row.
    expect(table().queryByText('Latency objective (p99)')).not.toBeInTheDocument();
  });

  it('says over what span, of which window, with which selector the traffic was measured', async () => {
    const record = measuredRecord();
    if (record.usage?.status === 'measured') {
      record.usage.measurement.windowDays = 14;
      record.usage.measurement.windowNote =
        'Prometheus keeps 14 days; 30 configured';
      record.usage.measurement.from = '2026-11-15T12:00:00Z';
      record.usage.measurement.to = '2026-11-22T00:00:00Z';
    }
    await renderInTestApp(<InputsCard component={record} />);
    const line = screen.getByLabelText('measurement');
    expect(line).toHaveTextContent(
      /^Measured in Prometheus over 6\.5 days \(.+ – .+\) of the 14-day window \(Prometheus keeps 14 days; 30 configured\) · selector \{job="checkout"\} · measured 3 h ago$/,
    );
  });

  it('draws the measured day, titled with the pattern and the figures behind it', async () => {
    await renderInTestApp(<InputsCard component={measuredRecord()} />);
    const chart = screen.getByRole('figure', { name: 'traffic by hour' });
    expect(
      within(chart).getByText(
        'Diurnal: busiest hour 4.2× the quietest; busiest 5 minutes 2.1× the mean; 0 % of hours idle',
      ),
    ).toBeInTheDocument();
    expect(chart.querySelector('.recharts-wrapper')).not.toBeNull();
    expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(24);
  });

  it('gives the reason when the traffic was not measured, and draws no chart', async () => {
    const record = componentResponse('checkout-api', KUBERNETES_SERVICE, {
      usage: {
        status: 'unmeasured',
        reason: 'Prometheus has no series for this selector',
        selector: 'job="checkout"',
      },
    }).component;
    await renderInTestApp(<InputsCard component={record} />);
    expect(screen.getByLabelText('measurement')).toHaveTextContent(
      'Traffic not measured: Prometheus has no series for this selector · selector {job="checkout"}. The settings below are stated, inferred or defaulted.',
    );
    expect(cells('Monthly requests')[1]).toBe('Default');
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('says nothing of a measurement when no usage source is configured', async () => {
    const record = componentResponse('checkout-api', KUBERNETES_SERVICE).component;
    await renderInTestApp(<InputsCard component={record} />);
    expect(screen.queryByLabelText('measurement')).not.toBeInTheDocument();
    expect(cells('Execution model')[1]).toBe('Stated');
  });
});

describe('EntityArchTradeoffsContent with measured traffic', () => {
  it('shows drift above the inputs, once, and marks the stated value the measurement contradicts', async () => {
    // HOT_LAMBDA states 300M requests a month and a steady pattern; the measurement says 61M, diurnal.
    const response = componentResponse('payment-status-service', HOT_LAMBDA, {
      usage: { status: 'measured', measurement: measurement() },
    });
    await renderWithEntity(<EntityArchTradeoffsContent />, {
      entity: componentEntity('payment-status-service', HOT_LAMBDA),
      api: fakeApi({ getComponent: async () => response }),
    });

    const drift = await screen.findByRole('alert', { name: 'drift' });
    expect(
      within(drift).getByText(
        /declares 300,000,000 requests per month; measured 61,000,000 over 30 days/,
      ),
    ).toBeInTheDocument();
    expect(within(drift).getByText(/looks diurnal/)).toBeInTheDocument();
    // Not repeated in the diagnostics card: drift is all this component has to report.
    expect(screen.queryByText('Diagnostics')).not.toBeInTheDocument();
    expect(screen.getAllByText(/declares 300,000,000/)).toHaveLength(1);

    expect(cells('Monthly requests')).toEqual([
      '300,000,000drift',
      'Stated',
      `${ANNOTATIONS.monthlyRequests} · measured 61,000,000`,
    ]);
    expect(cells('Traffic pattern')).toEqual([
      'steadydrift',
      'Stated',
      `${ANNOTATIONS.trafficPattern} · measured diurnal`,
    ]);
    // Measured within 2× of what is stated: no drift.
    expect(cells('Average duration')).toEqual([
      '120 ms',
      'Stated',
      `${ANNOTATIONS.avgDurationMs} · measured 85 ms`,
    ]);
  });
});
