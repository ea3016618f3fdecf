import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { openStatuses } from '../../server/src/contract/statuses';
import { TicketList } from '../../admin-ui/console/tickets/TicketList';
import * as fixtures from './fixtures';
import { listResponse, parseListQuery, TICKET_SPEC, ticketListHandler } from './handlers';
import { renderInAdmin } from './renderAdmin';
import { server } from './server';

const renderTicketList = () =>
  renderInAdmin(
    <ResourceContextProvider value="tickets">
      <TicketList />
    </ResourceContextProvider>,
    { route: '/tickets' },
  );

describe('TicketList', () => {
  it('shows references and the catalog kind labels in zh-CN, 25 a page sorted by SLA due', async () => {
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        if (JSON.stringify(query.sort) !== '["slaDueAt","ASC"]' || JSON.stringify(query.range) !== '[0,24]') {
          return HttpResponse.json({ code: 'INVALID_QUERY', message: 'expected the default sort and page' }, { status: 400 });
        }
        return listResponse('tickets', fixtures.tickets, query);
      }),
    );
    renderTicketList();

    expect(await screen.findByText('AP-20261122-0001')).toBeInTheDocument();
    expect(screen.getByText('AP-20261122-0002')).toBeInTheDocument();
    expect(screen.getByText('AP-20261121-0007')).toBeInTheDocument();
    expect(await screen.findAllByText(fixtures.catalogLabel.kind('mfa_unbind'))).toHaveLength(2);
    const enterprise = `${fixtures.catalogLabel.kind('enterprise_review')} · ${fixtures.catalogLabel.variant('enterprise_review', 'change_name')}`;
    expect(screen.getByText(enterprise)).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /工单号/ })).toBeInTheDocument();
    expect(screen.getAllByText('待客户补充').length).toBeGreaterThan(0);
    expect(await screen.findByText('张敏')).toBeInTheDocument();
  });

  it('opens on open tickets only, with closed and all tickets one click away', async () => {
    const closed = { ...fixtures.tickets[2]!, id: 9, reference: 'AP-20261101-0001', status: 'closed' as const };
    const filters: unknown[] = [];
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        filters.push(query.filter);
        return listResponse('tickets', [...fixtures.tickets, closed], query);
      }),
    );
    const user = userEvent.setup();
    renderTicketList();
    expect(await screen.findByText('AP-20261122-0001')).toBeInTheDocument();
    expect(filters[0]).toEqual({ status: [...openStatuses] });
    expect(screen.queryByText('AP-20261101-0001')).not.toBeInTheDocument();
    const scope = screen.getByRole('group', { name: '显示' });
    expect(within(scope).getByRole('button', { name: '未结' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(scope).getByRole('button', { name: '已结' }));
    expect(await screen.findByText('AP-20261101-0001')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('AP-20261122-0001')).not.toBeInTheDocument());

    await user.click(within(scope).getByRole('button', { name: '全部' }));
    expect(await screen.findByText('AP-20261122-0001')).toBeInTheDocument();
    expect(screen.getByText('AP-20261101-0001')).toBeInTheDocument();
    expect(filters.at(-1)).toEqual({});
  });

  it('keeps "all" when the agent then filters by kind: the status scope is not brought back by the filter form', async () => {
    const filters: unknown[] = [];
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        filters.push(query.filter);
        return listResponse('tickets', fixtures.tickets, query);
      }),
    );
    const user = userEvent.setup();
    renderTicketList();
    expect(await screen.findByText('AP-20261122-0001')).toBeInTheDocument();
    const scope = screen.getByRole('group', { name: '显示' });
    await user.click(within(scope).getByRole('button', { name: '全部' }));
    await waitFor(() => expect(filters.at(-1)).toEqual({}));
    await user.click(screen.getByRole('combobox', { name: '类型' }));
    await user.click(await screen.findByRole('option', { name: /MFA/ }));
    await waitFor(() => expect(filters.at(-1)).toEqual({ kind: 'mfa_unbind' }));
    expect(within(scope).getByRole('button', { name: '全部' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('filters by status with an array, shows only the matching tickets, and all of them once cleared', async () => {
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        const { status } = query.filter;
        if (status !== undefined && !(Array.isArray(status) && status.every((value) => typeof value === 'string'))) {
          return HttpResponse.json({ code: 'INVALID_QUERY', message: 'status must be an array' }, { status: 400 });
        }
        return listResponse('tickets', fixtures.tickets, query);
      }),
    );
    const user = userEvent.setup();
    renderTicketList();
    expect(await screen.findByText('AP-20261122-0001')).toBeInTheDocument();
    await user.click(within(screen.getByRole('group', { name: '显示' })).getByRole('button', { name: '全部' }));

    await user.click(screen.getByRole('combobox', { name: '状态' }));
    const options = await screen.findByRole('listbox');
    await user.click(within(options).getByRole('option', { name: '审核中' }));
    await user.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByText('AP-20261122-0001')).not.toBeInTheDocument());
    expect(screen.getByText('AP-20261122-0002')).toBeInTheDocument();
    expect(screen.queryByText('AP-20261121-0007')).not.toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: '状态' }));
    await user.click(within(await screen.findByRole('listbox')).getByRole('option', { name: '审核中' }));
    await user.keyboard('{Escape}');
    expect(await screen.findByText('AP-20261122-0001')).toBeInTheDocument();
  });

  it('asks for unassigned tickets with assigneeId null', async () => {
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        const { assigneeId } = query.filter;
        if (assigneeId !== undefined && assigneeId !== null && typeof assigneeId !== 'number') {
          return HttpResponse.json({ code: 'INVALID_QUERY', message: 'assigneeId must be a number or null' }, { status: 400 });
        }
        return listResponse('tickets', fixtures.tickets, query);
      }),
    );
    const user = userEvent.setup();
    renderTicketList();
    expect(await screen.findByText('AP-20261122-0001')).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: '处理人' }));
    await user.click(within(await screen.findByRole('listbox')).getByRole('option', { name: '未分配' }));

    await waitFor(() => expect(screen.queryByText('AP-20261122-0001')).not.toBeInTheDocument());
    expect(screen.getByText('AP-20261122-0002')).toBeInTheDocument();
    expect(screen.getByText('AP-20261121-0007')).toBeInTheDocument();
  });

  it('sends overdue=true while the toggle is on, and no overdue filter once it is off', async () => {
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        if ('overdue' in query.filter && query.filter.overdue !== true) {
          return HttpResponse.json({ code: 'INVALID_QUERY', message: 'overdue only filters on true' }, { status: 400 });
        }
        return listResponse('tickets', fixtures.tickets, query);
      }),
    );
    const user = userEvent.setup();
    renderTicketList();
    expect(await screen.findByText('AP-20261122-0002')).toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: '已超时' }));
    await waitFor(() => expect(screen.queryByText('AP-20261122-0002')).not.toBeInTheDocument());
    expect(screen.getByText('AP-20261122-0001')).toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: '已超时' }));
    expect(await screen.findByText('AP-20261122-0002')).toBeInTheDocument();
  });

  it('shows the SLA as time left or overdue, red once overdue, amber within a day, the due date in a tooltip', async () => {
    const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000 + 60_000 * Math.sign(hours)).toISOString();
    const rows = [
      { ...fixtures.tickets[0]!, overdue: true, slaDueAt: inHours(-5) },
      { ...fixtures.tickets[1]!, slaDueAt: inHours(12) },
      { ...fixtures.tickets[2]!, status: 'triage' as const, slaDueAt: inHours(51) },
      { ...fixtures.tickets[2]!, id: 4, reference: 'AP-20261121-0008', status: 'awaiting_customer' as const, slaPausedAt: inHours(-1) },
    ];
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        return listResponse('tickets', rows, query);
      }),
    );
    const user = userEvent.setup();
    renderTicketList();
    const dueCell = async (reference: string) =>
      within((await screen.findByText(reference)).closest('tr') as HTMLElement)
        .getAllByRole('cell')
        .at(-2)!.firstElementChild as HTMLElement;

    const overdue = await dueCell('AP-20261122-0001');
    expect(overdue).toHaveTextContent('超时 5 小时');
    expect(overdue).toHaveStyle({ color: 'rgb(211, 47, 47)' });
    const soon = await dueCell('AP-20261122-0002');
    expect(soon).toHaveTextContent('剩 12 小时');
    expect(soon).toHaveAttribute('data-urgency', 'dueSoon');
    const later = await dueCell('AP-20261121-0007');
    expect(later).toHaveTextContent('剩 2 天 3 小时');
    expect(later).not.toHaveAttribute('data-urgency');
    expect(await dueCell('AP-20261121-0008')).toHaveTextContent('已暂停');

    await user.hover(overdue);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(/截止于 .*2026.*已超过 SLA 截止时间|截止于 .*已超过 SLA 截止时间/);
  });

  it('reads the SLA in English: "2 d 3 h left" and "5 h overdue"', async () => {
    const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000 + 60_000 * Math.sign(hours)).toISOString();
    const rows = [
      { ...fixtures.tickets[0]!, overdue: true, slaDueAt: inHours(-5) },
      { ...fixtures.tickets[2]!, status: 'triage' as const, slaDueAt: inHours(51) },
    ];
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        return typeof query === 'string'
          ? HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 })
          : listResponse('tickets', rows, query);
      }),
    );
    renderInAdmin(
      <ResourceContextProvider value="tickets">
        <TicketList />
      </ResourceContextProvider>,
      { route: '/tickets', locale: 'en' },
    );
    expect(await screen.findByText('5 h overdue')).toBeInTheDocument();
    expect(screen.getByText('2 d 3 h left')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Phone/ })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Account ID/ })).toBeInTheDocument();
  });

  it("lets the agent hide a column and show it again, without taking the page's focus on load", async () => {
    const user = userEvent.setup();
    renderTicketList();
    const table = await screen.findByRole('table');
    expect(document.activeElement).toBe(document.body);
    expect(within(table).getByRole('columnheader', { name: '手机号' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '列' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: '手机号' }));
    expect(screen.getByRole('menuitemcheckbox', { name: '手机号' })).toHaveAttribute('aria-checked', 'false');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(within(table).getByRole('columnheader', { name: '账号 ID' })).toBeInTheDocument());
    expect(within(table).queryByRole('columnheader', { name: '手机号' })).not.toBeInTheDocument();
    expect(within(table).queryByText('138****0000')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '列' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: '手机号' }));
    await user.keyboard('{Escape}');
    expect(await within(table).findByRole('columnheader', { name: '手机号' })).toBeInTheDocument();
    expect(within(table).getAllByText('138****0000').length).toBeGreaterThan(0);
  });

  it('shows the masked phone and the account ID of each ticket', async () => {
    renderTicketList();
    const row = (await screen.findByText('AP-20261122-0001')).closest('tr') as HTMLElement;
    expect(within(row).getByText('138****0000')).toBeInTheDocument();
    expect(within(row).getByText('100012345678')).toBeInTheDocument();
  });

  it('puts a refused search in place of the rows, in the agent’s language, and no pager counting the old ones', async () => {
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        if (query.filter.q === 'a') {
          return HttpResponse.json(
            {
              code: 'SEARCH_TOO_SHORT',
              message: '请至少输入 2 个字符再搜索（一个汉字也可以）',
              errors: { q: '至少 2 个字符，或一个汉字' },
            },
            { status: 400 },
          );
        }
        return listResponse('tickets', fixtures.tickets, query);
      }),
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderTicketList();
    expect(await screen.findByText('AP-20261122-0001')).toBeInTheDocument();
    expect(screen.getByText(/1-3/)).toBeInTheDocument();

    await user.type(screen.getByPlaceholderText('搜索'), 'a');
    // The server's reason, or the console's own words for its code: in Chinese either way.
    await waitFor(() => expect(screen.getAllByRole('alert').some((alert) => /搜索/.test(alert.textContent ?? ''))).toBe(true));
    await waitFor(() => expect(screen.queryByText('AP-20261122-0001')).not.toBeInTheDocument());
    expect(screen.queryByText(/1-3/)).not.toBeInTheDocument();
  });

  it('tells the agent when a search shows only its newest matches, and not otherwise', async () => {
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        if (query.filter.q !== 'ap-2026') return listResponse('tickets', fixtures.tickets, query);
        // As the server answers a search past its limit: the total counts the matches it returned.
        return HttpResponse.json(fixtures.tickets.slice(0, 2), {
          headers: { 'Content-Range': 'tickets 0-1/500', 'X-Total-Is-Lower-Bound': 'true' },
        });
      }),
    );
    const user = userEvent.setup();
    renderTicketList();
    expect(await screen.findByText('AP-20261121-0007')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    await user.type(screen.getByPlaceholderText('搜索'), 'ap-2026');
    expect(await screen.findByRole('status')).toHaveTextContent('仅显示最新的 500 条匹配结果');
    await waitFor(() => expect(screen.queryByText('AP-20261121-0007')).not.toBeInTheDocument());

    await user.clear(screen.getByPlaceholderText('搜索'));
    await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
  });
});
