import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { ConfirmRequest, Ticket } from '../../admin-ui/console/types';
import * as fixtures from './fixtures';
import { API, confirmHandler, meHandler, problem, reviewHandler } from './handlers';
import { renderTicketPage } from './renderAdmin';
import { server } from './server';

const PENDING = fixtures.pendingTicket;
const PANEL = '已提交通过，等待第二人复核';
const proposal = fixtures.pendingReview.decision.proposal!;

const renderPending = () => renderTicketPage(PENDING.id);

/** GET /tickets/5 answers the pending ticket until the confirmation was tried, then the ticket as the server left it. */
const ticketAfterConfirm = (after: Partial<Ticket>) => {
  let tried = false;
  const reads: string[] = [];
  server.use(
    http.get(`${API}/tickets/:id`, ({ params }) => {
      if (String(params.id) !== String(PENDING.id)) return problem(404, 'NOT_FOUND', 'Ticket not found');
      const ticket = tried ? { ...PENDING, ...after } : PENDING;
      reads.push(ticket.status);
      return HttpResponse.json(ticket);
    }),
  );
  return { reads, markTried: () => (tried = true) };
};

describe('a proposed approval awaiting its second person', () => {
  it('shows who proposed it, when, the message, the overridden blockers and the effect, with its status', async () => {
    server.use(meHandler('admin'));
    renderPending();

    const panel = await screen.findByRole('region', { name: PANEL });
    expect(await within(panel).findByText(/^张敏 于 .+ 提交$/)).toBeInTheDocument();
    expect(panel).toHaveTextContent('解绑账号 100012345678 的 MFA 设备');
    expect(within(panel).getByText(proposal.message)).toBeInTheDocument();
    const overridden = within(panel).getByRole('note', { name: '已越权的问题' });
    expect(overridden).toHaveTextContent('申报的身份信息与账号实名信息不一致');
    expect(overridden).toHaveTextContent(`越权理由：${proposal.overrideReason}`);
    expect(screen.getByText('待复核')).toBeInTheDocument();

    const timeline = await screen.findByRole('list', { name: '处理记录' });
    expect(await within(timeline).findByText('客户通过发送至账号安全手机/邮箱的验证码证明了账号控制权')).toBeInTheDocument();
    expect(await within(timeline).findByText('张敏将工单从「审核中」改为「待复核」')).toBeInTheDocument();
    expect(within(timeline).getByText('张敏提交了通过，须由第二人复核确认')).toBeInTheDocument();

    // Nothing but the confirmation moves it on: no plain moves, no decision buttons.
    const actions = await screen.findByRole('toolbar', { name: '工单操作' });
    for (const name of ['通过', '驳回', '转入审核', '转入分诊', '要求补充材料']) {
      expect(within(actions).queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it('lets a second supervisor confirm and apply it: {approve: true}', async () => {
    const received: ConfirmRequest[] = [];
    server.use(meHandler('admin'), confirmHandler(received));
    const user = userEvent.setup();
    renderPending();

    const panel = await screen.findByRole('region', { name: PANEL });
    await user.click(await within(panel).findByRole('button', { name: '确认并执行' }));
    await waitFor(() => expect(received).toEqual([{ approve: true, version: PENDING.version }]));
    expect(await screen.findByText('已确认通过并执行，将通知客户')).toBeInTheDocument();
  });

  it('sends it back to review with a note: {approve: false, note}', async () => {
    const received: ConfirmRequest[] = [];
    server.use(meHandler('admin'), confirmHandler(received));
    const user = userEvent.setup();
    renderPending();

    const panel = await screen.findByRole('region', { name: PANEL });
    await user.click(await within(panel).findByRole('button', { name: '退回审核' }));
    const dialog = await screen.findByRole('dialog', { name: '将工单 AP-20261122-0005 退回审核' });
    const send = within(dialog).getByRole('button', { name: '退回审核' });
    expect(send).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: /退回原因/ }), '身份证号不一致，请客户补充换证证明');
    await user.click(send);

    await waitFor(() =>
      expect(received).toEqual([{ approve: false, note: '身份证号不一致，请客户补充换证证明', version: PENDING.version }]),
    );
    expect(await screen.findByText('已退回审核')).toBeInTheDocument();
  });

  it('leaves the proposer (or a plain agent) waiting, with no button to confirm', async () => {
    server.use(meHandler('supervisor'), reviewHandler({ proposal: { ...proposal, mayConfirm: false } }));
    renderPending();

    const panel = await screen.findByRole('region', { name: PANEL });
    expect(await within(panel).findByRole('status')).toHaveTextContent('等待另一位主管确认');
    expect(within(panel).queryByRole('button', { name: '确认并执行' })).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: '退回审核' })).not.toBeInTheDocument();
  });

  it('says plainly when the appeal changed since the proposal (409 STALE_PROPOSAL), and reloads the ticket', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const received: ConfirmRequest[] = [];
    const ticket = ticketAfterConfirm({ status: 'in_review' });
    server.use(
      meHandler('admin'),
      confirmHandler(received, () => {
        ticket.markTried();
        return problem(409, 'STALE_PROPOSAL', 'The appeal changed since the proposal');
      }),
    );
    const user = userEvent.setup();
    renderPending();

    const panel = await screen.findByRole('region', { name: PANEL });
    await user.click(await within(panel).findByRole('button', { name: '确认并执行' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '提交后申诉内容（申报信息、材料或账号）已发生变化：未执行任何操作，工单已退回审核，请重新核对后再决定。',
    );
    // The record is read again: back in review, the proposal gone, the message still there.
    await waitFor(() => expect(ticket.reads.at(-1)).toBe('in_review'));
    await waitFor(() => expect(screen.queryByRole('region', { name: PANEL })).not.toBeInTheDocument());
    expect(screen.getByText('审核中')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('工单已退回审核');
    expect(received).toEqual([{ approve: true, version: PENDING.version }]);
  });

  it('lists what now blocks the approval (409 APPROVAL_BLOCKED)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    server.use(
      meHandler('admin'),
      confirmHandler([], () =>
        HttpResponse.json(
          { code: 'APPROVAL_BLOCKED', message: 'Cannot approve', blockers: [fixtures.blockers.ownerObjected] },
          { status: 409 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderPending();

    const panel = await screen.findByRole('region', { name: PANEL });
    await user.click(await within(panel).findByRole('button', { name: '确认并执行' }));
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent('此次通过已无法执行：');
    expect(alert).toHaveTextContent('账号所有人已通过通知中的链接表示“不是我本人操作”');
    expect(alert).not.toHaveTextContent('Cannot approve');
  });

  it('says who may confirm when the server refuses the confirmer (403)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    server.use(
      meHandler('admin'),
      confirmHandler([], () => problem(403, 'FORBIDDEN', 'Only a second supervisor may confirm')),
    );
    const user = userEvent.setup();
    renderPending();

    const panel = await screen.findByRole('region', { name: PANEL });
    await user.click(await within(panel).findByRole('button', { name: '确认并执行' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('只有提交人以外的主管或管理员可以确认此次通过。');
  });
});
