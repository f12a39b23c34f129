import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PREFIX,
  Assessor,
  ComponentRecord,
  parseArchAnnotations,
  ParseOptions,
  Relations,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** What the catalog says about a component, besides its annotations. */
export type CatalogFacts = Pick<
  ComponentRecord,
  'entityRef' | 'namespace' | 'name' | 'title' | 'owner' | 'system' | 'domain' | 'type' | 'lifecycle'
>;

/**
 * A component as a snapshot keeps it: the catalog facts, its `arch-tradeoffs.io/` annotations as
 * written, and the relation counts the engine uses. Everything else in a {@link ComponentRecord}
 * (parsed settings, assumptions, diagnostics, the assessment) is a pure function of these, the
 * configured defaults and the price book, so it is derived when a record is read rather than stored:
 * the derived part is ~95 % of a record's JSON, and writing it was most of a refresh's time.
 */
export interface ComponentInputs {
  entity: CatalogFacts;
  annotations: Record<string, string>;
  relations: Relations;
}

/** Turns stored inputs into the full record: the same function at refresh and at read, so both agree. */
export type RecordAssessor = (inputs: ComponentInputs) => ComponentRecord;

/** More catalog relations mean more integrations to move: they raise a migration's effort. */
export function relationCounts(entity: Entity): Relations {
  let dependsOn = 0;
  let providesApis = 0;
  for (const r of entity.relations ?? []) {
    if (r.type === 'dependsOn' || r.type === 'dependencyOf') dependsOn++;
    else if (r.type === 'providesApi') providesApis++;
  }
  return { dependsOn, providesApis };
}

/** The plugin's own annotations (other tools' annotations are none of its business, nor its storage's). */
export function ownAnnotations(annotations: Record<string, string> | undefined): Record<string, string> {
  const own: Record<string, string> = {};
  if (!annotations) return own;
  for (const key of Object.keys(annotations)) {
    if (key.startsWith(ANNOTATION_PREFIX)) own[key] = annotations[key];
  }
  return own;
}

export function createRecordAssessor(assess: Assessor, parseOptions: ParseOptions = {}): RecordAssessor {
  return ({ entity, annotations, relations }) => {
    const parsed = parseArchAnnotations(annotations, parseOptions);
    return {
      ...entity,
      assessable: parsed.assessable,
      ...(parsed.settings ? { settings: parsed.settings } : {}),
      stated: parsed.stated,
      assumptions: parsed.assumptions,
      diagnostics: parsed.diagnostics,
      assessment: assess(entity.entityRef, parsed, { relations }),
    };
  };
}
