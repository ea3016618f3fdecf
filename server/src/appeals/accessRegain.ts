import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { ACCESS_CODE_DIGITS } from '../contract/public';
import { HttpError } from '../http/errors';
import { countHit } from '../http/rateLimit';
import { isUniqueViolation } from '../http/uniqueViolation';
import { enqueueIn } from '../notifications/outbox';
import { newAccessToken } from './accessToken';

// A way back in (docs/owner-binding.md): a one-time code to the appeal's contact email or phone, or the single-use
// link of a customer notice, gives a new access token; the old one stops working. Neither answer tells whether a
// reference exists.

const hour = 3600_000;
export const ACCESS_CODE_TTL_SECONDS = 600;
export const ACCESS_CODE_MAX_ATTEMPTS = 5;
export const STATUS_LINK_TTL_SECONDS = 7 * 24 * 3600;

// As the owner codes' (ownerProof/ownerCodes.ts): per address, and per reference whether or not it exists.
export const accessCodeLimits = {
  perAddress: [
    { windowMs: hour, max: 10 },
    { windowMs: 24 * hour, max: 30 },
  ],
  perReference: [
    { windowMs: hour, max: 5 },
    { windowMs: 24 * hour, max: 10 },
  ],
  checksPerAddress: [{ windowMs: hour, max: 30 }],
};

export type AccessCodeIssued = { expiresInSeconds: number };
export type AccessRegained = { reference: string; accessToken: string };

const mac = (key: string, purpose: string, text: string) => createHmac('sha256', key).update(`${purpose}:${text}`).digest('hex');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const codeText = (reference: string, code: string) => ({
  subject: `申诉访问验证码 / Code to open your appeal (${reference})`,
  sms: `【账号安全】您正在重新获取申诉${reference}的访问码，验证码 ${code}，10 分钟内有效，切勿告知他人。 / [Account Security] Code ${code} opens appeal ${reference} again, valid 10 minutes. Never share it.`,
  email: `您好：\n\n您正在重新获取申诉 ${reference} 的访问码，验证码为 ${code}，10 分钟内有效。验证后原访问码失效。\n如非本人操作，请忽略本邮件，并切勿把验证码告知任何人（包括客服）。\n\n——\n\nHello,\n\nYou asked for a new access code for appeal ${reference}. Your one-time code is ${code}, valid for 10 minutes; once it is used, the old access code stops working.\nIf this was not you, ignore this message and never share the code with anyone, support staff included.`,
});

/** Sends a code to the appeal's contact (the channel asked for when it has one); the same 202 for any reference. */
export async function issueAccessCode(
  db: Db,
  hashKey: string,
  reference: string,
  channel: 'email' | 'sms' | undefined,
  client: string,
): Promise<AccessCodeIssued> {
  await countHit(db, 'access-code-address', client, accessCodeLimits.perAddress);
  await countHit(
    db,
    'access-code-reference',
    reference,
    accessCodeLimits.perReference,
    'Too many codes were asked for this appeal; try again later',
  );
  const id = randomBytes(16).toString('base64url');
  const code = String(randomInt(0, 10 ** ACCESS_CODE_DIGITS)).padStart(ACCESS_CODE_DIGITS, '0');
  await db.$transaction(async (tx) => {
    const ticket = await tx.ticket.findUnique({ where: { reference }, select: { id: true, contactEmail: true, contactPhone: true } });
    const email = ticket?.contactEmail ?? null;
    const phone = ticket?.contactPhone ?? null;
    const via = channel === 'sms' ? (phone ? 'sms' : email ? 'email' : null) : email ? 'email' : phone ? 'sms' : null;
    const expiresAt = new Date(Date.now() + ACCESS_CODE_TTL_SECONDS * 1000);
    await tx.accessCodeChallenge.create({
      data: { id, reference, ticketId: via ? ticket!.id : null, codeHash: mac(hashKey, `access-code:${id}`, code), expiresAt },
    });
    if (!via) return;
    const text = codeText(reference, code);
    await enqueueIn(tx, {
      ticketId: ticket!.id,
      channel: via,
      recipient: via === 'sms' ? phone! : email!,
      subject: text.subject,
      body: via === 'sms' ? text.sms : text.email,
      secret: true,
    });
  });
  return { expiresInSeconds: ACCESS_CODE_TTL_SECONDS };
}

/** Gives the appeal a new access token in the caller's transaction; the one it had stops working. */
async function reissueAccessIn(tx: Prisma.TransactionClient, ticketId: number, how: 'code' | 'link'): Promise<AccessRegained> {
  const token = newAccessToken();
  const ticket = await tx.ticket.findUnique({ where: { id: ticketId }, select: { reference: true } });
  // Deleted since the code was sent: nothing to open.
  if (!ticket) throw new HttpError(401, 'CODE_EXPIRED', 'This code has expired or was tried too often: ask for a new one');
  await tx.ticket.update({ where: { id: ticketId }, data: { accessTokenHash: token.hash } });
  await tx.event.create({ data: { ticketId, actorType: 'customer', type: 'access.regained', data: { via: how } } });
  return { reference: ticket.reference, accessToken: token.token };
}

