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
    // class-validator checks a property's rules from the last decorator up: the last failure is
    // the first rule listed.
    const failed = Object.entries(error.constraints ?? {}).slice(-1);
    for (const [rule, message] of failed) {
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
