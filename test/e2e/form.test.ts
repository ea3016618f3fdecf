import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourIdCard } from '../fixtures/evidence';
import { adultId } from '../server/support/payloads';
import { axeViolations } from './support/axe';
import { screenshotPath } from './support/browser';
import { startDesk, stopDesk, type Desk } from './support/server';

// Issue 15 on a phone in Chromium: a draft that survives reload and Back, one appeal however often it is retried,
// findings on the file's card before going on, a way back in by code, and axe on every step.

let desk: Desk;
let dir: string;
let front: string;
let back: string;
let grey: string;
let bigSelfie: string;
/** The appeal the retry test files, opened again by code in the next test. */
let filed: { reference: string; email: string } | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  desk = await startDesk();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form-e2e-'));
  front = await colourIdCard(dir, { variant: 0, width: 1600, fileName: 'id-front.jpg' });
  back = await colourIdCard(dir, { variant: 1, width: 1400, fileName: 'id-back.jpg' });
  // A scanner's grey mode: the colour card drawn by sharp, saved with one channel.
  grey = path.join(dir, 'grey-front.jpg');
  await sharp(fs.readFileSync(front)).toColourspace('b-w').jpeg({ quality: 90 }).toFile(grey);
  // A phone's 12-MP selfie over the 10 MB limit: colour noise (which compresses badly) under the card, EXIF as iOS
  // writes it for the front camera.
  const noise = await sharp({
    create: { width: 4032, height: 3024, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } },
  })
    .png()
    .toBuffer();
  bigSelfie = path.join(dir, 'IMG_0001.jpg');
  await sharp(noise)
    .composite([{ input: await sharp(fs.readFileSync(front)).resize(2400).toBuffer(), top: 500, left: 800 }])
    .jpeg({ quality: 100 })
    .withExif({
      IFD0: { Make: 'Apple', Model: 'iPhone 13' },
      IFD2: { LensMake: 'Apple', LensModel: 'iPhone 13 front camera 2.71mm f/2.2' },
    })
    .toFile(bigSelfie);
});
afterAll(async () => {
  await stopDesk(desk ?? {});
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// bypassCSP only so axe-core's script can be added to the page; the page's own CSP is tested in appeal.test.ts.
const phone = () =>
  desk.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    bypassCSP: true,
  });

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

/** axe-core on the page as it stands: no violation of any impact. */
async function expectAccessible(page: Page, where: string) {
  expect(await axeViolations(page), where).toEqual([]);
  expect(await page.locator('h1').count(), `${where}: one h1`).toBe(1);
}

const next = (page: Page) => page.getByRole('button', { name: '下一步' }).click();

async function toFields(page: Page) {
  await page.goto(`${desk.server.url}/appeal`);
  await page.getByText('您遇到了什么问题？').waitFor();
  await expectAccessible(page, 'step 1, the kind');
  await page.getByRole('radio', { name: /MFA/ }).check();
  await next(page);
  await page.locator('input[name="subjectType"][value="personal"]').waitFor();
  await expectAccessible(page, 'step 2, the subject type');
  await page.locator('input[name="subjectType"][value="personal"]').check();
  await next(page);
  await page.getByText('填写账号和申请人信息').waitFor();
}

async function fillFields(page: Page, accountId: string, email: string) {
  await page.getByLabel('登录账号').fill('12345678');
  await page.getByLabel('账号 ID').fill(accountId);
  await page.getByLabel('实名认证姓名').fill('张伟');
  await page.getByLabel('身份证号').fill(adultId);
  await page.getByLabel('正在使用的手机号').fill('13912345678');
  await page.getByLabel('邮箱').fill(email);
}

const card = (page: Page, title: string) => page.getByRole('region', { name: title });

