import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { maskEmail, maskPhone } from '../privacy/mask';

export type OutgoingEmail = { notificationId: number; to: string; subject: string; text: string };
export type OutgoingSms = { notificationId: number; to: string; text: string };

export interface EmailSender {
  send(n: OutgoingEmail): Promise<void>;
  /** Drops any copy kept of a sent message (the demo's `.eml` file), once its customer's data is erased. */
  forget?(notificationId: number): Promise<void>;
}

/** A real SMS gateway implements this too; the demo only logs. */
export interface SmsSender {
  send(n: OutgoingSms): Promise<void>;
}

export const defaultFrom = 'Helpdesk <no-reply@helpdesk.local>';

export class SmtpEmailSender implements EmailSender {
  private readonly transport;

  /** `smtpUrl` as nodemailer reads it, e.g. `smtps://user:pass@mail.example.com` (options as query parameters). */
  constructor(
    smtpUrl: string,
    private readonly from = defaultFrom,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(n: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: n.to, subject: n.subject, text: n.text });
  }
}

/** Writes each message as an RFC 822 `.eml` file, so a demo without a mail server can show what was sent. */
export class EmlFileEmailSender implements EmailSender {
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true });

  constructor(
    readonly dir: string,
    private readonly from = defaultFrom,
  ) {}

  async send(n: OutgoingEmail): Promise<void> {
    // One file per notification: a worker that died after writing but before marking it sent does not write twice.
    const done = await fs.access(emlFile(this.dir, n.notificationId)).then(
      () => true,
      () => false,
    );
    if (done) return;
    // RFC 822 lines end in CRLF; nodemailer folds headers that way but keeps the body's own line ends.
    const text = n.text.replace(/\r?\n/g, '\r\n');
    const info = await this.transport.sendMail({ from: this.from, to: n.to, subject: n.subject, text });
    if (!Buffer.isBuffer(info.message)) throw new Error('the stream transport did not return a buffer');
    await writeAtomically(emlFile(this.dir, n.notificationId), info.message);
  }

  async forget(notificationId: number): Promise<void> {
    await removeEmlFiles(this.dir, [notificationId]);
  }
}

/** Where the `.eml` file of a notification is written. */
export const emlFile = (dir: string, notificationId: number) => path.join(path.resolve(dir), `${notificationId}.eml`);

/** Removes the `.eml` files of these notifications from the outbox folder, with any half-written temporary file. */
export async function removeEmlFiles(dir: string, notificationIds: readonly number[]): Promise<void> {
  if (notificationIds.length === 0) return;
  const names = await fs.readdir(path.resolve(dir)).catch(() => [] as string[]);
  const ids = new Set(notificationIds.map(String));
  // `12.eml`, and `.12.eml.<random>.tmp` left by a write that never finished.
  const ours = names.filter((f) => ids.has(/^\.?(\d+)\.eml(?:\.[0-9a-f]+\.tmp)?$/.exec(f)?.[1] ?? ''));
  await Promise.all(ours.map((f) => fs.rm(path.join(path.resolve(dir), f), { force: true })));
}

async function writeAtomically(file: string, content: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o640);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}

export class LogSmsSender implements SmsSender {
  constructor(private readonly log: Logger) {}

  async send(n: OutgoingSms): Promise<void> {
    this.log.info(
      { notificationId: n.notificationId, to: maskPhone(n.to), text: n.text },
      'sms not sent: no gateway configured, logged instead',
    );
  }
}

/** SMTP when `SMTP_URL` is set, `.eml` files in `OUTBOX_DIR` otherwise. */
export function createEmailSender(config: Pick<Config, 'smtpUrl' | 'outboxDir'>, log?: Logger): EmailSender {
  if (config.smtpUrl) return new SmtpEmailSender(config.smtpUrl);
  const dir = path.resolve(config.outboxDir);
  log?.info({ dir }, 'no SMTP_URL: customer emails are written as .eml files');
  return new EmlFileEmailSender(dir);
}

/** How an outgoing message is named in logs: enough to recognise, not enough to copy. */
export const maskedRecipient = (channel: string, recipient: string) => (channel === 'email' ? maskEmail(recipient) : maskPhone(recipient));
