import { ApiProperty } from '@nestjs/swagger';
import { WaitingRow } from '../workload.repository';
import { ByStatus, HolderLoad, LoadFigures } from '../workload.rules';

const BY_STATUS = {
  description: 'Open cases per status (every open status, zeros included)',
  example: { registered: 3, missing: 2, captivity_confirmed: 5, exchange_listed: 1, returned: 0, deceased: 0 },
};

export class LoadFiguresResponse {
  @ApiProperty({ description: 'Open cases (every status but closed)' }) open: number;
  @ApiProperty({ description: 'Open cases whose family has had no news for overdueDays days' }) overdue: number;
  @ApiProperty(BY_STATUS) byStatus: ByStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'Age in days of the oldest open case' })
  oldestOpenDays: number | null;
  @ApiProperty({ description: 'Cases (open or closed) changed in the last seven days' }) changedThisWeek: number;
}

export class CaseworkerLoadResponse extends LoadFiguresResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ['caseworker', 'council', 'admin', 'unknown'] }) role: string;
  @ApiProperty() active: boolean;
}

export class TotalsResponse extends LoadFiguresResponse {
  @ApiProperty({ description: 'Active caseworkers' }) caseworkers: number;
}

export class WaitingItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: ['military', 'civilian'] }) category: string;
  @ApiProperty() ageDays: number;
}

export class AgeBands {
  @ApiProperty() upTo7Days: number;
  @ApiProperty() upTo30Days: number;
  @ApiProperty() over30Days: number;
}

export class UnassignedResponse {
  @ApiProperty({ description: 'Open cases nobody holds' }) cases: number;
  @ApiProperty({ description: 'Inquiries not yet triaged (submitted or in review)' }) inquiries: number;
  @ApiProperty() overdueCases: number;
  @ApiProperty(BY_STATUS) casesByStatus: ByStatus;
  @ApiProperty({ description: 'Unassigned cases (open or closed) changed in the last seven days' })
  changedThisWeek: number;
  @ApiProperty({ nullable: true, type: Number }) oldestCaseDays: number | null;
  @ApiProperty({ nullable: true, type: Number }) oldestInquiryDays: number | null;
  @ApiProperty({ type: AgeBands }) caseAges: AgeBands;
  @ApiProperty({ type: AgeBands }) inquiryAges: AgeBands;
  @ApiProperty({ type: [WaitingItem], description: 'The oldest unassigned cases (at most 10)' })
  oldestCases: WaitingItem[];
  @ApiProperty({ type: [WaitingItem], description: 'The oldest untriaged inquiries (at most 10)' })
  oldestInquiries: WaitingItem[];
}

export class WorkloadResponse {
  @ApiProperty() generatedAt: string;
  @ApiProperty({ description: 'N of the no-news rule: a case is overdue after N days without family news' })
  overdueDays: number;
  @ApiProperty({ nullable: true, type: String, enum: ['military', 'civilian'] }) category: string | null;
  @ApiProperty({ type: [CaseworkerLoadResponse], description: 'Every active caseworker, heaviest load first' })
  caseworkers: CaseworkerLoadResponse[];
  @ApiProperty({
    type: [CaseworkerLoadResponse],
    description: 'Others holding open cases: council members, or deactivated accounts whose cases need a new holder',
  })
  otherHolders: CaseworkerLoadResponse[];
  @ApiProperty({ type: TotalsResponse, description: 'Every open case, held or not' }) totals: TotalsResponse;
  @ApiProperty({ type: UnassignedResponse }) unassigned: UnassignedResponse;
}

export function toLoadResponse(load: HolderLoad): CaseworkerLoadResponse {
  return {
    id: load.id,
    fullName: load.fullName,
    role: load.role,
    active: load.active,
    ...toFigures(load),
  };
}

export function toFigures(f: LoadFigures): LoadFiguresResponse {
  return {
    open: f.open,
    overdue: f.overdue,
    byStatus: { ...f.byStatus },
    oldestOpenDays: f.oldestOpenDays,
    changedThisWeek: f.changedThisWeek,
  };
}

export function toAgeBands(w: WaitingRow): AgeBands {
  return { upTo7Days: w.up_to_7_days, upTo30Days: w.up_to_30_days, over30Days: w.over_30_days };
}

export function toWaitingItems(w: WaitingRow): WaitingItem[] {
  return w.oldest.map((o) => ({
    id: o.id,
    reference: o.reference,
    status: o.status,
    category: o.category,
    ageDays: o.age_days,
  }));
}
