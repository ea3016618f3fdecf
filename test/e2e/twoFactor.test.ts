import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/src/db/client';
import { screenshotPath } from './support/browser';
import { startDesk, stopDesk, type RunningServer } from './support/server';

// A supervisor enrols an authenticator app on the profile page, signs out, and signs in again with a code.
let server: RunningServer;
let browser: Browser;
let db: Db;

beforeAll(async () => {
  ({ server, browser, db } = await startDesk());
});
afterAll(() => stopDesk({ server, browser, db }));

/** The code the app would show half a minute from now: later than the step that enabled it, so never a replay. */
const nextCode = (secret: string) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + 30_000 });

async function fillPassword(page: Page, email: string) {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('helpdesk-demo');
  await page.locator('button[type="submit"]').click();
}

describe('two-factor sign-in in Chromium', () => {
  it('enrols on the profile page, then signs out and in again with the 6-digit code', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await page.goto(server.url);
    await fillPassword(page, 'supervisor@example.com');
    await page.getByText('刘洋').first().waitFor();

    // The profile, from the menu.
    await page.getByRole('menuitem', { name: '个人设置' }).click();
    await page.getByRole('heading', { name: '两步验证' }).waitFor();
    await page.getByRole('button', { name: '开启两步验证' }).click();
    const qr = page.getByRole('img', { name: '用身份验证器应用扫描的二维码' });
    await qr.waitFor();
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    const secret = (await page.getByLabel('密钥').innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const enrolmentCode = TOTP.generate({ secret: Secret.fromBase32(secret) });
    await page.getByLabel('6 位验证码').fill(enrolmentCode);
    await page.screenshot({ path: screenshotPath('console-2fa-enrolment.png'), fullPage: true });
    await page.getByRole('button', { name: '开启', exact: true }).click();

    const codes = page.getByRole('list', { name: '恢复码' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.screenshot({ path: screenshotPath('console-2fa-recovery-codes.png'), fullPage: true });
    await page.getByRole('button', { name: '我已保存' }).click();
    await page.getByText('剩余 10 个未使用的恢复码').waitFor();

    // The secret is kept encrypted: the database never holds it as the app reads it.
    const row = await db.agent.findUniqueOrThrow({ where: { email: 'supervisor@example.com' } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(secret);

    // Sign out from the user menu.
    await page.getByRole('button', { name: '个人资料' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.locator('input[name="email"]').waitFor();

    // The password alone now leads to the code step.
    await fillPassword(page, 'supervisor@example.com');
    await page.getByRole('heading', { name: '两步验证' }).waitFor();
    await page.getByLabel(/6 位验证码/).fill(nextCode(secret));
    await page.screenshot({ path: screenshotPath('console-2fa-sign-in-code.png') });
    await page.getByRole('button', { name: '验证' }).click();
    await page.getByText('刘洋').first().waitFor();
    await page.goto(`${server.url}/#/profile`);
    await page.getByText('已开启').waitFor();
    await page.close();
  });
});
