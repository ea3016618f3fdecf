import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { HttpError, badRequest } from '../http/errors';
import { countHit } from '../http/rateLimit';
import { enqueueIn } from '../notifications/outbox';
import {
  OWNER_CODE_DIGITS,
  OWNER_CODE_MAX_ATTEMPTS,
  OWNER_CODE_TTL_SECONDS,
  OWNER_PROOF_TTL_SECONDS,
  type OwnerCodeIssued,
  type OwnerCodeVerified,
} from '../contract/ownerCodes';

// Proof of control (docs/owner-binding.md): a one-time code goes to the account's on-file security phone, or its
// security email when it has no phone, never to an address the customer typed. Seed 003: an unverified account's
// cancellation needs no materials, but the account's security verification must work.

const hour = 3600_000;
// Per client address and per account ID, so neither many accounts from one address nor many addresses against
// one account get far; an unknown account ID is limited the same way, so limits tell nothing either.
export const ownerCodeLimits = {
  perAddress: [
    { windowMs: hour, max: 10 },
    { windowMs: 24 * hour, max: 30 },
  ],
  perAccount: [
    { windowMs: hour, max: 5 },
    { windowMs: 24 * hour, max: 10 },
  ],
  checksPerAddress: [{ windowMs: hour, max: 30 }],
};

const codeHash = (key: string, challengeId: string, code: string) =>
  createHmac('sha256', key).update(`${challengeId}:${code}`).digest('hex');
export const proofHash = (proof: string) => createHash('sha256').update(proof).digest('hex');

const codeText = (code: string) => ({
  subject: '账号安全验证码 / Account security code',
  sms: `【账号安全】您正在向账号安全中心证明您是账号所有人，验证码 ${code}，10 分钟内有效。如非本人操作请忽略，切勿告知他人（包括客服）。 / [Account Security] Your code is ${code}, valid 10 minutes. Never share it, not even with support.`,
  email: `您好：\n\n您正在向账号安全中心证明您是账号所有人，验证码为 ${code}，10 分钟内有效。\n如非本人操作，请忽略本邮件，并切勿把验证码告知任何人（包括客服）。\n\n——\n\nHello,\n\nYou are proving to our account-security desk that you own the account. Your code is ${code}, valid for 10 minutes.\nIf this was not you, ignore this message and never share the code with anyone, support staff included.`,
});

/** Issues a challenge for the account ID; the answer is the same whether or not the account exists. */
export async function issueOwnerCode(db: Db, hashKey: string, accountUin: string, client: string): Promise<OwnerCodeIssued> {
  await countHit(db, 'owner-code-address', client, ownerCodeLimits.perAddress);
  await countHit(
    db,
    'owner-code-account',
    accountUin,
    ownerCodeLimits.perAccount,
    'Too many codes were asked for this account; try again later',
  );
  const id = randomBytes(16).toString('base64url');
  const code = String(randomInt(0, 10 ** OWNER_CODE_DIGITS)).padStart(OWNER_CODE_DIGITS, '0');
  const expiresAt = new Date(Date.now() + OWNER_CODE_TTL_SECONDS * 1000);
  await db.$transaction(async (tx) => {
    const account = await tx.account.findUnique({
      where: { uin: accountUin },
      select: { id: true, securityPhone: true, securityEmail: true, status: true },
    });
    const live = account && account.status !== 'cancelled' ? account : null;
    const channel = live?.securityPhone ? 'sms' : live?.securityEmail ? 'email' : null;
    await tx.ownerChallenge.create({
      data: { id, accountUin, accountId: channel ? live!.id : null, channel, codeHash: codeHash(hashKey, id, code), expiresAt },
    });
    if (!channel) return;
    const text = codeText(code);
    await enqueueIn(tx, {
      channel,
      recipient: channel === 'sms' ? live!.securityPhone! : live!.securityEmail!,
      subject: text.subject,
      body: channel === 'sms' ? text.sms : text.email,
      secret: true,
    });
  });
  return { challengeId: id, expiresInSeconds: OWNER_CODE_TTL_SECONDS };
}

