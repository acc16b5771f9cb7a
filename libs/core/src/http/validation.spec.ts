import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { createValidationPipe } from './validation';

class Unit {
  @IsString()
  @Length(1, 4)
  @Matches(/^[A-Z]+$/, { message: 'code may hold only capital Latin letters' })
  code: string;
}

class Soldier {
  @IsString()
  @Length(1, 4)
  @Matches(/^[A-Z]+$/, { message: 'name may hold only capital Latin letters' })
  name: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => Unit)
  unit?: Unit;
}

async function problems(body: unknown): Promise<unknown> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Soldier });
  } catch (error) {
    if (error instanceof DomainError) return error.details;
    throw error;
  }
  return [];
}

describe('createValidationPipe', () => {
  it.each([
    ['a valid body', { name: 'AB', unit: { code: 'X' } }, []],
    ['a number for a name: not a string (not also too long and wrong letters)', { name: 12345 }, ['name:isString']],
    ['a name too long with wrong letters: its length, listed first', { name: 'abcdef' }, ['name:isLength']],
    ['wrong letters only', { name: 'ab' }, ['name:matches']],
    ['a missing name', {}, ['name:isString']],
    ['a nested field, by its path', { name: 'AB', unit: { code: 7 } }, ['unit.code:isString']],
    ['an unknown field', { name: 'AB', rank: 'x' }, ['rank:unknown_field']],
    ['two fields, one problem each', { name: 1, unit: { code: 'abcdef' } }, ['name:isString', 'unit.code:isLength']],
  ])('%s', async (_label, body, expected) => {
    const found = (await problems(body)) as { field: string; rule: string }[];
    expect(found.map((p) => `${p.field}:${p.rule}`).sort()).toEqual(expected);
  });

  it('says what is wrong in the words of the rule', async () => {
    expect(await problems({ name: 'ab' })).toEqual([
      { field: 'name', rule: 'matches', message: 'name may hold only capital Latin letters' },
    ]);
  });
});
