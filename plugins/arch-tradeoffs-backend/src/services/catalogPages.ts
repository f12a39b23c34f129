import type { Entity } from '@backstage/catalog-model';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Entities per catalog request: large enough to be quick, small enough to bound memory per page. A
 * refresh holds two pages and their assessments at a time; at 500 whole entities a page, the 50,000-
 * component bench peaked at 490–500 MB RSS, at 200 at 350–365 MB, with no slower refresh.
 */
export const CATALOG_PAGE_SIZE = 200;

type PageResponse = Awaited<ReturnType<CatalogService['queryEntities']>>;

/**
 * Yields every entity of one kind, a page at a time, through cursor paging. An organisation-wide scan
 * must never be one unbounded request: a 50,000-entity catalog would be one huge response.
 *
 * The next page is requested as soon as a page arrives, before the caller works on it, so the catalog
 * (its database query, serialisation, the network) answers while the refresh assesses and stores the
 * page in hand. At most two pages are held at a time.
 */
export async function* entityPages(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  kind: string,
  fields: string[],
  pageSize = CATALOG_PAGE_SIZE,
): AsyncGenerator<Entity[]> {
  const request = (cursor?: string): Promise<PageResponse> => {
    const page = cursor
      ? catalog.queryEntities({ cursor, limit: pageSize, fields }, { credentials })
      : catalog.queryEntities(
          {
            filter: { kind },
            limit: pageSize,
            fields,
            orderFields: { field: 'metadata.name', order: 'asc' },
          },
          { credentials },
        );
    // A prefetched page nobody awaits (the caller stopped early) must not become an unhandled
    // rejection; awaiting it below still throws.
    page.catch(() => undefined);
    return page;
  };
  let next: Promise<PageResponse> | undefined = request();
  while (next) {
    const response: PageResponse = await next;
    const cursor = response.pageInfo.nextCursor;
    next = cursor ? request(cursor) : undefined;
    if (response.items.length > 0) {
      yield response.items;
    }
  }
}
