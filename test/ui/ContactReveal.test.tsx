import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { revealSchema } from '../../server/src/contract/reveal';
import { describe, expect, it } from 'vitest';
import * as fixtures from './fixtures';
import { API, readBody, reviewHandler } from './handlers';
import { renderTicketPage } from './renderAdmin';
import { server } from './server';

const REVIEW_ID = fixtures.reviewTicket.id;

/** The header's contact line: its label, then what it shows. */
const contactLine = async () => (await screen.findByText('联系人')).parentElement as HTMLElement;

describe('the contact in the ticket header', () => {
  it('shows it masked, and in full once the assignee asks, through the audited reveal', async () => {
    const asked: unknown[] = [];
    server.use(
      http.post(`${API}/privacy/reveal`, async ({ request }) => {
        const body = await readBody(request, revealSchema);
        if (body instanceof Response) return body;
        asked.push(body);
        return HttpResponse.json({ ticketId: REVIEW_ID, contact: { name: '王小明', email: 'wang@example.com', phone: '13800000000' } });
      }),
    );
    const user = userEvent.setup();
    renderTicketPage(REVIEW_ID);

    const line = await contactLine();
    expect(line).toHaveTextContent('王*明 · 138****0000 · w***@example.com');
    await user.click(await within(line).findByRole('button', { name: '查看完整' }));
    await waitFor(() => expect(line).toHaveTextContent('王小明 · 13800000000 · wang@example.com'));
    expect(asked).toEqual([{ ticketId: REVIEW_ID }]);
    expect(within(line).queryByRole('button', { name: '查看完整' })).not.toBeInTheDocument();
  });

  it('offers no reveal to an agent who may not decide the ticket', async () => {
    server.use(reviewHandler({ mayDecide: false, mayAct: false }));
    renderTicketPage(REVIEW_ID, { locale: 'en' });
    const line = (await screen.findByText('Contact')).parentElement as HTMLElement;
    await screen.findByText(/assigned to someone else/i);
    expect(line).toHaveTextContent('王*明 · 138****0000 · w***@example.com');
    expect(within(line).queryByRole('button', { name: 'Show in full' })).not.toBeInTheDocument();
  });
});
