import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from '../errors/domain-error';
import { rememberValidationRules } from './validation-rules-memo';

/**
 * Flattens class-validator errors into field paths such as `person.surname`, one problem per field:
 * the first of its rules, as the DTO lists them, that the value fails. (A number given for a name
 * is reported as not a string, not also as too short and as holding other characters.)
 */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [rule, message] of firstFailure(error.constraints)) {
      problems.push({
        field,
        rule: rule === 'whitelistValidation' ? 'unknown_field' : rule,
        message: rule === 'whitelistValidation' ? `${field} is not an allowed field` : message,
      });
    }
    if (error.children?.length) problems.push(...toFieldProblems(error.children, field));
  }
  return problems;
}

/**
 * The failure to report of a property's failures. class-validator checks `IsDefined` first, the
 * ordinary rules from the last decorator up (so the last of them is the first rule listed), and
 * the nested object's own check (`nestedValidation`) after them all.
 */
function firstFailure(constraints: Record<string, string> | undefined): [string, string][] {
  if (!constraints) return [];
  if (constraints.isDefined !== undefined) return [['isDefined', constraints.isDefined]];
  const failures = Object.entries(constraints);
  const ordinary = failures.filter(([rule]) => rule !== 'nestedValidation');
  return (ordinary.length > 0 ? ordinary : failures).slice(-1);
}

/** Unknown fields are refused (not silently dropped); every problem names its field and rule. */
export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(toFieldProblems(errors)),
  });
}
