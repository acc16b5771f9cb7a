import { Audience, Content, planEvent } from './event-plan';

const CASE = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const USER = '33333333-3333-4333-8333-333333333333';
const INQUIRY = '44444444-4444-4444-8444-444444444444';
const NOTE = '55555555-5555-4555-8555-555555555555';

type Row = [string, Record<string, unknown>, [Audience['kind'], Content['kind']][]];

describe(planEvent.name, () => {
  const status = (to: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    caseId: CASE,
    from: 'registered',
    to,
    familyVisible: to !== 'exchange_listed',
    inPerson: to === 'deceased',
    assigneeId: USER,
    ...extra,
  });

  it.each<Row>([
    ['inquiry.received', { inquiryId: INQUIRY }, [['inquiry_owner', 'inquiry.received']]],
    ['inquiry.linked', { inquiryId: INQUIRY, caseId: CASE }, [['inquiry_owner', 'inquiry.linked']]],
    ['inquiry.rejected', { inquiryId: INQUIRY }, [['inquiry_owner', 'inquiry.rejected']]],
    ['inquiry.kinship_verified', { inquiryId: INQUIRY, caseId: null }, [['inquiry_owner', 'inquiry.kinship_verified']]],
    ['case.status_changed', status('registered'), [['case_family', 'case.status_changed']]],
    ['case.status_changed', status('missing'), [['case_family', 'case.status_changed']]],
    ['case.status_changed', status('captivity_confirmed'), [['case_family', 'case.status_changed']]],
    ['case.status_changed', status('returned'), [['case_family', 'case.status_changed']]],
    ['case.status_changed', status('closed'), [['case_family', 'case.status_changed']]],
    ['case.status_changed', status('exchange_listed'), []],
    // Either signal holds the news back, even if the other disagrees.
    ['case.status_changed', status('exchange_listed', { familyVisible: true }), []],
    ['case.status_changed', status('missing', { familyVisible: false }), []],
    [
      'case.status_changed',
      status('deceased'),
      [
        ['case_family', 'case.contact_pending'],
        ['case_holder', 'staff.in_person_task'],
      ],
    ],
    [
      'case.status_changed',
      status('deceased', { inPerson: false }),
      [
        ['case_family', 'case.contact_pending'],
        ['case_holder', 'staff.in_person_task'],
      ],
    ],
    ['case.note_shared', { caseId: CASE, noteId: NOTE }, [['case_family', 'case.note_shared']]],
    ['case.assigned', { caseIds: [CASE, OTHER], assigneeId: USER }, [['staff', 'staff.cases_assigned']]],
    ['case.assigned', { caseIds: [CASE], assigneeId: USER, assignedBy: OTHER }, [['staff', 'staff.cases_assigned']]],
    // Taken by the caseworker themself: nothing to tell.
    ['case.assigned', { caseIds: [CASE], assigneeId: USER, assignedBy: USER.toUpperCase() }, []],
    // Deceased because the remains came home: the exchange's own event tells it, once.
    ['case.status_changed', status('deceased', { cause: 'remains_repatriated' }), []],
    [
      'case.exchange_outcome',
      { caseId: CASE, exchangeId: OTHER, outcome: 'remains_repatriated', assigneeId: null },
      [
        ['case_family', 'case.contact_pending'],
        ['case_holder', 'staff.in_person_task'],
      ],
    ],
    ['case.exchange_outcome', { caseId: CASE, exchangeId: OTHER, outcome: 'returned', assigneeId: USER }, []],
    [
      'case.exchange_outcome',
      { caseId: CASE, exchangeId: OTHER, outcome: 'listed_not_returned', assigneeId: USER },
      [],
    ],
    [
      'workload.overdue_reminder',
      { assigneeId: USER, caseIds: [CASE], count: 1 },
      [['staff', 'staff.overdue_reminder']],
    ],
    [
      'workload.overdue_digest',
      { overdueCount: 3, byAssignee: [{ assigneeId: USER, count: 3 }] },
      [['council', 'staff.overdue_digest']],
    ],
  ])('%s %j → %j', (type, payload, expected) => {
    const plan = planEvent(type, payload);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.messages.map((m) => [m.audience.kind, m.content.kind])).toEqual(expected);
  });

  it('never words a status the family may not be told', () => {
    for (const to of ['exchange_listed', 'deceased']) {
      const plan = planEvent('case.status_changed', status(to));
      expect(JSON.stringify(plan)).not.toContain(`"status":"${to}"`);
    }
  });

  it('gives the in-person task to the holder named in the event, else leaves it to the database', () => {
    const plan = planEvent('case.status_changed', status('deceased', { assigneeId: null }));
    expect(plan).toMatchObject({
      ok: true,
      messages: [{}, { audience: { kind: 'case_holder', caseId: CASE, assigneeId: null } }],
    });
  });

  it('lowers and de-duplicates case ids of a digest', () => {
    const plan = planEvent('case.assigned', { caseIds: [CASE.toUpperCase(), CASE, OTHER], assigneeId: USER });
    expect(plan).toMatchObject({ ok: true, messages: [{ content: { caseIds: [CASE, OTHER] } }] });
  });

  it.each<[string, unknown, string]>([
    ['case.status_changed', { caseId: 'x', to: 'missing' }, 'malformed case.status_changed: caseId is not a uuid'],
    ['case.status_changed', { caseId: CASE }, 'malformed case.status_changed: to is not a status'],
    ['case.status_changed', { caseId: CASE, to: 'jailed' }, 'malformed case.status_changed: unknown status jailed'],
    ['case.note_shared', { caseId: CASE }, 'malformed case.note_shared: noteId is not a uuid'],
    ['case.assigned', { caseIds: [], assigneeId: USER }, 'malformed case.assigned: caseIds is not a non-empty list'],
    [
      'case.assigned',
      { caseIds: [CASE], assigneeId: USER, assignedBy: 'me' },
      'malformed case.assigned: assignedBy is not a uuid',
    ],
    [
      'case.assigned',
      { caseIds: [1], assigneeId: USER },
      'malformed case.assigned: caseIds holds something other than uuids',
    ],
    ['case.exchange_outcome', { caseId: CASE, outcome: 'lost' }, 'malformed case.exchange_outcome: unknown outcome'],
    ['workload.overdue_digest', { overdueCount: -1 }, 'malformed workload.overdue_digest: overdueCount is not a count'],
    ['inquiry.received', null, 'payload is not an object'],
    ['inquiry.received', [INQUIRY], 'payload is not an object'],
    ['case.deleted', { caseId: CASE }, 'no messages for event type case.deleted'],
  ])('refuses %s %j: %s', (type, payload, reason) => {
    expect(planEvent(type, payload)).toEqual({ ok: false, reason });
  });
});
