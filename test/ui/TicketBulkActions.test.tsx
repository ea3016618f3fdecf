import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { Notification, ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { TicketList } from '../../admin-ui/console/tickets/TicketList';
import { API, meHandler, readBody, schemas } from './handlers';
import { renderInAdmin } from './renderAdmin';
import { server } from './server';

const renderTicketList = () =>
  renderInAdmin(
    <ResourceContextProvider value="tickets">
      <TicketList />
      <Notification />
    </ResourceContextProvider>,
    { route: '/tickets', signedIn: true },
  );

const selectRow = async (user: ReturnType<typeof userEvent.setup>, reference: string) => {
  const row = (await screen.findByText(reference)).closest('tr') as HTMLElement;
  await user.click(within(row).getByRole('checkbox'));
};

describe('bulk actions on the ticket list', () => {
  it('moves the selected tickets in one request and reports the one the server refused', async () => {
    const requests: unknown[] = [];
    server.use(
      http.post(`${API}/tickets/bulk/transition`, async ({ request }) => {
        const body = await readBody(request, schemas.bulkTransition);
        if (body instanceof Response) return body;
        requests.push(body);
        return HttpResponse.json({
          done: [3],
          failed: [{ id: 1, code: 'ILLEGAL_TRANSITION', message: 'A ticket cannot go from new to closed' }],
        });
      }),
    );
    const user = userEvent.setup();
    renderTicketList();
    await selectRow(user, 'AP-20261122-0001');
    await selectRow(user, 'AP-20261121-0007');

    await user.click(screen.getByRole('button', { name: '变更状态' }));
    const dialog = await screen.findByRole('dialog', { name: '变更选中的 2 个工单的状态' });
    await user.click(within(dialog).getByRole('combobox', { name: '新状态' }));
    await user.click(within(await screen.findByRole('listbox')).getByRole('option', { name: '已关闭' }));
    await user.type(within(dialog).getByRole('textbox', { name: '原因（选填）' }), '客户已来电确认');
    await user.click(within(dialog).getByRole('button', { name: '变更状态' }));

    const report = await screen.findByRole('status');
    expect(report).toHaveTextContent('已更新 1 个工单 · 1 个失败');
    expect(within(report).getByRole('list', { name: '未能更新的工单' })).toHaveTextContent(
      'AP-20261122-0001: A ticket cannot go from new to closed',
    );
    expect(requests).toEqual([{ ids: [1, 3], versions: { 1: 4, 3: 4 }, to: 'closed', reason: '客户已来电确认' }]);
    // The refused ticket stays selected, the moved one does not.
    await waitFor(() => expect(screen.getByText('已选择 1 项')).toBeInTheDocument());
  });

  it('takes the selected tickets for the signed-in agent; handing them to others is for supervisors', async () => {
    const requests: unknown[] = [];
    server.use(
      meHandler('agent'),
      http.post(`${API}/tickets/bulk/assign`, async ({ request }) => {
        const body = await readBody(request, schemas.bulkAssign);
        if (body instanceof Response) return body;
        requests.push(body);
        return HttpResponse.json({ done: body.ids, failed: [] });
      }),
    );
    const user = userEvent.setup();
    renderTicketList();
    await selectRow(user, 'AP-20261122-0002');

    expect(await screen.findByRole('button', { name: '分配给我' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '分配' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '分配给我' }));

    expect(await screen.findByRole('status')).toHaveTextContent('已更新 1 个工单');
    expect(requests).toEqual([{ ids: [2], versions: { 2: 4 }, agentId: 1 }]);
  });
});
