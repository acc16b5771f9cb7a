import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { decodeCursor, DEFAULT_PAGE_SIZE, DomainError, FieldProblem, Page, toPage } from '@app/core';
import { AuthUser } from '@app/identity';
import { CreateExchangeDto, ListExchangesQuery, UpdateExchangeDto } from './dto/exchange-requests.dto';
import { ExchangeResponse, toExchangeResponse } from './dto/exchange.response';
import { ExchangeFields, ExchangeRow, ExchangesRepository } from './exchanges.repository';

/** The first exchange of prisoners the portal may record (independence; nothing earlier is an exchange of Ukraine). */
const EARLIEST_DATE = '1991-08-24';

/** Exchange events: council records and corrects them; staff read them. */
@Injectable()
export class ExchangesService {
  constructor(
    private readonly exchanges: ExchangesRepository,
    private readonly audit: AuditService,
  ) {}

  async create(user: AuthUser, dto: CreateExchangeDto): Promise<ExchangeResponse> {
    const fields: ExchangeFields = {
      date: dto.date,
      title: dto.title,
      mediator: dto.mediator ?? null,
      announcedMilitary: dto.announced.military,
      announcedCivilian: dto.announced.civilian,
      announcedBodies: dto.announced.bodies,
      notes: dto.notes ?? null,
    };
    assertExchangeDate(fields.date);
    return this.exchanges.transaction(async (m) => {
      const id = await this.exchanges.insert(m, fields, user.id);
      await this.audit.record(
        { actor: user, action: 'exchange.create', entity: 'exchange', entityId: id, requestId: user.requestId },
        m,
      );
      return toExchangeResponse((await this.exchanges.findById(id, m))!);
    });
  }

  async list(query: ListExchangesQuery): Promise<Page<ExchangeResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await this.exchanges.listPage(query.year, after, limit);
    return toPage(rows, limit, toExchangeResponse, (r) => [r.date, r.id]);
  }

  async get(id: string): Promise<ExchangeResponse> {
    return toExchangeResponse(await this.find(id));
  }

  async update(user: AuthUser, id: string, dto: UpdateExchangeDto): Promise<ExchangeResponse> {
    return this.exchanges.transaction(async (m) => {
      const row = await this.exchanges.findEvent(id, m, true);
      if (!row) throw DomainError.notFound('Exchange');
      const a = dto.announced ?? {};
      const next: ExchangeFields = {
        date: dto.date ?? row.date,
        title: dto.title ?? row.title,
        mediator: dto.mediator === undefined ? row.mediator : dto.mediator,
        announcedMilitary: a.military ?? row.announced_military,
        announcedCivilian: a.civilian ?? row.announced_civilian,
        announcedBodies: a.bodies ?? row.announced_bodies,
        notes: dto.notes === undefined ? row.notes : dto.notes,
      };
      assertExchangeDate(next.date);
      const version = await this.exchanges.updateIfVersion(m, id, dto.version, next);
      if (version === null) {
        throw new DomainError(
          'version_conflict',
          `The exchange changed since you read it (version ${row.version} now); reload and try again`,
          { currentVersion: row.version },
        );
      }
      const fields = [
        ...Object.keys(dto).filter((k) => k !== 'version' && k !== 'announced'),
        ...Object.keys(a).map((k) => `announced.${k}`),
      ];
      await this.audit.record(
        {
          actor: user,
          action: 'exchange.update',
          entity: 'exchange',
          entityId: id,
          requestId: user.requestId,
          details: { fields },
        },
        m,
      );
      return toExchangeResponse((await this.exchanges.findById(id, m))!);
    });
  }

  /** The exchange, or 404. */
  async find(id: string): Promise<ExchangeRow> {
    const row = await this.exchanges.findById(id);
    if (!row) throw DomainError.notFound('Exchange');
    return row;
  }
}

/** A real calendar date, not in the future, not before independence. */
export function exchangeDateProblems(date: string, today: Date = new Date()): FieldProblem[] {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    return [{ field: 'date', rule: 'isDate', message: 'date is not a real date' }];
  }
  if (date > kyivDate(today)) {
    return [{ field: 'date', rule: 'notInFuture', message: 'date must not be in the future' }];
  }
  if (date < EARLIEST_DATE) {
    return [{ field: 'date', rule: 'notBefore', message: `date must not be before ${EARLIEST_DATE}` }];
  }
  return [];
}

/** Exchanges are dated in Kyiv: just after midnight there it is still yesterday in UTC. */
function kyivDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(at);
}

function assertExchangeDate(date: string): void {
  const problems = exchangeDateProblems(date);
  if (problems.length > 0) throw DomainError.validation(problems);
}
