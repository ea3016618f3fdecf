import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { LiveProvider } from '../../admin-ui/console/live/LiveProvider';
import { NotificationBell } from '../../admin-ui/console/live/NotificationBell';
import type { Bell } from '../../admin-ui/console/live/liveModel';
import * as fixtures from './fixtures';
import { API } from './handlers';
import { renderInAdmin } from './renderAdmin';
import { server } from './server';

const ticket = fixtures.reviewTicket;

/** The server's bell: one ticket the customer replied on, until the agent's read mark arrives. */
const bellServer = () => {
  const reads: number[] = [];
  const unread: Bell = {
    count: 1,
    capped: false,
    items: [
      {
        ticketId: ticket.id,
        reference: ticket.reference,
        kind: ticket.kind,
        status: ticket.status,
        activity: 'message.added',
        at: '2026-11-22T10:30:00.000Z',
      },
    ],
  };
  server.use(
    http.get(`${API}/live/unread`, () => HttpResponse.json(reads.length ? { count: 0, capped: false, items: [] } : unread)),
    http.put(`${API}/tickets/:id/read`, ({ params }) => {
      reads.push(Number(params.id));
      return HttpResponse.json({ ticketId: Number(params.id), seenAt: '2026-11-22T10:31:00.000Z' });
    }),
  );
  return reads;
};

const renderBell = () =>
  renderInAdmin(
    <LiveProvider>
      <Routes>
        <Route path="/" element={<NotificationBell />} />
        <Route
          path="/tickets/:id/show"
          element={
            <>
              <NotificationBell />
              <p>opened ticket page</p>
            </>
          }
        />
      </Routes>
    </LiveProvider>,
    { signedIn: true },
  );

describe('the notification bell', () => {
  it('counts my unread tickets, lists what the customer did, and opening one reads it', async () => {
    const reads = bellServer();
    const user = userEvent.setup();
    renderBell();

    const bell = await screen.findByRole('button', { name: '通知：1 条未读' });
    await user.click(bell);
    const item = await screen.findByRole('menuitem', { name: new RegExp(ticket.reference) });
    expect(item).toHaveTextContent(fixtures.catalogLabel.kind('mfa_unbind'));
    expect(item).toHaveTextContent('客户回复了');

    await user.click(item);
    expect(await screen.findByText('opened ticket page')).toBeInTheDocument();
    await waitFor(() => expect(reads).toEqual([ticket.id]));
    expect(await screen.findByRole('button', { name: '通知：0 条未读' })).toBeInTheDocument();
  });

  it('says so when nothing is unread', async () => {
    const user = userEvent.setup();
    renderBell();
    await user.click(await screen.findByRole('button', { name: '通知：0 条未读' }));
    expect(await screen.findByRole('menuitem', { name: '没有未读动态' })).toBeInTheDocument();
  });
});
