import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_INFERENCE,
  InferenceOptions,
  inferenceAnnotations,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { entityPages } from './catalogPages';
import type { GroupNode } from '../scorecards/computeScorecards';
import {
  CatalogFacts,
  annotationsRead,
  ComponentInputs,
  relationCounts,
} from './ComponentAssessor';

/**
 * Components and groups are read whole but for `status`: the snapshot keeps each as the catalog's
 * permission rules read it (see permissions/ReadAccess.ts and `permissionEntity`). HAS_METADATA and
 * HAS_SPEC may name any field, and a field left out would answer a `not` condition differently from
 * the catalog, showing an entity the catalog hides.
 */
const ENTITY_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec', 'relations'];

/**
 * What the catalog's own rules read of an entity: its kind, metadata and spec (HAS_METADATA and HAS_SPEC
 * may name a field), and its owners (IS_ENTITY_OWNER). Other relations (a third of a component's JSON)
 * are left out; a policy with other rules is answered by the catalog itself.
 */
export function permissionEntity(entity: Entity): Entity {
  return {
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata: entity.metadata,
    ...(entity.spec ? { spec: entity.spec } : {}),
    relations: (entity.relations ?? []).filter(r => r.type === RELATION_OWNED_BY),
  };
}
const SYSTEM_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'spec.domain',
];

/** A component as a refresh reads it: its inputs, and the entity the permission rules are applied to. */
export interface CatalogComponent {
  inputs: ComponentInputs;
  permissionEntity: Entity;
}

/** A group as a refresh reads it: its place in the hierarchy, and the entity for the permission rules. */
export interface CatalogGroup extends GroupNode {
  permissionEntity: Entity;
}

/**
 * Reads the catalog for a refresh: components (and the systems that place them in domains), each
 * reduced to the {@link ComponentInputs} a snapshot stores; and the group hierarchy that scorecards
 * roll up through.
 */
export class ComponentReader {
  /** The other plugins' annotations the inference rules read, kept with the component's own. */
  private readonly inferenceKeys: ReadonlySet<string>;

  constructor(
    private readonly catalog: CatalogService,
    inference: InferenceOptions = DEFAULT_INFERENCE,
  ) {
    this.inferenceKeys = new Set(inferenceAnnotations(inference));
  }

  /**
   * Every component's inputs, a catalog page at a time (memory stays bounded by the page). Assessing
   * is left to the caller, one component at a time, so that no page of assessments is ever held.
   */
  async *componentPages(
    credentials: BackstageCredentials,
  ): AsyncGenerator<CatalogComponent[]> {
    const domainBySystem = await this.readSystemDomains(credentials);
    for await (const page of entityPages(
      this.catalog,
      credentials,
      'Component',
      ENTITY_FIELDS,
    )) {
      yield page.map(entity => ({
        inputs: {
          entity: catalogFacts(entity, domainBySystem),
          annotations: annotationsRead(entity.metadata.annotations, this.inferenceKeys),
          relations: relationCounts(entity),
        },
        permissionEntity: permissionEntity(entity),
      }));
    }
  }

  /** Every group with its parent, for roll-ups. */
  async readGroups(credentials: BackstageCredentials): Promise<CatalogGroup[]> {
    const groups: CatalogGroup[] = [];
    for await (const page of entityPages(
      this.catalog,
      credentials,
      'Group',
      ENTITY_FIELDS,
    )) {
      for (const group of page) {
        const namespace = group.metadata.namespace ?? 'default';
        const spec = (group.spec ?? {}) as {
          type?: unknown;
          parent?: unknown;
          profile?: { displayName?: unknown };
        };
        const parent = refOrUndefined(spec.parent, 'group', namespace);
        const title = group.metadata.title ?? spec.profile?.displayName;
        groups.push({
          groupRef: stringifyEntityRef(group),
          ...(typeof title === 'string' ? { title } : {}),
          ...(typeof spec.type === 'string' ? { type: spec.type } : {}),
          ...(parent ? { parent } : {}),
          permissionEntity: permissionEntity(group),
        });
      }
    }
    return groups;
  }

  private async readSystemDomains(credentials: BackstageCredentials) {
    const domainBySystem = new Map<string, string>();
    for await (const page of entityPages(
      this.catalog,
      credentials,
      'System',
      SYSTEM_FIELDS,
    )) {
      for (const system of page) {
        const namespace = system.metadata.namespace ?? 'default';
        const domain = refOrUndefined(system.spec?.domain, 'domain', namespace);
        if (domain) domainBySystem.set(stringifyEntityRef(system), domain);
      }
    }
    return domainBySystem;
  }
}

function catalogFacts(entity: Entity, domainBySystem: Map<string, string>): CatalogFacts {
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const owner = refOrUndefined(spec.owner, 'group', namespace);
  const system = refOrUndefined(spec.system, 'system', namespace);
  const domain = system ? domainBySystem.get(system) : undefined;
  return {
    entityRef: stringifyEntityRef(entity),
    namespace,
    name: entity.metadata.name,
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    ...(owner ? { owner } : {}),
    ...(system ? { system } : {}),
    ...(domain ? { domain } : {}),
    ...(typeof spec.type === 'string' ? { type: spec.type } : {}),
    ...(typeof spec.lifecycle === 'string' ? { lifecycle: spec.lifecycle } : {}),
  };
}

/** Catalog refs may be shorthand (`team-a`); normalise them so filters compare like with like. */
function refOrUndefined(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
) {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined; // the catalog validates refs; an unparsable one simply has no owner/system here
  }
}
