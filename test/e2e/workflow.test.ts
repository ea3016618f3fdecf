import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import type { Db } from '../../server/src/db/client';
import { identityDigest } from '../../server/src/privacy/identityDigest';
import { colourIdCard } from '../fixtures/evidence';
import { parseEml } from '../server/support/eml';
import { adultId } from '../server/support/payloads';
import { screenshotPath } from './support/browser';
import { startDesk, stopDesk, type RunningServer } from './support/server';

// The whole desk: an appeal arrives, the agent asks for more, the customer sends it on the status page,
// the agent reviews the files and proposes the approval, a supervisor confirms it, the account record changes, and
// the customer's email is written.
let server: RunningServer;
let browser: Browser;
let db: Db;

beforeAll(async () => {
  ({ server, browser, db } = await startDesk());
});
afterAll(() => stopDesk({ server, browser, db }));

async function signIn(page: Page, email = 'agent@example.com', name = '王小明') {
  await page.goto(server.url);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('helpdesk-demo');
  await page.locator('button[type="submit"]').click();
  await page.getByText(name).first().waitFor();
}

describe('the agent workflow in Chromium', () => {
  it('asks for more, receives it on the status page, approves, and the account and the email show it', async () => {
    // An account with MFA bound, whose real name and ID number the appeal declares: the appeal asks to unbind it.
    const uin = '100099887766';
    const account = await db.account.create({
      data: {
        uin,
        subjectType: 'personal',
        realName: '周婷',
        idNumberHash: identityDigest(loadConfig({ NODE_ENV: 'development' }).identityHashKey, adultId),
        idNumberLast4: adultId.slice(-4),
        securityPhone: '13688889999',
        securityEmail: 'zhou.ting.owner@example.cn',
        mfaBound: true,
        protection: { login: false, operation: false, remoteLogin: false, mfaType: 'virtual' },
        loginMethods: [{ type: 'qq', identifier: uin, registration: true }],
      },
    });
    const front = await colourIdCard(server.dir, { variant: 1, fileName: 'front.jpg' });
    const back = await colourIdCard(server.dir, { variant: 2, width: 1500, fileName: 'back.jpg' });
    const form = new FormData();
    form.set(
      'payload',
      JSON.stringify({
        kind: 'mfa_unbind',
        subjectType: 'personal',
        fields: {
          loginAccount: account.uin,
          accountId: account.uin,
          realName: account.realName,
          idNumber: adultId,
          currentPhone: '13912345678',
        },
        contact: { name: account.realName, email: 'customer.e2e@example.cn' },
      }),
    );
    form.set('applicant_id_front', new Blob([new Uint8Array(fs.readFileSync(front))], { type: 'image/jpeg' }), 'front.jpg');
    const filed = await fetch(`${server.url}/api/public/appeals`, { method: 'POST', body: form });
    expect(filed.status).toBe(201);
    const { reference, accessToken } = (await filed.json()) as { reference: string; accessToken: string };
    const ticket = await db.ticket.findUniqueOrThrow({ where: { reference } });

    // The agent takes it into review and asks for the missing back of the ID card.
    const agent = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    await signIn(agent);
    await agent.goto(`${server.url}/#/tickets/${ticket.id}/show`);
    await agent.getByText(reference).first().waitFor();
    await agent.getByRole('button', { name: '转入审核' }).click();
    await agent.getByText('审核中').first().waitFor();
    await agent.getByRole('button', { name: '要求补充材料' }).first().click();
    const dialog = agent.getByRole('dialog');
    await dialog.getByText('要求客户补充材料').waitFor();
    const backBox = dialog.getByRole('checkbox', { name: /反面/ });
    if (!(await backBox.isChecked())) await backBox.check();
    await dialog.getByLabel('给客户的说明').fill('请补充身份证反面照片，使用后置摄像头拍摄。');
    await dialog.getByRole('button', { name: '发送' }).click();
    await agent.getByText('待客户补充').first().waitFor();

    // The customer answers on the status page.
    const customer = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
    await customer.goto(`${server.url}/appeal/status?ref=${reference}`);
    await customer.getByLabel('访问码').fill(accessToken);
    await customer.getByRole('button', { name: '查询' }).click();
    await customer.getByRole('heading', { name: '待客户补充材料' }).waitFor();
    await customer.getByText('请补充身份证反面照片，使用后置摄像头拍摄。').waitFor();
    await customer.locator('#slot-applicant_id_back').setInputFiles(back);
    await customer.getByRole('button', { name: '上传所选文件' }).click();
    await customer.getByRole('heading', { name: '审核中' }).waitFor({ timeout: 30_000 });

    // Back in review: the agent takes the ticket; the approve dialog says what approval does and what stops it.
    await agent.reload();
    await agent.getByText(reference).first().waitFor();
    await agent.getByText('审核中').first().waitFor();
    await agent.getByRole('button', { name: '领取', exact: true }).click();
    await expect
      .poll(async () => (await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).assigneeId, { timeout: 10_000 })
      .not.toBeNull();
    await agent.getByRole('button', { name: '通过', exact: true }).first().click();
    let decide = agent.getByRole('dialog');
    await decide.getByText(`解绑账号 ${uin} 的 MFA 设备`).waitFor();
    await decide.getByText('仍有材料未经审核员逐一确认').waitFor();
    expect(await decide.getByRole('button', { name: '提交复核' }).isDisabled()).toBe(true);
    await agent.screenshot({ path: screenshotPath('console-approve-dialog-blocked.png') });
    await decide.getByRole('button', { name: /取消/ }).click();

    // Each file is accepted by the agent, then the approval is proposed for a second person.
    for (let judged = 1; judged <= 2; judged += 1) {
      await agent.getByRole('button', { name: '采纳', exact: true }).first().click();
      await expect
        .poll(() => db.evidence.count({ where: { ticketId: ticket.id, current: true, verdict: 'accepted' } }), { timeout: 10_000 })
        .toBe(judged);
    }
    await agent.getByRole('button', { name: '通过', exact: true }).first().click();
    decide = agent.getByRole('dialog');
    await decide.getByText(`解绑账号 ${uin} 的 MFA 设备`).waitFor();
    await decide.getByLabel('给客户的说明').fill('审核通过，账号的 MFA 已解绑，请尽快重新绑定。');
    await decide.getByRole('button', { name: '提交复核', disabled: false }).waitFor();
    await agent.screenshot({ path: screenshotPath('console-approve-dialog.png') });
    await decide.getByRole('button', { name: '提交复核' }).click();
    await agent.getByText('已提交通过，等待第二人复核').first().waitFor({ timeout: 20_000 });
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).mfaBound).toBe(true);
    // The proposer cannot confirm their own proposal: the panel only says it waits.
    expect(await agent.getByRole('button', { name: '确认并执行' }).count()).toBe(0);

    // A supervisor confirms; only then is the effect applied.
    const second = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    await signIn(second, 'supervisor@example.com', '刘洋');
    await second.goto(`${server.url}/#/tickets/${ticket.id}/show`);
    await second.getByText('已提交通过，等待第二人复核').first().waitFor();
    await second.screenshot({ path: screenshotPath('console-proposal-panel.png'), fullPage: true });
    await second.getByRole('button', { name: '确认并执行' }).click();
    await second.getByText('已通过').first().waitFor({ timeout: 20_000 });
    await second.screenshot({ path: screenshotPath('console-workflow-approved.png'), fullPage: true });
    const decided = await db.event.findFirstOrThrow({ where: { ticketId: ticket.id, type: 'ticket.decided' } });
    const demoAgent = await db.agent.findUniqueOrThrow({ where: { email: 'agent@example.com' } });
    const demoSupervisor = await db.agent.findUniqueOrThrow({ where: { email: 'supervisor@example.com' } });
    expect(decided.data).toMatchObject({ proposedBy: demoAgent.id, confirmedBy: demoSupervisor.id });

    // The account record shows the change, in the console too.
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).mfaBound).toBe(false);
    const shown = await agent.evaluate(async (id) => (await fetch(`/api/accounts/${id}`)).json(), account.id);
    expect(shown.mfaBound).toBe(false);
    await agent.goto(`${server.url}/#/accounts/${account.id}/show`);
    await agent.getByText(account.uin).first().waitFor();
    await agent.screenshot({ path: screenshotPath('console-workflow-account.png'), fullPage: true });

    // The customer's email is a file in the outbox.
    const outbox = path.join(server.dir, 'outbox');
    await expect
      .poll(() => (fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')) : []).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(
        async () => {
          const approved = await db.notification.findFirst({
            where: { ticketId: ticket.id, channel: 'email', body: { contains: '审核通过，账号的 MFA 已解绑' }, status: 'sent' },
          });
          return approved && fs.existsSync(path.join(outbox, `${approved.id}.eml`)) ? approved.id : null;
        },
        { timeout: 15_000 },
      )
      .not.toBeNull();
    const mails = fs
      .readdirSync(outbox)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => parseEml(fs.readFileSync(path.join(outbox, f), 'utf8')));
    const approval = mails.find((m) => m.body.includes('审核通过，账号的 MFA 已解绑'));
    expect(approval?.headers.get('to')).toBe('customer.e2e@example.cn');
    expect(approval?.body).toContain(reference);
    expect(approval?.body).not.toContain(accessToken);
  });
});
