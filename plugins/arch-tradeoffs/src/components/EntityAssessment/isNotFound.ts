/**
 * True when the backend answered 404. The client throws `ResponseError` (which carries `statusCode`);
 * a test double or another client may throw a plain `NotFoundError`, so the name counts too.
 */
export function isNotFound(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as {
    statusCode?: number;
    name?: string;
    cause?: { name?: string };
  };
  return (
    e.statusCode === 404 ||
    e.name === 'NotFoundError' ||
    e.cause?.name === 'NotFoundError'
  );
}
