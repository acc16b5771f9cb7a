import { ChangedRow, emptyByStatus, OpenGroupRow, StaffRow, tallyWorkload } from './workload.rules';

const staff = (id: string, role = 'caseworker', active = true, full_name = `Name ${id}`): StaffRow => ({
  id,
  full_name,
  role,
  active,
});
const group = (
  assignee_id: string | null,
  status: OpenGroupRow['status'],
  open: number,
  overdue = 0,
  oldest_days = 1,
): OpenGroupRow => ({ assignee_id, status, open, overdue, oldest_days });

describe(tallyWorkload.name, () => {
  it('gives every active caseworker a row, also with nothing to do', () => {
    const tally = tallyWorkload(
      [],
      [],
      [staff('a'), staff('b'), staff('c', 'caseworker', false), staff('d', 'council')],
    );
    expect(tally.caseworkers.map((c) => c.id)).toEqual(['a', 'b']);
    expect(tally.caseworkers[0]).toMatchObject({ open: 0, overdue: 0, oldestOpenDays: null, changedThisWeek: 0 });
    expect(tally.caseworkers[0].byStatus).toEqual(emptyByStatus());
    expect(tally.totals.caseworkers).toBe(2);
    expect(tally.otherHolders).toEqual([]);
  });

  it('sums statuses, overdue and the oldest age per holder, and totals over every open case', () => {
    const groups = [
      group('a', 'missing', 3, 1, 40),
      group('a', 'registered', 2, 0, 5),
      group('b', 'captivity_confirmed', 1, 1, 90),
      group(null, 'registered', 4, 2, 12),
      group('council-1', 'missing', 2, 0, 3),
      group('gone', 'exchange_listed', 1, 1, 200),
    ];
    const changed: ChangedRow[] = [
      { assignee_id: 'a', changed: 4 },
      { assignee_id: null, changed: 1 },
      { assignee_id: 'gone', changed: 1 },
    ];
    const tally = tallyWorkload(groups, changed, [
      staff('a'),
      staff('b'),
      staff('council-1', 'council'),
      staff('gone', 'caseworker', false),
    ]);
    const a = tally.caseworkers.find((c) => c.id === 'a')!;
    expect(a).toMatchObject({ open: 5, overdue: 1, oldestOpenDays: 40, changedThisWeek: 4 });
    expect(a.byStatus).toEqual({ ...emptyByStatus(), missing: 3, registered: 2 });
    expect(tally.unassigned).toMatchObject({ open: 4, overdue: 2, oldestOpenDays: 12, changedThisWeek: 1 });
    expect(tally.otherHolders.map((h) => [h.id, h.role, h.active, h.open, h.changedThisWeek])).toEqual([
      ['council-1', 'council', true, 2, 0],
      ['gone', 'caseworker', false, 1, 1],
    ]);
    expect(tally.totals).toMatchObject({
      open: 13,
      overdue: 5,
      oldestOpenDays: 200,
      changedThisWeek: 6,
      caseworkers: 2,
    });
    expect(tally.totals.byStatus).toEqual({
      ...emptyByStatus(),
      missing: 5,
      registered: 6,
      captivity_confirmed: 1,
      exchange_listed: 1,
    });
  });

  it.each([
    ['more open cases first', [group('x', 'missing', 1), group('y', 'missing', 2)], ['y', 'x']],
    ['then more overdue', [group('x', 'missing', 2, 0), group('y', 'missing', 2, 1)], ['y', 'x']],
    ['then by name', [group('y', 'missing', 1), group('x', 'missing', 1)], ['x', 'y']],
  ])('orders caseworkers: %s', (_label, groups, order) => {
    const tally = tallyWorkload(
      groups,
      [],
      [staff('x', 'caseworker', true, 'Андрій'), staff('y', 'caseworker', true, 'Богдан')],
    );
    expect(tally.caseworkers.map((c) => c.id)).toEqual(order);
  });

  it('does not list a non-caseworker whose cases are all closed', () => {
    const tally = tallyWorkload([], [{ assignee_id: 'c', changed: 2 }], [staff('c', 'council')]);
    expect(tally.otherHolders).toEqual([]);
    expect(tally.totals.changedThisWeek).toBe(2);
  });
});
