import {
  ANNOTATIONS,
  Assumption,
  ComponentRecord,
  Diagnostic,
  inputSources,
  PLATFORM_LABELS,
  Platform,
  SettingField,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/**
 * Where each setting of a component came from, as rows a person reads: the pure part of the
 * "Inputs" section, kept apart from React so the wording can be tested without rendering.
 */

/** `Derived` covers settings no list names: they follow from others (the model from the platform, memory from an instance type). */
export type SourceLabel = 'Measured' | 'Stated' | 'Inferred' | 'Default' | 'Derived';

export interface InputRow {
  field: SettingField;
  label: string;
  value: string;
  source: SourceLabel;
  /** The metric, the annotation, the inference or the assumption's reason. */
  detail: string;
  /** For a stated value, what the measurement found for the same setting, when it measured it. */
  measured?: string;
  /** Set on a stated value that a measurement contradicts: the drift warning on its annotation. */
  drift?: Diagnostic;
}

const FIELDS: Record<SettingField, { label: string; unit?: string }> = {
  executionModel: { label: 'Execution model' },
  platform: { label: 'Platform' },
  monthlyRequests: { label: 'Monthly requests' },
  avgDurationMs: { label: 'Average duration', unit: 'ms' },
  cpuMs: { label: 'CPU time per request', unit: 'ms' },
  memoryMb: { label: 'Memory', unit: 'MB' },
  vcpu: { label: 'vCPU' },
  architecture: { label: 'Architecture' },
  instances: { label: 'Instances' },
  maxInstances: { label: 'Max instances' },
  instanceType: { label: 'Instance type' },
  trafficPattern: { label: 'Traffic pattern' },
  peakRps: { label: 'Peak rate', unit: 'req/s' },
  latencySloMs: { label: 'Latency objective (p99)', unit: 'ms' },
  maxDurationS: { label: 'Longest request', unit: 's' },
  runtime: { label: 'Runtime' },
  connections: { label: 'Connections' },
  state: { label: 'State' },
};

/** The annotations' order: the order the README and the catalog files list them in. */
const ORDER = Object.keys(ANNOTATIONS) as SettingField[];

/** Fractions where they matter (0.25 vCPU, 69.6 req/s), none on large counts. */
function formatNumber(n: number): string {
  let digits = 0;
  if (Math.abs(n) < 10) digits = 2;
  else if (Math.abs(n) < 100) digits = 1;
  return n.toLocaleString(undefined, { maximumFractionDigits: digits });
}

/** A setting's value with its unit: `61,000,000`, `85 ms`, `AWS Lambda`. */
export function formatSetting(field: SettingField, value: unknown): string {
  if (typeof value === 'number') {
    const unit = FIELDS[field].unit;
    return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
  }
  if (field === 'platform') return PLATFORM_LABELS[value as Platform] ?? String(value);
  return String(value);
}

/**
 * A diagnostic that says a stated value disagrees with the measurement: the backend's drift warning
 * (`declares …; measured …`) or its note that the stated traffic pattern is not the measured one.
 */
export function isDrift(d: Diagnostic): boolean {
  return d.drift === true;
}

function derivedDetail(field: SettingField, record: ComponentRecord): string {
  if (field === 'executionModel') return 'follows from the platform';
  const type = record.settings?.instanceType;
  if (type && (field === 'memoryMb' || field === 'vcpu' || field === 'architecture')) {
    return `follows from instance type ${type}`;
  }
  return 'follows from the other settings';
}

/** What the measurement says of a stated setting, when it measured that one too. */
function measuredAlongside(field: SettingField, record: ComponentRecord): string | undefined {
  if (record.usage?.status !== 'measured') return undefined;
  const { figures, shape } = record.usage.measurement;
  if (field === 'trafficPattern') return shape ? shape.pattern : undefined;
  const figure = figures[field as keyof typeof figures];
  return figure ? formatSetting(field, figure.value) : undefined;
}

function assumptionDetail(a: Assumption): string {
  if (!a.inferredFrom || a.reason.startsWith('inferred from')) return a.reason;
  return `inferred from ${a.inferredFrom} (${a.reason})`;
}

/** One row per resolved setting, in annotation order; settings the component does not have are left out. */
export function inputRows(record: ComponentRecord): InputRow[] {
  const settings = record.settings;
  if (!settings) return [];
  const sources = inputSources(record);
  const measured = new Map(record.measured.map(m => [m.field as SettingField, m]));
  const assumed = new Map(record.assumptions.map(a => [a.field, a]));
  const rows: InputRow[] = [];
  for (const field of ORDER) {
    const value = settings[field];
    if (value === undefined || value === null) continue;
    const row = { field, label: FIELDS[field].label, value: formatSetting(field, value) };
    const annotation = ANNOTATIONS[field];
    switch (sources[field]) {
      case 'measured':
        rows.push({ ...row, source: 'Measured', detail: measured.get(field)?.metric ?? 'measured' });
        break;
      case 'annotation': {
        const alongside = measuredAlongside(field, record);
        const drift = record.diagnostics.find(d => d.annotation === annotation && isDrift(d));
        rows.push({
          ...row,
          source: 'Stated',
          detail: annotation,
          ...(alongside !== undefined ? { measured: alongside } : {}),
          ...(drift ? { drift } : {}),
        });
        break;
      }
      case 'inferred':
      case 'default': {
        const a = assumed.get(field)!;
        rows.push({
          ...row,
          source: sources[field] === 'inferred' ? 'Inferred' : 'Default',
          detail: assumptionDetail(a),
        });
        break;
      }
      default:
        rows.push({ ...row, source: 'Derived', detail: derivedDetail(field, record) });
    }
  }
  return rows;
}

/**
 * Assumptions the engine made beyond the component's own settings (the sizing of a suggested target):
 * they are not inputs, but they are guesses a reader should see.
 */
export function engineAssumptions(record: ComponentRecord): Assumption[] {
  const own = record.assumptions;
  return (record.assessment?.assumptions ?? []).filter(
    a => !own.some(o => o.field === a.field && o.reason === a.reason),
  );
}
