import { Outcome, OUTCOMES } from '../exchange-outcome';

export interface YearTotalsRow {
  year: number;
  exchanges: number;
  military: number;
  civilian: number;
  bodies: number;
}

export interface YearLinksRow {
  year: number;
  outcome: Outcome;
  cases: number;
}

export interface ReturnedFigures {
  military: number;
  civilian: number;
  total: number;
}

export type LinkedFigures = Record<Outcome, number>;

export interface YearFigures {
  exchanges: number;
  /** Announced: the official figures. */
  returned: ReturnedFigures;
  bodies: number;
  /** Cases linked in the system, by outcome (need not equal the announced figures). */
  linkedCases: LinkedFigures;
}

export interface YearReport extends YearFigures {
  year: number;
  previousYear: YearFigures & { year: number };
  change: YearFigures & { returnedTotalPercent: number | null };
}

function figuresOf(year: number, totals: readonly YearTotalsRow[], links: readonly YearLinksRow[]): YearFigures {
  const t = totals.find((r) => r.year === year);
  const linkedCases = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as LinkedFigures;
  for (const l of links) if (l.year === year) linkedCases[l.outcome] += l.cases;
  const military = t?.military ?? 0;
  const civilian = t?.civilian ?? 0;
  return {
    exchanges: t?.exchanges ?? 0,
    returned: { military, civilian, total: military + civilian },
    bodies: t?.bodies ?? 0,
    linkedCases,
  };
}

/**
 * The year's exchanges against the previous year: counts, announced returned (military,
 * civilian, total), bodies repatriated and linked cases by outcome; `change` is this year minus
 * the previous one (and the change of the returned total in percent, null when there were none).
 */
export function buildYearReport(
  year: number,
  totals: readonly YearTotalsRow[],
  links: readonly YearLinksRow[],
): YearReport {
  const current = figuresOf(year, totals, links);
  const previous = figuresOf(year - 1, totals, links);
  const linkedChange = Object.fromEntries(
    OUTCOMES.map((o) => [o, current.linkedCases[o] - previous.linkedCases[o]]),
  ) as LinkedFigures;
  return {
    year,
    ...current,
    previousYear: { year: year - 1, ...previous },
    change: {
      exchanges: current.exchanges - previous.exchanges,
      returned: {
        military: current.returned.military - previous.returned.military,
        civilian: current.returned.civilian - previous.returned.civilian,
        total: current.returned.total - previous.returned.total,
      },
      bodies: current.bodies - previous.bodies,
      linkedCases: linkedChange,
      returnedTotalPercent:
        previous.returned.total === 0
          ? null
          : Math.round(((current.returned.total - previous.returned.total) / previous.returned.total) * 1000) / 10,
    },
  };
}
