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

/**
 * Ids are compared as text in the application (is this the caller? the same case?), so a UUID
 * written in capitals is brought to the database's lower-case form before anything compares it.
 */
export const lowerCaseIds = ({ value }: Input): unknown =>
  typeof value === 'string'
    ? value.toLowerCase()
    : Array.isArray(value)
      ? value.map((v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v))
      : value;
