import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeOwnerChallenges } from '../../server/src/ownerProof/ownerCodes';
import { colourIdCard } from '../fixtures/evidence';
import { codes, fileAppeal, makeAccount, readyToDecide, type Client } from './support/desk';
import { adultId, residentIdFor } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

// The attacks of issue 11, tried through the HTTP API as an impostor with an account ID, a hasty agent, or an
// insider would: each must leave the account as it was and its owner told.

let t: TestApp;
let front: string;
let back: string;
let agent: Client;
let otherAgent: Client;
let supervisor: Client;
let secondSupervisor: Client;
const otherId = residentIdFor('31010419900101002');

const mfaPayload = (uin: string, fields: Record<string, string> = {}) => ({
  kind: 'mfa_unbind',
  subjectType: 'personal',
  fields: { loginAccount: uin, accountId: uin, realName: '张伟', idNumber: adultId, currentPhone: '13800001111', ...fields },
  contact: { name: '张伟', email: 'attacker@evil.example' },
});
const photos = () => ({ applicant_id_front: front, applicant_id_back: back });

beforeAll(async () => {
  // Behind a proxy on this host, so that each test is a client address of its own.
  t = await createTestApp({ PUBLIC_BASE_URL: 'https://help.example.cn', TRUST_PROXY: 'loopback' });
  const dir = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  front = await colourIdCard(dir, { variant: 1 });
  back = await colourIdCard(dir, { variant: 2 });
  agent = await signedInAs(t, 'agent');
  otherAgent = await signedInAs(t, 'agent');
  supervisor = await signedInAs(t, 'supervisor');
  secondSupervisor = await signedInAs(t, 'supervisor');
});
afterAll(() => t.close());

