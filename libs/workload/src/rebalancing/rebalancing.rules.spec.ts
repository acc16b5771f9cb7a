import { BulkSelection, bulkSelectionProblems, CandidateLoad, rankCandidates, uniqueIds } from './rebalancing.rules';

const load = (id: string, open: number, overdue = 0, sameCategory = 0, fullName = id): CandidateLoad => ({
  id,
  fullName,
  open,
  overdue,
  sameCategory,
});

describe(rankCandidates.name, () => {
  it.each<[string, CandidateLoad[], string | null, string[]]>([
    ['fewest open cases first', [load('a', 5), load('b', 2), load('c', 9)], null, ['b', 'a', 'c']],
    ['at equal load, fewest overdue', [load('a', 3, 2), load('b', 3, 0)], null, ['b', 'a']],
    ['then who knows the category', [load('a', 3, 0, 0), load('b', 3, 0, 2)], null, ['b', 'a']],
    ['then by name', [load('b', 1, 0, 0, 'Ярослав'), load('a', 1, 0, 0, 'Андрій')], null, ['a', 'b']],
    ['never the current holder', [load('a', 0), load('b', 4)], 'a', ['b']],
    ['nobody when nobody is active', [], null, []],
  ])('%s', (_label, loads, exclude, order) => {
    expect(rankCandidates(loads, exclude).map((l) => l.id)).toEqual(order);
  });
});

describe(bulkSelectionProblems.name, () => {
  const id = '8f0e8e0e-0000-4000-8000-000000000001';
  it.each<[string, BulkSelection, string | null]>([
    ['ids', { caseIds: [id] }, null],
    ['a status filter', { filter: { status: ['missing'] } }, null],
    ['an overdue filter', { filter: { overdue: true } }, null],
    ['a holder filter', { filter: { assigneeId: id } }, null],
    ['an unassigned filter', { filter: { unassigned: true } }, null],
    ['a category filter', { filter: { category: 'civilian' } }, null],
    ['both ids and a filter', { caseIds: [id], filter: { overdue: true } }, 'caseIds:exactlyOne'],
    ['neither', {}, 'caseIds:exactlyOne'],
    ['an empty filter', { filter: {} }, 'filter:notEmpty'],
    ['a filter of false flags only', { filter: { overdue: false, unassigned: false, status: [] } }, 'filter:notEmpty'],
    ['a holder and unassigned', { filter: { assigneeId: id, unassigned: true } }, 'filter.unassigned:conflicts'],
  ])('%s', (_label, selection, problem) => {
    const problems = bulkSelectionProblems(selection);
    expect(problems.map((p) => `${p.field}:${p.rule}`)).toEqual(problem ? [problem] : []);
  });
});

describe(uniqueIds.name, () => {
  it('drops duplicates whatever their case, keeping the first order', () => {
    expect(uniqueIds(['B', 'a', 'b', 'A', 'c'])).toEqual(['b', 'a', 'c']);
  });
});
