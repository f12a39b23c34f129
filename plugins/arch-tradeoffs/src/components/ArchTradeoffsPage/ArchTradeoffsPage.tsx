import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { ComponentsTable } from '../ComponentsTable';

/** The page body, without a header: the new frontend system draws the header itself. */
export function ArchTradeoffsContent() {
  const api = useApi(archTradeoffsApiRef);
  const { value, loading, error } = useAsync(() => api.getComponents(), [api]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No components in the catalog"
        description="arch-tradeoffs assesses catalog entities of kind Component. Register some, and annotate them with arch-tradeoffs.io/execution-model or arch-tradeoffs.io/platform."
      />
    );
  }
  return <ComponentsTable components={value.items} />;
}

/** The full page for apps on the legacy frontend system. */
export function ArchTradeoffsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Architecture trade-offs"
        subtitle="Which components run always-on, which on demand, and what it costs"
      />
      <Content>
        <ArchTradeoffsContent />
      </Content>
    </Page>
  );
}
