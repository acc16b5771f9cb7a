import { trimString } from '@app/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class RegisterDto {
  @ApiProperty({ example: 'olena@example.com', maxLength: 254 })
  @Transform(trimString)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;

  @ApiProperty({ minLength: 12, maxLength: 128, description: 'At least 12 characters, not a common password' })
  @IsString()
  @MaxLength(1024)
  password: string;

  @ApiProperty({ example: 'Олена Коваленко', maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  fullName: string;

  @ApiPropertyOptional({ example: '+380501234567', description: 'International format' })
  @IsOptional()
  @IsString()
  @Matches(/^\+[1-9][0-9]{6,14}$/, { message: 'phone must be in international format, e.g. +380501234567' })
  phone?: string;

  @ApiPropertyOptional({ enum: ['uk', 'en'], default: 'uk' })
  @IsOptional()
  @IsIn(['uk', 'en'])
  language?: 'uk' | 'en';
}
