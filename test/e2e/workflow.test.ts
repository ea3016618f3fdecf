import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../server/src/db/client';
import { colourIdCard } from '../fixtures/evidence';
import { parseEml } from '../server/support/eml';
import { adultId } from '../server/support/payloads';
import { launchChromium, screenshotPath } from './support/browser';
import { startServer, type RunningServer } from './support/server';

// The whole desk: an appeal arrives, the agent asks for more, the customer sends it on the status page,
// the agent approves, the account record changes, and the customer's email is written.
let server: RunningServer;
let browser: Browser;
let db: Db;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  db = await createDb(`file:${path.join(server.dir, 'e2e.db')}`);
});
afterAll(async () => {
  await db?.$disconnect();
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page) {
  await page.goto(server.url);
  await page.locator('input[name="email"]').fill('agent@example.com');
  await page.locator('input[name="password"]').fill('helpdesk-demo');
  await page.locator('button[type="submit"]').click();
  await page.getByText('王小明').first().waitFor();
}

describe('the agent workflow in Chromium', () => {
  it('asks for more, receives it on the status page, approves, and the account and the email show it', async () => {
    // A demo account with MFA bound: the appeal asks to unbind it.
    const account = await db.account.findFirstOrThrow({ where: { subjectType: 'personal', mfaBound: true, status: 'active' } });
    const front = await colourIdCard(server.dir, { variant: 1, fileName: 'front.jpg' });
    const back = await colourIdCard(server.dir, { variant: 2, width: 1500, fileName: 'back.jpg' });
    const form = new FormData();
    form.set('payload', JSON.stringify({
      kind: 'mfa_unbind', subjectType: 'personal',
      fields: { loginAccount: account.uin, accountId: account.uin, realName: account.realName, idNumber: adultId, currentPhone: '13912345678' },
      contact: { name: account.realName, email: 'customer.e2e@example.cn' },
    }));
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

    // Back in review: the agent approves.
    await agent.reload();
    await agent.getByText(reference).first().waitFor();
    await agent.getByText('审核中').first().waitFor();
    await agent.getByRole('button', { name: '通过', exact: true }).first().click();
    const decide = agent.getByRole('dialog');
    await decide.getByLabel('给客户的说明').fill('审核通过，账号的 MFA 已解绑，请尽快重新绑定。');
    await decide.getByRole('button', { name: '确认通过' }).click();
    await agent.getByText('已通过').first().waitFor({ timeout: 20_000 });
    await agent.screenshot({ path: screenshotPath('console-workflow-approved.png'), fullPage: true });

    // The account record shows the change, in the console too.
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).mfaBound).toBe(false);
    const shown = await agent.evaluate(async (id) => (await fetch(`/api/accounts/${id}`)).json(), account.id);
    expect(shown.mfaBound).toBe(false);
    await agent.goto(`${server.url}/#/accounts/${account.id}/show`);
    await agent.getByText(account.uin).first().waitFor();
    await agent.screenshot({ path: screenshotPath('console-workflow-account.png'), fullPage: true });

    // The customer's email is a file in the outbox.
    const outbox = path.join(server.dir, 'outbox');
    await expect.poll(() => (fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')) : []).length, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const approved = await db.notification.findFirst({ where: { ticketId: ticket.id, channel: 'email', body: { contains: '审核通过，账号的 MFA 已解绑' }, status: 'sent' } });
        return approved && fs.existsSync(path.join(outbox, `${approved.id}.eml`)) ? approved.id : null;
      }, { timeout: 15_000 })
      .not.toBeNull();
    const mails = fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')).map((f) => parseEml(fs.readFileSync(path.join(outbox, f), 'utf8')));
    const approval = mails.find((m) => m.body.includes('审核通过，账号的 MFA 已解绑'));
    expect(approval?.headers.get('to')).toBe('customer.e2e@example.cn');
    expect(approval?.body).toContain(reference);
    expect(approval?.body).not.toContain(accessToken);
  });
});
