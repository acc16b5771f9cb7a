import { FieldProblem } from '@app/core';

/** Clocks drift: a contact stamped up to this far ahead of the server is taken as now. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** A contact is logged after it happened, never for the future (`contactedAt` passed `isDateTime`). */
export function contactTimeProblem(contactedAt: string | undefined, now: Date): FieldProblem | null {
  if (contactedAt === undefined) return null;
  if (Date.parse(contactedAt) > now.getTime() + CLOCK_SKEW_MS) {
    return { field: 'contactedAt', rule: 'notInFuture', message: 'contactedAt must not be in the future' };
  }
  return null;
}

/** A shared contact is shown to the family it was with, so it must say which inquiry that is. */
export function sharedContactProblem(dto: { visibility: string; inquiryId?: string }): FieldProblem | null {
  if (dto.visibility !== 'shared' || dto.inquiryId) return null;
  return {
    field: 'inquiryId',
    rule: 'requiredWhenShared',
    message: 'inquiryId is required for a shared contact: the inquiry (family) it was with',
  };
}

/**
 * The inquiry a contact names must be one of the case's (`status` null: it is not). A shared
 * contact is shown on that family's timeline, which shows the case's news only while the inquiry
 * is linked: with a withdrawn inquiry it would reach nobody, so it is logged as internal instead.
 */
export function contactInquiryProblem(visibility: string, status: string | null): FieldProblem | null {
  if (status === null) {
    return { field: 'inquiryId', rule: 'inquiryOfCase', message: 'inquiryId must be an inquiry of this case' };
  }
  if (visibility === 'shared' && status !== 'linked') {
    return {
      field: 'inquiryId',
      rule: 'linkedInquiry',
      message: `a shared contact is shown to a family whose inquiry is linked; this one is ${status} (log it as internal)`,
    };
  }
  return null;
}
