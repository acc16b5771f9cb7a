/**
 * class-transformer helpers shared by every DTO: query strings arrive as text, and names and
 * free text are trimmed before validation.
 */
type Input = { value: unknown };

/** `'true'` / `'false'` in a query string become booleans; anything else is left for the validator to refuse. */
export const queryBoolean = ({ value }: Input): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** A comma-separated query value becomes a list. */
export const queryList = ({ value }: Input): unknown =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

/** Strings lose surrounding white space. */
export const trimString = ({ value }: Input): unknown => (typeof value === 'string' ? value.trim() : value);
