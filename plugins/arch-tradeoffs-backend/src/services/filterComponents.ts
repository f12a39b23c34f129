import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { ComponentRecord } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

export interface ComponentFilter {
  owner?: string;
  system?: string;
  domain?: string;
  model?: 'always-on' | 'on-demand' | 'unannotated';
  platform?: string;
}

/** Filters accept shorthand refs (`payments-team`) as well as full ones (`group:default/payments-team`). */
function normalise(ref: string, defaultKind: string) {
  try {
    return stringifyEntityRef(parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }));
  } catch {
    return ref;
  }
}

/** A predicate for the filter, with its refs normalised once rather than per record. */
export function componentMatcher(
  filter: ComponentFilter,
): (record: ComponentRecord) => boolean {
  const owner = filter.owner && normalise(filter.owner, 'group');
  const system = filter.system && normalise(filter.system, 'system');
  const domain = filter.domain && normalise(filter.domain, 'domain');
  return (r: ComponentRecord) =>
      (!owner || r.owner === owner) &&
      (!system || r.system === system) &&
      (!domain || r.domain === domain) &&
      (!filter.platform || r.settings?.platform === filter.platform) &&
      (!filter.model ||
        (filter.model === 'unannotated'
          ? !r.assessable
          : r.settings?.executionModel === filter.model));
}
