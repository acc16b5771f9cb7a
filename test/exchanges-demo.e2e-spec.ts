import { DataSource } from 'typeorm';
import { seedDemoExchanges } from '../scripts/support/demo-data';
import { startTestApi, TestApi } from './support/api';
import { SignedIn, signInStaff } from './support/factories';

describe('Demo exchanges (e2e)', () => {
  let api: TestApi;
  let council: SignedIn;

  beforeAll(async () => {
    api = await startTestApi();
    council = await signInStaff(api, 'council');
  });

  afterAll(async () => {
    await api.close();
  });

  it('seeds 2023 and 2024 once, and the year report shows the public figures', async () => {
    const said: string[] = [];
    await seedDemoExchanges(api.app.get(DataSource), (line) => said.push(line));
    await seedDemoExchanges(api.app.get(DataSource), (line) => said.push(line));
    expect(said).toHaveLength(1);

    const report = await api.http.get('/api/reports/exchanges?year=2024').set(council.auth).expect(200);
    expect(report.body).toMatchObject({
      year: 2024,
      exchanges: 11,
      returned: { total: 1358 },
      linkedCases: { returned: 3, listed_not_returned: 1, remains_repatriated: 1 },
      previousYear: { year: 2023, returned: { total: 1002 } },
      change: { returned: { total: 356 } },
    });
    const last = await api.http.get('/api/exchanges').query({ year: 2024, limit: 1 }).set(council.auth).expect(200);
    expect(last.body.items[0]).toMatchObject({
      date: '2024-12-30',
      announced: { returnedTotal: 189 },
      linkedCases: { returned: 2, listed_not_returned: 1 },
    });
    const others = await api.http.get('/api/exchanges').query({ year: 2024, limit: 100 }).set(council.auth).expect(200);
    for (const e of others.body.items.slice(1)) expect(e.notes).toMatch(/[Ii]llustrative/);

    // The demo cases are findable by name like any other.
    const found = await api.http.get('/api/cases').query({ q: 'Мельник Богдан' }).set(council.auth).expect(200);
    expect(found.body.items[0]).toMatchObject({ reference: 'CASE-EXDEMO-000001', status: 'returned' });
  });
});
