import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsUUID, ValidationOptions } from 'class-validator';

/**
 * A UUID field of a body or query (rule `isUuid`). Ids are compared as text in the application
 * (is this the caller? the same case?), so one written in capitals is brought to the database's
 * lower-case form before anything compares it, as `UuidPipe` does for path ids.
 */
export function IsUuidField(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(Transform(lowerCaseIds), IsUUID('all', options));
}

function lowerCaseIds({ value }: { value: unknown }): unknown {
  if (typeof value === 'string') return value.toLowerCase();
  return Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v)) : value;
}
