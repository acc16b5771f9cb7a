import { isISO8601, ValidateBy } from 'class-validator';

/**
 * An instant as RFC 3339 writes it: date, time and offset (`2026-01-31T09:30:00Z`,
 * `2026-01-31T11:30:00.5+02:00`). ISO 8601 alone also allows week dates, compact forms and times
 * without an offset, which the application and the database would read differently (or not at
 * all), so those are refused with the field's name instead.
 */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a value is such a date-time, and a real one (no 31 February). */
export function isDateTime(value: unknown): boolean {
  return typeof value === 'string' && DATE_TIME.test(value) && isISO8601(value, { strict: true });
}

/** Validation rule `isDateTime`, its message naming the field. */
export function IsDateTime(field: string): PropertyDecorator {
  return ValidateBy({
    name: 'isDateTime',
    validator: {
      validate: isDateTime,
      defaultMessage: () => `${field} must be a date-time with its offset, like 2026-01-31T09:30:00Z`,
    },
  });
}
