import { encodeCursor } from './pagination';
import { decodeTimeKeyset, SEQUENCE_TEXT, UUID_TEXT } from './keyset';

describe(decodeTimeKeyset.name, () => {
  const uuid = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
  it.each<[string, string | undefined, RegExp, boolean]>([
    ['no cursor', undefined, UUID_TEXT, true],
    ['a time and a uuid', encodeCursor(['2025-06-01 12:00:00.123456+00', uuid]), UUID_TEXT, true],
    ['a time with a +03 zone', encodeCursor(['2025-06-01 15:00:00+03', '42']), SEQUENCE_TEXT, true],
    ['an ISO time', encodeCursor(['2025-06-01T12:00:00Z', '42']), SEQUENCE_TEXT, true],
    ['a word for a time', encodeCursor(['yesterday', uuid]), UUID_TEXT, false],
    ['the 30th of February', encodeCursor(['2025-02-30 12:00:00+00', uuid]), UUID_TEXT, false],
    ['an impossible date', encodeCursor(['2025-13-45 12:00:00+00', uuid]), UUID_TEXT, false],
    ['a bad uuid', encodeCursor(['2025-06-01 12:00:00+00', 'x']), UUID_TEXT, false],
    ['a bad sequence number', encodeCursor(['2025-06-01 12:00:00+00', '1; DROP']), SEQUENCE_TEXT, false],
    ['one value', encodeCursor(['2025-06-01 12:00:00+00']), UUID_TEXT, false],
    ['not base64 JSON', 'garbage', UUID_TEXT, false],
  ])('%s', (_label, cursor, id, ok) => {
    if (ok) expect(() => decodeTimeKeyset(cursor, id)).not.toThrow();
    else expect(() => decodeTimeKeyset(cursor, id)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});
