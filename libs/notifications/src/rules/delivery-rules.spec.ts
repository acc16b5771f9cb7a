import { channelsFor, classifyFailure, PermanentDeliveryError, redact, stateAfterFailure } from './delivery-rules';

describe(channelsFor.name, () => {
  it.each([
    [{ email: 'a@b.c', phone: '+380501112233', wantsEmail: true, wantsSms: true }, ['in_app', 'email', 'sms']],
    [{ email: 'a@b.c', phone: '+380501112233', wantsEmail: false, wantsSms: false }, ['in_app']],
    [{ email: 'a@b.c', phone: null, wantsEmail: true, wantsSms: true }, ['in_app', 'email']],
    [{ email: null, phone: '+380501112233', wantsEmail: true, wantsSms: true }, ['in_app', 'sms']],
    [{ email: 'a@b.c', phone: '+380501112233', wantsEmail: false, wantsSms: true }, ['in_app', 'sms']],
  ])('%j → %j', (choice, channels) => {
    expect(channelsFor(choice)).toEqual(channels);
  });

  it.each([
    [{ email: 'a@b.c', phone: '+380501112233', wantsEmail: true, wantsSms: true }, ['in_app', 'email']],
    [{ email: null, phone: '+380501112233', wantsEmail: false, wantsSms: true }, ['in_app']],
  ])('with SMS turned off: %j → %j', (choice, channels) => {
    expect(channelsFor(choice, false)).toEqual(channels);
  });
});

describe(classifyFailure.name, () => {
  it.each([
    [
      { responseCode: 550, response: '550 5.1.1 <olena@example.com>: User unknown', code: 'EENVELOPE' },
      { permanent: true, message: '550 5.1.1 <address>: User unknown (EENVELOPE)' },
    ],
    [
      { responseCode: 451, response: '451 4.3.0 Try later', code: 'EENVELOPE' },
      { permanent: false, message: '451 4.3.0 Try later (EENVELOPE)' },
    ],
    [
      { code: 'ECONNECTION', message: 'Connection closed' },
      { permanent: false, message: 'Connection closed (ECONNECTION)' },
    ],
    [
      { code: 'ETIMEDOUT', message: 'Greeting never received' },
      { permanent: false, message: 'Greeting never received (ETIMEDOUT)' },
    ],
    [new Error('SMS provider answered 503'), { permanent: false, message: 'SMS provider answered 503' }],
    [
      new PermanentDeliveryError('SMS provider answered 400'),
      { permanent: true, message: 'SMS provider answered 400' },
    ],
    [undefined, { permanent: false, message: 'unknown error' }],
  ])('%j → %j', (error, failure) => {
    expect(classifyFailure(error)).toEqual(failure);
  });
});

describe(redact.name, () => {
  it.each([
    ['rejected <Olena.Koval+x@mail.example.ua>', 'rejected <address>'],
    ['to olena@example.com failed', 'to <address> failed'],
    ['number +380 (50) 123-45-67 is not valid', 'number <number> is not valid'],
    ['code 451 4.3.0', 'code 451 4.3.0'],
  ])('%s → %s', (text, safe) => {
    expect(redact(text)).toBe(safe);
  });

  it('keeps at most 500 characters', () => {
    expect(redact('x'.repeat(2000))).toHaveLength(500);
  });
});

describe(stateAfterFailure.name, () => {
  it.each([
    [1, false, 'failed'],
    [4, false, 'failed'],
    [5, false, 'dead'],
    [6, false, 'dead'],
    [1, true, 'dead'],
  ] as const)('attempt %d, permanent %s → %s', (attempts, permanent, state) => {
    expect(stateAfterFailure(attempts, 5, permanent)).toBe(state);
  });
});
