import { Language, MESSAGE_KINDS } from '../notification-types';
import { FAMILY_STATUSES } from './event-plan';
import {
  ANTI_FRAUD,
  InAppInput,
  renderFamilyEmail,
  renderFamilySms,
  renderInApp,
  renderStaffEmail,
  StaffKind,
  ukPlural,
} from './templates';

const REF = 'INQ-2025-000123';
const URL = 'https://portal.example.test';
const LANGUAGES: Language[] = ['uk', 'en'];

const INPUTS: InAppInput[] = [
  { kind: 'inquiry.received', reference: REF },
  { kind: 'inquiry.linked', reference: REF, kinshipVerified: false },
  { kind: 'inquiry.linked', reference: REF, kinshipVerified: true },
  { kind: 'inquiry.rejected', reference: REF, reason: 'Дублікат' },
  { kind: 'inquiry.rejected', reference: REF, reason: null },
  { kind: 'inquiry.kinship_verified', reference: REF },
  ...FAMILY_STATUSES.map((status) => ({ kind: 'case.status_changed' as const, reference: REF, status })),
  { kind: 'case.contact_pending', reference: REF },
  { kind: 'case.note_shared', reference: REF, note: 'Текст примітки' },
  { kind: 'staff.cases_assigned', caseReferences: ['CASE-1'] },
  { kind: 'staff.overdue_reminder', caseReferences: ['CASE-1', 'CASE-2'] },
  { kind: 'staff.in_person_task', caseReference: 'CASE-1', reason: 'deceased' },
  { kind: 'staff.in_person_task', caseReference: 'CASE-1', reason: 'remains_repatriated' },
  { kind: 'staff.overdue_digest', overdueCount: 5, assignees: 2 },
];

describe(renderInApp.name, () => {
  it('has a template for every kind of message', () => {
    expect([...new Set(INPUTS.map((i) => i.kind))].sort()).toEqual([...MESSAGE_KINDS].sort());
  });

  it.each(LANGUAGES.flatMap((language) => INPUTS.map((input) => [language, input] as const)))(
    '%s: %j has a title and a body, in that language',
    (language, input) => {
      const { title, body } = renderInApp(input, language);
      expect(title.length).toBeGreaterThan(0);
      expect(title.length).toBeLessThanOrEqual(300);
      expect(body.length).toBeGreaterThan(0);
      if ('reference' in input && input.kind !== 'case.note_shared') expect(`${title} ${body}`).toContain(REF);
      const cyrillic = /[А-Яа-яІіЇїЄєҐґ]/.test(
        `${title} ${body}`.replace('Текст примітки', '').replace('Дублікат', ''),
      );
      expect(cyrillic).toBe(language === 'uk');
    },
  );

  it.each([
    ['uk', 'Статус справи за вашим зверненням INQ-2025-000123: перебування в полоні підтверджено.'],
    ['en', 'The status of the case for your inquiry INQ-2025-000123: captivity confirmed.'],
  ] as const)('words a status for the family (%s)', (language, body) => {
    expect(
      renderInApp({ kind: 'case.status_changed', reference: REF, status: 'captivity_confirmed' }, language).body,
    ).toBe(body);
  });

  it('tells the family only that the caseworker will contact them', () => {
    const text = JSON.stringify(LANGUAGES.map((l) => renderInApp({ kind: 'case.contact_pending', reference: REF }, l)));
    expect(text).not.toMatch(/загиб|помер|смерт|тіл|deceased|died|death|remains/i);
  });

  it('lists at most twenty case references', () => {
    const refs = Array.from({ length: 25 }, (_, i) => `CASE-${i}`);
    expect(renderInApp({ kind: 'staff.cases_assigned', caseReferences: refs }, 'en').body).toMatch(
      /CASE-19 and 5 more\.$/,
    );
    expect(renderInApp({ kind: 'staff.cases_assigned', caseReferences: refs }, 'uk').title).toBe(
      'Вам призначено 25 справ',
    );
  });
});

describe(ukPlural.name, () => {
  it.each([
    [1, 'справа'],
    [2, 'справи'],
    [4, 'справи'],
    [5, 'справ'],
    [11, 'справ'],
    [12, 'справ'],
    [14, 'справ'],
    [21, 'справа'],
    [22, 'справи'],
    [111, 'справ'],
    [0, 'справ'],
  ])('%d %s', (n, word) => {
    expect(ukPlural(n, 'справа', 'справи', 'справ')).toBe(word);
  });
});

describe('external messages', () => {
  it.each(LANGUAGES)(
    'e-mail and SMS (%s) name the reference, the portal and the fraud warning, nothing else',
    (language) => {
      const mail = renderFamilyEmail(REF, language, URL);
      const sms = renderFamilySms(REF, language, URL);
      for (const text of [`${mail.title}\n${mail.body}`, sms]) {
        expect(text).toContain(REF);
        expect(text).toContain(URL);
        expect(text).toMatch(/ніколи не просить грошей|never asks for money/);
      }
      expect(mail.body).toContain(ANTI_FRAUD[language]);
      // The signatures take no other data: every family e-mail is the same but for the reference.
      expect(renderFamilyEmail('INQ-X', language, URL).body).toBe(mail.body.replaceAll(REF, 'INQ-X'));
    },
  );

  it.each(
    LANGUAGES.flatMap((language) =>
      (
        [
          'staff.cases_assigned',
          'staff.in_person_task',
          'staff.overdue_reminder',
          'staff.overdue_digest',
        ] as StaffKind[]
      ).map((kind) => [language, kind] as const),
    ),
  )('staff e-mail (%s, %s) only points to the portal', (language, kind) => {
    const mail = renderStaffEmail(kind, language, URL);
    expect(mail.body).toContain(URL);
    expect(mail.body).not.toMatch(/CASE-|INQ-/);
  });
});
