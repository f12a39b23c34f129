/**
 * The bench's catalog, in a process of its own. It generates the synthetic catalog (after checking the
 * in-memory catalog against catalogServiceMock on a small one) and answers `queryEntities` requests sent
 * over IPC with each page as JSON, which the backend process parses: the catalog's storage and its work
 * to serve a page stay out of the measured process, as a real catalog's database does, while the
 * backend still pays to receive and parse every page, as from the catalog's HTTP API.
 */
import { generateCatalog } from './generateCatalog';
import { IndexedCatalog, toIndexed, verifyAgainstStockMock } from './indexedCatalog';

export interface CatalogReady {
  type: 'ready';
  counts: ReturnType<typeof generateCatalog>['counts'];
  entityCount: number;
  jsonBytes: number;
  generateMs: number;
  check?: { components: number; groups: number; ms: number };
}

export type CatalogReply = { id: number; json: string; ms: number } | { id: number; error: string };

async function main() {
  const { components, verify } = JSON.parse(process.argv[2]) as { components: number; verify: boolean };
  let check: CatalogReady['check'];
  if (verify) {
    const t0 = performance.now();
    const v = await verifyAgainstStockMock(
      generateCatalog({ components: 1200, teams: 60, systems: 100, domains: 8, seed: 7 }).entities,
    );
    check = { ...v, ms: performance.now() - t0 };
  }
  const t0 = performance.now();
  const generated = generateCatalog({ components });
  const generateMs = performance.now() - t0;
  const catalog = new IndexedCatalog(generated.entities.map(toIndexed));
  const ready: CatalogReady = {
    type: 'ready',
    counts: generated.counts,
    entityCount: generated.entities.length,
    jsonBytes: catalog.jsonBytes,
    generateMs,
    check,
  };
  process.on('message', async ({ id, request }: { id: number; request: unknown }) => {
    const started = performance.now();
    try {
      const json = JSON.stringify(await catalog.queryEntities(request));
      process.send!({ id, json, ms: performance.now() - started } satisfies CatalogReply);
    } catch (error) {
      process.send!({ id, error: String(error) } satisfies CatalogReply);
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send!(ready);
}

main().catch(error => {
  console.error(error); // eslint-disable-line no-console
  process.exit(1);
});
