import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { ComponentResponse } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { DiagnosticsList } from '../ComponentsTable/DiagnosticsList';
import { WhatIfPanel } from '../WhatIf';
import { AlternativesTable } from './AlternativesTable';
import { AssessmentLoader } from './AssessmentLoader';
import { CostBreakdownTable } from './CostBreakdownTable';
import { CostSummary } from './CostSummary';
import { InputsCard } from './InputsCard';
import { isDrift } from './inputRows';
import { ModelAndPlatform } from './ModelAndPlatform';
import { PostureDetails } from './PostureDetails';
import { SnapshotAge } from '../SnapshotAge';
import { SuggestionSummary } from './SuggestionSummary';
import { DecisionNote } from './DecisionNote';

function FullAssessment({ response }: { response: ComponentResponse }) {
  const { entity } = useEntity();
  const { component, decision, snapshot } = response;
  const assessment = component.assessment;
  // Drift is shown with the inputs it concerns; listing it here as well would say it twice.
  const problems = assessment
    ? component.diagnostics.filter(d => !isDrift(d))
    : component.diagnostics;
  const diagnostics = (
    <InfoCard
      title="Diagnostics"
      subheader="Problems found in this component's annotations"
    >
      <DiagnosticsList diagnostics={problems} />
    </InfoCard>
  );
  if (!assessment) {
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          {diagnostics}
        </Grid>
      </Grid>
    );
  }
  const currency = assessment.monthlyCost.currency;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Architecture trade-offs">
          <ModelAndPlatform assessment={assessment} />
          <CostSummary cost={assessment.monthlyCost} />
          <SnapshotAge snapshot={snapshot} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Migration suggestion">
          {assessment.suggestion ? (
            <SuggestionSummary
              suggestion={assessment.suggestion}
              decision={decision}
            />
          ) : (
            <>
              <Typography variant="body2">
                No migration suggested: the current model fits this workload.
              </Typography>
              {decision && <DecisionNote decision={decision} />}
            </>
          )}
        </InfoCard>
      </Grid>
      {problems.length > 0 && (
        <Grid item xs={12}>
          {diagnostics}
        </Grid>
      )}
      <Grid item xs={12}>
        <InputsCard component={component} />
      </Grid>
      <Grid item xs={12}>
        <CostBreakdownTable cost={assessment.monthlyCost} />
      </Grid>
      <Grid item xs={12}>
        <AlternativesTable
          alternatives={assessment.alternatives}
          currency={currency}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Break-even">
          <Typography variant="body2">
            {assessment.breakEven.message}
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Scaling posture">
          <PostureDetails posture={assessment.posture} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <WhatIfPanel
          entityRef={stringifyEntityRef(entity)}
          annotations={entity.metadata.annotations ?? {}}
        />
      </Grid>
    </Grid>
  );
}

/**
 * The Component page tab: the full assessment (inputs and where they came from, breakdown,
 * alternatives, break-even, posture, diagnostics, suggestion and its decision) and the what-if panel.
 * @public
 */
export function EntityArchTradeoffsContent() {
  return (
    <AssessmentLoader>
      {response => <FullAssessment response={response} />}
    </AssessmentLoader>
  );
}
