import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKETS_PER_PAGE } from '../../admin-ui/console/tickets/ticketModel';
import { screenshotPath } from './support/browser';
import { startDesk, stopDesk, type Desk } from './support/server';

// An agent works a queue with the keyboard alone: into the list, onto a ticket, takes it, rejects it, and the
// console opens the next ticket of that queue.
let desk: Desk;
let page: Page;

beforeAll(async () => {
  desk = await startDesk();
  page = await desk.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
});
afterAll(() => stopDesk(desk));

const ticketIdInUrl = () => Number(/#\/tickets\/(\d+)\/show/.exec(page.url())?.[1]);

describe('the keyboard through a queue in Chromium', () => {
  it('opens a ticket with j and Enter, shows the ? sheet, assigns with a, rejects with n, then opens the next', async () => {
    // The queue: tickets in review that nobody holds yet.
    await desk.db.ticket.updateMany({ where: { status: 'in_review' }, data: { assigneeId: null } });

    await page.goto(desk.server.url);
    await page.locator('input[name="email"]').fill('agent@example.com');
    await page.locator('input[name="password"]').fill('helpdesk-demo');
    await page.locator('button[type="submit"]').click();
    await page.getByText('王小明').first().waitFor();

    const filter = encodeURIComponent(JSON.stringify({ status: ['in_review'], assigneeId: '@null' }));
    await page.goto(`${desk.server.url}/#/tickets?filter=${filter}&sort=slaDueAt&order=ASC`);
    const rowLinks = page.locator('tbody a[href*="/show"]');
    await rowLinks.first().waitFor();
    // The queue in the order the list shows it.
    // As many as the database holds unassigned in review, up to a page; the walk below needs two of them.
    const queued = Math.min(await desk.db.ticket.count({ where: { status: 'in_review', assigneeId: null } }), TICKETS_PER_PAGE);
    await expect.poll(() => rowLinks.count()).toBe(queued);
    expect(queued).toBeGreaterThanOrEqual(2);
    const references = await rowLinks.allTextContents();
    const queue = await Promise.all(
      references
        .slice(0, 2)
        .map((reference) => desk.db.ticket.findUniqueOrThrow({ where: { reference }, select: { id: true, reference: true } })),
    );
    const firstLink = rowLinks.first();

    // j puts the focus on the first row's link, which Tab reaches too; Enter opens it.
    await page.keyboard.press('j');
    await expect.poll(() => firstLink.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect.poll(() => firstLink.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.screenshot({ path: screenshotPath('console-keyboard-list-focus.png') });
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash === `#/tickets/${id}/show`, queue[0]!.id);
    await page.getByRole('heading', { name: queue[0]!.reference, exact: true }).waitFor();

    // ? shows every shortcut; Escape closes the sheet.
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: '键盘快捷键' });
    await sheet.waitFor();
    await expect.poll(() => sheet.getByRole('table', { name: '工单详情页' }).textContent()).toContain('分配给我');
    await page.screenshot({ path: screenshotPath('console-keyboard-help-sheet.png') });
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });

    // a: the ticket is the agent's, and its decisions open up.
    await page.keyboard.press('a');
    await page.getByText('处理人已更新').waitFor();
    await expect.poll(async () => (await desk.db.ticket.findUniqueOrThrow({ where: { id: queue[0]!.id } })).assigneeId).not.toBeNull();

    // The action bar stays in view with the page scrolled to the conversation.
    await page.getByRole('list', { name: '处理记录' }).scrollIntoViewIfNeeded();
    const bar = page.getByRole('toolbar', { name: '工单操作' });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    // Just under the app bar's height, not scrolled away above the window.
    const top = (await bar.boundingBox())!.y;
    expect(top).toBeGreaterThanOrEqual(40);
    expect(top).toBeLessThan(120);
    await page.screenshot({ path: screenshotPath('console-keyboard-sticky-actions.png') });

    // n: the reject dialog; once rejected, the next ticket of this queue opens.
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: `驳回工单 ${queue[0]!.reference}` });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: '驳回原因' }).click();
    await page.getByRole('option').first().click();
    await dialog.getByRole('textbox', { name: '给客户的说明' }).fill('材料与账号实名信息不一致，申诉未通过。');
    await dialog.getByRole('button', { name: '确认驳回' }).click();

    await page.waitForFunction((id) => location.hash === `#/tickets/${id}/show`, queue[1]!.id);
    await page.getByRole('heading', { name: queue[1]!.reference, exact: true }).waitFor();
    expect(ticketIdInUrl()).toBe(queue[1]!.id);
    expect((await desk.db.ticket.findUniqueOrThrow({ where: { id: queue[0]!.id } })).status).toBe('rejected');

    // k walks back to the previous ticket of the queue, u back to the list with its filter.
    await page.keyboard.press('k');
    await page.waitForFunction((id) => location.hash === `#/tickets/${id}/show`, queue[0]!.id);
    await page.keyboard.press('u');
    await page.waitForFunction(() => decodeURIComponent(location.hash).startsWith('#/tickets') && !location.hash.includes('/show'));
    await page.getByRole('link', { name: queue[1]!.reference, exact: true }).waitFor();
  });
});
