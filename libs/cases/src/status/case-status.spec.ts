import { CASE_STATUSES, CaseStatus, checkTransition, isFamilyVisible } from './case-status';

/** Every row of the machine (from × to × role), written out independently of the table it tests. */
const ALLOWED: Record<CaseStatus, CaseStatus[]> = {
  registered: ['missing', 'captivity_confirmed', 'returned', 'deceased', 'closed'],
  missing: ['captivity_confirmed', 'returned', 'deceased', 'closed'],
  captivity_confirmed: ['exchange_listed', 'returned', 'deceased', 'missing'],
  exchange_listed: ['returned', 'captivity_confirmed', 'deceased'],
  returned: ['closed'],
  deceased: ['closed'],
  closed: ['registered'],
};
const ROLES = ['caseworker', 'council'] as const;

const rows = CASE_STATUSES.flatMap((from) =>
  CASE_STATUSES.flatMap((to) =>
    ROLES.map((role) => {
      const inTable = ALLOWED[from].includes(to);
      const reopen = from === 'closed' && to === 'registered';
      const expected = !inTable ? 'not_allowed' : reopen && role !== 'council' ? 'council_only' : 'ok';
      return [from, to, role, expected] as const;
    }),
  ),
);

describe(checkTransition.name, () => {
  it.each(rows)('%s → %s as %s: %s', (from, to, role, expected) => {
    const result = checkTransition(from, to, role);
    if (expected === 'ok') expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, problem: expected });
    if (expected === 'not_allowed' && !result.ok && result.problem === 'not_allowed') {
      expect([...result.allowed]).toEqual(ALLOWED[from]);
    }
  });

  it.each([
    ['registered', 'closed', true],
    ['missing', 'deceased', true],
    ['closed', 'registered', true],
    ['registered', 'missing', false],
    ['captivity_confirmed', 'returned', false],
    ['returned', 'closed', true],
  ] as const)('%s → %s needs a reason: %s', (from, to, needed) => {
    expect(checkTransition(from, to, 'council')).toEqual({ ok: true, reasonRequired: needed });
  });

  it('lets every open status move to returned, and only a confirmed captive onto an exchange list', () => {
    for (const from of CASE_STATUSES.filter((s) => s !== 'returned' && s !== 'deceased' && s !== 'closed')) {
      expect(checkTransition(from, 'returned', 'caseworker').ok).toBe(true);
    }
    const toListed = CASE_STATUSES.filter((from) => checkTransition(from, 'exchange_listed', 'council').ok);
    expect(toListed).toEqual(['captivity_confirmed']);
  });
});

describe(isFamilyVisible.name, () => {
  it('hides only exchange_listed', () => {
    expect(CASE_STATUSES.filter((s) => !isFamilyVisible(s))).toEqual(['exchange_listed']);
  });
});
