import { useMemo, useState } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import {
  costCurves,
  estimateWhatIf,
  PLATFORM_LABELS,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost, formatCostRange } from '../../lib/format';
import { DiagnosticsList } from '../ComponentsTable/DiagnosticsList';
import { CostSummary } from '../EntityAssessment/CostSummary';
import { bestAlternative } from './bestAlternative';
import { CostCurveChart } from './CostCurveChart';
import { useWhatIfEngine } from './useWhatIfEngine';
import {
  initialInputs,
  whatIfAnnotations,
  WhatIfInputs,
} from './whatIfAnnotations';
import { WhatIfControls } from './WhatIfControls';

export interface WhatIfPanelProps {
  entityRef: string;
  /** The entity's annotations; the panel's values are written over them. */
  annotations: Record<string, string>;
  /** Chart height in px. */
  chartHeight?: number;
}

/**
 * Move traffic, duration, memory and platform and watch the estimate and both cost curves follow.
 * Everything is computed in the browser with the shared engine, so it answers instantly and matches
 * what the backend would store for those annotations.
 * @public
 */
export function WhatIfPanel({
  entityRef,
  annotations,
  chartHeight,
}: WhatIfPanelProps) {
  const { engine, error } = useWhatIfEngine();
  // The component as it is: its annotations read as the backend reads them (own keys over what other
  // plugins' annotations imply, then the configured defaults).
  const baseline = useMemo(
    () =>
      engine ? estimateWhatIf({ entityRef, annotations }, engine).parsed : undefined,
    [engine, entityRef, annotations],
  );
  const [inputs, setInputs] = useState<WhatIfInputs | undefined>(undefined);
  const start = useMemo(
    () => (baseline?.settings ? initialInputs(baseline.settings) : undefined),
    [baseline],
  );
  const current = inputs ?? start;

  // The same function as `POST /v1/estimate`, on the annotations with the panel's values written over.
  const whatIf = useMemo(
    () =>
      engine && baseline?.settings && current
        ? estimateWhatIf(
            {
              entityRef,
              annotations: whatIfAnnotations(annotations, baseline.settings, current),
            },
            engine,
          )
        : undefined,
    [engine, baseline, annotations, current, entityRef],
  );
  const parsed = whatIf?.parsed;
  const assessment = whatIf?.assessment ?? null;
  const curves = useMemo(
    () =>
      engine && parsed && assessment
        ? costCurves(parsed, assessment, engine.priceBook)
        : undefined,
    [engine, parsed, assessment],
  );

  if (error)
    return (
      <ResponseErrorPanel
        title="The what-if cannot run: invalid pricing configuration"
        error={error}
      />
    );
  if (!current || !assessment || !parsed?.settings) {
    return (
      <InfoCard title="What-if">
        <Typography variant="body2">
          The what-if needs an assessable component (an execution model or a
          platform annotation).
        </Typography>
      </InfoCard>
    );
  }

  const currency = assessment.monthlyCost.currency;
  const best = bestAlternative(assessment);
  return (
    <InfoCard
      title="What-if"
      subheader="Computed in your browser with the same engine and prices as the stored estimate"
      action={
        <Button
          size="small"
          onClick={() => setInputs(undefined)}
          disabled={!inputs}
        >
          Reset
        </Button>
      }
    >
      <WhatIfControls inputs={current} onChange={setInputs} />
      <Grid container spacing={3} style={{ marginTop: 8 }}>
        <Grid item xs={12} md={4}>
          <CostSummary
            cost={assessment.monthlyCost}
            label={`What-if cost on ${PLATFORM_LABELS[assessment.platform]}`}
          />
        </Grid>
        <Grid item xs={12} md={4}>
          <Typography variant="overline" color="textSecondary">
            Best alternative
          </Typography>
          {best ? (
            <>
              <Typography
                variant="h4"
                component="p"
                aria-label="Best alternative cost"
              >
                {formatCost(best.monthlyCost.expected, currency)}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                {PLATFORM_LABELS[best.platform]} ({best.executionModel}), range{' '}
                {formatCostRange(
                  best.monthlyCost.low,
                  best.monthlyCost.high,
                  currency,
                )}
              </Typography>
            </>
          ) : (
            <Typography variant="body2">
              No feasible alternative at these values.
            </Typography>
          )}
        </Grid>
        <Grid item xs={12} md={4}>
          <Typography variant="overline" color="textSecondary">
            Break-even
          </Typography>
          <Typography variant="body2" aria-label="What-if break-even">
            {assessment.breakEven.message}
          </Typography>
        </Grid>
        {assessment.diagnostics.length > 0 && (
          <Grid item xs={12}>
            <DiagnosticsList diagnostics={assessment.diagnostics} />
          </Grid>
        )}
        {curves && curves.points.length > 0 && (
          <Grid item xs={12}>
            <CostCurveChart
              points={curves.points}
              currency={currency}
              current={assessment.platform}
              against={curves.against}
              requests={parsed.settings.monthlyRequests}
              breakEvenRequests={assessment.breakEven.monthlyRequests}
              height={chartHeight}
            />
          </Grid>
        )}
      </Grid>
    </InfoCard>
  );
}
