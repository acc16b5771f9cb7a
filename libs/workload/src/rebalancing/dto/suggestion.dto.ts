import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUuidField } from '@app/core';
import { IsOptional } from 'class-validator';
import { CandidateLoad } from '../rebalancing.rules';

export class SuggestionQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'A case to give to someone (either this or inquiryId)' })
  @IsOptional()
  @IsUuidField({ message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An inquiry to triage (either this or caseId)' })
  @IsOptional()
  @IsUuidField({ message: 'inquiryId must be a UUID' })
  inquiryId?: string;
}

export class CandidateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'Open cases held now' }) open: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ description: 'Open cases of the same category' }) sameCategory: number;
}

export class SuggestionResponse {
  @ApiProperty({ nullable: true, type: String }) caseId: string | null;
  @ApiProperty({ nullable: true, type: String }) inquiryId: string | null;
  @ApiProperty({ enum: ['military', 'civilian'] }) category: string;
  @ApiProperty({ nullable: true, type: String, description: 'Left out of the candidates' })
  currentAssigneeId: string | null;
  @ApiProperty({
    nullable: true,
    type: CandidateResponse,
    description: 'The least-loaded active caseworker; null when there is none',
  })
  suggestion: CandidateResponse | null;
  @ApiProperty({ type: [CandidateResponse], description: 'The five least loaded, best first' })
  candidates: CandidateResponse[];
}

export function toCandidateResponse(c: CandidateLoad): CandidateResponse {
  return { id: c.id, fullName: c.fullName, open: c.open, overdue: c.overdue, sameCategory: c.sameCategory };
}
