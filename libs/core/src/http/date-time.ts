import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/**
 * An instant as RFC 3339 writes it: date, time and offset (`2026-01-31T09:30:00Z`,
 * `2026-01-31T11:30:00.5+02:00`). ISO 8601 alone also allows week dates, compact forms and times
 * without an offset, which the application and the database would read differently (or not at
 * all), so those are refused with the field's name instead.
 */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/i;

export function IsDateTime(field: string): PropertyDecorator {
  const message = `${field} must be a date-time with its offset, like 2026-01-31T09:30:00Z`;
  return applyDecorators(IsISO8601({ strict: true }, { message }), Matches(DATE_TIME, { message }));
}
