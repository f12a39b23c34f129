import type {
  ComponentRecord,
  SuggestionRecord,
  TeamScorecard,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { Cell, csvLines, toCsv } from './csv';

const COMPONENT_COLUMNS = ['entityRef', 'title', 'owner', 'system', 'domain', 'executionModel', 'platform', 'monthlyCostLow', 'monthlyCostExpected', 'monthlyCostHigh', 'currency', 'breakEven', 'suggestion', 'diagnostics'];

/**
 * CSV exports: one row per component, team or suggestion, figures in the snapshot's currency. The
 * components arrive a chunk at a time (see SnapshotView.recordChunks) and only their rows are kept.
 */
export async function componentsCsv(chunks: AsyncIterable<ComponentRecord[]>): Promise<string> {
  const parts = [csvLines([COMPONENT_COLUMNS])];
  for await (const records of chunks) parts.push(csvLines(records.map(componentRow)));
  return parts.join('');
}

function componentRow(c: ComponentRecord): Cell[] {
  const a = c.assessment;
  return [
    c.entityRef,
    c.title,
    c.owner,
    c.system,
    c.domain,
    a?.executionModel,
    a?.platform,
    a?.monthlyCost.low,
    a?.monthlyCost.expected,
    a?.monthlyCost.high,
    a?.monthlyCost.currency,
    a?.breakEven.message,
    a?.suggestion?.title,
    c.diagnostics.map(d => `${d.annotation}: ${d.message}`).join('; '),
  ];
}

export function scorecardsCsv(items: TeamScorecard[]): string {
  return toCsv(
    ['groupRef', 'title', 'parent', 'score', 'level', 'directScore', 'components', 'directComponents', 'monthlyCost', 'bestMonthlyCost', 'potentialSavings', 'openSuggestions', 'postureRisks', 'inputCoverage', 'costEfficiency', 'postureRisksCheck', 'openSuggestionsCheck'],
    items.map(t => {
      const check = (id: string) => t.aggregated.checks.find(c => c.id === id)?.score;
      return [
        t.groupRef,
        t.title,
        t.parent,
        t.aggregated.score,
        t.aggregated.level,
        t.direct.score,
        t.aggregated.components,
        t.direct.components,
        t.aggregated.monthlyCost,
        t.aggregated.bestMonthlyCost,
        t.aggregated.potentialSavings,
        t.aggregated.openSuggestions,
        t.aggregated.postureRisks,
        check('input-coverage'),
        check('cost-efficiency'),
        check('posture-risks'),
        check('open-suggestions'),
      ];
    }),
  );
}

export function suggestionsCsv(items: SuggestionRecord[]): string {
  return toCsv(
    ['suggestionId', 'entityRef', 'owner', 'system', 'currentPlatform', 'targetPlatform', 'targetModel', 'currentMonthlyCost', 'savingsLow', 'savingsExpected', 'savingsHigh', 'currency', 'confidence', 'effort', 'risk', 'status', 'decidedBy', 'decidedAt', 'reason', 'snoozeUntil', 'title', 'reasons'],
    items.map(i => [
      i.suggestion.id,
      i.entityRef,
      i.owner,
      i.system,
      i.currentPlatform,
      i.suggestion.targetPlatform,
      i.suggestion.targetModel,
      i.currentMonthlyCost,
      i.suggestion.monthlySavings.low,
      i.suggestion.monthlySavings.expected,
      i.suggestion.monthlySavings.high,
      i.suggestion.monthlySavings.currency,
      i.suggestion.confidence,
      i.suggestion.effort,
      i.suggestion.risk,
      i.status,
      i.decision?.decidedBy,
      i.decision?.decidedAt,
      i.decision?.reason,
      i.decision?.snoozeUntil,
      i.suggestion.title,
      i.suggestion.reasons.join(' '),
    ]),
  );
}
