import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKETS_PER_PAGE } from '../../admin-ui/console/tickets/ticketModel';
import { launchChromium, screenshotPath } from './support/browser';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the console in Chromium', () => {
  it('signs in with the demo account, filters the ticket list, opens a ticket', async () => {
    await page.goto(server.url);
    await page.locator('input[name="email"]').fill('agent@example.com');
    await page.locator('input[name="password"]').fill('helpdesk-demo');
    await page.locator('button[type="submit"]').click();
    await page.getByText('王小明').first().waitFor();

    await page.goto(`${server.url}/#/tickets`);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    // The total the API counts for the filter the list shows: the expected rows, whatever the demo holds.
    const totalShown = () =>
      page.evaluate(async () => {
        const filter = new URLSearchParams(location.hash.split('?')[1]).get('filter') ?? '{}';
        const res = await fetch(`/api/tickets?filter=${encodeURIComponent(filter)}&range=[0,24]`, { credentials: 'include' });
        return Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
      });
    // The default view is open tickets; "全部" shows every status, a page of rows at most.
    await page.getByRole('button', { name: '全部', exact: true }).click();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('filter={}'));
    const unfiltered = await totalShown();
    await expect.poll(async () => (await rows.count()) === Math.min(unfiltered, TICKETS_PER_PAGE)).toBe(true);

    // Filter by kind through the filter form, as an agent would.
    await page.getByRole('combobox', { name: '类型' }).click();
    await page.getByRole('option', { name: /注销/ }).click();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('account_cancellation'));
    // As many rows as the API counts for that filter, every one a cancellation.
    await expect.poll(async () => (await rows.count()) === Math.min(await totalShown(), TICKETS_PER_PAGE)).toBe(true);
    const total = await totalShown();
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(unfiltered);
    const kinds = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    for (const text of kinds) expect(text).toMatch(/注销/);
    await page.screenshot({ path: screenshotPath('console-ticket-list.png'), fullPage: true });

    const reference = (await rows
      .first()
      .locator('td')
      .filter({ hasText: /^AP-\d{8}-\d{4}$/ })
      .first()
      .textContent())!.trim();
    await rows.first().click();
    await page.waitForFunction(() => /#\/tickets\/\d+\/show/.test(location.hash));
    await page.getByText(reference).first().waitFor();
    await page.getByText('材料清单').first().waitFor();
    await page.getByText('处理记录').first().waitFor();
    await page.screenshot({ path: screenshotPath('console-ticket-show.png'), fullPage: true });
  });

  it('fits the ticket list in 1280 px without a horizontal scroll bar, in Chinese and in English', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const fits = async (name: string) => {
      await page.goto(`${server.url}/#/tickets`);
      await page.locator('tbody tr').first().waitFor();
      await page.screenshot({ path: screenshotPath(name), fullPage: false });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, name).toBeLessThanOrEqual(clientWidth);
    };
    await fits('console-ticket-list-1280-zh.png');
    // The language the app bar's switch keeps (react-admin's store in localStorage).
    await page.evaluate(() => localStorage.setItem('RaStorehelpdesk-console.locale', JSON.stringify('en')));
    await page.reload();
    await page.getByText('Reference', { exact: true }).first().waitFor();
    await fits('console-ticket-list-1280-en.png');
  });
});
