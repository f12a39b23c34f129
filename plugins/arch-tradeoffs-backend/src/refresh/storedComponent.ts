import type { Entity } from '@backstage/catalog-model';
import { Assessment, PLATFORM_TRAITS } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type { StoredComponent } from '../database/SnapshotStore';
import type { ComponentInputs, Derived } from '../services/ComponentAssessor';

/**
 * The figures a snapshot keeps in columns beside a component's record, so that filters, the map and
 * scorecards never parse the record.
 *
 * Nothing returned refers to the assessment, so it is garbage as soon as this returns. In particular
 * the suggestion is kept as the JSON it is stored as: the engine's suggestion writes its reasons on
 * first read and holds on to the assessment until then, so the object itself would keep every
 * assessment of a page alive until the page is written (at 50,000 components, ~180 MB promoted to
 * the old generation per refresh).
 */
export function toStoredComponent(
  inputs: ComponentInputs,
  { parsed, assessment, notApplicable }: Derived,
  permissionEntity: Entity,
): StoredComponent {
  const suggestion = assessment?.suggestion ?? null;
  const monthlyCost = assessment ? assessment.monthlyCost.expected : null;
  const bestMonthlyCost = assessment ? cheapestOnSameProvider(assessment) : null;
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
    monthlyCost,
    bestMonthlyCost,
    postureRisk:
      assessment?.posture.flags.some(f => f.severity !== 'info') ?? false,
    suggestionId: suggestion?.id ?? null,
    savings: suggestion?.monthlySavings.expected ?? 0,
    suggestionJson: suggestion ? JSON.stringify(suggestion) : null,
    executionModel: assessment?.executionModel ?? null,
    platform: assessment?.platform ?? null,
  };
}

/**
 * The cheapest feasible option on the component's own provider, the current platform included: the
 * yardstick of the scorecards' cost efficiency. Other providers are left out, as the engine's
 * suggestions leave them out: moving cloud is rarely a cost decision.
 */
function cheapestOnSameProvider(assessment: Assessment): number {
  const provider = PLATFORM_TRAITS[assessment.platform].provider;
  let best = assessment.monthlyCost.expected;
  for (const alternative of assessment.alternatives) {
    // The provider first: the engine prices an alternative when it is first read, and the other
    // providers' are not needed here.
    if (
      PLATFORM_TRAITS[alternative.platform].provider === provider &&
      alternative.feasible &&
      alternative.monthlyCost
    ) {
      best = Math.min(best, alternative.monthlyCost.expected);
    }
  }
  return best;
}
