import { ApiProperty } from '@nestjs/swagger';
import { Outcome, OUTCOMES } from '../../exchange-outcome';
import { LinkResult } from '../../links/link-plan';
import { ExchangeRow, LinkRow } from '../exchanges.repository';

export class AnnouncedResponse {
  @ApiProperty() military: number;
  @ApiProperty() civilian: number;
  @ApiProperty() bodies: number;
  @ApiProperty({ description: 'military + civilian' }) returnedTotal: number;
}

export class LinkedCountsResponse {
  @ApiProperty() returned: number;
  @ApiProperty() listed_not_returned: number;
  @ApiProperty() remains_repatriated: number;
}

export class ExchangeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2024-12-30' }) date: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) mediator: string | null;
  @ApiProperty({ type: AnnouncedResponse, description: 'The official figures' }) announced: AnnouncedResponse;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: LinkedCountsResponse, description: 'Cases linked here, by outcome' })
  linkedCases: LinkedCountsResponse;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ExchangePageResponse {
  @ApiProperty({ type: [ExchangeResponse] }) items: ExchangeResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class LinkResponse {
  @ApiProperty({ format: 'uuid' }) exchangeId: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: Outcome;
  @ApiProperty({
    enum: ['moved', 'already_returned', 'already_deceased', 'status_kept', 'linked', 'already_linked'],
    description: 'moved: the case changed status through the machine; already_linked: nothing changed',
  })
  result: LinkResult;
  @ApiProperty() caseStatus: string;
  @ApiProperty() caseVersion: number;
}

export class LinkedPersonResponse {
  @ApiProperty() surname: string;
  @ApiProperty() givenName: string;
  @ApiProperty({ nullable: true, type: String }) patronymic: string | null;
  @ApiProperty({ nullable: true, type: String }) dateOfBirth: string | null;
}

export class LinkedCaseItem {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() reference: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: Outcome;
  @ApiProperty() linkedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assigneeId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The return list it was confirmed from' })
  batchId: string | null;
  @ApiProperty({ nullable: true, type: Number }) batchRow: number | null;
  @ApiProperty({ type: LinkedPersonResponse }) person: LinkedPersonResponse;
}

export class LinkedCasePageResponse {
  @ApiProperty({ type: [LinkedCaseItem] }) items: LinkedCaseItem[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toExchangeResponse(r: ExchangeRow): ExchangeResponse {
  return {
    id: r.id,
    date: r.date,
    title: r.title,
    mediator: r.mediator,
    announced: {
      military: r.announced_military,
      civilian: r.announced_civilian,
      bodies: r.announced_bodies,
      returnedTotal: r.announced_military + r.announced_civilian,
    },
    notes: r.notes,
    version: r.version,
    linkedCases: {
      returned: r.linked_returned,
      listed_not_returned: r.linked_listed_not_returned,
      remains_repatriated: r.linked_remains_repatriated,
    },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export function toLinkedCaseItem(r: LinkRow): LinkedCaseItem {
  return {
    caseId: r.case_id,
    reference: r.reference,
    status: r.status,
    outcome: r.outcome,
    linkedAt: r.linked_at.toISOString(),
    assigneeId: r.assignee_id,
    batchId: r.batch_id,
    batchRow: r.batch_row,
    person: { surname: r.surname, givenName: r.given_name, patronymic: r.patronymic, dateOfBirth: r.date_of_birth },
  };
}
