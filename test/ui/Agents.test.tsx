import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, meHandler } from './handlers';
import { renderApp } from './renderAdmin';
import { server } from './server';

const CREATE_KEYS = ['email', 'locale', 'name', 'password', 'role'];

describe('Agents', () => {
  it('creates an agent with email, name, role, password and language', async () => {
    let created: Record<string, unknown> | undefined;
    server.use(
      meHandler('admin'),
      http.post(`${API}/agents`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        if (JSON.stringify(Object.keys(body).sort()) !== JSON.stringify(CREATE_KEYS)) {
          return HttpResponse.json({ code: 'INVALID_INPUT', message: `unexpected keys ${Object.keys(body).join()}` }, { status: 400 });
        }
        created = { id: 3, ...body, active: true, lastLoginAt: null, createdAt: '2026-11-23T00:00:00.000Z' };
        delete created.password;
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    const user = userEvent.setup();
    renderApp({ route: '/agents/create' });

    await user.type(await screen.findByLabelText(/姓名/), '陈静');
    await user.type(screen.getByLabelText(/邮箱/), 'chen@example.com');
    await user.type(screen.getByLabelText(/密码/, { selector: 'input' }), 'a-long-enough-password');
    await user.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByText('已创建')).toBeInTheDocument();
    expect(created).toMatchObject({ name: '陈静', email: 'chen@example.com', role: 'agent', locale: 'zh-CN' });
  });
});
