/**
 * An in-memory `CatalogService` for large benchmark catalogs.
 *
 * `catalogServiceMock` (InMemoryCatalogClient) re-filters and re-sorts the whole catalog on every
 * `queryEntities` call, building a search index of every entity each time: at 52,500 entities one page
 * costs ~4 s, so the refresh's 100+ pages would take ~7 minutes in the mock alone. This catalog gives
 * the same answers for what the plugin asks (a `kind` filter, `metadata.name` order, cursor paging,
 * `fields` projection; see `verifyAgainstStockMock`), from an index built once per query shape.
 *
 * Entities are held as JSON strings and parsed per page: that models the catalog's wire (the backend's
 * catalog client gets every page as JSON over HTTP) and keeps the fixture compact, so the process's
 * memory is mostly the plugin's, not the fixture's. The real catalog's own cost (its database query,
 * stitching, HTTP) is not modelled.
 */
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef, type CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { isDeepStrictEqual } from 'node:util';
import { createPriceBook } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { ComponentReader } from '../src/services/ComponentReader';
import { ComponentAssessor } from '../src/services/ComponentAssessor';

/** String order as the catalog compares (code units, not locale). */
function cmp(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** An entity as this catalog holds it: its JSON, and what queries sort and filter on. */
export interface IndexedEntity {
  kind: string;
  name: string;
  ref: string;
  json: string;
}

export function toIndexed(entity: Entity): IndexedEntity {
  return {
    kind: entity.kind.toLocaleLowerCase('en-US'),
    name: entity.metadata.name.toLocaleLowerCase('en-US'),
    ref: stringifyEntityRef(entity),
    json: JSON.stringify(entity),
  };
}

interface Cursor {
  kind: string;
  order?: string;
  offset: number;
}

export class IndexedCatalog {
  /** Per kind (lower case), the entities' JSON and their `metadata.name`s. */
  private readonly byKind = new Map<string, IndexedEntity[]>();
  private readonly sorted = new Map<string, Array<{ json: string }>>();
  /** Pages served, and the time spent serving them (parse + project), for the report. */
  readonly stats = { pages: 0, entities: 0, ms: 0 };

  constructor(entities: Entity[] | IndexedEntity[]) {
    for (const item of entities) {
      const entry = 'json' in item ? (item as IndexedEntity) : toIndexed(item as Entity);
      let list = this.byKind.get(entry.kind);
      if (!list) this.byKind.set(entry.kind, (list = []));
      list.push(entry);
    }
  }

  /** Bytes of entity JSON held (UTF-16 length ≈ bytes for this ASCII catalog). */
  get jsonBytes() {
    let n = 0;
    for (const list of this.byKind.values()) for (const e of list) n += e.json.length;
    return n;
  }

  private ordered(kind: string, order?: string) {
    const key = `${kind}|${order ?? ''}`;
    let list = this.sorted.get(key);
    if (!list) {
      const all = [...(this.byKind.get(kind) ?? [])];
      // The stock mock: by the order field, then by entity ref; without an order, catalog order.
      if (order) all.sort((a, b) => cmp(a.name, b.name) * (order === 'desc' ? -1 : 1) || cmp(a.ref, b.ref));
      list = all;
      this.sorted.set(key, list);
    }
    return list;
  }

  async queryEntities(request: any): Promise<{ items: Entity[]; totalItems: number; pageInfo: { nextCursor?: string; prevCursor?: string } }> {
    const started = performance.now();
    let cursor: Cursor;
    if (request && 'cursor' in request) {
      cursor = JSON.parse(Buffer.from(request.cursor, 'base64').toString());
    } else {
      const kind = request?.filter?.kind;
      if (typeof kind !== 'string' || Object.keys(request.filter).length !== 1 || request.query || request.fullTextFilter) {
        throw new Error('IndexedCatalog serves a { kind } filter only');
      }
      const orderFields = [request.orderFields ?? []].flat();
      if (orderFields.some((o: any) => o.field !== 'metadata.name')) {
        throw new Error('IndexedCatalog orders by metadata.name only');
      }
      cursor = { kind: kind.toLocaleLowerCase('en-US'), order: orderFields[0]?.order, offset: request.offset ?? 0 };
    }
    const all = this.ordered(cursor.kind, cursor.order);
    const limit = request?.limit ?? all.length;
    const slice = all.slice(cursor.offset, cursor.offset + limit);
    const items = slice.map(e => project(JSON.parse(e.json), request?.fields));
    const pageInfo: { nextCursor?: string; prevCursor?: string } = {};
    const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64');
    if (cursor.offset + limit < all.length) pageInfo.nextCursor = encode({ ...cursor, offset: cursor.offset + limit });
    if (cursor.offset > 0) pageInfo.prevCursor = encode({ ...cursor, offset: Math.max(0, cursor.offset - limit) });
    this.stats.pages++;
    this.stats.entities += items.length;
    this.stats.ms += performance.now() - started;
    return { items, totalItems: all.length, pageInfo };
  }

  /** A service factory to install in a test backend in place of `catalogServiceMock.factory`. */
  factory() {
    return createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => this as unknown as CatalogService,
    });
  }
}


/** Keeps only the given dotted fields, as the catalog's `fields` parameter does. */
function project(entity: any, fields?: string[]): Entity {
  if (!fields?.length) return entity;
  const out: any = {};
  for (const field of fields) {
    const parts = field.split('.');
    let src = entity;
    for (const p of parts) src = src?.[p];
    if (src === undefined) continue;
    let dst = out;
    for (let i = 0; i < parts.length - 1; i++) dst = dst[parts[i]] ??= {};
    dst[parts[parts.length - 1]] = src;
  }
  return out;
}

/**
 * Reads a catalog the way a refresh does (`ComponentReader`: systems, then components a page at a time,
 * then groups) from this catalog and from the stock mock, and throws unless the assessed records and
 * groups are identical. Run on a small catalog: the stock mock is slow.
 */
export async function verifyAgainstStockMock(entities: Entity[]) {
  const assess = new ComponentAssessor(createPriceBook());
  const read = async (catalog: CatalogService) => {
    const reader = new ComponentReader(catalog);
    const records: unknown[] = [];
    for await (const page of reader.componentPages({} as any)) {
      for (const { inputs, permissionEntity } of page) {
        records.push({ inputs, permissionEntity, ...assess.derive(inputs) });
      }
    }
    return { records, groups: await reader.readGroups({} as any) };
  };
  const stock = await read(catalogServiceMock({ entities }));
  const indexed = await read(new IndexedCatalog(entities) as unknown as CatalogService);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(stock)), JSON.parse(JSON.stringify(indexed)))) {
    throw new Error('IndexedCatalog: the refresh reads different records than from catalogServiceMock');
  }
  return { components: stock.records.length, groups: stock.groups.length };
}
