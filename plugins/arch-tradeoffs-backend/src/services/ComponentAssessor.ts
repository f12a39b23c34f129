import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PREFIX,
  Assessment,
  Assessor,
  ComponentRecord,
  parseArchAnnotations,
  ParsedSettings,
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

/** What a component's inputs yield: its parsed annotations and its assessment (null when unassessable). */
export interface Derived {
  parsed: ParsedSettings;
  assessment: Assessment | null;
}

/**
 * Derives records from stored inputs: the same derivation at refresh and at read, so both agree.
 * Configured once with the assessor (price book) and the parse options (defaults) from app-config.
 */
export class ComponentAssessor {
  constructor(
    private readonly assess: Assessor,
    private readonly parseOptions: ParseOptions = {},
  ) {}

  /** Parsed settings and assessment; the refresh stores figures from these without building a record. */
  derive({ entity, annotations, relations }: ComponentInputs): Derived {
    const parsed = parseArchAnnotations(annotations, this.parseOptions);
    return { parsed, assessment: this.assess(entity.entityRef, parsed, { relations }) };
  }

  /** The full record the routes return. */
  record = (inputs: ComponentInputs): ComponentRecord => {
    const { parsed, assessment } = this.derive(inputs);
    return { ...recordOf(inputs, parsed), assessment };
  };

  /** The record without its assessment: what the annotations say, for lists (no pricing needed). */
  annotationsRecord = (inputs: ComponentInputs): ComponentRecord =>
    recordOf(inputs, parseArchAnnotations(inputs.annotations, this.parseOptions));
}

function recordOf(inputs: ComponentInputs, parsed: ParsedSettings): ComponentRecord {
  return {
    ...inputs.entity,
    assessable: parsed.assessable,
    ...(parsed.settings ? { settings: parsed.settings } : {}),
    stated: parsed.stated,
    assumptions: parsed.assumptions,
    diagnostics: parsed.diagnostics,
  };
}
