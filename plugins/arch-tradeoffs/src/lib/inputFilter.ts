import type {
  ComponentRecord,
  ComponentSummary,
  InputFilter,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/**
 * The "Inputs" filter of the map and the Components tab, one vocabulary for both: traffic measured by
 * the usage source, or estimated (stated by hand, inferred or defaulted). Components that are not
 * workloads are neither.
 */

export const INPUT_FILTERS: InputFilter[] = ['measured', 'estimated'];

export const INPUT_LABELS: Record<InputFilter, string> = {
  measured: 'Measured',
  estimated: 'Estimated',
};

/** The `input` URL parameter as a filter; anything else (absent, misspelt) is no filter. */
export function parseInputFilter(value: string | null | undefined): InputFilter | undefined {
  return INPUT_FILTERS.find(f => f === value);
}

/** Where a map row's traffic came from; undefined for a component that is not a workload. */
export function summaryInput(c: ComponentSummary): InputFilter | undefined {
  if (c.notApplicable) return undefined;
  return c.measured ? 'measured' : 'estimated';
}

/**
 * Where a record's traffic came from: measured when the usage source read its request rate (a record
 * carries the measurement, not the summary's flag).
 */
export function recordInput(r: ComponentRecord): InputFilter | undefined {
  if (r.notApplicable) return undefined;
  if (r.usage?.status !== 'measured') return 'estimated';
  const { figures } = r.usage.measurement;
  return figures.monthlyRequests || figures.peakRps ? 'measured' : 'estimated';
}
