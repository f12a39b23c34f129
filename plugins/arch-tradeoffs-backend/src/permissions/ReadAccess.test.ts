import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult, PolicyDecision } from '@backstage/plugin-permission-common';
import { permissionEntity } from '../services/ComponentReader';
import { ReadAccess } from './ReadAccess';

function component(name: string, extra: { owner?: string; labels?: Record<string, string>; annotations?: Record<string, string> } = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      namespace: 'default',
      name,
      uid: `uid-${name}`,
      etag: 'e',
      ...(extra.labels ? { labels: extra.labels } : {}),
      ...(extra.annotations ? { annotations: extra.annotations } : {}),
    },
    spec: { type: 'service', owner: extra.owner ?? 'nobody' },
    relations: [
      ...(extra.owner ? [{ type: 'ownedBy', targetRef: `group:default/${extra.owner}` }] : []),
      { type: 'dependsOn', targetRef: 'resource:default/db' },
    ],
  };
}

const entities = [
  component('a', { owner: 'team-a', labels: { tier: 'gold' } }),
  component('b', { owner: 'team-b', annotations: { 'acme.com/secret': 'yes' } }),
  component('c', { owner: 'team-a' }),
];
const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { namespace: 'default', name: 'team-a' },
  spec: { type: 'team', children: [] },
};
const refs = ['component:default/a', 'component:default/b', 'component:default/c', 'component:default/d'];
/** The index of a snapshot with a, b, c (stored with their entities) and d (stored before entities were kept). */
const index = { snapshotId: 1, size: refs.length, positionOf: (ref: string) => refs.indexOf(ref) >= 0 ? refs.indexOf(ref) : undefined };

function accessWith(read: PolicyDecision) {
  const reads: number[] = [];
  const access = new ReadAccess({
    permissions: mockServices.permissions.mock({ authorizeConditional: async () => [read] }),
    catalog: catalogServiceMock({ entities: [] }),
    logger: mockServices.logger.mock(),
    entities: {
      async *permissionEntities(snapshotId) {
        reads.push(snapshotId);
        for (const e of entities) yield { entityRef: `component:default/${e.metadata.name}`, entity: permissionEntity(e) };
        yield { entityRef: 'component:default/d', entity: null };
        yield { entityRef: 'group:default/team-a', entity: permissionEntity(group) };
      },
    },
  });
  return { access, reads };
}

const conditional = (conditions: Parameters<typeof createCatalogConditionalDecision>[1]) =>
  createCatalogConditionalDecision(catalogEntityReadPermission, conditions);
const seen = async (read: PolicyDecision) => {
  const scope = await accessWith(read).access.scope({} as any, index);
  return refs.filter((_, i) => scope.seesComponent(i)).map(r => r.split('/')[1]);
};

describe('ReadAccess', () => {
  it('applies the catalog’s own rules to the stored entities', async () => {
    expect(await seen(conditional(catalogConditions.isEntityOwner({ claims: ['group:default/team-a'] })))).toEqual(['a', 'c']);
    expect(await seen(conditional(catalogConditions.hasLabel({ label: 'tier', value: 'gold' })))).toEqual(['a']);
    expect(await seen(conditional({ not: catalogConditions.hasAnnotation({ annotation: 'acme.com/secret' }) }))).toEqual(['a', 'c']);
    expect(await seen(conditional(catalogConditions.isEntityKind({ kinds: ['group'] })))).toEqual([]);
    expect(await seen(conditional({ anyOf: [catalogConditions.hasSpec({ key: 'owner', value: 'team-b' }), catalogConditions.hasMetadata({ key: 'name', value: 'c' })] }))).toEqual(['b', 'c']);
  });

  it('refuses conditions whose parameters the rule does not accept, rather than guess', async () => {
    const bad: PolicyDecision = {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: { rule: 'IS_ENTITY_OWNER', resourceType: 'catalog-entity', params: { claims: 'group:default/team-a' } },
    };
    await expect(accessWith(bad).access.scope({} as any, index)).rejects.toThrow(/IS_ENTITY_OWNER are invalid/);
  });

  it('hides a component stored before entities were kept, whatever the conditions say', async () => {
    const everything = conditional({ not: catalogConditions.hasAnnotation({ annotation: 'nobody/has-this' }) });
    const scope = await accessWith(everything).access.scope({} as any, index);
    expect(scope.seesComponent(3)).toBe(false);
    expect(scope.complete).toBe(false);
  });

  it('answers ALLOW and DENY without reading the snapshot', async () => {
    const allow = accessWith({ result: AuthorizeResult.ALLOW });
    expect(await allow.access.scope({} as any, index)).toMatchObject({ complete: true, key: 'all' });
    const deny = accessWith({ result: AuthorizeResult.DENY });
    const none = await deny.access.scope({} as any, index);
    expect(refs.some((_, i) => none.seesComponent(i))).toBe(false);
    expect(none.seesGroup('group:default/team-a')).toBe(false);
    expect([...allow.reads, ...deny.reads]).toEqual([]);
  });

  it('applies one set of conditions once per snapshot, and again for a new snapshot', async () => {
    const read = conditional(catalogConditions.isEntityOwner({ claims: ['group:default/team-a'] }));
    const { access, reads } = accessWith(read);
    const first = await access.scope({} as any, index);
    const second = await access.scope({} as any, index);
    expect(second).toBe(first);
    expect(first.key).toBe(JSON.stringify(read.conditions));
    expect(first.seesGroup('group:default/team-a')).toBe(false);
    await access.scope({} as any, { ...index, snapshotId: 2 });
    expect(reads).toEqual([1, 2]);
  });

  it('keeps what the rules read of an entity, and its owners of all its relations', () => {
    const kept = permissionEntity(entities[0]);
    expect(kept.relations).toEqual([{ type: 'ownedBy', targetRef: 'group:default/team-a' }]);
    expect(kept.metadata).toEqual(entities[0].metadata);
    expect(kept.spec).toEqual(entities[0].spec);
  });
});
