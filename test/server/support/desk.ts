import request from 'supertest';
import { expect } from 'vitest';
import { identityDigest } from '../../../server/src/privacy/identityDigest';
import type { Prisma } from '../../../server/src/generated/prisma/client';
import { adultId } from './payloads';
import type { signedInAs, TestApp } from './testApp';

export type Client = Awaited<ReturnType<typeof signedInAs>>;

let uinSeq = 700_000_000;

/** A verified personal account in the directory (override anything); its owner's channels are unique to it. */
export async function makeAccount(t: TestApp, data: Partial<Prisma.AccountCreateInput> = {}) {
  uinSeq += 1;
  const uin = String(uinSeq);
  return t.db.account.create({
    data: {
      uin,
      subjectType: 'personal',
      realName: '张伟',
      idNumberHash: identityDigest(t.config.identityHashKey, adultId),
      idNumberLast4: adultId.slice(-4),
      securityPhone: `139${String(uinSeq).slice(-8)}`,
      securityEmail: `owner${uin}@example.cn`,
      mfaBound: true,
      protection: { login: false, operation: false, remoteLogin: false, mfaType: 'virtual' },
      loginMethods: [
        { type: 'qq', identifier: uin, registration: true },
        { type: 'email', identifier: `login${uin}@example.cn`, registration: false },
      ],
      ...data,
    },
  });
}

type Payload = {
  kind: string;
  subjectType: string;
  variant?: string;
  fields: Record<string, string>;
  contact: Record<string, string>;
  ownerProof?: string;
};

/** Files an appeal through the public route, one file part per slot. */
export function fileAppeal(t: TestApp, payload: Payload, files: Record<string, string> = {}) {
  let req = request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(payload));
  for (const [slot, file] of Object.entries(files)) req = req.attach(slot, file);
  return req;
}

/** Files the appeal, then the agent takes it, puts it in review and accepts every file: ready to decide. */
export async function readyToDecide(t: TestApp, agent: Client, payload: Payload, files: Record<string, string>) {
  const filed = await fileAppeal(t, payload, files);
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
  await agent.client.post(`/api/tickets/${ticket.id}/assign`).send({ agentId: agent.agent.id }).expect(200);
  await agent.client.post(`/api/tickets/${ticket.id}/transition`).send({ to: 'in_review' }).expect(200);
  for (const e of await t.db.evidence.findMany({ where: { ticketId: ticket.id, current: true } })) {
    await agent.client.put(`/api/evidence/${e.id}`).send({ verdict: 'accepted' }).expect(200);
  }
  return { ticket, token: filed.body.accessToken as string };
}

/** The codes of the blockers the review shows, and of those an approval answers with. */
export const codes = (blockers: { code: string }[]) => blockers.map((b) => b.code).sort();
