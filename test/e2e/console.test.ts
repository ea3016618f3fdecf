import type { Browser, Page } from 'playwright-core';
import { ticketStatuses } from '../../server/src/tickets/statuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const unfiltered = await rows.count();
    expect(unfiltered).toBeGreaterThan(20);

    // Filter by kind through the filter form, as an agent would.
    await page.getByRole('combobox', { name: '类型' }).click();
    await page.getByRole('option', { name: /注销/ }).click();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('account_cancellation'));
    await expect.poll(() => rows.count()).toBeLessThan(unfiltered);
    const kinds = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    // The demo has one cancellation in each status.
    expect(kinds.length).toBe(ticketStatuses.length);
    for (const text of kinds) expect(text).toMatch(/注销/);
    await page.screenshot({ path: screenshotPath('console-ticket-list.png'), fullPage: true });

    const reference = (await rows.first().locator('td').filter({ hasText: /^AP-\d{8}-\d{4}$/ }).first().textContent())!.trim();
    await rows.first().click();
    await page.waitForFunction(() => /#\/tickets\/\d+\/show/.test(location.hash));
    await page.getByText(reference).first().waitFor();
    await page.getByText('材料清单').first().waitFor();
    await page.getByText('处理记录').first().waitFor();
    await page.screenshot({ path: screenshotPath('console-ticket-show.png'), fullPage: true });
  });
});
