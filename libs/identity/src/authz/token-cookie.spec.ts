import { cookieValue } from './token-cookie.decorator';

describe('cookieValue', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['portal_queues=a.b.c', 'a.b.c'],
    ['theme=dark; portal_queues=a.b.c; lang=uk', 'a.b.c'],
    ['theme=dark;portal_queues= a.b.c ', 'a.b.c'],
    ['xportal_queues=a.b.c', null],
    ['portal_queues_old=a.b.c', null],
    ['=a.b.c; portal_queues', null],
    ['portal_queues=a=b', 'a=b'],
  ])('%p gives %p', (header, expected) => {
    expect(cookieValue(header, 'portal_queues')).toBe(expected);
  });
});
