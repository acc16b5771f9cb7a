import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
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

class Battalion {
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => Unit)
  unit: Unit;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => Unit)
  companies?: Unit[];
}

async function problems(body: unknown, metatype: new () => object = Soldier): Promise<unknown> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
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

  // class-validator checks IsDefined first and the nested object's own check last, whatever the order.
  it.each([
    ['a missing nested object: missing', {}, ['unit:isDefined']],
    ['null for a nested object: missing', { unit: null }, ['unit:isDefined']],
    ['a number for a nested object: not an object', { unit: 5 }, ['unit:isObject']],
    ['a string for a list of objects: not a list', { unit: { code: 'A' }, companies: 'x' }, ['companies:isArray']],
    ['an empty list', { unit: { code: 'A' }, companies: [] }, ['companies:arrayMinSize']],
    [
      'a bad element of a list, by its index',
      { unit: { code: 'A' }, companies: [{ code: 1 }] },
      ['companies.0.code:isString'],
    ],
  ])('%s', async (_label, body, expected) => {
    const found = (await problems(body, Battalion)) as { field: string; rule: string }[];
    expect(found.map((p) => `${p.field}:${p.rule}`).sort()).toEqual(expected);
  });

  it('says what is wrong in the words of the rule', async () => {
    expect(await problems({ name: 'ab' })).toEqual([
      { field: 'name', rule: 'matches', message: 'name may hold only capital Latin letters' },
    ]);
  });
});
