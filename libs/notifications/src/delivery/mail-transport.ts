import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

export interface OutgoingMail {
  notificationId: string;
  to: string;
  subject: string;
  text: string;
  /** `<notification-id@portal-host>`: the same message keeps the same id, whoever sends it. */
  messageId: string;
}

export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

const POOL_CONNECTIONS = 10;

/** SMTP with a pool of connections; timeouts well inside the delivery lease. */
class SmtpTransport implements MailTransport {
  readonly name = 'smtp';
  private readonly transport;

  constructor(url: string, from: string) {
    this.transport = createTransport(
      {
        url,
        pool: true,
        maxConnections: POOL_CONNECTIONS,
        maxMessages: 1000,
        connectionTimeout: 5000,
        greetingTimeout: 5000,
        socketTimeout: 10_000,
      },
      { from },
    );
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      textEncoding: 'base64',
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  }

  close(): void {
    this.transport.close();
  }
}

/** Development without SMTP_URL: each message becomes an .eml file in MAIL_DIR (or only a log line without one). */
class FolderTransport implements MailTransport {
  readonly name = 'folder';
  private readonly logger = new Logger('MailFolder');
  private readonly builder;

  constructor(
    private readonly folder: string,
    from: string,
  ) {
    this.builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from });
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.folder) {
      this.logger.log({ notificationId: mail.notificationId }, 'e-mail not sent (no SMTP_URL, no MAIL_DIR)');
      return;
    }
    const info = await this.builder.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      textEncoding: 'base64',
    });
    await mkdir(this.folder, { recursive: true });
    const file = join(this.folder, `${Date.now()}-${mail.notificationId}.eml`);
    await writeFile(file, info.message as Buffer);
    this.logger.log({ notificationId: mail.notificationId, file }, 'e-mail written to the mail folder');
  }

  close(): void {
    this.builder.close();
  }
}

/** SMTP when SMTP_URL is set (always in production: the configuration requires it), else the mail folder. */
export function createMailTransport(config: AppConfig): MailTransport {
  if (config.smtpUrl) return new SmtpTransport(config.smtpUrl, config.mailFrom);
  return new FolderTransport(config.mailDir ? resolve(config.mailDir) : '', config.mailFrom);
}
