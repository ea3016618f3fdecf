import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { ResourceContextProvider, useLocation } from 'react-admin';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyboardShortcuts } from '../../admin-ui/console/keyboard/KeyboardShortcuts';
import { loadQueue, neighbourId, saveQueue, withWiderRead, type QueueSnapshot } from '../../admin-ui/console/keyboard/queueModel';
import { shortcutFor } from '../../admin-ui/console/keyboard/shortcutModel';
import { findNeighbour } from '../../admin-ui/console/keyboard/useTicketQueue';
import { TicketList } from '../../admin-ui/console/tickets/TicketList';
import { TicketShow } from '../../admin-ui/console/tickets/TicketShow';
import * as fixtures from './fixtures';
import { API, meHandler, readBody, reviewHandler, schemas } from './handlers';
import { renderInAdmin } from './renderAdmin';
import { server } from './server';

const REVIEW_ID = fixtures.reviewTicket.id;

/** Where the console's router is, so a test sees which ticket a key opened. */
const Where = () => <output aria-label="location">{useLocation().pathname}</output>;

const renderTicketWithShortcuts = (id: number, locale?: 'zh-CN' | 'en') =>
  renderInAdmin(
    <ResourceContextProvider value="tickets">
      <KeyboardShortcuts />
      <TicketShow id={id} />
      <Where />
    </ResourceContextProvider>,
    { route: `/tickets/${id}/show`, signedIn: true, locale },
  );

const queue = (ids: number[], overrides: Partial<QueueSnapshot> = {}): QueueSnapshot => ({
  filter: { status: ['in_review'] },
  sort: { field: 'slaDueAt', order: 'ASC' },
  perPage: 2,
  page: 1,
  ids,
  hasMore: false,
  ...overrides,
});

afterEach(() => sessionStorage.clear());

describe('which key does what', () => {
  const key = (
    init: Partial<Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>>,
    target: EventTarget = document.body,
  ) => ({
    key: '',
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    ...init,
    target,
  });

  it('maps the keys of each page to their actions, and ? everywhere', () => {
    expect(shortcutFor(key({ key: '?', shiftKey: true }), null)).toBe('help');
    expect(shortcutFor(key({ key: 'j' }), 'list')).toBe('next');
    expect(shortcutFor(key({ key: 'ArrowUp' }), 'list')).toBe('previous');
    expect(shortcutFor(key({ key: 'y' }), 'ticket')).toBe('approve');
    expect(shortcutFor(key({ key: 'j' }), 'ticket')).toBe('next');
    // On the ticket page the arrows keep scrolling, and list keys do nothing elsewhere.
    expect(shortcutFor(key({ key: 'ArrowDown' }), 'ticket')).toBeNull();
    expect(shortcutFor(key({ key: 'y' }), 'list')).toBeNull();
  });

  it('leaves keys alone with Ctrl, Alt or Meta, and while typing', () => {
    expect(shortcutFor(key({ key: 'r', ctrlKey: true }), 'ticket')).toBeNull();
    expect(shortcutFor(key({ key: 'a', metaKey: true }), 'ticket')).toBeNull();
    expect(shortcutFor(key({ key: '/', altKey: true }), null)).toBeNull();
    const textarea = document.createElement('textarea');
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    document.body.append(textarea, editable);
    expect(shortcutFor(key({ key: 'n' }, textarea), 'ticket')).toBeNull();
    expect(shortcutFor(key({ key: '?' }, editable), null)).toBeNull();
    textarea.remove();
    editable.remove();
  });

  it('works from the sidebar menu the agent just clicked, not inside an open dialog', () => {
    const sidebar = document.createElement('ul');
    sidebar.setAttribute('role', 'menu');
    sidebar.innerHTML = '<li><a role="menuitem" href="#/tickets">Tickets</a></li>';
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.innerHTML = '<button>OK</button>';
    document.body.append(sidebar, dialog);
    expect(shortcutFor(key({ key: 'j' }, sidebar.querySelector('a')!), 'list')).toBe('next');
    expect(shortcutFor(key({ key: 'y' }, dialog.querySelector('button')!), 'ticket')).toBeNull();
    sidebar.remove();
    dialog.remove();
  });
});

