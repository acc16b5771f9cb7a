/** What an exchange meant for a linked case. */
export const OUTCOMES = ['returned', 'listed_not_returned', 'remains_repatriated'] as const;
export type Outcome = (typeof OUTCOMES)[number];
