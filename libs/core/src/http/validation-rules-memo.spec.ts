import 'reflect-metadata';
import {
  getMetadataStorage,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MetadataStorage,
  validateSync,
} from 'class-validator';
import { rememberValidationRules } from './validation-rules-memo';

class Person {
  @IsString()
  @Length(1, 5)
  name: string;

  @IsOptional()
  @IsString({ groups: ['strict'] })
  nickname?: string;
}

class Soldier extends Person {
  @IsString()
  unit: string;
}

const failed = (object: object, groups?: string[]): string[] =>
  validateSync(object, { forbidUnknownValues: true, groups })
    .map((e) => `${e.property}:${Object.keys(e.constraints ?? {}).join(',')}`)
    .sort();

describe(rememberValidationRules.name, () => {
  const storage = getMetadataStorage();
  const plain = MetadataStorage.prototype.getTargetValidationMetadatas;
  let lookUps: number;

  beforeAll(() => {
    lookUps = 0;
    jest.spyOn(MetadataStorage.prototype, 'getTargetValidationMetadatas').mockImplementation(function (
      this: MetadataStorage,
      ...args: Parameters<MetadataStorage['getTargetValidationMetadatas']>
    ) {
      lookUps++;
      return plain.apply(this, args);
    });
    rememberValidationRules(storage);
    const remembering = storage.getTargetValidationMetadatas;
    rememberValidationRules(storage); // a second call changes nothing
    expect(storage.getTargetValidationMetadatas).toBe(remembering);
  });

  afterAll(() => jest.restoreAllMocks());

  it('gives the same results, looking each class up once per set of options', () => {
    const bad = Object.assign(new Soldier(), { name: 'Tarasenko', unit: 7, nickname: 3 });
    const good = Object.assign(new Soldier(), { name: 'Ivan', unit: 'A1' });
    const before = lookUps;
    for (let i = 0; i < 3; i++) {
      expect(failed(bad)).toEqual(['name:isLength', 'nickname:isString', 'unit:isString']);
      expect(failed(good)).toEqual([]);
    }
    expect(lookUps - before).toBe(1);
    // Other options are other lookups, with their own results.
    expect(failed(bad, ['strict'])).toEqual(['nickname:isString']);
    expect(failed(bad, ['strict'])).toEqual(['nickname:isString']);
    expect(lookUps - before).toBe(2);
    expect(failed(Object.assign(new Person(), { name: 'Ivan' }))).toEqual([]);
    expect(lookUps - before).toBe(3);
  });

  it('looks up a value that is not a class instance without remembering it', () => {
    const before = lookUps;
    const odd = { constructor: 'not a class', name: 'x' };
    expect(validateSync(odd, { forbidUnknownValues: true }).map((e) => Object.keys(e.constraints ?? {}))).toEqual([
      ['unknownValue'],
    ]);
    expect(lookUps - before).toBe(1);
  });

  it('forgets what it remembered when a rule is added later', () => {
    const soldier = Object.assign(new Soldier(), { name: 'Ivan', unit: 'A1', rank: 'x' });
    expect(failed(soldier)).toEqual([]);
    IsInt()(Soldier.prototype, 'rank');
    expect(failed(soldier)).toEqual(['rank:isInt']);
  });
});