describe('the directory decides who the owner is', () => {
  it('rule: the subject type that decides the materials is the account\'s, from the directory — an "unverified" cancellation of a personal-verified account cannot be filed without a code, and cannot be approved even by a supervisor', async () => {
    const a = await makeAccount(t);
    const payload = {
      kind: 'account_cancellation',
      subjectType: 'unverified',
      fields: { accountId: a.uin },
      contact: { name: '王五', email: 'attacker@evil.example' },
    };
    const filed = await fileAppeal(t, payload);
    expect(filed.status).toBe(400);
    expect(filed.body.code).toBe('OWNER_CODE_REQUIRED');
    expect(filed.body.errors.ownerProof).toBeTruthy();
    expect(await t.db.ticket.count({ where: { accountUin: a.uin } })).toBe(0);

    // An agent files it by phone for the caller: it exists, but nothing can approve it.
    const byPhone = await agent.client.post('/api/tickets').send(payload);
    expect(byPhone.status).toBe(201);
    const id = byPhone.body.id as number;
    await agent.client.post(`/api/tickets/${id}/assign`).send({ agentId: agent.agent.id }).expect(200);
    await agent.client.post(`/api/tickets/${id}/transition`).send({ to: 'in_review' }).expect(200);
    const review = await agent.client.get(`/api/tickets/${id}/review`);
    expect(codes(review.body.decision.blockers)).toEqual(['owner_not_verified', 'subject_type_mismatch']);
    expect(review.body.decision.blockers.every((b: { overridable: boolean }) => !b.overridable)).toBe(true);
    expect(review.body.decision.effect.statement.en).toBe(`cancel account ${a.uin} for good (it cannot be undone)`);

    const byAgent = await agent.client.post(`/api/tickets/${id}/decision`).send({ decision: 'approve', message: '已注销' });
    expect(byAgent.status).toBe(409);
    expect(codes(byAgent.body.blockers)).toEqual(['owner_not_verified', 'subject_type_mismatch']);
    const overridden = await supervisor.client
      .post(`/api/tickets/${id}/decision`)
      .send({ decision: 'approve', message: '已注销', override: true, overrideReason: '客户来电很着急，主管决定放行' });
    expect(overridden.status).toBe(409);
    expect((await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('active');

    // The owner heard of it on the channels on file, with the link to object; the impostor's address is not the only one told.
    const told = await t.db.notification.findMany({ where: { ticketId: id } });
    expect(told.map((n) => n.recipient).sort()).toEqual(expect.arrayContaining([a.securityEmail, a.securityPhone]));
    expect(told.find((n) => n.recipient === a.securityEmail)!.body).toMatch(/https:\/\/help\.example\.cn\/appeal\/object\?token=/);

    // The answer a rejection gives is what remains: with its reason, and the owner told of it too.
    const rejected = await agent.client
      .post(`/api/tickets/${id}/decision`)
      .send({ decision: 'reject', reasonCode: 'subject_mismatch', message: '申请主体与账号实名主体不一致' });
    expect(rejected.status).toBe(200);
    expect(await t.db.notification.count({ where: { ticketId: id, recipient: a.securityPhone!, body: { contains: '未通过' } } })).toBe(1);
  });

  it("rule: the applicant must match the account's real-name information — an MFA unbind with the real name and ID number both mismatching is blocked; only a supervisor overrides, with a recorded reason", async () => {
    const a = await makeAccount(t);
    const { ticket } = await readyToDecide(t, agent, mfaPayload(a.uin, { realName: '李四', idNumber: otherId }), photos());
    const review = await agent.client.get(`/api/tickets/${ticket.id}/review`);
    expect(codes(review.body.decision.blockers)).toEqual(['identity_mismatch']);
    expect(review.body.decision.blockers[0].detail.en).toMatch(/Real name.*Resident ID number/);
    const blocked = await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.blockers[0]).toMatchObject({ code: 'identity_mismatch', overridable: true });
    expect(
      (
        await agent.client
          .post(`/api/tickets/${ticket.id}/decision`)
          .send({ decision: 'approve', message: 'x', override: true, overrideReason: '我觉得没有问题，直接通过' })
      ).status,
    ).toBe(403);
    expect(
      (
        await supervisor.client
          .post(`/api/tickets/${ticket.id}/decision`)
          .send({ decision: 'approve', message: 'x', override: true, overrideReason: '短' })
      ).status,
    ).toBe(400);
    expect((await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).mfaBound).toBe(true);

    const reason = '客户改名，户口本与公安证明已在材料中核对';
    expect(
      (
        await supervisor.client
          .post(`/api/tickets/${ticket.id}/decision`)
          .send({ decision: 'approve', message: '已解绑', override: true, overrideReason: reason })
      ).status,
    ).toBe(202);
    const proposed = await t.db.event.findFirstOrThrow({ where: { ticketId: ticket.id, type: 'decision.proposed' } });
    expect(proposed).toMatchObject({
      agentId: supervisor.agent.id,
      reason,
      data: expect.objectContaining({ overridden: ['identity_mismatch'] }),
    });
  });

  it('rule: a new login email must not already be a login method (registration email included) or security email of any account — a login email that another account already holds cannot be bound, whoever overrides', async () => {
    const holder = await makeAccount(t);
    const a = await makeAccount(t);
    for (const taken of [holder.securityEmail!, `LOGIN${holder.uin}@example.cn`]) {
      const payload = {
        kind: 'login_request',
        subjectType: 'personal',
        fields: { accountId: a.uin, newEmail: taken, realName: '张伟', idNumber: adultId, resetMfa: 'yes' },
        contact: { name: '张伟', email: 'me@example.cn' },
      };
      const { ticket } = await readyToDecide(t, agent, payload, photos());
      const blocked = await supervisor.client
        .post(`/api/tickets/${ticket.id}/decision`)
        .send({ decision: 'approve', message: '已绑定', override: true, overrideReason: '客户坚持要用这个邮箱登录' });
      expect(blocked.status).toBe(409);
      expect(blocked.body.blockers).toEqual([expect.objectContaining({ code: 'login_email_taken', overridable: false })]);
      expect(blocked.body.blockers[0].detail.en).toContain(holder.uin);
    }
    expect((await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).loginMethods).toEqual(a.loginMethods);
  });

  it('two approvals binding one new login email to two accounts, confirmed at once: one account gets it', async () => {
    const email = `shared.${Date.now()}@example.cn`;
    const tickets = [];
    for (const a of [await makeAccount(t), await makeAccount(t)]) {
      const payload = {
        kind: 'login_request',
        subjectType: 'personal',
        fields: { accountId: a.uin, newEmail: email, realName: '张伟', idNumber: adultId, resetMfa: 'yes' },
        contact: { name: '张伟', email: 'me@example.cn' },
      };
      const { ticket } = await readyToDecide(t, agent, payload, photos());
      await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已绑定' }).expect(202);
      tickets.push(ticket);
    }
    const answers = await Promise.all(
      tickets.map((tk, i) =>
        (i ? supervisor : secondSupervisor).client.post(`/api/tickets/${tk.id}/decision/confirm`).send({ approve: true }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const holders = (await t.db.account.findMany({ where: { id: { in: tickets.map((tk) => tk.accountId!) } } })).filter((acc) =>
      (acc.loginMethods as { type: string; identifier: string }[]).some((m) => m.type === 'email' && m.identifier === email),
    );
    expect(holders).toHaveLength(1);
  });
});

describe('one door to a decision', () => {
  it('transition, PUT and bulk moves cannot approve, reject or confirm; nothing changes and nobody is told', async () => {
    const a = await makeAccount(t);
    const { ticket } = await readyToDecide(t, agent, mfaPayload(a.uin), photos());
    const before = await t.db.notification.count({ where: { ticketId: ticket.id } });
    for (const to of ['approved', 'rejected', 'approval_pending']) {
      const moved = await agent.client.post(`/api/tickets/${ticket.id}/transition`).send({ to });
      expect(moved.status, to).toBe(409);
      expect(moved.body.code).toBe('DECISION_REQUIRED');
      expect((await agent.client.put(`/api/tickets/${ticket.id}`).send({ status: to })).status).toBe(409);
      const bulk = await supervisor.client.post('/api/tickets/bulk/transition').send({ ids: [ticket.id], to });
      expect(bulk.body.failed).toEqual([expect.objectContaining({ id: ticket.id, code: 'DECISION_REQUIRED' })]);
    }
    await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' }).expect(202);
    // A pending approval is left only through its confirmation.
    expect((await supervisor.client.post(`/api/tickets/${ticket.id}/transition`).send({ to: 'in_review' })).body.code).toBe(
      'DECISION_REQUIRED',
    );
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe('approval_pending');
    expect((await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).mfaBound).toBe(true);
    expect(await t.db.notification.count({ where: { ticketId: ticket.id } })).toBe(before);
  });

  it("another agent's ticket: neither decided, nor asked for materials, nor moved, nor its files judged by a plain agent", async () => {
    const a = await makeAccount(t);
    const { ticket } = await readyToDecide(t, agent, mfaPayload(a.uin), photos());
    const evidence = await t.db.evidence.findFirstOrThrow({ where: { ticketId: ticket.id, current: true } });
    const attempts = [
      otherAgent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: 'ok' }),
      otherAgent.client
        .post(`/api/tickets/${ticket.id}/decision`)
        .send({ decision: 'reject', reasonCode: 'subject_mismatch', message: 'no' }),
      otherAgent.client.post(`/api/tickets/${ticket.id}/request-materials`).send({ slots: ['applicant_id_back'], message: '重传' }),
      otherAgent.client.post(`/api/tickets/${ticket.id}/transition`).send({ to: 'triage' }),
      otherAgent.client.put(`/api/tickets/${ticket.id}`).send({ priority: 'low' }),
      otherAgent.client.put(`/api/evidence/${evidence.id}`).send({ verdict: 'rejected', reasonCode: 'illegible' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('NOT_ASSIGNEE');
    }
    const after = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after).toMatchObject({ status: 'in_review', priority: ticket.priority, assigneeId: agent.agent.id });
    // An unassigned ticket is taken before it is decided.
    const b = await makeAccount(t);
    const filed = await fileAppeal(t, mfaPayload(b.uin), photos());
    const loose = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    await otherAgent.client.post(`/api/tickets/${loose.id}/transition`).send({ to: 'in_review' }).expect(200);
    expect(
      (
        await otherAgent.client
          .post(`/api/tickets/${loose.id}/decision`)
          .send({ decision: 'reject', reasonCode: 'subject_mismatch', message: 'no' })
      ).body.code,
    ).toBe('NOT_ASSIGNEE');
  });

  it('a late upload is refused once an approval is proposed and once it is applied; the approved file stays, and the approval names it', async () => {
    const a = await makeAccount(t);
    const { ticket, token } = await readyToDecide(t, agent, mfaPayload(a.uin), photos());
    const approvedFiles = await t.db.evidence.findMany({ where: { ticketId: ticket.id, current: true }, orderBy: { id: 'asc' } });
    await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' }).expect(202);
    const late = () =>
      request(t.app)
        .post(`/api/public/appeals/${ticket.reference}/evidence`)
        .set('Authorization', `Bearer ${token}`)
        .attach('applicant_id_front', back);
    const duringProposal = await late();
    expect(duringProposal.status).toBe(409);
    // To the customer it is still under review, and takes no files.
    const view = await request(t.app).get(`/api/public/appeals/${ticket.reference}`).set('Authorization', `Bearer ${token}`);
    expect(view.body).toMatchObject({ status: 'in_review', acceptsFiles: false });
    // Parallel: the confirmation and another late upload race; the upload never lands on the approved ticket.
    const [confirmed, racing] = await Promise.all([
      supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true }),
      late(),
    ]);
    expect(confirmed.status).toBe(200);
    expect(racing.status).toBe(409);
    expect((await late()).status).toBe(409);
    const current = await t.db.evidence.findMany({ where: { ticketId: ticket.id, current: true }, orderBy: { id: 'asc' } });
    expect(current.map((e) => [e.id, e.sha256])).toEqual(approvedFiles.map((e) => [e.id, e.sha256]));
    expect(await t.db.evidence.count({ where: { ticketId: ticket.id } })).toBe(approvedFiles.length);
    const decided = await t.db.event.findFirstOrThrow({ where: { ticketId: ticket.id, type: 'ticket.decided' } });
    const basis = (decided.data as { basis: { files: { evidenceId: number; sha256: string }[]; account: { uin: string } } }).basis;
    expect(basis.files.map((f) => [f.evidenceId, f.sha256])).toEqual(approvedFiles.map((e) => [e.id, e.sha256]));
    expect(basis.account.uin).toBe(a.uin);
    // Verdicts are frozen too.
    expect(
      (await agent.client.put(`/api/evidence/${approvedFiles[0]!.id}`).send({ verdict: 'rejected', reasonCode: 'illegible' })).body.code,
    ).toBe('EVIDENCE_FROZEN');
  });
});

describe('four eyes on what cannot be undone', () => {
  it("rule: irreversible or sign-in-changing effects need a second person's confirmation — the proposer cannot confirm, a plain agent cannot, and a changed account makes the proposal stale", async () => {
    const a = await makeAccount(t);
    const { ticket } = await readyToDecide(t, supervisor, mfaPayload(a.uin), photos());
    const proposed = await supervisor.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' });
    expect(proposed.status).toBe(202);
    expect(proposed.body.outcome).toEqual({ decision: 'approve', pending: true });
    expect((await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).mfaBound).toBe(true);
    const self = await supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('SAME_PERSON');
    expect((await agent.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true })).status).toBe(403);
    const preview = await secondSupervisor.client.get(`/api/tickets/${ticket.id}/review`);
    expect(preview.body.decision.proposal).toMatchObject({ proposedBy: { id: supervisor.agent.id }, message: '已解绑', mayConfirm: true });

    // The account changes under the proposal (another desk process changed its security phone).
    await t.db.account.update({ where: { id: a.id }, data: { securityPhone: '13700009999' } });
    const stale = await secondSupervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_PROPOSAL');
    const back = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(back).toMatchObject({ status: 'in_review', proposedById: null });
    expect((await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).mfaBound).toBe(true);
  });

  it('sending back returns the ticket to review with the note; parallel confirmations apply the effect once', async () => {
    const a = await makeAccount(t);
    const { ticket } = await readyToDecide(t, agent, mfaPayload(a.uin), photos());
    await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' }).expect(202);
    await supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: false, note: '请先电话回访' }).expect(200);
    expect(
      await t.db.event.findFirst({ where: { ticketId: ticket.id, type: 'decision.sent_back', reason: '请先电话回访' } }),
    ).not.toBeNull();
    await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' }).expect(202);
    const answers = await Promise.all(
      [supervisor, secondSupervisor, supervisor, secondSupervisor].map((s) =>
        s.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await t.db.event.count({ where: { ticketId: ticket.id, type: 'account.changed' } })).toBe(1);
    expect((await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).mfaBound).toBe(false);
  });
});

