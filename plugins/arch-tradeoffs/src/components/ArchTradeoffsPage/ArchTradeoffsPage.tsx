import { Content, Header, Page } from '@backstage/core-components';
import { ArchTradeoffsTabs } from './ArchTradeoffsTabs';

/**
 * The page body, without a header: the new frontend system's PageBlueprint draws the header itself.
 * `Content` gives the tabs and panels the usual page padding (and only here, so the legacy page below
 * does not pad twice).
 */
export function ArchTradeoffsContent() {
  return (
    <Content>
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
