import { PasswordService, passwordProblem } from './password.service';

describe(passwordProblem.name, () => {
  it.each([
    ['short', 'Abc-12345', /at least 12/],
    ['too long', 'x'.repeat(80) + 'Y'.repeat(49), /at most 128/],
    ['common', 'qwerty123456', /too common/],
    ['common with a suffix', 'password123456!', /too common/],
    ['one character repeated', 'aaaaaaaaaaaaaa', /too common/],
    ['contains the e-mail', 'olena.k-secret-garden', /e-mail/],
  ])('refuses a %s password', (_label, password, reason) => {
    expect(passwordProblem(password, 'olena.k@example.test')).toMatch(reason);
  });

  it.each(['correct-horse-battery-staple', 'Калина червона 2024!', 'x'.repeat(127) + 'Y'])('accepts %s', (password) => {
    expect(passwordProblem(password, 'someone@example.test')).toBeNull();
  });

  it('counts characters, not bytes (Cyrillic)', () => {
    expect(passwordProblem('Ґґґґ-Їїїї-Єє', 'a@b.c')).toBeNull();
  });
});

describe(PasswordService.name, () => {
  const service = new PasswordService();

  it('hashes with argon2id and verifies', async () => {
    const hashed = await service.hash('a-long-enough-passphrase');
    expect(hashed.startsWith('$argon2id$v=19$m=19456,t=3,p=1$')).toBe(true);
    await expect(service.verify(hashed, 'a-long-enough-passphrase')).resolves.toBe(true);
    await expect(service.verify(hashed, 'a-long-enough-passphrasE')).resolves.toBe(false);
  });

  it('never verifies when there is no hash', async () => {
    await expect(service.verify(null, 'timing-equaliser-password')).resolves.toBe(false);
  });
});
