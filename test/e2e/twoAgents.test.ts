import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mfaUnbindPayload } from '../server/support/payloads';
import { screenshotPath } from './support/browser';
import { startDesk, stopDesk, type Desk } from './support/server';

// Issue 14: two agents on one ticket. The supervisor sees the agent on it, the page follows what the agent does,
// and a decision sent from a page that has not caught up is refused with the stale notice instead of acting.

let desk: Desk;
const contexts: BrowserContext[] = [];
const password = 'helpdesk-demo';

async function signedIn(email: string): Promise<Page> {
  const context = await desk.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(desk.server.url);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: /通知/ }).waitFor();
  return page;
}

/** What the API says of the ticket now, as the agent's own session reads it. */
const ticketNow = (page: Page, id: number) =>
  page.evaluate(
    async (ticketId) =>
      (await fetch(`/api/tickets/${ticketId}`)).json() as Promise<{ status: string; version: number; decidedAt: string | null }>,
    id,
  );

/** A viewport's worth from the top of the page, where the ticket's header and presence are. */
async function screenshotTop(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name) });
}

beforeAll(async () => {
  desk = await startDesk({ REQUIRE_2FA: '' });
}, 240_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await stopDesk(desk);
});

describe('two agents on one ticket', () => {
  it('the supervisor sees the agent viewing and replying, follows the reply, and a stale rejection is refused', async () => {
    const ticket = await desk.db.ticket.findFirstOrThrow({
      where: { status: 'in_review', assignee: { email: 'agent@example.com' } },
      orderBy: { id: 'asc' },
    });
    const agent = await signedIn('agent@example.com');
    const supervisor = await signedIn('supervisor@example.com');
    const show = `${desk.server.url}/#/tickets/${ticket.id}/show`;

    await agent.goto(show);
    await agent.getByText(ticket.reference).first().waitFor();
    await supervisor.goto(show);
    await supervisor.getByText(ticket.reference).first().waitFor();
    // Each sees the other, named, on the ticket.
    await supervisor.getByText('王小明 正在查看').waitFor();
    await agent.getByText('刘洋 正在查看').waitFor();
    await screenshotTop(supervisor, 'two-agents-presence-viewing.png');

    // The agent starts typing a reply: the supervisor's chip says so.
    const reply = '您好，我们已收到您的材料，正在核对。';
    await agent.getByLabel('回复内容').fill(reply);
    await supervisor.getByText('王小明 正在回复').waitFor();
    // The supervisor has started a note of their own, which the refresh below must not lose.
    const note = '复核意见：证件照片清晰';
    await supervisor.getByRole('button', { name: '内部备注' }).click();
    await supervisor.getByLabel('备注内容').fill(note);
    await screenshotTop(supervisor, 'two-agents-presence-replying.png');

    await agent.getByRole('button', { name: '发送回复' }).click();
    // The supervisor's open page catches up by itself: the reply is in its timeline, with a notice who changed it.
    await supervisor.getByText('王小明 刚刚更新了此工单', { exact: false }).waitFor();
    await supervisor.getByText(reply).first().waitFor();
    expect(await supervisor.getByLabel('备注内容').inputValue()).toBe(note);
    await screenshotTop(supervisor, 'two-agents-changed-elsewhere.png');

    // The supervisor's page now stops catching up (its reads of the ticket are held, as on a slow network)...
    const held: (() => Promise<void>)[] = [];
    await supervisor.route(
      (url) => url.pathname === `/api/tickets/${ticket.id}`,
      (route) => (route.request().method() === 'GET' ? void held.push(() => route.continue()) : route.continue()),
    );
    const before = await ticketNow(agent, ticket.id);
    // ...while the agent moves the ticket on.
    await agent.getByRole('button', { name: '发送回复' }).waitFor();
    await agent.evaluate(async (id) => {
      const res = await fetch('/api/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ticketId: id, kind: 'internal_note', body: '已联系客户' }),
      });
      if (res.status !== 201) throw new Error(`note refused: ${res.status}`);
    }, ticket.id);
    await expect.poll(async () => (await ticketNow(agent, ticket.id)).version).toBeGreaterThan(before.version);

    // The supervisor rejects from the page that still shows the old version: refused, and told why.
    await supervisor.getByRole('button', { name: '驳回', exact: true }).click();
    const dialog = supervisor.getByRole('dialog');
    await dialog.getByRole('combobox').first().click();
    await supervisor.getByRole('option').first().click();
    await dialog.getByRole('textbox').last().fill('申请主体与账号实名主体不一致');
    const noticesBefore = await desk.db.notification.count({ where: { ticketId: ticket.id } });
    const decision = supervisor.waitForResponse((res) => res.url().endsWith(`/api/tickets/${ticket.id}/decision`));
    await dialog.getByRole('button', { name: /确认驳回/ }).click();
    expect((await decision).status()).toBe(409);
    await supervisor.getByText('此工单已被他人更新', { exact: false }).waitFor();
    await supervisor.screenshot({ path: screenshotPath('two-agents-stale-refused.png') });
    for (const release of held.splice(0)) await release();
    await supervisor.unroute((url) => url.pathname === `/api/tickets/${ticket.id}`);

    const after = await ticketNow(agent, ticket.id);
    expect(after.status).toBe('in_review');
    expect(after.decidedAt).toBeNull();
    // No rejection reached the customer.
    expect(await desk.db.notification.count({ where: { ticketId: ticket.id } })).toBe(noticesBefore);

    // In the list, the row says someone has the ticket open (the agent's page still is).
    await supervisor.goto(`${desk.server.url}/#/tickets?filter=${encodeURIComponent(JSON.stringify({ reference: ticket.reference }))}`);
    const row = supervisor.locator('tbody tr', { hasText: ticket.reference });
    await row.getByRole('img', { name: '正在处理：王小明' }).waitFor();
    await supervisor.screenshot({ path: screenshotPath('two-agents-list-presence.png') });
  }, 180_000);

  it('a customer reply marks the ticket unread in the list and rings the bell; opening it from the bell reads it', async () => {
    const agent = await signedIn('agent@example.com');
    const me = await desk.db.agent.findUniqueOrThrow({ where: { email: 'agent@example.com' } });
    // The customer answers through the public status page's route, with the access token of their appeal.
    const filed = await fetch(`${desk.server.url}/api/public/appeals`, {
      method: 'POST',
      body: (() => {
        const form = new FormData();
        form.set(
          'payload',
          JSON.stringify(mfaUnbindPayload({ contact: { name: '周杰', email: 'zhou.jie@example.cn', phone: '13612345678' } })),
        );
        return form;
      })(),
    });
    const appeal = (await filed.json()) as { reference: string; accessToken: string };
    expect(filed.status, JSON.stringify(appeal)).toBe(201);
    const mine = await desk.db.ticket.findUniqueOrThrow({ where: { reference: appeal.reference } });
    await agent.evaluate(
      async ({ id, me }) => {
        const res = await fetch(`/api/tickets/${id}/assign`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ agentId: me }),
        });
        if (res.status !== 200) throw new Error(`assign refused: ${res.status}`);
      },
      { id: mine.id, me: me.id },
    );

    await agent.goto(`${desk.server.url}/#/tickets?filter=${encodeURIComponent(JSON.stringify({ reference: appeal.reference }))}`);
    const row = agent.locator('tbody tr', { hasText: appeal.reference });
    await row.waitFor();
    const bell = agent.getByRole('button', { name: /通知/ });
    const countBefore = Number((await bell.getAttribute('aria-label'))?.match(/(\d+)/)?.[1] ?? 0);

    const sent = await fetch(`${desk.server.url}/api/public/appeals/${appeal.reference}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${appeal.accessToken}` },
      body: JSON.stringify({ body: '我已补充说明，请查看' }),
    });
    expect(sent.status).toBe(201);
    // The bell counts it without a reload: the live stream told the console.
    await expect
      .poll(async () => Number((await bell.getAttribute('aria-label'))?.match(/(\d+)/)?.[1] ?? 0), { timeout: 15_000 })
      .toBe(countBefore + 1);
    // The row shows it too: the list refetched when the stream told it the ticket changed.
    await row.getByTestId('unread-marker').waitFor();
    await agent.screenshot({ path: screenshotPath('two-agents-unread-row.png') });

    await bell.click();
    const item = agent.getByRole('menuitem', { name: new RegExp(appeal.reference) });
    await item.getByText('客户回复了', { exact: false }).waitFor();
    // The menu has finished fading in.
    await expect.poll(() => item.evaluate((el) => getComputedStyle(el.closest('.MuiPaper-root')!).opacity)).toBe('1');
    await agent.screenshot({ path: screenshotPath('two-agents-bell-menu.png') });
    await item.click();
    await agent.waitForFunction((id) => location.hash.includes(`/tickets/${id}/show`), mine.id);
    await expect
      .poll(async () => Number((await bell.getAttribute('aria-label'))?.match(/(\d+)/)?.[1] ?? 0), { timeout: 15_000 })
      .toBe(countBefore);
    const read = await desk.db.ticketRead.findFirst({ where: { ticketId: mine.id, agentId: me.id } });
    expect(read).not.toBeNull();
  }, 180_000);
});
