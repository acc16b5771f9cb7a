import { createServer, Server, Socket } from 'node:net';

/**
 * A tiny SMTP server on 127.0.0.1 for the tests and the benchmark: it speaks just enough SMTP
 * for nodemailer (EHLO with PIPELINING, MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeps every accepted message, and
 * can refuse recipients or hold its answers to DATA. Like a real server it takes responsibility
 * for a message only when it answers 250 to the final dot: a client that disconnects before
 * that answer has delivered nothing.
 */

export interface ReceivedMail {
  from: string;
  to: string[];
  messageId: string | null;
  subject: string;
  text: string;
  headers: Record<string, string>;
  raw: string;
  acceptedAt: number;
}

/** Return an SMTP reply (e.g. `451 4.3.0 Try again later`) to refuse a recipient, or null to accept it. */
export type RecipientPolicy = (address: string, attempt: number) => string | null;

export interface SmtpSinkOptions {
  /** Wait this long before answering each DATA (a slow server). */
  replyDelayMs?: number;
  policy?: RecipientPolicy;
}

interface PendingReply {
  socket: Socket;
  mail: Omit<ReceivedMail, 'acceptedAt'>;
}

export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** RCPT TO attempts per address (lower case). */
  readonly attempts = new Map<string, number>();
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  private paused = false;
  private held: PendingReply[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  port = 0;

  constructor(private options: SmtpSinkOptions = {}) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  setPolicy(policy: RecipientPolicy | undefined): void {
    this.options = { ...this.options, policy };
  }

  setReplyDelay(ms: number): void {
    this.options = { ...this.options, replyDelayMs: ms };
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((socket) => this.session(socket));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** Holds the answers to DATA: messages in flight are neither accepted nor refused until resume(). */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    const held = this.held;
    this.held = [];
    for (const h of held) this.accept(h.socket, h.mail);
  }

  /** How many messages are waiting for an answer to their final dot. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Messages accepted per Message-ID. */
  countsByMessageId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.messages) {
      const id = m.messageId ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /** Resolves once at least `count` messages were accepted. */
  waitFor(count: number): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private accept(socket: Socket, mail: Omit<ReceivedMail, 'acceptedAt'>): void {
    if (socket.destroyed || !socket.writable) return; // the client left: nothing was delivered
    this.messages.push({ ...mail, acceptedAt: Date.now() });
    socket.write(`250 2.0.0 Ok: queued as ${this.messages.length}\r\n`);
    this.waiters = this.waiters.filter((w) => {
      if (this.messages.length < w.count) return true;
      w.resolve();
      return false;
    });
  }

  private session(socket: Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let inData = false;
    let from = '';
    let to: string[] = [];
    const reply = (line: string): void => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.held = this.held.filter((h) => h.socket !== socket);
    });
    socket.on('error', () => socket.destroy());
    reply('220 sink.local ESMTP test sink');
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (inData) {
          const raw = buffer.toString('utf8');
          const end = raw.startsWith('.\r\n') ? 0 : raw.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const body = end === 0 ? '' : raw.slice(0, end + 2);
          buffer = Buffer.from(raw.slice(end === 0 ? 3 : end + 5), 'utf8');
          inData = false;
          const mail = parseMail(from, to, body.replace(/^\.\./gm, '.'));
          from = '';
          to = [];
          const answer = (): void => {
            if (this.paused) this.held.push({ socket, mail });
            else this.accept(socket, mail);
          };
          const delay = this.options.replyDelayMs ?? 0;
          if (delay > 0) setTimeout(answer, delay);
          else answer();
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.subarray(0, newline).toString('utf8');
        buffer = buffer.subarray(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        // PIPELINING as real servers offer it: replies go out in order, whatever arrives together.
        if (verb === 'EHLO') reply('250-sink.local\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 10485760');
        else if (verb === 'HELO') reply('250 sink.local');
        else if (verb === 'MAIL') {
          from = address(line);
          to = [];
          reply('250 2.1.0 Ok');
        } else if (verb === 'RCPT') {
          const rcpt = address(line).toLowerCase();
          const attempt = (this.attempts.get(rcpt) ?? 0) + 1;
          this.attempts.set(rcpt, attempt);
          const refusal = this.options.policy?.(rcpt, attempt) ?? null;
          if (refusal) reply(refusal);
          else {
            to.push(rcpt);
            reply('250 2.1.5 Ok');
          }
        } else if (verb === 'DATA') {
          if (to.length === 0) reply('554 5.5.1 No valid recipients');
          else {
            inData = true;
            reply('354 End data with <CR><LF>.<CR><LF>');
          }
        } else if (verb === 'RSET') {
          from = '';
          to = [];
          reply('250 2.0.0 Ok');
        } else if (verb === 'NOOP') reply('250 2.0.0 Ok');
        else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye');
          socket.end();
          return;
        } else reply('502 5.5.2 Command not recognized');
      }
    });
  }
}

function address(line: string): string {
  const match = /<([^>]*)>/.exec(line);
  return match ? match[1] : line.split(':').slice(1).join(':').trim();
}

function parseMail(from: string, to: string[], raw: string): Omit<ReceivedMail, 'acceptedAt'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return {
    from,
    to,
    messageId: headers['message-id'] ?? null,
    subject: decodeWords(headers['subject'] ?? ''),
    text,
    headers,
    raw,
  };
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  } catch {
    return text;
  }
}

/** RFC 2047 encoded words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=), adjacent ones joined. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, mode: string, data: string) =>
      mode.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}
