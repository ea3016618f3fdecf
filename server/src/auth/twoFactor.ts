import QRCode from 'qrcode';
import type { Db } from '../db/client';
import { Prisma, type Agent } from '../generated/prisma/client';
import { HttpError, conflict } from '../http/errors';
import { newRecoveryCodes, spendRecoveryCode } from './recoveryCodes';
import { openSecret, sealSecret } from './secretBox';
import { newTotpSecret, otpauthUrl, stepOfCode } from './totp';

type Enrolment = Pick<Agent, 'totpEnabledAt' | 'totpSecret'>;

export const isEnrolled = (a: Enrolment): boolean => a.totpEnabledAt !== null && a.totpSecret !== null;

/** An agent whose role needs two-factor sign-in (REQUIRE_2FA) and who has not enrolled yet. */
export const mustEnrol = (a: Enrolment & Pick<Agent, 'role'>, requiredRoles: readonly string[]): boolean =>
  requiredRoles.includes(a.role) && !isEnrolled(a);

export const wrongCode = () => new HttpError(400, 'TOTP_INVALID', 'The code is wrong or was used already', { code: 'Wrong code' });

const notEnrolledData = {
  totpSecret: null,
  totpPendingSecret: null,
  totpEnabledAt: null,
  totpLastStep: null,
  recoveryCodes: Prisma.DbNull,
} satisfies Prisma.AgentUpdateInput;

/** Enrolment, first half: a new secret kept aside (encrypted) until a code from it turns two-factor sign-in on. */
export async function startEnrolment(db: Db, serverSecret: string, agent: Agent) {
  if (isEnrolled(agent))
    throw conflict('Two-factor sign-in is on already: turn it off before enrolling another device', 'TOTP_ALREADY_ENABLED');
  const secret = newTotpSecret();
  await db.agent.update({ where: { id: agent.id }, data: { totpPendingSecret: sealSecret(serverSecret, agent.id, secret) } });
  const url = otpauthUrl(secret, agent.email);
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUrl: url, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** Enrolment, second half: a code from the new secret turns it on and answers ten recovery codes, shown this once. */
export async function finishEnrolment(db: Db, serverSecret: string, agentId: number, code: string) {
  const agent = await db.agent.findUniqueOrThrow({ where: { id: agentId } });
  if (isEnrolled(agent)) throw conflict('Two-factor sign-in is on already', 'TOTP_ALREADY_ENABLED');
  const pending = agent.totpPendingSecret;
  const secret = pending ? openSecret(serverSecret, agent.id, pending) : null;
  if (!pending || !secret) throw conflict('Start the enrolment first: no new secret is waiting for a code', 'TOTP_NOT_STARTED');
  const step = stepOfCode(secret, code);
  if (step === null) throw wrongCode();
  const { codes, stored } = newRecoveryCodes();
  // The enabling code's step is spent too: it cannot sign anyone in afterwards.
  const { count } = await db.agent.updateMany({
    where: { id: agent.id, totpPendingSecret: pending, totpEnabledAt: null },
    data: { totpSecret: pending, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step, recoveryCodes: stored },
  });
  if (count === 0) throw conflict('The enrolment changed meanwhile: start again', 'TOTP_NOT_STARTED');
  return { recoveryCodes: codes };
}

/** A current code from the agent's device, accepted once: its step must be later than the last one accepted. */
export async function acceptTotpCode(db: Db, serverSecret: string, agent: Agent, code: string): Promise<boolean> {
  const sealed = agent.totpSecret;
  const secret = sealed ? openSecret(serverSecret, agent.id, sealed) : null;
  const step = secret ? stepOfCode(secret, code) : null;
  if (step === null) return false;
  const { count } = await db.agent.updateMany({
    where: { id: agent.id, totpSecret: sealed, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** Spends one of the agent's recovery codes; false when it is none of the unused ones. */
export async function spendAgentRecoveryCode(db: Db, agentId: number, code: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // Writing the row first holds it to the end of the transaction: two requests cannot both spend one code.
    await tx.agent.update({ where: { id: agentId }, data: { updatedAt: new Date() } });
    const row = await tx.agent.findUniqueOrThrow({ where: { id: agentId }, select: { recoveryCodes: true, totpEnabledAt: true } });
    const spent = row.totpEnabledAt ? spendRecoveryCode(row.recoveryCodes, code, new Date()) : null;
    if (!spent) return false;
    await tx.agent.update({ where: { id: agentId }, data: { recoveryCodes: spent } });
    return true;
  });
}

export type SecondFactor = { code: string } | { recoveryCode: string };

/** Turning one's own two-factor sign-in off takes a current code (or a recovery code, when the device is lost). */
export async function disableOwnTwoFactor(db: Db, serverSecret: string, agent: Agent, proof: SecondFactor): Promise<void> {
  if (!isEnrolled(agent)) throw conflict('Two-factor sign-in is not on', 'TOTP_NOT_ENABLED');
  const accepted =
    'code' in proof
      ? await acceptTotpCode(db, serverSecret, agent, proof.code)
      : await spendAgentRecoveryCode(db, agent.id, proof.recoveryCode);
  if (!accepted) throw wrongCode();
  await db.$transaction(async (tx) => {
    await tx.agent.update({ where: { id: agent.id }, data: notEnrolledData });
    await tx.event.create({ data: { actorType: 'agent', agentId: agent.id, type: 'agent.totp_disabled', data: { agentId: agent.id } } });
  });
}

export async function recordEnrolment(db: Db, agentId: number): Promise<void> {
  await db.event.create({ data: { actorType: 'agent', agentId, type: 'agent.totp_enabled', data: { agentId } } });
}

/** An admin's reset of an agent's lost device: two-factor sign-in off, every session of theirs ended, recorded. */
export async function resetTwoFactorIn(tx: Prisma.TransactionClient, adminId: number, agentId: number): Promise<Agent> {
  const agent = await tx.agent.update({ where: { id: agentId }, data: notEnrolledData });
  await tx.session.deleteMany({ where: { agentId } });
  await tx.event.create({ data: { actorType: 'agent', agentId: adminId, type: 'agent.totp_reset', data: { agentId } } });
  return agent;
}
