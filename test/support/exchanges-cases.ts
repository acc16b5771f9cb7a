import { TestApi } from './api';
import { submitInquiry } from './cases';
import { SignedIn, signUpFamily } from './factories';

export interface FollowedCase {
  caseId: string;
  inquiryId: string;
  family: SignedIn;
}

/**
 * A case opened through the api from a family's inquiry, kinship verified (so that the family
 * is told of status changes), and moved through the given statuses by its caseworker.
 */
export async function caseFollowedByFamily(
  api: TestApi,
  caseworker: SignedIn,
  person: Record<string, unknown>,
  options: { statuses?: string[]; channels?: { email: boolean; sms: boolean } } = {},
): Promise<FollowedCase> {
  const family = await signUpFamily(api);
  const inquiry = await submitInquiry(api, family, {
    person,
    ...(options.channels ? { channels: options.channels } : {}),
  });
  const opened = await api.http.post('/api/cases').set(caseworker.auth).send({ fromInquiryId: inquiry.id }).expect(201);
  await api.http
    .post(`/api/inquiries/${inquiry.id}/verify-kinship`)
    .set(caseworker.auth)
    .send({ method: 'document_seen' })
    .expect(200);
  let version = (opened.body as { version: number }).version;
  for (const to of options.statuses ?? ['captivity_confirmed', 'exchange_listed']) {
    const res = await api.http
      .post(`/api/cases/${opened.body.id}/status`)
      .set(caseworker.auth)
      .send({ to, evidenceSource: 'icrc_confirmation', version })
      .expect(200);
    version = (res.body as { version: number }).version;
  }
  return { caseId: (opened.body as { id: string }).id, inquiryId: inquiry.id, family };
}
