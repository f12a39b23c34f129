import type { ReactNode } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import {
  ANNOTATIONS,
  ComponentResponse,
  isArchTradeoffsAvailable,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { isNotFound } from './isNotFound';
import { NotInSnapshot } from './NotInSnapshot';

/**
 * The states the card and the tab share: no annotations, loading, not assessed yet, failed. Only a
 * loaded response reaches `children`, so neither view can render blank.
 */
export function AssessmentLoader({
  children,
}: {
  children: (response: ComponentResponse) => ReactNode;
}) {
  const { entity } = useEntity();
  const available = isArchTradeoffsAvailable(entity);
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(archTradeoffsApiRef);
  const { value, loading, error } = useAsync(
    async () => (available ? api.getComponent(entityRef) : undefined),
    [api, entityRef, available],
  );

  if (!available) {
    return (
      <MissingAnnotationEmptyState
        annotation={[ANNOTATIONS.executionModel, ANNOTATIONS.platform]}
      />
    );
  }
  if (loading) return <Progress />;
  if (error) {
    return isNotFound(error) ? (
      <NotInSnapshot />
    ) : (
      <ResponseErrorPanel error={error} />
    );
  }
  if (!value) return <NotInSnapshot />;
  return <>{children(value)}</>;
}
