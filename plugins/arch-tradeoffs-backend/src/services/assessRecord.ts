import type { Entity } from '@backstage/catalog-model';
import type {
  Assessor,
  ComponentRecord,
  Relations,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/**
 * A component as a snapshot keeps it: its record without the assessment, plus the relation counts the
 * engine used. The assessment is a pure function of these and the price book, so it is re-derived when
 * a record is read instead of being stored (it is ~8 KB of the ~10 KB record).
 */
export interface ComponentInputs {
  record: Omit<ComponentRecord, 'assessment'>;
  relations: Relations;
}

/** More catalog relations mean more integrations to move: they raise a migration's effort. */
export function relationCounts(entity: Entity): Relations {
  const relations = entity.relations ?? [];
  return {
    dependsOn: relations.filter(
      r => r.type === 'dependsOn' || r.type === 'dependencyOf',
    ).length,
    providesApis: relations.filter(r => r.type === 'providesApi').length,
  };
}

/** The record with its assessment: the same call at refresh and at read, so both give one answer. */
export function assessRecord(
  assess: Assessor,
  { record, relations }: ComponentInputs,
): ComponentRecord {
  const assessment = assess(
    record.entityRef,
    {
      assessable: record.assessable,
      settings: record.settings,
      stated: record.stated,
      assumptions: record.assumptions,
      diagnostics: record.diagnostics,
    },
    { relations },
  );
  return { ...record, assessment };
}
