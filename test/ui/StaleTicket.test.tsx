import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { DecisionRequest, Ticket } from '../../admin-ui/console/types';
import * as fixtures from './fixtures';
import { API, decisionHandler, meHandler, readBody, reviewHandler, schemas, staleAnswer } from './handlers';
import { renderTicketPage } from './renderAdmin';
import { server } from './server';

const REVIEW_ID = fixtures.reviewTicket.id;
const REPLY = '正在审核';

/** A supervisor rejects the ticket while the agent's page still shows it in review; the page reads it again after. */
const rejectedMeanwhile = () => {
  const now: Ticket = {
    ...fixtures.reviewTicket,
    status: 'rejected',
    decidedAt: '2026-11-22T10:05:00.000Z',
    version: fixtures.reviewTicket.version + 3,
  };
  let reread = false;
  const sent: unknown[] = [];
  server.use(
    http.get(`${API}/tickets/${REVIEW_ID}`, () => HttpResponse.json(reread ? now : fixtures.reviewTicket)),
    http.post(`${API}/messages`, async ({ request }) => {
      const body = await readBody(request, schemas.message);
      if (body instanceof Response) return body;
      sent.push(body);
      reread = true;
      return (
        staleAnswer(now, body.version) ?? HttpResponse.json({ id: 902, agentId: 1, createdAt: now.updatedAt, ...body }, { status: 201 })
      );
    }),
  );
  return sent;
};

describe('an action from a page someone else has moved on from', () => {
  it('a reply typed on a page opened before the supervisor rejected the ticket is not sent: the agent is told in Chinese, the page reloads, and the text is kept', async () => {
    const sent = rejectedMeanwhile();
    const user = userEvent.setup();
    renderTicketPage(REVIEW_ID);

    const composer = await screen.findByRole('region', { name: '回复或备注' });
    const text = within(composer).getByRole('textbox', { name: '回复内容' });
    await user.type(text, REPLY);
    await user.click(within(composer).getByRole('button', { name: '发送回复' }));

    expect(await screen.findByText('此工单已被他人更新（现为「已驳回」），请查看最新状态后再操作')).toBeInTheDocument();
    expect(sent).toEqual([{ ticketId: REVIEW_ID, kind: 'public_reply', body: REPLY, version: fixtures.reviewTicket.version }]);
    expect(text).toHaveValue(REPLY);
    // The page read the ticket again: its header says what it is now.
    const heading = screen.getByRole('heading', { name: 'AP-20261122-0004' });
    await waitFor(() => expect(heading.parentElement).toHaveTextContent('已驳回'));
    expect(screen.queryByText('回复已发送')).not.toBeInTheDocument();
  });

  it('tells an English-speaking agent in English', async () => {
    rejectedMeanwhile();
    const user = userEvent.setup();
    renderTicketPage(REVIEW_ID, { locale: 'en' });

    const composer = await screen.findByRole('region', { name: 'Reply or note' });
    await user.type(within(composer).getByRole('textbox', { name: 'Reply' }), 'Soon');
    await user.click(within(composer).getByRole('button', { name: 'Send reply' }));

    expect(
      await screen.findByText('This ticket was changed by someone else (now Rejected): look at it again before acting'),
    ).toBeInTheDocument();
  });

  it('a decision carries the version the page shows, and a stale one leaves the dialog with what the agent wrote', async () => {
    const received: DecisionRequest[] = [];
    const moved: Ticket = { ...fixtures.reviewTicket, status: 'awaiting_customer', version: fixtures.reviewTicket.version + 1 };
    server.use(
      meHandler('agent'),
      reviewHandler(),
      http.post(`${API}/tickets/:id/decision`, async ({ request }) => {
        const body = await readBody(request, schemas.decision);
        if (body instanceof Response) return body;
        received.push(body);
        return staleAnswer(moved, body.version)!;
      }),
    );
    const user = userEvent.setup();
    renderTicketPage(REVIEW_ID);

    await user.click(await screen.findByRole('button', { name: '驳回' }));
    const dialog = await screen.findByRole('dialog', { name: '驳回工单 AP-20261122-0004' });
    await user.click(within(dialog).getByRole('combobox', { name: /驳回原因/ }));
    await user.click(within(await screen.findByRole('listbox')).getAllByRole('option')[0]!);
    await user.type(within(dialog).getByRole('textbox', { name: /给客户的说明/ }), '不一致');
    await user.click(within(dialog).getByRole('button', { name: '确认驳回' }));

    await waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]!.version).toBe(fixtures.reviewTicket.version);
    expect(await screen.findByText('此工单已被他人更新（现为「待客户补充」），请查看最新状态后再操作')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /给客户的说明/ })).toHaveValue('不一致');
  });
});

describe("server errors in the agent's language", () => {
  it("a refusal with a known code is shown in Chinese, not in the server's English", async () => {
    server.use(meHandler('agent'), reviewHandler(), decisionHandler());
    server.use(
      http.post(`${API}/tickets/:id/transition`, () =>
        HttpResponse.json({ code: 'DECISION_REQUIRED', message: 'A ticket reaches rejected only through a decision' }, { status: 409 }),
      ),
    );
    const user = userEvent.setup();
    renderTicketPage(2);
    const actions = await screen.findByRole('toolbar', { name: '工单操作' });
    await user.click(await within(actions).findByRole('button', { name: '转入分诊' }));
    expect(await screen.findByText('「已通过」「已驳回」「待复核」只能通过决定对话框（及其复核）进入')).toBeInTheDocument();
    expect(screen.queryByText(/only through a decision/)).not.toBeInTheDocument();
  });

  it("a code the console does not know shows the server's message", async () => {
    server.use(
      http.post(`${API}/tickets/:id/transition`, () =>
        HttpResponse.json({ code: 'SOMETHING_NEW', message: 'Something new went wrong' }, { status: 409 }),
      ),
    );
    const user = userEvent.setup();
    renderTicketPage(2);
    const actions = await screen.findByRole('toolbar', { name: '工单操作' });
    await user.click(await within(actions).findByRole('button', { name: '转入分诊' }));
    expect(await screen.findByText('Something new went wrong')).toBeInTheDocument();
  });
});
