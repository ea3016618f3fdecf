import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { catalogLabel } from './fixtures';
import { API } from './handlers';
import { renderTicketPage } from './renderAdmin';
import { server } from './server';

describe("the customer's other appeals on the ticket page", () => {
  it('lists each with its reference link, kind, status, outcome, date and what matched, masked as the server gives it', async () => {
    renderTicketPage(1);
    const panel = await screen.findByRole('region', { name: '该客户的其他申诉' });
    const rows = await within(panel).findAllByRole('row');
    expect(rows).toHaveLength(3);
    const first = within(rows[1]!);
    expect(first.getByRole('link', { name: 'AP-20260903-0012' })).toHaveAttribute('href', '/tickets/41/show');
    expect(first.getByText(catalogLabel.kind('mfa_unbind'))).toBeInTheDocument();
    expect(first.getByText('已驳回')).toBeInTheDocument();
    expect(first.getByText('驳回')).toBeInTheDocument();
    expect(first.getByText('同一账号, 同一证件号')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('通过')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('同一手机号')).toBeInTheDocument();
  });

  it('says so when the customer has no other appeal, in English too', async () => {
    server.use(http.get(`${API}/tickets/:id/history`, () => HttpResponse.json([])));
    renderTicketPage(1, { locale: 'en' });
    const panel = await screen.findByRole('region', { name: "This customer's other appeals" });
    expect(await within(panel).findByText('No other appeals from this customer.')).toBeInTheDocument();
  });
});
