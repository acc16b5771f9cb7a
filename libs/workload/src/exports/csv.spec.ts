import { Readable } from 'node:stream';
import { csvCell, csvLine, csvStream, UTF8_BOM } from './csv';

describe(csvCell.name, () => {
  it.each<[string, unknown, string]>([
    ['plain text', 'Шевченко', 'Шевченко'],
    ['a comma', 'Київ, Україна', '"Київ, Україна"'],
    ['a quote', 'позивний "Сокіл"', '"позивний ""Сокіл"""'],
    ['a line break', 'рядок\nдругий', '"рядок\nдругий"'],
    ['a formula', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a plus sign', '+380501234567', "'+380501234567"],
    ['a minus sign', '-5', "'-5"],
    ['an at sign', '@cmd', "'@cmd"],
    ['a number', -5, '-5'],
    ['a boolean', true, 'true'],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['a date', new Date('2025-01-02T03:04:05.000Z'), '2025-01-02T03:04:05.000Z'],
    ['leading space', ' x', '" x"'],
  ])('%s', (_label, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('ends each record with CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe(csvStream.name, () => {
  it('starts with the UTF-8 byte-order mark and the header, then streams every batch', async () => {
    async function* batches(): AsyncGenerator<unknown[][]> {
      yield [['Іваненко', 1]];
      yield [];
      yield [['Петренко', 2]];
    }
    const chunks: Buffer[] = [];
    for await (const chunk of csvStream(['name', 'n'], batches()) as Readable) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(`${UTF8_BOM}name,n\r\nІваненко,1\r\nПетренко,2\r\n`);
  });
});
