import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/src/db/client';
import { screenshotPath } from './support/browser';
import { startDesk, stopDesk, type RunningServer } from './support/server';

// An unverified account's owner cancels it from a phone: the form asks for the code sent to the account's security
// phone, and the owner's "this wasn't me" link stops an appeal they did not file.
let server: RunningServer;
let browser: Browser;
let db: Db;

beforeAll(async () => {
  ({ server, browser, db } = await startDesk());
});
afterAll(() => stopDesk({ server, browser, db }));

describe('proof of control and the owner objection in Chromium', () => {
  it('files an unverified cancellation only with the code sent to the security phone; the owner objects from the notice', async () => {
    const uin = '100055554444';
    const account = await db.account.create({
      data: {
        uin,
        subjectType: 'unverified',
        securityPhone: '13577776666',
        securityEmail: 'owner.e2e@example.cn',
        loginMethods: [{ type: 'wechat', identifier: 'wx-owner', registration: true }],
        protection: { login: false, operation: false, remoteLogin: false, mfaType: 'none' },
      },
    });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await page.goto(`${server.url}/appeal`);
    await page.getByRole('radio', { name: /注销账号/ }).check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('input[name="subjectType"][value="unverified"]').check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('账号 ID').fill(uin);
    await page.getByLabel('联系人姓名').fill('账号主人');
    await page.getByLabel('邮箱').fill('me.e2e@example.cn');
    // Without the code, the step cannot be left.
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('验证账号控制权').waitFor();
    expect(await page.getByText('核对并提交').count()).toBe(0);

    await page.getByRole('button', { name: '发送验证码' }).click();
    await page.getByText(/我们已向其安全手机/).waitFor();
    const sms = await db.notification.findFirstOrThrow({ where: { recipient: account.securityPhone!, secret: true } });
    const code = /\b(\d{6})\b/.exec(sms.body)![1]!;
    await page.getByLabel('验证码').fill(code);
    await page.getByRole('button', { name: '验证', exact: true }).click();
    await page.getByText('已验证：您能控制此账号').waitFor();
    await page.screenshot({ path: screenshotPath('appeal-owner-code-phone.png'), fullPage: true });
    await page.getByRole('button', { name: '下一步' }).click();
    // The materials step asks for nothing of an unverified account.
    await page.getByText('上传证明材料').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('核对并提交').waitFor();
    await page.getByText('已通过验证码验证').first().waitFor();
    await page.getByRole('button', { name: '提交申诉' }).click();
    await page.getByText('申诉已提交').waitFor({ timeout: 30_000 });
    const reference = (await page.getByTestId('reference').textContent())!.trim();
    const ticket = await db.ticket.findUniqueOrThrow({ where: { reference } });
    expect(ticket.ownerVerifiedAt).not.toBeNull();

    // The notice on the owner's email carries the link; opening it does nothing until the button is pressed.
    const notice = await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id, recipient: account.securityEmail! } });
    const link = /(http\S+\/appeal\/object\?token=[\w-]+)/.exec(notice.body)![1]!;
    const owner = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await owner.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await owner.getByText('这是您本人的操作吗？').waitFor();
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).ownerObjectedAt).toBeNull();
    await owner.screenshot({ path: screenshotPath('appeal-objection-phone.png'), fullPage: true });
    await owner.getByRole('button', { name: '不是我本人操作，阻止变更' }).click();
    await owner.getByText(new RegExp(`已记录。申诉 ${reference} 将不会被通过`)).waitFor();
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).ownerObjectedAt).not.toBeNull();
  });
});
