import type { Entity } from '@backstage/catalog-model';
import type { StoredComponent } from '../database/SnapshotStore';
import type { ComponentInputs, DerivedFigures } from '../services/ComponentAssessor';

/**
 * The figures a snapshot keeps in columns beside a component's record, so that filters, the map and
 * scorecards never parse the record. The suggestion is kept as the JSON it is stored as.
 */
export function toStoredComponent(
  inputs: ComponentInputs,
  { parsed, figures, notApplicable }: DerivedFigures,
  permissionEntity: Entity,
): StoredComponent {
  const suggestion = figures?.suggestion ?? null;
  const owner = inputs.entity.owner;
  const errors = parsed.diagnostics.some(d => d.severity === 'error');
  // Measured even where a stated figure wins over the measurement: the source has its traffic.
  const trafficMeasured = inputs.usage?.status === 'measured';
  return {
    inputs,
    permissionEntity,
    applicable: !notApplicable,
    ...(owner ? { owner } : {}),
    annotated: parsed.assessable && !errors,
    measured: trafficMeasured,
    // Known model and real traffic: what the estimate needs beyond defaults.
    covered:
      parsed.assessable &&
      !errors &&
      (trafficMeasured || parsed.stated.some(f => f === 'monthlyRequests' || f === 'peakRps')),
    diagnosticCount: parsed.diagnostics.length,
    monthlyCost: figures ? figures.monthlyCost : null,
    bestMonthlyCost: figures ? figures.cheapestOnProvider : null,
    postureRisk: figures?.posture.flags.some(f => f.severity !== 'info') ?? false,
    suggestionId: suggestion?.id ?? null,
    savings: suggestion?.monthlySavings.expected ?? 0,
    suggestionJson: suggestion ? JSON.stringify(suggestion) : null,
    executionModel: figures?.executionModel ?? null,
    platform: figures?.platform ?? null,
  };
}
