import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Assessor,
  ComponentRecord,
  parseArchAnnotations,
  ParseOptions,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { entityPages } from './catalogPages';
import type { GroupNode } from '../scorecards/computeScorecards';
import { assessRecord, ComponentInputs, relationCounts } from './assessRecord';

/** A component read for a refresh: what the snapshot stores, and the assessed record. */
export interface AssessedComponent {
  inputs: ComponentInputs;
  record: ComponentRecord;
}

const COMPONENT_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.system',
  'spec.type',
  'spec.lifecycle',
  'relations',
];
const GROUP_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.type',
  'spec.parent',
  'spec.profile.displayName',
];
const SYSTEM_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'spec.domain',
];

/**
 * Reads the catalog for a refresh: components (and the systems that place them in domains), each turned
 * into a {@link ComponentRecord} with its parsed settings, diagnostics and assessment; and the group
 * hierarchy that scorecards roll up through.
 */
export class ComponentReader {
  constructor(
    private readonly catalog: CatalogService,
    private readonly assess: Assessor,
    private readonly parseOptions: ParseOptions = {},
  ) {}

  /** Every component, assessed, a catalog page at a time (memory stays bounded by the page). */
  async *componentPages(
    credentials: BackstageCredentials,
  ): AsyncGenerator<AssessedComponent[]> {
    const domainBySystem = await this.readSystemDomains(credentials);
    for await (const page of entityPages(
      this.catalog,
      credentials,
      'Component',
      COMPONENT_FIELDS,
    )) {
      yield page.map(entity => {
        const inputs = {
          record: this.toRecord(entity, domainBySystem),
          relations: relationCounts(entity),
        };
        return { inputs, record: assessRecord(this.assess, inputs) };
      });
    }
  }

  /** Every group with its parent, for roll-ups. */
  async readGroups(credentials: BackstageCredentials): Promise<GroupNode[]> {
    const groups: GroupNode[] = [];
    for await (const page of entityPages(
      this.catalog,
      credentials,
      'Group',
      GROUP_FIELDS,
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
        });
      }
    }
    return groups;
  }

  private toRecord(
    entity: Entity,
    domainBySystem: Map<string, string>,
  ): Omit<ComponentRecord, 'assessment'> {
    const namespace = entity.metadata.namespace ?? 'default';
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    const owner = refOrUndefined(spec.owner, 'group', namespace);
    const system = refOrUndefined(spec.system, 'system', namespace);
    const parsed = parseArchAnnotations(
      entity.metadata.annotations,
      this.parseOptions,
    );
    return {
      entityRef: stringifyEntityRef(entity),
      namespace,
      name: entity.metadata.name,
      ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
      ...(owner ? { owner } : {}),
      ...(system ? { system } : {}),
      ...(system && domainBySystem.has(system)
        ? { domain: domainBySystem.get(system) }
        : {}),
      ...(typeof spec.type === 'string' ? { type: spec.type } : {}),
      ...(typeof spec.lifecycle === 'string'
        ? { lifecycle: spec.lifecycle }
        : {}),
      assessable: parsed.assessable,
      ...(parsed.settings ? { settings: parsed.settings } : {}),
      stated: parsed.stated,
      assumptions: parsed.assumptions,
      diagnostics: parsed.diagnostics,
    };
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