describe('proof of control: a one-time code to the channel on file', () => {
  const ask = (uin: string, ip = '10.0.0.1') =>
    request(t.app).post('/api/public/owner-codes').set('X-Forwarded-For', ip).send({ accountId: uin });
  const codeSentTo = async (recipient: string) => {
    const n = await t.db.notification.findFirstOrThrow({ where: { recipient, secret: true }, orderBy: { id: 'desc' } });
    return /\b(\d{6})\b/.exec(n.body)![1]!;
  };

  it('goes to the security phone on file, answers the same for an unknown account, and proves control for one appeal', async () => {
    const a = await makeAccount(t, { subjectType: 'unverified', realName: null, idNumberHash: null, idNumberLast4: null });
    const known = await ask(a.uin);
    const unknown = await ask('999999999');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(unknown.body).sort());
    expect(known.body.expiresInSeconds).toBe(unknown.body.expiresInSeconds);
    const code = await codeSentTo(a.securityPhone!);
    // Agents never read the code off the outbox.
    const outbox = await supervisor.client.get('/api/notifications').query({ filter: JSON.stringify({ channel: 'sms' }), range: '[0,99]' });
    expect(JSON.stringify(outbox.body)).not.toContain(code);

    const wrong = await request(t.app).post(`/api/public/owner-codes/${unknown.body.challengeId}/verify`).send({ code });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('CODE_INVALID');
    const ok = await request(t.app).post(`/api/public/owner-codes/${known.body.challengeId}/verify`).send({ code });
    expect(ok.status).toBe(200);
    const payload = {
      kind: 'account_cancellation',
      subjectType: 'unverified',
      fields: { accountId: a.uin },
      contact: { name: '账号主人', email: 'me@example.cn' },
      ownerProof: ok.body.proof,
    };
    const filed = await fileAppeal(t, payload);
    expect(filed.status).toBe(201);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    expect(ticket.ownerVerifiedAt).not.toBeNull();
    // Used once only, and never for another account.
    expect((await fileAppeal(t, payload)).body.code).toBe('OWNER_PROOF_INVALID');
    expect(await t.db.ticket.count({ where: { accountUin: a.uin } })).toBe(1);
  });

  it('60 parallel guesses get 5 tries between them, then the challenge is spent', async () => {
    const a = await makeAccount(t);
    const issued = await ask(a.uin, '10.0.0.2');
    const right = await codeSentTo(a.securityPhone!);
    const guesses = Array.from({ length: 60 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(
      guesses.map((code) =>
        request(t.app)
          .post(`/api/public/owner-codes/${issued.body.challengeId}/verify`)
          .set('X-Forwarded-For', `10.1.${Math.floor(guesses.indexOf(code) / 25)}.1`)
          .send({ code }),
      ),
    );
    expect(
      answers.filter((r) => r.body.code === 'CODE_INVALID'),
      JSON.stringify(answers.map((r) => [r.status, r.body.code])),
    ).toHaveLength(4);
    expect(answers.filter((r) => r.status === 410)).toHaveLength(56);
    expect((await t.db.ownerChallenge.findUniqueOrThrow({ where: { id: issued.body.challengeId } })).attempts).toBe(5);
    expect((await request(t.app).post(`/api/public/owner-codes/${issued.body.challengeId}/verify`).send({ code: right })).status).toBe(410);
  });

  it('keeps no challenge past a day after its expiry', async () => {
    const issued = await ask((await makeAccount(t)).uin, '10.4.0.1');
    const { expiresAt } = await t.db.ownerChallenge.findUniqueOrThrow({ where: { id: issued.body.challengeId } });
    expect(await purgeOwnerChallenges(t.db, new Date(expiresAt.getTime() + 3_600_000))).toBe(0);
    expect(await purgeOwnerChallenges(t.db, new Date(expiresAt.getTime() + 86_400_000 + 1000))).toBeGreaterThan(0);
    expect(await t.db.ownerChallenge.findUnique({ where: { id: issued.body.challengeId } })).toBeNull();
  });

  it('is limited per account ID, whether or not the account exists, and per address', async () => {
    for (const uin of ['888888801', (await makeAccount(t)).uin]) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await ask(uin, `10.2.${i}.1`)).status);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    }
    const fromOne: number[] = [];
    for (let i = 0; i < 11; i++) fromOne.push((await ask(String(500_000_000 + i), '10.3.0.1')).status);
    expect(fromOne.filter((s) => s === 429)).toHaveLength(1);
  });
});

