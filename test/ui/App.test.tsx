import { screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { API, meHandler } from './handlers';
import { renderApp } from './renderAdmin';
import { server } from './server';

// The roster (a list query) is for admins; looking agents up by id (getMany) is for everyone.
// Answering undefined lets the happy-path handler serve the getMany.
const rosterForbidden = http.get(`${API}/agents`, ({ request }) =>
  new URL(request.url).searchParams.has('range')
    ? HttpResponse.json({ code: 'FORBIDDEN', message: 'Only admins may list agents' }, { status: 403 })
    : undefined,
);

describe('App', () => {
  it('hides the Agents resource from an agent who is not an admin, and still names assignees', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    server.use(meHandler('agent'), rosterForbidden);
    renderApp({ route: '/tickets' });

    expect(await screen.findByText('AP-20261122-0001')).toBeInTheDocument();
    expect(await screen.findByText('张敏')).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: /工单/ })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: /账号/ })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /客服/ })).not.toBeInTheDocument();
  });

  it('offers the Agents resource to an admin', async () => {
    server.use(meHandler('admin'));
    renderApp({ route: '/agents' });

    expect(await screen.findByRole('menuitem', { name: /客服/ })).toBeInTheDocument();
    expect(await screen.findByText('admin@example.com')).toBeInTheDocument();
  });
});
