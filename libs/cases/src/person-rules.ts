import { DomainError, FieldProblem } from '@app/core';
import { PersonRecord } from './person.dto';

/** Rules across fields that a single decorator cannot say. `prefix` names the body path. */
export function personProblems(p: PersonRecord, today = new Date()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const todayIso = today.toISOString().slice(0, 10);
  if (p.dateOfBirth !== null) {
    if (!isRealDate(p.dateOfBirth)) {
      problems.push({ field: 'person.dateOfBirth', rule: 'isDate', message: 'person.dateOfBirth is not a real date' });
    } else if (p.dateOfBirth > todayIso) {
      problems.push({
        field: 'person.dateOfBirth',
        rule: 'notInFuture',
        message: 'person.dateOfBirth must not be in the future',
      });
    } else if (p.dateOfBirth < '1900-01-01') {
      problems.push({
        field: 'person.dateOfBirth',
        rule: 'notBefore1900',
        message: 'person.dateOfBirth must not be before 1900',
      });
    }
  }
  if (p.disappearanceDate !== null) {
    if (!isRealDate(p.disappearanceDate)) {
      problems.push({ field: 'disappearance.date', rule: 'isDate', message: 'disappearance.date is not a real date' });
    } else if (p.disappearanceDate > todayIso) {
      problems.push({
        field: 'disappearance.date',
        rule: 'notInFuture',
        message: 'disappearance.date must not be in the future',
      });
    } else if (p.dateOfBirth !== null && p.disappearanceDate < p.dateOfBirth) {
      problems.push({
        field: 'disappearance.date',
        rule: 'afterBirth',
        message: 'disappearance.date must not be before the date of birth',
      });
    }
  }
  if (p.category !== 'military') {
    for (const [field, value] of [
      ['militaryUnit', p.militaryUnit],
      ['rank', p.rank],
      ['serviceNumber', p.serviceNumber],
    ] as const) {
      if (value !== null) {
        problems.push({
          field: `person.${field}`,
          rule: 'militaryOnly',
          message: `person.${field} is only for the military category`,
        });
      }
    }
  }
  return problems;
}

export function assertPerson(p: PersonRecord): void {
  const problems = personProblems(p);
  if (problems.length > 0) throw DomainError.validation(problems);
}

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
