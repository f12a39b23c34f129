import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import type { ComponentResponse } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { DiagnosticsList } from '../ComponentsTable/DiagnosticsList';
import { AssessmentLoader } from './AssessmentLoader';
import { CostSummary } from './CostSummary';
import { ModelAndPlatform } from './ModelAndPlatform';
import { PostureFlagsList } from './PostureFlagsList';
import { Section } from './Section';
import { SnapshotAge } from '../SnapshotAge';
import { SuggestionSummary } from './SuggestionSummary';

const TITLE = 'Architecture trade-offs';
/** The card is an overview: the rest of the flags are on the tab. */
const TOP_FLAGS = 3;

function CardBody({ response }: { response: ComponentResponse }) {
  const { component, decision, snapshot } = response;
  const assessment = component.assessment;
  const hasDiagnostics = component.diagnostics.length > 0;
  return (
    <>
      {/* Diagnostics first: a malformed annotation means the figures below rest on defaults. */}
      {hasDiagnostics && (
        <Section title="Annotation problems">
          <DiagnosticsList diagnostics={component.diagnostics} />
        </Section>
      )}
      {assessment ? (
        <>
          {/* Sections space themselves from what is above; the model line needs it after diagnostics. */}
          <Box mt={hasDiagnostics ? 2 : 0}>
            <ModelAndPlatform assessment={assessment} />
          </Box>
          <Section title="Cost">
            <CostSummary cost={assessment.monthlyCost} />
          </Section>
          {assessment.suggestion && (
            <Section title="Suggestion">
              <SuggestionSummary
                suggestion={assessment.suggestion}
                decision={decision}
              />
            </Section>
          )}
          <Section title="Break-even">
            <Typography variant="body2">
              {assessment.breakEven.message}
            </Typography>
          </Section>
          <Section title="Scaling posture">
            <PostureFlagsList
              flags={assessment.posture.flags}
              limit={TOP_FLAGS}
            />
          </Section>
        </>
      ) : (
        <Typography variant="body2">
          No estimate: the annotations do not describe a workload that can be
          priced.
        </Typography>
      )}
      <Section title="Freshness">
        <SnapshotAge snapshot={snapshot} />
      </Section>
    </>
  );
}

/**
 * Overview card for a Component page: model, platform, monthly cost, the suggestion, break-even and
 * the worst posture flags, from the backend's latest snapshot.
 * @public
 */
export function EntityArchTradeoffsCard() {
  return (
    <InfoCard title={TITLE}>
      <AssessmentLoader>
        {response => <CardBody response={response} />}
      </AssessmentLoader>
    </InfoCard>
  );
}
