import { makeStyles } from '@material-ui/core/styles';
import { Content, Header, Page } from '@backstage/core-components';
import { ArchTradeoffsTabs } from './ArchTradeoffsTabs';

// The tabs sit right under the page header, as Backstage's own tabbed pages do: Content's top padding
// would open a gap between them (under the new system's header, on top of the header's own margin).
const useStyles = makeStyles({ flushTop: { paddingTop: 0 } });

/**
 * The page body, without a header: the new frontend system's PageBlueprint draws the header itself.
 * `Content` gives the tabs and panels the usual page padding (and only here, so the legacy page below
 * does not pad twice).
 */
export function ArchTradeoffsContent() {
  const classes = useStyles();
  return (
    <Content className={classes.flushTop}>
      <ArchTradeoffsTabs />
    </Content>
  );
}

/** The full page for apps on the legacy frontend system. */
export function ArchTradeoffsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Architecture trade-offs"
        subtitle="Which components run always-on, which on demand, and what it costs"
      />
      <ArchTradeoffsContent />
    </Page>
  );
}
