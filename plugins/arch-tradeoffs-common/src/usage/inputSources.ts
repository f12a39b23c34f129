import type { ParsedSettings, SettingField } from '../model/settings';
import type { InputSource } from '../model/usage';

/**
 * Where each resolved setting came from: its annotation, a measurement, an inference from another
 * plugin's annotation, or a default. Read from the parsed settings' three lists, so there is one
 * record of it.
 * @public
 */
export function inputSources(
  parsed: Pick<ParsedSettings, 'stated' | 'measured' | 'assumptions'>,
): Partial<Record<SettingField, InputSource>> {
  const sources: Partial<Record<SettingField, InputSource>> = {};
  for (const a of parsed.assumptions) sources[a.field] = a.inferredFrom ? 'inferred' : 'default';
  for (const m of parsed.measured) sources[m.field] = 'measured';
  for (const field of parsed.stated) sources[field] = 'annotation';
  return sources;
}