describe('the appeal form on a phone', () => {
  it('flags a greyscale photo on its card at the upload step, keeps fields and files over reload and Back, and passes axe at every step', async () => {
    const context = await phone();
    const page = await newPage(context);
    await toFields(page);
    await expectAccessible(page, 'step 3, the fields');
    await fillFields(page, '100015001', 'draft.keeper@example.cn');
    await next(page);
    await page.getByText('上传证明材料').waitFor();
    await expectAccessible(page, 'step 4, the materials, empty');

    // The greyscale scan is judged when chosen, by the submission's own checks, and nothing is filed.
    const tickets = await desk.db.ticket.count();
    await page.locator('#slot-applicant_id_front').setInputFiles(grey);
    const alert = card(page, '申请人手持身份证正面照').getByRole('alert');
    await alert.getByText('这是黑白（灰度）图片，须为彩色扫描件或彩色照片，请重新上传').waitFor();
    await alert.getByText('此文件未通过检查，请按提示更换：').waitFor();
    expect(await desk.db.ticket.count()).toBe(tickets);
    await page.screenshot({ path: screenshotPath('form-greyscale-flagged.png'), fullPage: true });
    await expectAccessible(page, 'step 4, a failed finding on a card');

    // Replaced by the colour photo: the finding goes, the checks pass.
    await page.locator('#slot-applicant_id_front').setInputFiles(front);
    await card(page, '申请人手持身份证正面照').getByText('检查通过。').waitFor();
    expect(await card(page, '申请人手持身份证正面照').getByRole('alert').count()).toBe(0);
    await page.locator('#slot-applicant_id_back').setInputFiles(back);
    await card(page, '申请人手持身份证反面照').getByText('检查通过。').waitFor();
    await page.locator('.draft-status[data-saving="false"]').waitFor();
    await expectAccessible(page, 'step 4, both files checked');

    // A reload offers the draft back: the fields and both chosen files.
    await page.reload();
    await page.getByRole('button', { name: '继续填写' }).waitFor();
    await expectAccessible(page, 'the resume offer');
    await page.getByRole('button', { name: '继续填写' }).click();
    await page.getByText('上传证明材料').waitFor();
    await page.getByText(/id-front\.jpg/).waitFor();
    await page.getByText(/id-back\.jpg/).waitFor();
    await card(page, '申请人手持身份证正面照').getByText('检查通过。').waitFor();

    // Back is one step back with the values; Forward returns to the files, still chosen.
    await page.goBack();
    await page.getByText('填写账号和申请人信息').waitFor();
    expect(await page.getByLabel('账号 ID').inputValue()).toBe('100015001');
    expect(await page.getByLabel('邮箱').inputValue()).toBe('draft.keeper@example.cn');
    expect(await page.getByLabel('身份证号').inputValue()).toBe(adultId);
    await page.goForward();
    await page.getByText('上传证明材料').waitFor();
    await page.getByText(/id-front\.jpg/).waitFor();
    await page.getByText(/id-back\.jpg/).waitFor();
    await page.screenshot({ path: screenshotPath('form-after-reload-and-back.png'), fullPage: true });

    await next(page);
    await page.getByText('核对并提交').waitFor();
    await expectAccessible(page, 'step 5, check your answers');
    await page.screenshot({ path: screenshotPath('form-check-answers.png'), fullPage: true });
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('scales a photo over the size limit down in the browser, keeping the camera information the checks read', async () => {
    expect(fs.statSync(bigSelfie).size).toBeGreaterThan(10 * 1024 * 1024);
    const context = await phone();
    const page = await newPage(context);
    await toFields(page);
    await fillFields(page, '100015003', 'big.photo@example.cn');
    await next(page);
    await page.getByText('上传证明材料').waitFor();
    await page.locator('#slot-applicant_id_front').setInputFiles(bigSelfie);
    const front = card(page, '申请人手持身份证正面照');
    await front.getByText(/^照片已从 \d+(\.\d)? MB 缩小到 [\d.]+ (MB|KB)，拍摄信息已保留。$/).waitFor({ timeout: 60_000 });
    // The copy still says which camera took it: the selfie is caught at once, as the submission would.
    await front.getByRole('alert').getByText('这张照片是用手机前置摄像头（自拍）拍摄的。请由他人使用后置摄像头重新拍摄').waitFor();
    const size = Number(/· ([\d.]+) MB/.exec((await front.locator('.file-name').textContent()) ?? '')?.[1] ?? 0);
    expect(size).toBeLessThanOrEqual(10);
    await page.screenshot({ path: screenshotPath('form-scaled-selfie.png'), fullPage: true });
    await expectAccessible(page, 'step 4, a scaled photo with a failed finding');
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('files one appeal when the first answer is lost and the customer submits again', async () => {
    const context = await phone();
    const page = await newPage(context);
    const email = 'lost.answer@example.cn';
    await toFields(page);
    await fillFields(page, '100015002', email);
    await next(page);
    await page.getByText('上传证明材料').waitFor();
    await page.locator('#slot-applicant_id_front').setInputFiles(front);
    await page.locator('#slot-applicant_id_back').setInputFiles(back);
    await card(page, '申请人手持身份证正面照').getByText('检查通过。').waitFor();
    await card(page, '申请人手持身份证反面照').getByText('检查通过。').waitFor();
    await next(page);
    await page.getByText('核对并提交').waitFor();

    // The server files the appeal, but its answer never reaches the phone: Chromium drops the first response it
    // gets for the filing (DevTools' Fetch domain at the response stage, so the upload itself goes through untouched).
    let filings = 0;
    const devtools = await context.newCDPSession(page);
    devtools.on('Fetch.requestPaused', (paused) => {
      filings += 1;
      const { requestId } = paused;
      if (filings === 1) {
        expect(paused.responseStatusCode).toBe(201);
        void devtools.send('Fetch.failRequest', { requestId, errorReason: 'ConnectionReset' });
      } else void devtools.send('Fetch.continueResponse', { requestId });
    });
    await devtools.send('Fetch.enable', { patterns: [{ urlPattern: '*/api/public/appeals', requestStage: 'Response' }] });
    await page.getByRole('button', { name: '提交申诉' }).click();
    await page.getByRole('alert').getByText('网络连接失败，请检查网络后重试。').waitFor({ timeout: 30_000 });
    expect(await desk.db.ticket.count({ where: { contactEmail: email } })).toBe(1);
    await page.screenshot({ path: screenshotPath('form-lost-answer.png'), fullPage: true });
    await expectAccessible(page, 'step 5, the network error');

    await page.getByRole('button', { name: '提交申诉' }).click();
    await page.getByText('申诉已提交').waitFor({ timeout: 30_000 });
    const reference = (await page.getByTestId('reference').textContent())!.trim();
    const rows = await desk.db.ticket.findMany({ where: { contactEmail: email }, select: { reference: true } });
    expect(rows).toEqual([{ reference }]);
    expect(filings).toBe(2);
    await page.screenshot({ path: screenshotPath('form-filed-once.png'), fullPage: true });
    await expectAccessible(page, 'the receipt');
    filed = { reference, email };
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it("lets a customer who lost the access code back in with a code sent to the appeal's email", async () => {
    expect(filed).toBeDefined();
    const { reference } = filed!;
    const context = await phone();
    const page = await newPage(context);
    await page.goto(`${desk.server.url}/appeal/status?ref=${reference}`);
    await page.getByLabel('访问码').waitFor();
    await expectAccessible(page, 'the status lookup');
    await page.getByRole('button', { name: '忘记访问码？' }).click();
    await page.getByText('获取新的访问码').waitFor();
    await expectAccessible(page, 'the lost-code form');
    await page.getByRole('button', { name: '发送验证码' }).click();
    await page.getByText(/验证码已发送到它的联系方式/).waitFor();

    const ticket = await desk.db.ticket.findUniqueOrThrow({ where: { reference } });
    const notice = await desk.db.notification.findFirstOrThrow({ where: { ticketId: ticket.id, secret: true }, orderBy: { id: 'desc' } });
    expect(notice.recipient).toBe(filed!.email);
    const code = /\b(\d{6})\b/.exec(notice.body)![1]!;
    await page.getByLabel('验证码').fill(code);
    await expectAccessible(page, 'the lost-code form, code sent');
    await page.getByRole('button', { name: '验证并打开申诉' }).click();
    await page.getByRole('heading', { name: '已提交，等待受理' }).waitFor();
    await page.getByText(reference).first().waitFor();
    await page.screenshot({ path: screenshotPath('form-access-regained.png'), fullPage: true });
    await expectAccessible(page, 'the status page');
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
