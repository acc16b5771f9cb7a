import { buildYearReport, YearLinksRow, YearTotalsRow } from './year-report';

describe(buildYearReport.name, () => {
  const totals: YearTotalsRow[] = [
    { year: 2023, exchanges: 9, military: 880, civilian: 122, bodies: 600 },
    { year: 2024, exchanges: 11, military: 1200, civilian: 158, bodies: 900 },
  ];
  const links: YearLinksRow[] = [
    { year: 2024, outcome: 'returned', cases: 5 },
    { year: 2024, outcome: 'remains_repatriated', cases: 1 },
    { year: 2023, outcome: 'returned', cases: 2 },
  ];

  it('gives the year, the previous year and the change (2024: 356 more returned than 2023)', () => {
    expect(buildYearReport(2024, totals, links)).toEqual({
      year: 2024,
      exchanges: 11,
      returned: { military: 1200, civilian: 158, total: 1358 },
      bodies: 900,
      linkedCases: { returned: 5, listed_not_returned: 0, remains_repatriated: 1 },
      previousYear: {
        year: 2023,
        exchanges: 9,
        returned: { military: 880, civilian: 122, total: 1002 },
        bodies: 600,
        linkedCases: { returned: 2, listed_not_returned: 0, remains_repatriated: 0 },
      },
      change: {
        exchanges: 2,
        returned: { military: 320, civilian: 36, total: 356 },
        bodies: 300,
        linkedCases: { returned: 3, listed_not_returned: 0, remains_repatriated: 1 },
        returnedTotalPercent: 35.5,
      },
    });
  });

  it('gives zeros for a year without exchanges, and no percent against nothing', () => {
    const report = buildYearReport(2023, totals, links);
    expect(report.change.returnedTotalPercent).toBeNull();
    expect(report.previousYear).toEqual({
      year: 2022,
      exchanges: 0,
      returned: { military: 0, civilian: 0, total: 0 },
      bodies: 0,
      linkedCases: { returned: 0, listed_not_returned: 0, remains_repatriated: 0 },
    });
  });
});
