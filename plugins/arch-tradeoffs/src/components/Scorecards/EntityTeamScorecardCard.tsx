import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import type { ScorecardResponse } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { isNotFound } from '../EntityAssessment/isNotFound';
import { SnapshotAge } from '../SnapshotAge';
import { Section } from '../EntityAssessment/Section';
import { formatScore } from './formatScore';
import { ScorecardChecksTable } from './ScorecardChecksTable';
import { ScorecardFiguresTable } from './ScorecardFiguresTable';
import { ScoreLevelChip } from './ScoreLevelChip';
import { ScoreTrend } from './ScoreTrend';

function Scorecard({ response }: { response: ScorecardResponse }) {
  const { scorecard, currency, snapshot } = response;
  const { aggregated, direct, children } = scorecard;
  return (
    <>
      <Box display="flex" alignItems="center" gridGap={12}>
        <Typography variant="h3" component="p" aria-label="aggregated score">
          {formatScore(aggregated.score)}
        </Typography>
        <ScoreLevelChip level={aggregated.level} />
        <Typography variant="body2" color="textSecondary">
          {children.length > 0
            ? `including ${children.length} child team${children.length === 1 ? '' : 's'}; own components score ${formatScore(direct.score)}`
            : 'from the team’s own components'}
        </Typography>
      </Box>
      <Section title="Checks">
        <ScorecardChecksTable checks={aggregated.checks} />
      </Section>
      <Section title="Direct and with child teams">
        <ScorecardFiguresTable
          direct={direct}
          aggregated={aggregated}
          currency={currency}
        />
      </Section>
      <Section title="Trend">
        <ScoreTrend groupRef={scorecard.groupRef} />
      </Section>
      <Section title="Freshness">
        <SnapshotAge snapshot={snapshot} />
      </Section>
    </>
  );
}

/**
 * Group page card: the team's architecture score and level rolled up through its child teams, the
 * checks behind it, direct vs aggregated figures and the trend across snapshots.
 * @public
 */
export function EntityTeamScorecardCard() {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const api = useApi(archTradeoffsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getScorecard(groupRef),
    [api, groupRef],
  );

  let body;
  if (loading) body = <Progress />;
  else if (error && !isNotFound(error))
    body = <ResponseErrorPanel error={error} />;
  else if (!value) {
    body = (
      <EmptyState
        missing="data"
        title="No scorecard for this group yet"
        description="A group gets a scorecard once it, or one of its child teams, owns a catalog component and a refresh has run."
      />
    );
  } else body = <Scorecard response={value} />;
  return <InfoCard title="Architecture scorecard">{body}</InfoCard>;
}
