import { trimString } from '@app/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** Cyrillic or Latin letters, apostrophes, hyphens and spaces, with at least one letter. */
export const NAME_PATTERN =
  /^(?=.*[\p{Script=Cyrillic}\p{Script=Latin}])[\p{Script=Cyrillic}\p{Script=Latin}'’ʼ`\- .]+$/u;
const NAME_MESSAGE = '$property may hold only Cyrillic or Latin letters, apostrophes, hyphens and spaces';
const LATIN_PATTERN = /^(?=.*[A-Za-z])[A-Za-z'’\- .]+$/;
export const CATEGORIES = ['military', 'civilian'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The person sought or held: names as written, date of birth, military details. */
export class PersonDto {
  @ApiProperty({ example: 'Шевченко', maxLength: 100 })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  surname: string;

  @ApiProperty({ example: 'Андрій', maxLength: 100 })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  givenName: string;

  @ApiPropertyOptional({ example: 'Петрович', maxLength: 100 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  patronymic?: string;

  @ApiPropertyOptional({ example: 'Shevchenko Andrii', maxLength: 200 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  @Matches(LATIN_PATTERN, { message: 'latinName may hold only Latin letters, apostrophes, hyphens and spaces' })
  latinName?: string;

  @ApiPropertyOptional({ example: '1991-03-14', description: 'Not in the future, not before 1900' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'dateOfBirth must be a date like 1991-03-14' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date like 1991-03-14' })
  dateOfBirth?: string;

  @ApiProperty({ enum: CATEGORIES })
  @IsIn(CATEGORIES)
  category: Category;

  @ApiPropertyOptional({ description: 'Military only', maxLength: 100 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  militaryUnit?: string;

  @ApiPropertyOptional({ description: 'Military only', maxLength: 60 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 60)
  rank?: string;

  @ApiPropertyOptional({ description: 'Military only', maxLength: 30 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 30)
  @Matches(/^[\p{L}\d-]+$/u, { message: 'serviceNumber may hold only letters, digits and hyphens' })
  serviceNumber?: string;
}

export class DisappearanceDto {
  @ApiPropertyOptional({ example: '2022-05-20', description: 'Not in the future' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'date must be a date like 2022-05-20' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date like 2022-05-20' })
  date?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  place?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(4000)
  circumstances?: string;
}

export interface PersonRecord {
  category: Category;
  surname: string;
  givenName: string;
  patronymic: string | null;
  latinName: string | null;
  dateOfBirth: string | null;
  militaryUnit: string | null;
  rank: string | null;
  serviceNumber: string | null;
  disappearanceDate: string | null;
  disappearancePlace: string | null;
  circumstances: string | null;
}
