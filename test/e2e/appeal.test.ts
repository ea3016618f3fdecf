import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourIdCard } from '../fixtures/evidence';
import { adultId } from '../server/support/payloads';
import { launchChromium, screenshotPath } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let dir: string;
let front: string;
let back: string;
let backAgain: string;
const cspViolations: string[] = [];

/** A page that records Content-Security-Policy refusals and script errors, which must never happen. */
async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => cspViolations.push(`page error: ${error.message}`));
  return page;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appeal-e2e-'));
  // Different layouts and widths, so front and back are two distinct documents to the duplicate check.
  front = await colourIdCard(dir, { variant: 0, width: 1600, fileName: 'id-front.jpg' });
  back = await colourIdCard(dir, { variant: 1, width: 1400, fileName: 'id-back.jpg' });
  backAgain = await colourIdCard(dir, { variant: 2, width: 1500, fileName: 'id-back-again.jpg' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** What an agent does in the console, through its API: review the appeal, then ask for materials. */
async function askForMaterials(reference: string, slots: string[], message: string) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'agent@example.com', password: 'helpdesk-demo' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async (url: string, body?: object) => {
    const response = await fetch(`${server.url}/api${url}`, {
      method: body ? 'POST' : 'GET',
      headers: { cookie, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json() as Promise<unknown>;
  };
  const tickets = (await call(`/tickets?filter=${encodeURIComponent(JSON.stringify({ q: reference }))}`)) as {
    id: number;
    reference: string;
  }[];
  const ticket = tickets.find((t) => t.reference === reference)!;
  await call(`/tickets/${ticket.id}/transition`, { to: 'in_review' });
  await call(`/tickets/${ticket.id}/request-materials`, { slots, message });
}

async function choosePersonalMfa(page: Page, next: string) {
  await page.getByRole('radio', { name: /MFA/ }).check();
  await page.getByRole('button', { name: next }).click();
  await page.locator('input[name="subjectType"][value="personal"]').check();
  await page.getByRole('button', { name: next }).click();
}

describe('the public appeal form in Chromium', () => {
  it('files a personal MFA appeal with two photos, shows the receipt once, then the status page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await newPage(context);
    await page.goto(`${server.url}/appeal`);
    await page.getByText('您遇到了什么问题？').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // One choice for each kind the public catalog offers.
    const catalog = (await (await fetch(`${server.url}/api/public/catalog`)).json()) as { kinds: unknown[] };
    expect(await page.getByRole('radio').count()).toBe(catalog.kinds.length);
    await page.screenshot({ path: screenshotPath('appeal-form-zh.png'), fullPage: true });

    await choosePersonalMfa(page, '下一步');
    await page.getByLabel('登录账号').fill('zhang.wei@example.cn');
    await page.getByLabel('账号 ID').fill('100012345');
    await page.getByLabel('实名认证姓名').fill('张伟');
    await page.getByLabel('身份证号').fill(adultId.toLowerCase());
    await page.getByLabel('正在使用的手机号').fill('+86 139 1234 5678');
    await page.getByLabel('联系人姓名').fill('张伟');
    await page.getByLabel('邮箱').fill('zhang.wei@example.cn');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByText('上传证明材料').waitFor();
    await page.locator('#slot-applicant_id_front').setInputFiles(front);
    await page.locator('#slot-applicant_id_back').setInputFiles(back);
    await page.getByText(/id-front\.jpg/).waitFor();
    await page.getByText(/id-back\.jpg/).waitFor();
    // The thumbnails are object URLs, which the page's Content-Security-Policy allows as blob: images.
    await expect
      .poll(() => page.locator('.thumb img').evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth > 0)))
      .toEqual([true, true]);
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByText('核对并提交').waitFor();
    await page.getByRole('button', { name: '提交申诉' }).click();
    await page.getByText('申诉已提交').waitFor({ timeout: 30_000 });
    const reference = (await page.getByTestId('reference').textContent())!.trim();
    const token = (await page.getByTestId('access-token').textContent())!.trim();
    expect(reference).toMatch(/^AP-\d{8}-\d{4,}$/);
    expect(token.length).toBeGreaterThanOrEqual(16);
    await page.getByText('材料检查结果').waitFor();
    expect(await page.locator('.materials-panel .badge.state-ok').count()).toBe(2);
    await page.screenshot({ path: screenshotPath('appeal-done-zh.png'), fullPage: true });

    // The token opens the appeal through the API, and it never appears in an address.
    const api = await fetch(`${server.url}/api/public/appeals/${reference}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { status: string }).status).toBe('new');

    await page.getByRole('link', { name: '查看申诉进度' }).click();
    await page.waitForURL(/\/appeal\/status\?ref=/);
    expect(page.url()).not.toContain(token);
    await page.getByRole('heading', { name: '已提交，等待受理' }).waitFor();
    await page.getByText(/我们已收到您的申诉/).waitFor();
    await page.getByText(reference).first().waitFor();
    expect(await page.locator('.materials-panel .badge.state-ok').count()).toBe(2);
    await page.getByText('申请人手持身份证正面照').first().waitFor();

    await page.getByLabel('给客服留言').fill('手机已挂失，麻烦尽快处理。');
    await page.getByRole('button', { name: '发送' }).click();
    await page.getByText('留言已发送。').waitFor();

    // An agent asks for a new photo of the back; the customer sees what is wanted and answers on the page.
    await askForMaterials(reference, ['applicant_id_back'], '反面照片不够清晰，请用后置摄像头重新拍摄后上传。');
    await page.reload();
    await page.getByRole('heading', { name: '待客户补充材料' }).waitFor();
    await page.getByText(/请按下方标出的要求补充或更换材料/).waitFor();
    await page.getByRole('region', { name: '需要您补充的材料' }).getByText('申请人手持身份证反面照').waitFor();
    await page.getByText('反面照片不够清晰，请用后置摄像头重新拍摄后上传。').waitFor();
    expect(await page.locator('.slot.is-highlighted .badge-requested').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('appeal-status-zh.png'), fullPage: true });

    await page.locator('#slot-applicant_id_back').setInputFiles(backAgain);
    await page.getByText(/id-back-again\.jpg/).waitFor();
    await page.getByRole('button', { name: '上传所选文件' }).click();
    await page.getByRole('heading', { name: '审核中' }).waitFor({ timeout: 30_000 });
    await page.getByText('已收到新的材料，检查结果已更新。').waitFor();

    // A fresh tab without the token asks for it.
    const other = await newPage(context);
    await other.goto(`${server.url}/appeal/status?ref=${reference}`);
    await other.getByLabel('访问码').waitFor();
    expect(await other.getByLabel('访问码').inputValue()).toBe('');
    await other.getByLabel('访问码').fill(token);
    await other.getByRole('button', { name: '查询' }).click();
    await other.getByRole('heading', { name: '审核中' }).waitFor();
    await other.getByText('手机已挂失，麻烦尽快处理。').waitFor();

    await context.close();
    expect(cspViolations).toEqual([]);
  });

  it('shows the form in English, with an inline error on a wrong ID number', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await newPage(context);
    await page.goto(`${server.url}/appeal`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByText('What happened?').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await choosePersonalMfa(page, 'Next');
    await page.getByLabel('Resident ID number').fill('110105198503120035');
    await page.getByLabel('Login account').click();
    await page.getByText('The resident ID number’s check character is wrong').waitFor();
    expect(await page.getByLabel('Resident ID number').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: screenshotPath('appeal-form-en.png'), fullPage: true });

    // The choice is remembered, and the answers given so far are offered back in it.
    await page.reload();
    await page.getByText('Continue your appeal?').waitFor();
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByText('What happened?').waitFor();
    await context.close();
    expect(cspViolations).toEqual([]);
  });

  it('fits a 390-px phone screen in one column', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await newPage(context);
    await page.goto(`${server.url}/appeal`);
    await page.getByText('您遇到了什么问题？').waitFor();
    await choosePersonalMfa(page, '下一步');
    await page.getByLabel('身份证号').fill('11010519850312003');
    await page.getByLabel('登录账号').click();
    await page.getByText('身份证号应为 18 位').waitFor();
    await page.getByLabel('身份证号').fill(adultId);
    await page.getByLabel('登录账号').fill('12345678');
    await page.getByLabel('账号 ID').fill('100012345');
    await page.getByLabel('实名认证姓名').fill('张伟');
    await page.getByLabel('正在使用的手机号').fill('13912345678');
    await page.getByLabel('联系人姓名').fill('张伟');
    await page.getByLabel('手机号', { exact: true }).fill('13912345678');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('上传证明材料').waitFor();
    await page.locator('#slot-applicant_id_front').setInputFiles(front);
    await page.getByText(/id-front\.jpg/).waitFor();

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const next = await page.getByRole('button', { name: '下一步' }).boundingBox();
    expect(next!.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: screenshotPath('appeal-phone.png'), fullPage: true });
    await context.close();
    expect(cspViolations).toEqual([]);
  });
  it('keeps a draft on a phone: reload offers to resume with the values and the chosen file, Back goes one step back', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await newPage(context);
    await page.goto(`${server.url}/appeal`);
    await page.getByText('您遇到了什么问题？').waitFor();
    await choosePersonalMfa(page, '下一步');
    await page.getByLabel('登录账号').fill('12345678');
    await page.getByLabel('账号 ID').fill('100012345');
    await page.getByLabel('实名认证姓名').fill('张伟');
    await page.getByLabel('身份证号').fill(adultId);
    await page.getByLabel('正在使用的手机号').fill('13912345678');
    // Asked once: the contact name and phone follow the applicant's.
    expect(await page.getByLabel('联系人姓名').inputValue()).toBe('张伟');
    expect(await page.getByLabel('手机号', { exact: true }).inputValue()).toBe('13912345678');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('上传证明材料').waitFor();
    await page.locator('#slot-applicant_id_front').setInputFiles(front);
    await page.getByText(/id-front\.jpg/).waitFor();
    await page.locator('.draft-status[data-saving="false"]').waitFor();

    // The answers and the file are in IndexedDB: a reload (and a new tab alike) offers them back.
    await page.reload();
    await page.getByRole('button', { name: '继续填写' }).waitFor();
    await page.getByRole('button', { name: '重新开始' }).waitFor();
    await page.screenshot({ path: screenshotPath('appeal-draft-resume.png'), fullPage: true });
    await page.getByRole('button', { name: '继续填写' }).click();
    await page.getByText('上传证明材料').waitFor();
    await page.getByText(/id-front\.jpg/).waitFor();

    // The browser's Back button is one step back, with the values kept.
    await page.goBack();
    await page.getByText('填写账号和申请人信息').waitFor();
    expect(page.url()).toBe(`${server.url}/appeal`);
    expect(await page.getByLabel('身份证号').inputValue()).toBe(adultId);
    expect(await page.getByLabel('联系人姓名').inputValue()).toBe('张伟');
    await page.goForward();
    await page.getByText('上传证明材料').waitFor();
    await page.locator('#slot-applicant_id_back').setInputFiles(back);
    await page.getByText(/id-back\.jpg/).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();

    // Check your answers: the ID number masked, a Change link on every row.
    await page.getByText('核对并提交').waitFor();
    const masked = `${adultId.slice(0, 6)}********${adultId.slice(-4)}`;
    await page.locator('.check-answers-row', { hasText: '身份证号' }).getByText(masked).waitFor();
    expect(await page.locator('.check-answers').textContent()).not.toContain(adultId);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('appeal-check-answers.png'), fullPage: true });
    await page.getByRole('button', { name: '修改身份证号' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-idNumber');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('核对并提交').waitFor();

    // A submitted draft is deleted: the form opens empty, with no offer.
    await page.getByRole('button', { name: '提交申诉' }).click();
    await page.getByText('申诉已提交').waitFor({ timeout: 30_000 });
    await page.goto(`${server.url}/appeal`);
    await page.getByText('您遇到了什么问题？').waitFor();
    expect(await page.getByRole('button', { name: '继续填写' }).count()).toBe(0);
    await context.close();
    expect(cspViolations).toEqual([]);
  });
});