const expired = () => new HttpError(410, 'CODE_EXPIRED', 'This code has expired or was tried too often: ask for a new one');

/**
 * Checks a code. The attempt is counted before the comparison, atomically, so parallel guesses get no more than
 * five tries between them. A challenge for an unknown account fails like a wrong code.
 */
export async function verifyOwnerCode(
  db: Db,
  hashKey: string,
  challengeId: string,
  code: string,
  client: string,
): Promise<OwnerCodeVerified> {
  await countHit(db, 'owner-code-check', client, ownerCodeLimits.checksPerAddress);
  // One transaction holds the challenge's row from the count to the verdict, so each try reads its own number;
  // its outcome is returned rather than thrown, so that a wrong try stays counted.
  const outcome = await db.$transaction(async (tx): Promise<{ expired: true } | { attemptsLeft: number } | { proof: string }> => {
    const now = new Date();
    const { count } = await tx.ownerChallenge.updateMany({
      where: { id: challengeId, verifiedAt: null, expiresAt: { gt: now }, attempts: { lt: OWNER_CODE_MAX_ATTEMPTS } },
      data: { attempts: { increment: 1 } },
    });
    if (count === 0) return { expired: true };
    const challenge = await tx.ownerChallenge.findUniqueOrThrow({ where: { id: challengeId } });
    const given = Buffer.from(codeHash(hashKey, challengeId, code), 'hex');
    const right = challenge.accountId !== null && timingSafeEqual(given, Buffer.from(challenge.codeHash, 'hex'));
    if (!right) return { attemptsLeft: OWNER_CODE_MAX_ATTEMPTS - challenge.attempts };
    const proof = randomBytes(24).toString('base64url');
    await tx.ownerChallenge.update({ where: { id: challengeId }, data: { verifiedAt: now, proofHash: proofHash(proof) } });
    return { proof };
  });
  if ('expired' in outcome) throw expired();
  if ('attemptsLeft' in outcome) {
    if (outcome.attemptsLeft <= 0) throw expired();
    throw new HttpError(400, 'CODE_INVALID', 'The code is not right', { code: 'The code is not right' }, undefined, {
      attemptsLeft: outcome.attemptsLeft,
    });
  }
  return { verified: true, proof: outcome.proof, expiresInSeconds: OWNER_PROOF_TTL_SECONDS };
}

/** Challenges a day past their expiry tell nothing any more: the ticket keeps when its owner proved control. */
export async function purgeOwnerChallenges(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.ownerChallenge.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return count;
}

/**
 * Spends a proof on the appeal being filed, inside its transaction: it must have been verified for this very
 * account ID, recently, and never used. Returns when the owner proved control.
 */
export async function spendOwnerProofIn(
  tx: Prisma.TransactionClient,
  proof: string,
  accountUin: string | null,
  ticketId: number,
): Promise<Date> {
  const invalid = () =>
    badRequest(
      'The account-control code is not valid for this account any more: ask for a new one',
      { ownerProof: 'Ask for a new code' },
      'OWNER_PROOF_INVALID',
    );
  if (!accountUin) throw invalid();
  const since = new Date(Date.now() - OWNER_PROOF_TTL_SECONDS * 1000);
  const challenge = await tx.ownerChallenge.findUnique({ where: { proofHash: proofHash(proof) } });
  if (
    !challenge ||
    challenge.accountUin !== accountUin ||
    challenge.accountId === null ||
    !challenge.verifiedAt ||
    challenge.verifiedAt < since
  )
    throw invalid();
  const { count } = await tx.ownerChallenge.updateMany({
    where: { id: challenge.id, usedAt: null },
    data: { usedAt: new Date(), ticketId },
  });
  if (count === 0) throw invalid();
  return challenge.verifiedAt;
}
