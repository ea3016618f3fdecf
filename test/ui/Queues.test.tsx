import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { openStatuses } from '../../server/src/contract/statuses';
import * as fixtures from './fixtures';
import { listResponse, meHandler, parseListQuery, TICKET_SPEC, ticketListHandler } from './handlers';
import { renderApp } from './renderAdmin';
import { server } from './server';

// The server's open statuses, a proposed approval awaiting its second person included.
const OPEN = [...openStatuses];

/** Remembers the filter of every ticket list request. */
const recordTicketFilters = () => {
  const filters: unknown[] = [];
  server.use(
    ticketListHandler(({ request }) => {
      const query = parseListQuery(new URL(request.url), TICKET_SPEC);
      if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
      filters.push(query.filter);
      return listResponse('tickets', fixtures.tickets, query);
    }),
  );
  return filters;
};

describe('queues in the menu', () => {
  it('open the ticket list with each queue’s filter, and mark the queue that is open', async () => {
    server.use(meHandler('agent'));
    const filters = recordTicketFilters();
    const user = userEvent.setup();
    renderApp({ route: '/' });

    const open = async (name: string, expected: unknown) => {
      await user.click(await screen.findByRole('menuitem', { name }));
      await waitFor(() => expect(filters.at(-1)).toEqual(expected));
      expect(screen.getByRole('menuitem', { name })).toHaveAttribute('aria-current', 'page');
    };

    await open('我的待办', { assigneeId: 1, status: OPEN });
    expect(await screen.findByText('AP-20261122-0001')).toBeInTheDocument();
    expect(screen.queryByText('AP-20261122-0002')).not.toBeInTheDocument();
    await open('未分配', { assigneeId: null, status: OPEN });
    await open('已超时', { overdue: true });
    await open('待客户补充', { status: ['awaiting_customer'] });
    expect(await screen.findByText('AP-20261121-0007')).toBeInTheDocument();
    await open('工单', { status: OPEN });
    // Approvals awaiting a second person are a supervisor's queue.
    expect(screen.queryByRole('menuitem', { name: '待复核' })).not.toBeInTheDocument();
    // Five list pages in one whole console: slower than one component.
  }, 45_000);

  it('gives supervisors the queue of approvals awaiting a second person', async () => {
    server.use(meHandler('supervisor'));
    const filters = recordTicketFilters();
    const user = userEvent.setup();
    renderApp({ route: '/' });

    await user.click(await screen.findByRole('menuitem', { name: '待复核' }));
    await waitFor(() => expect(filters.at(-1)).toEqual({ status: ['approval_pending'] }));
    expect(screen.getByRole('menuitem', { name: '待复核' })).toHaveAttribute('aria-current', 'page');
  });

  it('lets an agent save the current filter as a query, find it in the filter menu and pick it again', async () => {
    server.use(meHandler('agent'));
    const filters = recordTicketFilters();
    const user = userEvent.setup();
    renderApp({ route: '/' });

    await user.click(await screen.findByRole('menuitem', { name: '已超时' }));
    await screen.findByText('AP-20261122-0001');
    await user.click(screen.getByRole('button', { name: '添加筛选' }));
    await user.click(await screen.findByRole('menuitem', { name: '保存当前查询…' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox'), '我关注的超时单');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));

    await user.click(await screen.findByRole('menuitem', { name: '工单' }));
    await user.click(await screen.findByRole('button', { name: '添加筛选' }));
    await user.click(await screen.findByRole('menuitem', { name: '我关注的超时单' }));
    // Picked again, the saved view brings its filter back in place of the default open view.
    await waitFor(() => expect(filters.at(-1)).toEqual({ overdue: true }));
  }, 45_000);
});
