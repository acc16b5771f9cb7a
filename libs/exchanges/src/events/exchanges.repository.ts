import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Outcome } from '../exchange-outcome';

/** An exchange event's own row. */
export interface ExchangeEventRow {
  id: string;
  date: string;
  title: string;
  mediator: string | null;
  announced_military: number;
  announced_civilian: number;
  announced_bodies: number;
  notes: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The event with the counts of its links, as the api shows it. */
export interface ExchangeRow extends ExchangeEventRow {
  linked_returned: number;
  linked_listed_not_returned: number;
  linked_remains_repatriated: number;
}

export interface ExchangeFields {
  date: string;
  title: string;
  mediator: string | null;
  announcedMilitary: number;
  announcedCivilian: number;
  announcedBodies: number;
  notes: string | null;
}

export interface LinkRow {
  case_id: string;
  outcome: Outcome;
  linked_at: Date;
  cursor_at: string;
  batch_id: string | null;
  batch_row: number | null;
  reference: string;
  status: string;
  surname: string;
  given_name: string;
  patronymic: string | null;
  date_of_birth: string | null;
  assignee_id: string | null;
}

export interface NewLink {
  caseId: string;
  outcome: Outcome;
  batchRow: number | null;
}

/** Links of cases merged away do not count: their person is counted through the surviving case. */
const EVENT_COLUMNS = `e.id, to_char(e.date, 'YYYY-MM-DD') AS date, e.title, e.mediator, e.announced_military,
  e.announced_civilian, e.announced_bodies, e.notes, e.version, e.created_at, e.updated_at`;
const COLUMNS = `${EVENT_COLUMNS},
  coalesce(l.returned, 0)::int AS linked_returned,
  coalesce(l.listed_not_returned, 0)::int AS linked_listed_not_returned,
  coalesce(l.remains_repatriated, 0)::int AS linked_remains_repatriated`;
const LINK_COUNTS = `LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE x.outcome = 'returned') AS returned,
           count(*) FILTER (WHERE x.outcome = 'listed_not_returned') AS listed_not_returned,
           count(*) FILTER (WHERE x.outcome = 'remains_repatriated') AS remains_repatriated
      FROM exchange_case_links x JOIN cases c ON c.id = x.case_id AND c.merged_into_id IS NULL
     WHERE x.exchange_id = e.id) l ON true`;

/** Every SQL statement of exchange events and their case links. */
@Injectable()
export class ExchangesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(m: EntityManager, f: ExchangeFields, createdBy: string): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO exchange_events (date, title, mediator, announced_military, announced_civilian, announced_bodies,
         notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [f.date, f.title, f.mediator, f.announcedMilitary, f.announcedCivilian, f.announcedBodies, f.notes, createdBy],
    );
    return rows[0].id;
  }

  async findById(id: string, m: EntityManager = this.dataSource.manager): Promise<ExchangeRow | null> {
    const rows: ExchangeRow[] = await m.query(
      `SELECT ${COLUMNS} FROM exchange_events e ${LINK_COUNTS} WHERE e.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * The event's own row, without counting its links (existence checks, the event a link names);
   * `lock`: held until the transaction ends.
   */
  async findEvent(
    id: string,
    m: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ExchangeEventRow | null> {
    const rows: ExchangeEventRow[] = await m.query(
      `SELECT ${EVENT_COLUMNS} FROM exchange_events e WHERE e.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Writes the fields if the version is still `version`; returns the new version or null. */
  async updateIfVersion(m: EntityManager, id: string, version: number, f: ExchangeFields): Promise<number | null> {
    const rows: { version: number }[] = await m.query(
      `WITH u AS (
         UPDATE exchange_events SET date = $3, title = $4, mediator = $5, announced_military = $6,
           announced_civilian = $7, announced_bodies = $8, notes = $9, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING version)
       SELECT version FROM u`,
      [id, version, f.date, f.title, f.mediator, f.announcedMilitary, f.announcedCivilian, f.announcedBodies, f.notes],
    );
    return rows[0]?.version ?? null;
  }

  /** Newest first; keyset on (date, id). */
  async listPage(year: number | undefined, after: [string, string] | null, limit: number): Promise<ExchangeRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM exchange_events e ${LINK_COUNTS}
        WHERE ($1::int IS NULL OR (e.date >= make_date($1::int, 1, 1) AND e.date < make_date($1::int + 1, 1, 1)))
          AND ($2::date IS NULL OR (e.date, e.id) < ($2::date, $3::uuid))
        ORDER BY e.date DESC, e.id DESC LIMIT $4`,
      [year ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
  }

  /** The outcome of each of the cases already linked to the exchange. */
  async outcomesOf(m: EntityManager, exchangeId: string, caseIds: string[]): Promise<Map<string, Outcome>> {
    if (caseIds.length === 0) return new Map();
    const rows: { case_id: string; outcome: Outcome }[] = await m.query(
      `SELECT case_id, outcome FROM exchange_case_links WHERE exchange_id = $1 AND case_id = ANY($2::uuid[])`,
      [exchangeId, caseIds],
    );
    return new Map(rows.map((r) => [r.case_id, r.outcome]));
  }

  async insertLinks(
    m: EntityManager,
    exchangeId: string,
    links: NewLink[],
    linkedBy: string,
    batchId: string | null,
  ): Promise<void> {
    if (links.length === 0) return;
    await m.query(
      `INSERT INTO exchange_case_links (exchange_id, case_id, outcome, linked_by, batch_id, batch_row)
       SELECT $1, l.case_id, l.outcome, $4, $5::uuid, l.batch_row
         FROM unnest($2::uuid[], $3::text[], $6::int[]) AS l(case_id, outcome, batch_row)`,
      [
        exchangeId,
        links.map((l) => l.caseId),
        links.map((l) => l.outcome),
        linkedBy,
        batchId,
        links.map((l) => l.batchRow),
      ],
    );
  }

  /** The cases linked to an exchange, newest link first; keyset on (linked_at, case_id). */
  async listLinks(
    exchangeId: string,
    outcome: Outcome | undefined,
    after: [string, string] | null,
    limit: number,
  ): Promise<LinkRow[]> {
    return this.dataSource.query(
      `SELECT l.case_id, l.outcome, l.linked_at, l.linked_at::text AS cursor_at, l.batch_id, l.batch_row,
              c.reference, c.status, c.surname, c.given_name, c.patronymic,
              to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, c.assignee_id
         FROM exchange_case_links l JOIN cases c ON c.id = l.case_id
        WHERE l.exchange_id = $1 AND ($2::text IS NULL OR l.outcome = $2)
          AND ($3::timestamptz IS NULL OR (l.linked_at, l.case_id) < ($3::timestamptz, $4::uuid))
        ORDER BY l.linked_at DESC, l.case_id DESC LIMIT $5`,
      [exchangeId, outcome ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
  }
}
