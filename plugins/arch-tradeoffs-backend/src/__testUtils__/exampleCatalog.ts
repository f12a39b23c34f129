import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const EXAMPLES_DIR = path.resolve(__dirname, '../../../../examples/catalog');

/**
 * The entities of examples/catalog, read by following the Location's targets the way the catalog does,
 * so tests run against the same organisation a user sees with `npm start`.
 */
export function loadExampleCatalog(file = path.join(EXAMPLES_DIR, 'all.yaml')): Entity[] {
  const entities: Entity[] = [];
  for (const doc of yaml.loadAll(fs.readFileSync(file, 'utf8')) as Entity[]) {
    if (!doc) continue;
    if (doc.kind === 'Location') {
      const targets = (doc.spec?.targets ?? []) as string[];
      for (const target of targets) {
        entities.push(...loadExampleCatalog(path.resolve(path.dirname(file), target)));
      }
      continue;
    }
    entities.push({
      ...doc,
      metadata: { namespace: 'default', ...doc.metadata },
    });
  }
  return entities;
}
