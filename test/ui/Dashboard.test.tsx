import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { Dashboard } from '../../admin-ui/console/dashboard';
import { openStatuses } from '../../server/src/contract/statuses';
import { catalogLabel } from './fixtures';
import { API } from './handlers';
import { renderInAdmin } from './renderAdmin';
import { server } from './server';

describe('Dashboard', () => {
  it('shows the open and overdue counts, tickets by status and open tickets by kind', async () => {
    renderInAdmin(<Dashboard />);

    expect(await screen.findByLabelText('未结工单')).toHaveTextContent('17');
    expect(screen.getByLabelText('已超时')).toHaveTextContent('4');
    const byStatus = screen.getByRole('list', { name: '各状态工单' });
    expect(within(byStatus).getByRole('listitem', { name: '审核中: 6' })).toBeInTheDocument();
    expect(within(byStatus).getByRole('listitem', { name: '已通过: 9' })).toBeInTheDocument();
    const byKind = screen.getByRole('list', { name: '各类型未结工单' });
    expect(await within(byKind).findByRole('listitem', { name: `${catalogLabel.kind('mfa_unbind')}: 12` })).toBeInTheDocument();
    expect(within(byKind).getByRole('listitem', { name: `${catalogLabel.kind('enterprise_review')}: 5` })).toBeInTheDocument();
  });

  it('draws one stacked bar group per day of decisions, with due-soon, median and load per agent', async () => {
    renderInAdmin(<Dashboard />);

    const chart = await screen.findByRole('list', { name: '每日决定数（近 30 天）' });
    const days = within(chart).getAllByRole('listitem');
    expect(days).toHaveLength(30);
    expect(days[0]).toHaveAccessibleName('10/24：通过 3，驳回 2');
    // Each group stacks its two bars on the same column.
    const [approved, rejected] = Array.from(days[0]!.querySelectorAll('rect')).slice(1);
    expect(approved!.getAttribute('x')).toBe(rejected!.getAttribute('x'));
    expect(Number(rejected!.getAttribute('y')) + Number(rejected!.getAttribute('height'))).toBeCloseTo(Number(approved!.getAttribute('y')));

    expect(screen.getByLabelText('24 小时内到期')).toHaveTextContent('2');
    expect(screen.getByLabelText('决定用时中位数')).toHaveTextContent('30.5 小时');
    const load = screen.getByRole('list', { name: '各客服未结工单' });
    expect(await within(load).findByRole('listitem', { name: '张敏: 9' })).toBeInTheDocument();
    expect(within(load).getByRole('listitem', { name: '未分配: 6' })).toBeInTheDocument();
    expect(within(load).getByRole('listitem', { name: '李华: 2' })).toBeInTheDocument();
  });

  it('opens the ticket list with each tile’s filter', async () => {
    renderInAdmin(<Dashboard />);
    const tile = async (name: string) => {
      const link = (await screen.findByLabelText(name)).closest('a');
      expect(link, name).not.toBeNull();
      const url = new URL(link!.getAttribute('href')!, 'http://localhost');
      expect(url.pathname).toBe('/tickets');
      return JSON.parse(url.searchParams.get('filter')!) as Record<string, unknown>;
    };
    expect(await tile('未结工单')).toEqual({ status: [...openStatuses] });
    expect(await tile('已超时')).toEqual({ overdue: true });
    const dueSoon = await tile('24 小时内到期');
    expect(dueSoon.status).toEqual([...openStatuses]);
    const span = Date.parse(dueSoon.slaDueAt_lt as string) - Date.parse(dueSoon.slaDueAt_gte as string);
    expect(span).toBe(86_400_000);
    expect(screen.getByLabelText('决定用时中位数').closest('a')).toBeNull();
    const byStatus = screen.getByRole('list', { name: '各状态工单' });
    expect(within(byStatus).getByRole('link', { name: '审核中' })).toHaveAttribute(
      'href',
      expect.stringContaining(encodeURIComponent('{"status":["in_review"]}')),
    );
  });

  it("says in the agent's language why the figures cannot be loaded", async () => {
    // react-admin logs data provider failures; this one is expected.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    server.use(http.get(`${API}/stats/overview`, () => HttpResponse.json({ code: 'FORBIDDEN', message: '无权查看统计' }, { status: 403 })));
    renderInAdmin(<Dashboard />);
    expect(await screen.findByText('您的角色无权执行此操作')).toBeInTheDocument();
  });
});
