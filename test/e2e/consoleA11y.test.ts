import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { screenshotPath } from './support/browser';
import { startDesk, stopDesk, type Desk } from './support/server';

// The three pages an agent lives on, in both of the console's languages: axe finds nothing critical or serious.
let desk: Desk;
let page: Page;

const LOCALE_KEY = 'RaStorehelpdesk-console.locale';
/** The menu's entry for tickets, which tells the page is in the language asked for. */
const TICKETS = { 'zh-CN': '工单', en: 'Tickets' } as const;

beforeAll(async () => {
  desk = await startDesk();
  // The console's CSP refuses inline scripts, axe's included: the test page alone lets it in.
  page = await desk.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', bypassCSP: true });
  await page.goto(desk.server.url);
  await page.locator('input[name="email"]').fill('admin@example.com');
  await page.locator('input[name="password"]').fill('helpdesk-demo');
  await page.locator('button[type="submit"]').click();
  await page.getByText('陈静').first().waitFor();
});
afterAll(() => stopDesk(desk));

const inLanguage = async (locale: 'zh-CN' | 'en') => {
  await page.evaluate(([key, value]) => localStorage.setItem(key, JSON.stringify(value)), [LOCALE_KEY, locale] as const);
};

const pages = (ticketId: number) =>
  [
    { name: 'dashboard', hash: '#/', ready: (p: Page) => p.locator('.MuiCard-root').first().waitFor() },
    { name: 'ticket list', hash: '#/tickets', ready: (p: Page) => p.locator('tbody tr').first().waitFor() },
    {
      name: 'ticket review',
      hash: `#/tickets/${ticketId}/show`,
      ready: (p: Page) => p.getByRole('toolbar').first().waitFor(),
    },
  ] as const;

describe('the console under axe-core in Chromium', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`finds no critical or serious violation on the dashboard, the list and the review page in ${locale}`, async () => {
      const ticket = await desk.db.ticket.findFirstOrThrow({ where: { status: 'in_review' }, orderBy: { id: 'asc' } });
      await inLanguage(locale);
      const found: Record<string, unknown> = {};
      for (const target of pages(ticket.id)) {
        await page.goto(`${desk.server.url}/${target.hash}`);
        await page.reload();
        await page.getByRole('menuitem', { name: TICKETS[locale] }).first().waitFor();
        await target.ready(page);
        // The page once its rows are in (no skeletons); a spinner still turning is checked as it is.
        await page.waitForFunction(() => document.querySelectorAll('.MuiSkeleton-root').length === 0);
        await page.screenshot({ path: screenshotPath(`console-a11y-${target.name.replace(' ', '-')}-${locale}.png`) });
        found[target.name] = await axeViolations(page, 'serious');
      }
      expect(found).toEqual({ dashboard: [], 'ticket list': [], 'ticket review': [] });
    });
  }
});
