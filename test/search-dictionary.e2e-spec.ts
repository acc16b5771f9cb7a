import { startTestApi, TestApi } from './support/api';
import { submitInquiry } from './support/cases';
import { signInStaff, signUpFamily } from './support/factories';

/** A surname no other test uses, and the same with one letter changed. */
function rareSurname(): { surname: string; typo: string } {
  const letters = 'бвгджзклмнпрстфхцчшщ';
  const pick = (): string => letters[Math.floor(Math.random() * letters.length)];
  const stem = Array.from({ length: 5 }, pick);
  const surname = `Зорян${stem.join('')}енко`;
  let other = pick();
  while (other === stem[2]) other = pick();
  return { surname, typo: `Зорян${stem.slice(0, 2).join('')}${other}${stem.slice(3).join('')}енко` };
}

describe('Name search and new words (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('finds a person by a misspelt surname right after their case brings the surname into the dictionary', async () => {
    const caseworker = await signInStaff(api, 'caseworker');
    const family = await signUpFamily(api);
    const { surname, typo } = rareSurname();
    const search = async (): Promise<string[]> =>
      (
        await api.http
          .get(`/api/cases?q=${encodeURIComponent(typo)}&limit=100`)
          .set(caseworker.auth)
          .expect(200)
      ).body.items.map((c: { person: { surname: string } }) => c.person.surname);

    // The misspelt word is unknown: its nearest known words are looked up and remembered.
    expect(await search()).not.toContain(surname);

    const inquiry = await submitInquiry(api, family, { person: { surname, givenName: 'Андрій' } });
    await api.http.post('/api/cases').set(caseworker.auth).send({ fromInquiryId: inquiry.id }).expect(201);

    expect(await search()).toContain(surname);
  });
});
