/**
 * Freezes `value` and every object and array it holds: the engine's shared tables and the assessments
 * it returns are plain data that no caller can change under another.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
