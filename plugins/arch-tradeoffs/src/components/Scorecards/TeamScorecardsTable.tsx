import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useCallback } from 'react';
import { LoadedList } from '../LoadedList';
import type {
  ScorecardsResponse,
  TeamScorecard,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { formatCost } from '../../lib/format';
import { freshness } from '../SnapshotAge';
import { formatScore } from './formatScore';
import { rankScorecards } from './rankScorecards';
import { ScorecardChecksTable } from './ScorecardChecksTable';
import { ScoreLevelChip } from './ScoreLevelChip';

type Row = TeamScorecard & { rank: number; id: string };

function columns(currency: string): TableColumn<Row>[] {
  const money = (n: number) => formatCost(n, currency);
  // Figures never wrap; team names wrap between words only, and only when the table runs out of room.
  const figure = { whiteSpace: 'nowrap' } as const;
  return [
    {
      title: '#',
      field: 'rank',
      align: 'right',
      cellStyle: { ...figure, width: 40 },
      headerStyle: { width: 40 },
    },
    {
      title: 'Team',
      field: 'groupRef',
      cellStyle: { minWidth: 180, wordBreak: 'normal', overflowWrap: 'normal' },
      render: row => (
        <EntityRefLink
          entityRef={row.groupRef}
          defaultKind="group"
          title={row.title}
        />
      ),
    },
    {
      title: 'Level',
      cellStyle: figure,
      render: row => <ScoreLevelChip level={row.aggregated.level} />,
    },
    {
      title: 'Score',
      align: 'right',
      cellStyle: figure,
      render: row => <strong>{formatScore(row.aggregated.score)}</strong>,
    },
    {
      title: 'Direct score',
      align: 'right',
      cellStyle: figure,
      render: row => formatScore(row.direct.score),
    },
    {
      title: 'Components (direct / with child teams)',
      align: 'right',
      cellStyle: figure,
      render: row => `${row.direct.components} / ${row.aggregated.components}`,
    },
    {
      title: 'Monthly cost',
      align: 'right',
      cellStyle: figure,
      render: row => money(row.aggregated.monthlyCost),
    },
    {
      title: 'Potential savings',
      align: 'right',
      cellStyle: figure,
      render: row => money(row.aggregated.potentialSavings),
    },
    {
      title: 'Open suggestions',
      align: 'right',
      cellStyle: figure,
      render: row => String(row.aggregated.openSuggestions),
    },
  ];
}

function ChecksPanel({ row }: { row: Row }) {
  return (
    <Box px={4} py={2}>
      <Typography variant="subtitle2" gutterBottom>
        Checks behind {row.title ?? row.groupRef}'s score (with child teams)
      </Typography>
      <ScorecardChecksTable
        checks={row.aggregated.checks}
        label={`checks of ${row.groupRef}`}
      />
    </Box>
  );
}

/**
 * Every team ranked by its aggregated score (its own components plus its child teams'), with the
 * checks behind each score in an expandable panel.
 * @public
 */
export function TeamScorecardsTable() {
  const api = useApi(archTradeoffsApiRef);
  const load = useCallback(() => api.getScorecards(), [api]);
  const empty = {
    title: 'No team scorecards yet',
    description:
      'Scorecards cover the groups that own catalog components. They appear after the next scheduled refresh.',
  };
  return (
    <LoadedList load={load} empty={empty}>
      {value => <ScorecardsTableView value={value} />}
    </LoadedList>
  );
}

function ScorecardsTableView({ value }: { value: ScorecardsResponse }) {
  const rows: Row[] = rankScorecards(value.items).map((item, i) => ({
    ...item,
    rank: i + 1,
    id: item.groupRef,
  }));
  return (
    <Table<Row>
      title="Team scorecards"
      subtitle={`Ranked by score with child teams · ${freshness(value.snapshot)}`}
      columns={columns(value.currency)}
      data={rows}
      options={{
        paging: rows.length > 20,
        pageSize: 20,
        search: true,
        padding: 'dense',
        sorting: false,
      }}
      detailPanel={[
        {
          tooltip: 'Show checks',
          render: ({ rowData }) => <ChecksPanel row={rowData} />,
        },
      ]}
    />
  );
}
