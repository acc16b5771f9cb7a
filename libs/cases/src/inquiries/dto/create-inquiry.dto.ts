import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsBoolean, IsDefined, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { DisappearanceDto, PersonDto } from '../../person.dto';

export const RELATIONSHIPS = ['mother', 'father', 'spouse', 'child', 'sibling', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export class ChannelsDto {
  @ApiPropertyOptional({ description: 'Also tell me by e-mail (never with details: only that there is news)' })
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @ApiPropertyOptional({ description: 'Also tell me by SMS to my account phone (never with details)' })
  @IsOptional()
  @IsBoolean()
  sms?: boolean;
}

export class CreateInquiryDto {
  @ApiProperty({ type: PersonDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  person: PersonDto;

  @ApiPropertyOptional({ type: DisappearanceDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DisappearanceDto)
  disappearance?: DisappearanceDto;

  @ApiProperty({ enum: RELATIONSHIPS })
  @IsIn(RELATIONSHIPS)
  relationship: Relationship;

  @ApiPropertyOptional({ type: ChannelsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChannelsDto)
  channels?: ChannelsDto;

  @ApiProperty({ enum: [true], description: 'Consent to the processing of these data; must be true' })
  @Equals(true, { message: 'consent must be true' })
  consent: true;
}
