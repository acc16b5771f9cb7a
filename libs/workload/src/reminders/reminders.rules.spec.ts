import { OverdueGroupRow, reminderPlan } from './reminders.rules';

const row = (assignee_id: string | null, case_ids: string[], remindable = true): OverdueGroupRow => ({
  assignee_id,
  remindable,
  case_ids,
});

describe(reminderPlan.name, () => {
  it('sends nothing, not even a digest, when nothing is overdue', () => {
    expect(reminderPlan([])).toEqual({ reminders: [], digest: null });
  });

  it('reminds each active holder once with all their overdue cases, and counts everyone in the digest', () => {
    const plan = reminderPlan([
      row('b', ['c1']),
      row('a', ['c2', 'c3']),
      row(null, ['c4', 'c5', 'c6']),
      row('gone', ['c7'], false),
    ]);
    expect(plan.reminders).toEqual([
      { assigneeId: 'a', caseIds: ['c2', 'c3'], count: 2 },
      { assigneeId: 'b', caseIds: ['c1'], count: 1 },
    ]);
    expect(plan.digest).toEqual({
      overdueCount: 7,
      byAssignee: [
        { assigneeId: null, count: 3 },
        { assigneeId: 'a', count: 2 },
        { assigneeId: 'b', count: 1 },
        { assigneeId: 'gone', count: 1 },
      ],
    });
  });

  it.each<[string, OverdueGroupRow, number]>([
    ['an active holder', row('a', ['c1']), 1],
    ['a deactivated holder', row('a', ['c1'], false), 0],
    ['nobody', row(null, ['c1']), 0],
  ])('reminds %s: %i reminder(s)', (_label, r, reminders) => {
    expect(reminderPlan([r]).reminders).toHaveLength(reminders);
    expect(reminderPlan([r]).digest?.overdueCount).toBe(1);
  });
});
