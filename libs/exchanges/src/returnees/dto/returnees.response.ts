import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseRow, CaseSummaryRow } from '@app/cases';
import { Outcome, OUTCOMES } from '../../exchange-outcome';
import { LinkResult, RefusalReason } from '../../links/link-plan';
import { BatchRow, StoredRow } from '../batches.repository';
import { CLASSIFICATIONS, ClassificationNote, ScoredCandidate } from '../classification';

export class CandidatePersonResponse {
  @ApiProperty() surname: string;
  @ApiProperty() givenName: string;
  @ApiProperty({ nullable: true, type: String }) patronymic: string | null;
  @ApiProperty({ nullable: true, type: String }) dateOfBirth: string | null;
  @ApiProperty({ nullable: true, type: String }) militaryUnit: string | null;
  @ApiProperty({ nullable: true, type: String }) serviceNumber: string | null;
}

export class CandidateResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: '0..1, higher is likelier the same person' }) score: number;
  @ApiProperty({ type: [String], example: ['surname_fuzzy', 'given_name_equivalent', 'date_of_birth_match'] })
  reasons: string[];
  @ApiPropertyOptional() reference?: string;
  @ApiPropertyOptional({ description: 'The case status now' }) status?: string;
  @ApiPropertyOptional({ type: CandidatePersonResponse }) person?: CandidatePersonResponse;
}

export class AppliedResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: Outcome;
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) by: string | null;
}

export class ReturneeRowResponse {
  @ApiProperty({ description: '1-based: the first object of rows, or the first line after the CSV header' })
  row: number;
  @ApiProperty({ enum: CLASSIFICATIONS }) classification: string;
  @ApiProperty({
    enum: [
      'clear_match',
      'no_candidate',
      'weak_candidates',
      'close_second',
      'not_corroborated',
      'contradicted',
      'below_confident_score',
      'same_case_in_other_rows',
    ],
  })
  note: ClassificationNote;
  @ApiProperty({ description: 'The row as read (names as written, dateOfBirth as ISO)' })
  input: Record<string, string>;
  @ApiProperty({ type: [CandidateResponse], description: 'Best first, at most 5' }) candidates: CandidateResponse[];
  @ApiPropertyOptional({ type: AppliedResponse, nullable: true, description: 'Set once a confirmation applied it' })
  applied?: AppliedResponse | null;
}

export class BatchSummaryResponse {
  @ApiProperty() rows: number;
  @ApiProperty() confident: number;
  @ApiProperty() ambiguous: number;
  @ApiProperty() none: number;
}

export class ReconcileResponse {
  @ApiProperty({ format: 'uuid' }) batchId: string;
  @ApiProperty({ format: 'uuid' }) exchangeId: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: BatchSummaryResponse }) summary: BatchSummaryResponse;
  @ApiProperty({ type: [ReturneeRowResponse] }) rows: ReturneeRowResponse[];
}

export class BatchResponse {
  @ApiProperty({ format: 'uuid' }) batchId: string;
  @ApiProperty({ format: 'uuid' }) exchangeId: string;
  @ApiProperty({ enum: ['json', 'csv'] }) source: string;
  @ApiProperty({ type: BatchSummaryResponse }) summary: BatchSummaryResponse;
  @ApiProperty({ description: 'Rows confirmed to a case so far' }) applied: number;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) lastConfirmedAt: string | null;
}

export class BatchPageResponse {
  @ApiProperty({ type: [BatchResponse] }) items: BatchResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ReturneeRowPageResponse {
  @ApiProperty({ type: [ReturneeRowResponse] }) items: ReturneeRowResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ConfirmedItem {
  @ApiProperty() row: number;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: Outcome;
  @ApiProperty({ enum: ['moved', 'already_returned', 'already_deceased', 'status_kept', 'linked', 'already_linked'] })
  result: LinkResult;
  @ApiProperty({ description: 'The case status after the confirmation' }) caseStatus: string;
}

export class AlreadyAppliedItem {
  @ApiProperty() row: number;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: Outcome;
}

export class RefusedItem {
  @ApiProperty() row: number;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: ['merged', 'status_not_allowed', 'linked_with_other_outcome'] }) reason: RefusalReason;
  @ApiProperty() caseStatus: string;
  @ApiPropertyOptional({ type: [String], description: 'For status_not_allowed: where the case may move' })
  allowed?: readonly string[];
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) mergedIntoId?: string | null;
}

export class OpenRowItem {
  @ApiProperty() row: number;
  @ApiProperty({ enum: CLASSIFICATIONS }) classification: string;
}

export class ConfirmResponse {
  @ApiProperty({ format: 'uuid' }) batchId: string;
  @ApiProperty({ type: [ConfirmedItem], description: 'Applied by this call' }) applied: ConfirmedItem[];
  @ApiProperty({ type: [AlreadyAppliedItem], description: 'Applied before: nothing changed, nothing sent' })
  alreadyApplied: AlreadyAppliedItem[];
  @ApiProperty({
    type: [RefusedItem],
    description: 'Not applied: the case cannot take the outcome (reported, never forced)',
  })
  refused: RefusedItem[];
  @ApiProperty({
    type: [OpenRowItem],
    description: 'Rows of the list still without a case: people to open cases for, or to review again',
  })
  openRows: OpenRowItem[];
}

export function toCandidateResponse(c: ScoredCandidate, row: CaseSummaryRow | undefined): CandidateResponse {
  return {
    caseId: c.caseId,
    score: c.score,
    reasons: [...c.reasons],
    ...(row
      ? {
          reference: row.reference,
          status: row.status,
          person: {
            surname: row.surname,
            givenName: row.given_name,
            patronymic: row.patronymic,
            dateOfBirth: row.date_of_birth,
            militaryUnit: row.military_unit,
            serviceNumber: row.service_number,
          },
        }
      : {}),
  };
}

export function toReturneeRowResponse(r: StoredRow, cases: ReadonlyMap<string, CaseRow>): ReturneeRowResponse {
  return {
    row: r.row_number,
    classification: r.classification,
    note: r.note,
    input: r.input,
    candidates: r.candidates.map((c) => toCandidateResponse(c, cases.get(c.caseId))),
    applied:
      r.applied_case_id && r.applied_outcome && r.applied_at
        ? { caseId: r.applied_case_id, outcome: r.applied_outcome, at: r.applied_at.toISOString(), by: r.applied_by }
        : null,
  };
}

export function toBatchResponse(b: BatchRow): BatchResponse {
  return {
    batchId: b.id,
    exchangeId: b.exchange_id,
    source: b.source,
    summary: { rows: b.row_count, confident: b.confident, ambiguous: b.ambiguous, none: b.unmatched },
    applied: b.applied,
    createdBy: b.created_by,
    createdAt: b.created_at.toISOString(),
    lastConfirmedAt: b.last_confirmed_at ? b.last_confirmed_at.toISOString() : null,
  };
}
