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
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { isNotFound } from './isNotFound';
import { NotAWorkload } from './NotAWorkload';
import { NotInSnapshot } from './NotInSnapshot';

/**
 * The states the card and the tab share: loading, not in the snapshot yet, failed, not a workload,
 * nothing to assess. Only an assessable component's response reaches `children`, so neither view can
 * render blank. The backend decides what is assessable: besides the component's own annotations it
 * reads what other plugins' annotations say (a Kubernetes id, a Lambda function name, …) and its type.
 */
export function AssessmentLoader({
  children,
}: {
  children: (response: ComponentResponse) => ReactNode;
}) {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(archTradeoffsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getComponent(entityRef),
    [api, entityRef],
  );

  if (loading) return <Progress />;
  if (error) {
    return isNotFound(error) ? (
      <NotInSnapshot />
    ) : (
      <ResponseErrorPanel error={error} />
    );
  }
  if (!value) return <NotInSnapshot />;
  const { component } = value;
  if (component.notApplicable) return <NotAWorkload reason={component.notApplicable} />;
  // Diagnostics of a malformed model or platform are the card's to show; a bare entity needs the keys.
  if (!component.assessable && component.diagnostics.length === 0) {
    return (
      <MissingAnnotationEmptyState
        annotation={[ANNOTATIONS.executionModel, ANNOTATIONS.platform]}
      />
    );
  }
  return <>{children(value)}</>;
}
