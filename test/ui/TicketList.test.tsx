import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { TicketList } from '../../admin-ui/src/tickets/TicketList';
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
    expect(await screen.findAllByText('MFA 设备丢失')).toHaveLength(2);
    expect(screen.getByText('企业资料审核 · 企业名称变更')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /工单号/ })).toBeInTheDocument();
    expect(screen.getAllByText('待客户补充').length).toBeGreaterThan(0);
    expect(await screen.findByText('张敏')).toBeInTheDocument();
  });

  it('filters by status with an array, shows only the matching tickets, and all of them once cleared', async () => {
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        const { status } = query.filter;
        if (status !== undefined && !(Array.isArray(status) && status.every(value => typeof value === 'string'))) {
          return HttpResponse.json({ code: 'INVALID_QUERY', message: 'status must be an array' }, { status: 400 });
        }
        return listResponse('tickets', fixtures.tickets, query);
      }),
    );
    const user = userEvent.setup();
    renderTicketList();
    expect(await screen.findByText('AP-20261122-0001')).toBeInTheDocument();

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

  it('shows the SLA due date red once overdue and amber when due within 24 hours', async () => {
    const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const rows = [
      { ...fixtures.tickets[0]!, overdue: true, slaDueAt: inHours(-5) },
      { ...fixtures.tickets[1]!, slaDueAt: inHours(12) },
      { ...fixtures.tickets[2]!, status: 'triage' as const, slaDueAt: inHours(48) },
    ];
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        return listResponse('tickets', rows, query);
      }),
    );
    renderTicketList();
    const dueCell = async (reference: string) =>
      within((await screen.findByText(reference)).closest('tr') as HTMLElement).getAllByRole('cell').at(-2)!.firstElementChild as HTMLElement;

    expect(await dueCell('AP-20261122-0001')).toHaveAttribute('title', '已超过 SLA 截止时间');
    expect(await dueCell('AP-20261122-0002')).toHaveAttribute('title', '24 小时内到期');
    expect(await dueCell('AP-20261121-0007')).not.toHaveAttribute('title');
  });

  it('tells the agent when a search shows only its newest matches, and not otherwise', async () => {
    server.use(
      ticketListHandler(({ request }) => {
        const query = parseListQuery(new URL(request.url), TICKET_SPEC);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        if (query.filter.q !== 'ap-2026') return listResponse('tickets', fixtures.tickets, query);
        // As the server answers a search past its limit: the total counts the matches it returned.
        return HttpResponse.json(fixtures.tickets.slice(0, 2), { headers: { 'Content-Range': 'tickets 0-1/500', 'X-Total-Is-Lower-Bound': 'true' } });
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
