import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PREFIX,
  ANNOTATIONS,
  Diagnostic,
  DEFAULT_INFERENCE,
  InferenceOptions,
  inferFromCatalog,
  Assessment,
  AssessmentFigures,
  assessFigures,
  assessWorkload,
  ComponentRecord,
  ComponentUsage,
  parseArchAnnotations,
  ParsedSettings,
  ParseOptions,
  PriceBook,
  Relations,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** What the catalog says about a component, besides its annotations. */
export type CatalogFacts = Pick<
  ComponentRecord,
  'entityRef' | 'namespace' | 'name' | 'title' | 'owner' | 'system' | 'domain' | 'type' | 'lifecycle'
>;

/**
 * A component as a snapshot keeps it: the catalog facts, its `arch-tradeoffs.io/` annotations as
 * written, the relation counts the engine uses, and its measured usage (when a source is configured). Everything else in a {@link ComponentRecord}
 * (parsed settings, assumptions, diagnostics, the assessment) is a pure function of these, the
 * configured defaults and the price book, so it is derived when a record is read rather than stored:
 * the derived part is ~95 % of a record's JSON, and writing it was most of a refresh's time.
 */
export interface ComponentInputs {
  entity: CatalogFacts;
  annotations: Record<string, string>;
  relations: Relations;
  /** What the usage source measured at the refresh, or why it did not; absent when none is configured. */
  usage?: ComponentUsage;
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

/**
 * The annotations a snapshot keeps: the plugin's own, and those of other plugins that its inference
 * rules read (`inferenceKeys`). Other tools' annotations are none of its business, nor its storage's.
 */
export function annotationsRead(
  annotations: Record<string, string> | undefined,
  inferenceKeys: ReadonlySet<string>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  if (!annotations) return kept;
  for (const key of Object.keys(annotations)) {
    if (key.startsWith(ANNOTATION_PREFIX) || inferenceKeys.has(key)) kept[key] = annotations[key];
  }
  return kept;
}

/** What a component's inputs yield: its parsed annotations and its assessment (null when unassessable). */
export interface Derived {
  parsed: ParsedSettings;
  assessment: Assessment | null;
  /** Why the component is not a deployed workload, when it is not one. */
  notApplicable?: string;
}

/** What a refresh stores of a component: its parsed annotations and its assessment's stored figures. */
export interface DerivedFigures {
  parsed: ParsedSettings;
  figures: AssessmentFigures | null;
  notApplicable?: string;
}

/**
 * Derives records from stored inputs: the same derivation at refresh and at read, so both agree.
 * Configured once with the price book, the parse options (defaults) and the inference rules from
 * app-config.
 */
export class ComponentAssessor {
  constructor(
    private readonly priceBook: PriceBook,
    private readonly parseOptions: ParseOptions = {},
    private readonly inference: InferenceOptions = DEFAULT_INFERENCE,
  ) {}

  /** Parsed settings and the full assessment, as a component's page shows them. */
  derive(inputs: ComponentInputs): Derived {
    const { parsed, notApplicable } = this.read(inputs);
    const assessment = parsed.assessable
      ? assessWorkload(inputs.entity.entityRef, parsed, { priceBook: this.priceBook, relations: inputs.relations })
      : null;
    return { parsed, assessment, ...(notApplicable ? { notApplicable } : {}) };
  }

  /** Parsed settings and the assessment's stored figures: what a refresh keeps for every component. */
  deriveFigures(inputs: ComponentInputs): DerivedFigures {
    const { parsed, notApplicable } = this.read(inputs);
    const figures = parsed.assessable
      ? assessFigures(inputs.entity.entityRef, parsed, { priceBook: this.priceBook, relations: inputs.relations })
      : null;
    return { parsed, figures, ...(notApplicable ? { notApplicable } : {}) };
  }

  /** False for components that are not deployed workloads (libraries, documentation, …): nothing to measure. */
  isWorkload({ entity, annotations }: ComponentInputs): boolean {
    return inferFromCatalog({ type: entity.type, annotations }, this.inference).applicable;
  }

  /** The full record the routes return. */
  record = (inputs: ComponentInputs): ComponentRecord => {
    const { parsed, assessment, notApplicable } = this.derive(inputs);
    return { ...recordOf(inputs, parsed, notApplicable), assessment };
  };

  /** The record without its assessment: what the catalog and annotations say, for lists (no pricing). */
  annotationsRecord = (inputs: ComponentInputs): ComponentRecord => {
    const { parsed, notApplicable } = this.read(inputs);
    return recordOf(inputs, parsed, notApplicable);
  };

  /**
   * The settings from the component's own annotations over what the catalog already says of it. A
   * component that is not a deployed workload keeps its annotations' diagnostics but is not assessable.
   */
  private read({ entity, annotations, usage }: ComponentInputs): { parsed: ParsedSettings; notApplicable?: string } {
    const inference = inferFromCatalog({ type: entity.type, annotations }, this.inference);
    if (!inference.applicable) {
      const own = parseArchAnnotations(annotations, this.parseOptions);
      // Its own annotations would have priced it: say why they are not used.
      const unused: Diagnostic[] = own.assessable
        ? [{ severity: 'info', annotation: ANNOTATIONS.platform, message: `is not used: ${inference.reason}` }]
        : [];
      return {
        parsed: { assessable: false, stated: [], measured: [], assumptions: [], diagnostics: [...own.diagnostics, ...unused] },
        notApplicable: inference.reason,
      };
    }
    return {
      parsed: parseArchAnnotations(annotations, {
        ...this.parseOptions,
        inferred: inference.platform,
        measured: usage?.status === 'measured' ? usage.measurement : undefined,
      }),
    };
  }
}

function recordOf(inputs: ComponentInputs, parsed: ParsedSettings, notApplicable?: string): ComponentRecord {
  return {
    ...inputs.entity,
    assessable: parsed.assessable,
    ...(notApplicable ? { notApplicable } : {}),
    ...(parsed.settings ? { settings: parsed.settings } : {}),
    stated: parsed.stated,
    measured: parsed.measured,
    assumptions: parsed.assumptions,
    diagnostics: parsed.diagnostics,
    ...(inputs.usage ? { usage: inputs.usage } : {}),
  };
}
