import { ApiPropertyOptional } from '@nestjs/swagger';
import { CATEGORIES } from '@app/cases';
import { IsIn, IsOptional } from 'class-validator';

export class WorkloadQuery {
  @ApiPropertyOptional({ enum: CATEGORIES, description: 'Only cases and inquiries of this category' })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: 'military' | 'civilian';
}