const codeExpired = () => new HttpError(401, 'CODE_EXPIRED', 'This code has expired or was tried too often: ask for a new one');

/**
 * Checks a code against the newest challenge of the reference. The try is counted before the comparison, in the
 * transaction that holds the row, so parallel guesses get five between them; an unknown reference fails alike.
 */
export async function verifyAccessCode(db: Db, hashKey: string, reference: string, code: string, client: string): Promise<AccessRegained> {
  await countHit(db, 'access-code-check', client, accessCodeLimits.checksPerAddress);
  const outcome = await db.$transaction(async (tx): Promise<{ expired: true } | { attemptsLeft: number } | AccessRegained> => {
    const now = new Date();
    const newest = await tx.accessCodeChallenge.findFirst({ where: { reference }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    if (!newest) return { expired: true };
    const { count } = await tx.accessCodeChallenge.updateMany({
      where: { id: newest.id, usedAt: null, expiresAt: { gt: now }, attempts: { lt: ACCESS_CODE_MAX_ATTEMPTS } },
      data: { attempts: { increment: 1 } },
    });
    if (count === 0) return { expired: true };
    const challenge = await tx.accessCodeChallenge.findUniqueOrThrow({ where: { id: newest.id } });
    const given = Buffer.from(mac(hashKey, `access-code:${challenge.id}`, code), 'hex');
    const right = challenge.ticketId !== null && timingSafeEqual(given, Buffer.from(challenge.codeHash, 'hex'));
    if (!right) return { attemptsLeft: ACCESS_CODE_MAX_ATTEMPTS - challenge.attempts };
    await tx.accessCodeChallenge.update({ where: { id: challenge.id }, data: { usedAt: now } });
    return reissueAccessIn(tx, challenge.ticketId!, 'code');
  });
  if ('expired' in outcome) throw codeExpired();
  if ('attemptsLeft' in outcome) {
    if (outcome.attemptsLeft <= 0) throw codeExpired();
    throw new HttpError(400, 'CODE_INVALID', 'The code is not right', { code: 'The code is not right' }, undefined, {
      attemptsLeft: outcome.attemptsLeft,
    });
  }
  return outcome;
}

/**
 * The token a customer notice's status link carries in its fragment: signed, so nothing is stored when it is sent;
 * its hash is stored when it is exchanged, so it works once; it lasts 7 days.
 */
export function statusLinkToken(hashKey: string, reference: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000 + STATUS_LINK_TTL_SECONDS).toString(36);
  const nonce = randomBytes(12).toString('base64url');
  return `${expires}.${nonce}.${mac(hashKey, 'status-link', `${reference}:${expires}:${nonce}`).slice(0, 43)}`;
}

const linkInvalid = () =>
  new HttpError(
    401,
    'LINK_INVALID',
    'This link has expired or was already used: open your appeal with its access code, or ask for a new one',
  );

export async function exchangeStatusLink(db: Db, hashKey: string, reference: string, token: string): Promise<AccessRegained> {
  const [expires, nonce, signature] = token.split('.');
  if (!expires || !nonce || !signature) throw linkInvalid();
  const expected = Buffer.from(mac(hashKey, 'status-link', `${reference}:${expires}:${nonce}`).slice(0, 43));
  const given = Buffer.from(signature);
  const expiresAt = new Date(parseInt(expires, 36) * 1000);
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || !(expiresAt.getTime() > Date.now())) throw linkInvalid();
  try {
    return await db.$transaction(async (tx) => {
      const ticket = await tx.ticket.findUnique({ where: { reference }, select: { id: true } });
      if (!ticket) throw linkInvalid();
      await tx.statusLinkUse.create({ data: { tokenHash: sha256(token), ticketId: ticket.id, expiresAt } });
      return reissueAccessIn(tx, ticket.id, 'link');
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw linkInvalid();
    throw e;
  }
}

/** Codes a day past their expiry, used links past theirs and filing keys past their 24 hours tell nothing any more. */
export async function purgeAccessRecords(db: Db, now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - 24 * hour);
  const codes = await db.accessCodeChallenge.deleteMany({ where: { expiresAt: { lt: dayAgo } } });
  const links = await db.statusLinkUse.deleteMany({ where: { expiresAt: { lt: now } } });
  const keys = await db.filingKey.deleteMany({ where: { expiresAt: { lt: now } } });
  return codes.count + links.count + keys.count;
}