describe('the next ticket in the queue', () => {
  it('follows the list as it was shown, and goes nowhere past either end', () => {
    expect(neighbourId([7, 4, 9], 4, 1)).toBe(9);
    expect(neighbourId([7, 4, 9], 4, -1)).toBe(7);
    expect(neighbourId([7, 4, 9], 9, 1)).toBeUndefined();
    expect(neighbourId([7, 4, 9], 7, -1)).toBeUndefined();
    // A ticket opened from a link is followed by the list's first.
    expect(neighbourId([7, 4, 9], 12, 1)).toBe(7);
  });

  it('reads further when the page shown ends, without repeating what was seen', () => {
    // A decided ticket (4) left the queue: re-reading from the top still finds 2 and 3, in order.
    expect(withWiderRead(queue([1, 4], { hasMore: true }), [1, 2, 3], 3)).toMatchObject({ page: 2, ids: [1, 4, 2, 3], hasMore: false });
  });

  it('asks the API with the list filter and sort when the last ticket of the page is done', async () => {
    saveQueue(queue([1, 4], { hasMore: true }));
    const asked: unknown[] = [];
    const next = await findNeighbour(
      async (params) => {
        asked.push(params);
        return { data: [{ id: 1 }, { id: 2 }, { id: 3 }], total: 3 };
      },
      4,
      1,
    );
    expect(next).toBe(2);
    expect(asked).toEqual([
      { pagination: { page: 1, perPage: 4 }, sort: { field: 'slaDueAt', order: 'ASC' }, filter: { status: ['in_review'] } },
    ]);
    expect(loadQueue()?.ids).toEqual([1, 4, 2, 3]);
  });
});

