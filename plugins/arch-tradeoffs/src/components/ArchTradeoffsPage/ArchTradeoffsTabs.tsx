import { ComponentType } from 'react';
import { useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { ComponentsTab } from './ComponentsTab';
import { MigrationPlanner } from '../MigrationPlanner';
import { OrgMap } from '../OrgMap';
import { TeamScorecardsTable } from '../Scorecards';

const TABS: { id: string; label: string; Panel: ComponentType }[] = [
  { id: 'map', label: 'Map', Panel: OrgMap },
  { id: 'scorecards', label: 'Scorecards', Panel: TeamScorecardsTable },
  { id: 'planner', label: 'Migration planner', Panel: MigrationPlanner },
  { id: 'components', label: 'Components', Panel: ComponentsTab },
];

/**
 * Plain MUI tabs rather than a routed TabbedLayout, so the same body works under the legacy page and
 * the new system's PageBlueprint. The tab lives in `?tab=`, so a reload or a shared link keeps it.
 * Only the selected panel is mounted: each loads its own data when first shown.
 */
export function ArchTradeoffsTabs() {
  const [params, setParams] = useSearchParams();
  const current = TABS.find(t => t.id === params.get('tab')) ?? TABS[0];

  const select = (id: string) =>
    setParams(previous => {
      const next = new URLSearchParams(previous);
      if (id === TABS[0].id) next.delete('tab');
      else next.set('tab', id);
      return next;
    });

  return (
    <>
      <Tabs
        value={current.id}
        onChange={(_, id: string) => select(id)}
        indicatorColor="primary"
        textColor="primary"
        aria-label="Architecture trade-offs views"
      >
        {TABS.map(t => (
          <Tab
            key={t.id}
            value={t.id}
            label={t.label}
            id={`arch-tradeoffs-tab-${t.id}`}
            aria-controls={`arch-tradeoffs-panel-${t.id}`}
          />
        ))}
      </Tabs>
      <Box
        pt={2}
        role="tabpanel"
        id={`arch-tradeoffs-panel-${current.id}`}
        aria-labelledby={`arch-tradeoffs-tab-${current.id}`}
      >
        <current.Panel />
      </Box>
    </>
  );
}
