import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';

/** A byte-order mark first, so that spreadsheet programs read the file as UTF-8 (Cyrillic intact). */
export const UTF8_BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 cell: quoted when needed, quotes doubled, formulas defused with a leading apostrophe. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  else text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** A CSV export: a file name and a stream of UTF-8 bytes that starts with the BOM and the header. */
export interface CsvExport {
  filename: string;
  stream: Readable;
}

/** Streams the header, then each batch of rows as it arrives: never the whole file in memory. */
export function csvStream(
  header: readonly string[],
  batches: AsyncIterable<unknown[][]> | Iterable<unknown[][]>,
): Readable {
  async function* lines(): AsyncGenerator<Buffer> {
    yield Buffer.from(UTF8_BOM + csvLine(header), 'utf8');
    for await (const batch of batches) {
      if (batch.length > 0) yield Buffer.from(batch.map(csvLine).join(''), 'utf8');
    }
  }
  return Readable.from(lines(), { objectMode: false });
}

export function toCsvFile(file: CsvExport): StreamableFile {
  return new StreamableFile(file.stream, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${file.filename}"`,
  });
}