describe('shortcuts on the ticket page', () => {
  it('opens the help sheet with ?, listing the shortcuts in Chinese', async () => {
    const user = userEvent.setup();
    renderTicketWithShortcuts(REVIEW_ID);
    await screen.findByRole('heading', { name: fixtures.reviewTicket.reference });

    await user.keyboard('?');
    const sheet = await screen.findByRole('dialog', { name: '键盘快捷键' });
    expect(within(sheet).getByRole('table', { name: '工单详情页' })).toHaveTextContent('分配给我');
    expect(within(sheet).getByRole('table', { name: '工单列表' })).toHaveTextContent('下一个工单');
    await user.click(within(sheet).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('lists them in English when the console is in English', async () => {
    const user = userEvent.setup();
    renderTicketWithShortcuts(REVIEW_ID, 'en');
    await screen.findByRole('heading', { name: fixtures.reviewTicket.reference });

    await user.keyboard('?');
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(sheet).getByRole('table', { name: 'Ticket page' })).toHaveTextContent('Ask for more materials');
  });

  it('does nothing while the agent types in the reply, r puts the cursor there', async () => {
    const user = userEvent.setup();
    renderTicketWithShortcuts(REVIEW_ID);
    await screen.findByRole('heading', { name: fixtures.reviewTicket.reference });
    const reply = await screen.findByRole('textbox', { name: '回复内容' });

    await user.keyboard('r');
    expect(reply).toHaveFocus();
    await user.keyboard('y n m ? j');
    expect(reply).toHaveValue('y n m ? j');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent(`/tickets/${REVIEW_ID}/show`);
  });

  it('opens ask-for-more with m and the reject dialog with n', async () => {
    const user = userEvent.setup();
    renderTicketWithShortcuts(REVIEW_ID);
    await screen.findByRole('heading', { name: fixtures.reviewTicket.reference });

    await user.keyboard('m');
    const request = await screen.findByRole('dialog', { name: '要求客户补充材料' });
    await user.click(within(request).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.keyboard('n');
    expect(await screen.findByRole('dialog', { name: /驳回/ })).toBeInTheDocument();
  });

  it('assigns an unassigned ticket to the agent with a', async () => {
    const assigned: unknown[] = [];
    server.use(
      http.post(`${API}/tickets/:id/assign`, async ({ request, params }) => {
        assigned.push({ id: params.id, ...((await request.json()) as object) });
        return HttpResponse.json({ ...fixtures.tickets[1], assigneeId: 1 });
      }),
    );
    const user = userEvent.setup();
    renderTicketWithShortcuts(2);
    await screen.findByRole('heading', { name: 'AP-20261122-0002' });
    await screen.findByRole('button', { name: '领取' });

    await user.keyboard('a');
    await waitFor(() => expect(assigned).toEqual([expect.objectContaining({ id: '2', agentId: 1 })]));
  });

  it('goes to the next ticket of the queue the agent came from with j', async () => {
    saveQueue(queue([1, REVIEW_ID, 2]));
    const user = userEvent.setup();
    renderTicketWithShortcuts(REVIEW_ID);
    await screen.findByRole('heading', { name: fixtures.reviewTicket.reference });

    await user.keyboard('j');
    await waitFor(() => expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent('/tickets/2/show'));
  });
});

describe('after a decision', () => {
  it('approving with y opens the next ticket of the queue the agent came from', async () => {
    saveQueue(queue([REVIEW_ID, 2]));
    const received: unknown[] = [];
    server.use(
      meHandler('agent'),
      reviewHandler({ blockers: [], unreviewedFiles: [] }),
      http.post(`${API}/tickets/:id/decision`, async ({ request }) => {
        const body = await readBody(request, schemas.decision);
        if (body instanceof Response) return body;
        received.push(body);
        return HttpResponse.json({ ...fixtures.reviewTicket, status: 'approved', outcome: { decision: 'approve' } });
      }),
    );
    const user = userEvent.setup();
    renderTicketWithShortcuts(REVIEW_ID);
    await screen.findByRole('heading', { name: fixtures.reviewTicket.reference });

    await user.keyboard('y');
    const dialog = await screen.findByRole('dialog', { name: `通过工单 ${fixtures.reviewTicket.reference}` });
    await within(dialog).findByRole('note', { name: '通过后将' });
    await user.type(within(dialog).getByRole('textbox', { name: /给客户的说明/ }), '已为您解绑 MFA。');
    await user.click(within(dialog).getByRole('button', { name: '确认通过' }));

    await waitFor(() => expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent('/tickets/2/show'));
    expect(received).toEqual([expect.objectContaining({ decision: 'approve', message: '已为您解绑 MFA。' })]);
  });
});

describe('shortcuts on the ticket list', () => {
  it('puts the cursor in the search box with /', async () => {
    const user = userEvent.setup();
    renderInAdmin(
      <ResourceContextProvider value="tickets">
        <KeyboardShortcuts />
        <TicketList />
      </ResourceContextProvider>,
      { route: '/tickets' },
    );
    await screen.findByRole('link', { name: 'AP-20261122-0001' });
    await user.keyboard('/');
    expect(screen.getByPlaceholderText('搜索')).toHaveFocus();
  });

  it('makes each row a link (Tab reaches it), moves between rows with j/k, and keeps the page as the queue', async () => {
    const user = userEvent.setup();
    renderInAdmin(
      <ResourceContextProvider value="tickets">
        <TicketList />
      </ResourceContextProvider>,
      { route: '/tickets' },
    );
    const first = await screen.findByRole('link', { name: 'AP-20261122-0001' });
    const links = screen.getAllByRole('link', { name: /^AP-/ });
    expect(first).toHaveAttribute('href', expect.stringMatching(/\/tickets\/1\/show$/));

    await user.keyboard('j');
    expect(links[0]).toHaveFocus();
    await user.keyboard('j');
    expect(links[1]).toHaveFocus();
    await user.keyboard('k');
    expect(first).toHaveFocus();
    // Each row's checkbox says which ticket it selects.
    expect(screen.getByRole('checkbox', { name: /AP-20261122-0001/ })).toBeInTheDocument();
    await waitFor(() =>
      expect(loadQueue()?.ids).toEqual(links.map((link) => Number(link.getAttribute('href')!.match(/tickets\/(\d+)/)![1]))),
    );
  });
});
