import type { Assumption, SettingField } from '../model/settings';

/** A set of setting fields: the engine asks it which inputs were defaulted. */
export type FieldSet = ReadonlySet<SettingField>;

/** The fields the parser assumed (defaulted) rather than read from an annotation or a measurement. */
export function defaultedFields(assumptions: readonly Assumption[]): FieldSet {
  return new Set(assumptions.map(a => a.field));
}

/** No field defaulted. */
export const NONE_DEFAULTED: FieldSet = new Set();
