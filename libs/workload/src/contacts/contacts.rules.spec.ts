import { contactInquiryProblem, contactTimeProblem, sharedContactProblem } from './contacts.rules';

describe(contactTimeProblem.name, () => {
  const now = new Date('2025-06-01T12:00:00.000Z');
  it.each<[string, string | undefined, string | null]>([
    ['no time (now)', undefined, null],
    ['an hour ago', '2025-06-01T11:00:00.000Z', null],
    ['a year ago', '2024-06-01T12:00:00Z', null],
    ['four minutes ahead (clock skew)', '2025-06-01T12:04:00.000Z', null],
    ['an hour ahead', '2025-06-01T13:00:00.000Z', 'notInFuture'],
    ['next year', '2026-01-01T00:00:00Z', 'notInFuture'],
  ])('%s', (_label, at, rule) => {
    expect(contactTimeProblem(at, now)?.rule ?? null).toBe(rule);
  });
});

describe(sharedContactProblem.name, () => {
  it.each<[string, { visibility: string; inquiryId?: string }, string | null]>([
    ['shared with its inquiry', { visibility: 'shared', inquiryId: 'i' }, null],
    ['shared without one', { visibility: 'shared' }, 'requiredWhenShared'],
    ['internal without one', { visibility: 'internal' }, null],
    ['internal with one', { visibility: 'internal', inquiryId: 'i' }, null],
  ])('%s', (_label, dto, rule) => {
    expect(sharedContactProblem(dto)?.rule ?? null).toBe(rule);
  });
});

describe(contactInquiryProblem.name, () => {
  it.each<[string, string, string | null, string | null]>([
    ['shared, linked', 'shared', 'linked', null],
    ['shared, withdrawn', 'shared', 'withdrawn', 'linkedInquiry'],
    ['internal, withdrawn', 'internal', 'withdrawn', null],
    ['internal, linked', 'internal', 'linked', null],
    ['shared, not of this case', 'shared', null, 'inquiryOfCase'],
    ['internal, not of this case', 'internal', null, 'inquiryOfCase'],
  ])('%s', (_label, visibility, status, rule) => {
    expect(contactInquiryProblem(visibility, status)?.rule ?? null).toBe(rule);
  });
});
