import type { Entity } from '@backstage/catalog-model';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** Entities per catalog request: large enough to be quick, small enough to bound memory per page. */
export const CATALOG_PAGE_SIZE = 500;

/**
 * Yields every entity of one kind, a page at a time, through cursor paging. An organisation-wide scan
 * must never be one unbounded request: a 50,000-entity catalog would be one huge response.
 */
export async function* entityPages(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  kind: string,
  fields: string[],
  pageSize = CATALOG_PAGE_SIZE,
): AsyncGenerator<Entity[]> {
  let cursor: string | undefined;
  do {
    const response = cursor
      ? await catalog.queryEntities({ cursor, limit: pageSize, fields }, { credentials })
      : await catalog.queryEntities(
          {
            filter: { kind },
            limit: pageSize,
            fields,
            orderFields: { field: 'metadata.name', order: 'asc' },
          },
          { credentials },
        );
    if (response.items.length > 0) {
      yield response.items;
    }
    cursor = response.pageInfo.nextCursor;
  } while (cursor);
}
