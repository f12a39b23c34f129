/**
 * Builds the bench's catalog fixture in a worker thread, so that generating it (and checking the
 * in-memory catalog against catalogServiceMock) leaves no garbage in the main thread's heap: the main
 * thread's memory figures are then the plugin's, plus the fixture's JSON strings.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generateCatalog } from './generateCatalog';
import { toIndexed, verifyAgainstStockMock } from './indexedCatalog';

async function build() {
  const { components, verify } = workerData as { components: number; verify: boolean };
  let check: { components: number; groups: number; ms: number } | undefined;
  if (verify) {
    const t0 = performance.now();
    const v = await verifyAgainstStockMock(generateCatalog({ components: 1200, teams: 60, systems: 100, domains: 8, seed: 7 }).entities);
    check = { ...v, ms: performance.now() - t0 };
  }
  const t0 = performance.now();
  const { entities, counts } = generateCatalog({ components });
  const generateMs = performance.now() - t0;
  parentPort!.postMessage({ entries: entities.map(toIndexed), counts, generateMs, check });
}

build().catch(error => {
  throw error;
});
