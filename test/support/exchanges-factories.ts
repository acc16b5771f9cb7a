import * as iconv from 'iconv-lite';
import type { Test } from 'supertest';
import { TestApi } from './api';
import { SignedIn } from './factories';

export interface ExchangeBody {
  date: string;
  title: string;
  mediator?: string;
  announced: { military: number; civilian: number; bodies: number };
  notes?: string;
}

export function exchangeBody(overrides: Partial<ExchangeBody> = {}): ExchangeBody {
  return {
    date: '2020-04-16',
    title: 'Обмін полоненими',
    mediator: 'ОАЕ',
    announced: { military: 150, civilian: 39, bodies: 0 },
    ...overrides,
  };
}

/** An exchange recorded by council through the api. */
export async function createExchange(
  api: TestApi,
  council: SignedIn,
  overrides: Partial<ExchangeBody> = {},
): Promise<{ id: string; version: number; date: string }> {
  const res = await api.http.post('/api/exchanges').set(council.auth).send(exchangeBody(overrides)).expect(201);
  return res.body as { id: string; version: number; date: string };
}

/** A CSV file as a spreadsheet saves it: a header and rows, in UTF-8 (with or without BOM) or Windows-1251. */
export function csvFile(
  rows: string[][],
  options: { delimiter?: string; encoding?: 'utf8' | 'utf8-bom' | 'win1251'; eol?: string } = {},
): Buffer {
  const delimiter = options.delimiter ?? ';';
  const text = rows.map((cells) => cells.map((c) => quote(c, delimiter)).join(delimiter)).join(options.eol ?? '\r\n');
  switch (options.encoding ?? 'utf8') {
    case 'win1251':
      return iconv.encode(text, 'win1251');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    default:
      return Buffer.from(text, 'utf8');
  }
}

function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Uploads a return list as a multipart file. */
export function uploadCsv(api: TestApi, user: SignedIn, exchangeId: string, file: Buffer): Test {
  return api.http
    .post(`/api/exchanges/${exchangeId}/returnees`)
    .set(user.auth)
    .attach('file', file, { filename: 'list.csv', contentType: 'text/csv' });
}

/** Sends a return list as a bare text/csv body. */
export function postCsvBody(api: TestApi, user: SignedIn, exchangeId: string, file: Buffer): Test {
  return api.http
    .post(`/api/exchanges/${exchangeId}/returnees`)
    .set(user.auth)
    .set('content-type', 'text/csv; charset=utf-8')
    .send(file);
}

export interface ReturneeAnswer {
  batchId: string;
  summary: { rows: number; confident: number; ambiguous: number; none: number };
  rows: {
    row: number;
    classification: 'confident' | 'ambiguous' | 'none';
    note: string;
    input: Record<string, string>;
    candidates: { caseId: string; score: number; reasons: string[]; status?: string }[];
  }[];
}