describe("the owner's objection", () => {
  it('rule: the owner\'s objection stops approval — "this wasn\'t me" stops the approval, alerts supervisors, and works once', async () => {
    const a = await makeAccount(t);
    const { ticket } = await readyToDecide(t, agent, mfaPayload(a.uin), photos());
    const notice = await t.db.notification.findFirstOrThrow({ where: { ticketId: ticket.id, recipient: a.securityEmail! } });
    const token = /object\?token=([\w-]+)/.exec(notice.body)![1]!;
    expect(
      (
        await request(t.app)
          .post('/api/public/objections')
          .send({ token: token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })
      ).status,
    ).toBe(404);
    const objected = await request(t.app).post('/api/public/objections').send({ token });
    expect(objected.status).toBe(200);
    expect(objected.body.reference).toBe(ticket.reference);
    expect((await request(t.app).post('/api/public/objections').send({ token })).body.code).toBe('OBJECTION_USED');

    const blocked = await supervisor.client
      .post(`/api/tickets/${ticket.id}/decision`)
      .send({ decision: 'approve', message: 'x', override: true, overrideReason: '主管判断客户所述属实' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.blockers).toEqual([expect.objectContaining({ code: 'owner_objected', overridable: false })]);
    const alerts = await t.db.notification.findMany({
      where: { ticketId: ticket.id, recipient: { in: [supervisor.agent.email, secondSupervisor.agent.email] } },
    });
    expect(alerts).toHaveLength(2);
    expect(await t.db.event.count({ where: { ticketId: ticket.id, type: 'owner.objected' } })).toBe(1);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).priority).toBe('urgent');
  });

  it("rule: the owner's objection stops approval — an objection after the proposal stops its confirmation", async () => {
    const a = await makeAccount(t);
    const { ticket } = await readyToDecide(t, agent, mfaPayload(a.uin), photos());
    const notice = await t.db.notification.findFirstOrThrow({ where: { ticketId: ticket.id, recipient: a.securityPhone! } });
    const token = /object\?token=([\w-]+)/.exec(notice.body)![1]!;
    await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' }).expect(202);
    await request(t.app).post('/api/public/objections').send({ token }).expect(200);
    const confirm = await supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true });
    expect(confirm.status).toBe(409);
    expect(codes(confirm.body.blockers)).toEqual(['owner_objected']);
    expect((await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).mfaBound).toBe(true);
  });
});
