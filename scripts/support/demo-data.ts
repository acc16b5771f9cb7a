import { DataSource } from 'typeorm';

/** Demo data beyond the accounts; each context adds its part here. Idempotent. */
export async function seedDemoData(_dataSource: DataSource, _say: (line: string) => void): Promise<void> {
  // Cases, inquiries and exchanges are seeded once those contexts exist.
}
