import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AgentWithSignIn } from '../../admin-ui/console/agents/agentModel';
import { agentSignInHandlers, API, meHandler } from './handlers';
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

  it('lets an admin unlock a locked agent and reset a lost device, each after a confirmation', async () => {
    const received: string[] = [];
    let record: AgentWithSignIn = {
      id: 1,
      email: 'agent@example.com',
      name: '张敏',
      role: 'agent',
      active: true,
      locale: 'zh-CN',
      lastLoginAt: null,
      createdAt: '2026-11-01T08:00:00.000Z',
      totpEnabled: true,
      lockedUntil: '2099-01-01T00:00:00.000Z',
    };
    server.use(
      meHandler('admin'),
      http.get(`${API}/agents/1`, () => HttpResponse.json(record)),
      http.post(`${API}/agents/1/unlock`, () => {
        received.push('unlock 1');
        record = { ...record, lockedUntil: null };
        return HttpResponse.json(record);
      }),
      ...agentSignInHandlers(received),
    );
    const user = userEvent.setup();
    renderApp({ route: '/agents/1' });

    await user.click(await screen.findByRole('button', { name: '解除登录锁定' }));
    expect(await screen.findByText('解除 张敏 的登录锁定？')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '确认' }));
    expect(await screen.findByText('张敏 已可重新登录')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: '解除登录锁定' })).not.toBeInTheDocument());

    await user.click(await screen.findByRole('button', { name: '重置两步验证' }));
    expect(await screen.findByText(/适用于手机丢失/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '确认' }));
    expect(await screen.findByText('已重置 张敏 的两步验证，其会话均已结束')).toBeInTheDocument();
    expect(received).toEqual(['unlock 1', 'reset 1']);
  });

  it("shows each agent's two-factor state and a running lock in the list", async () => {
    server.use(
      meHandler('admin'),
      http.get(`${API}/agents`, () =>
        HttpResponse.json(
          [
            {
              id: 1,
              email: 'agent@example.com',
              name: '张敏',
              role: 'agent',
              active: true,
              locale: 'zh-CN',
              lastLoginAt: null,
              createdAt: '2026-11-01T08:00:00.000Z',
              totpEnabled: false,
              lockedUntil: '2099-01-01T00:00:00.000Z',
            },
            {
              id: 2,
              email: 'admin@example.com',
              name: '李华',
              role: 'admin',
              active: true,
              locale: 'zh-CN',
              lastLoginAt: null,
              createdAt: '2026-11-01T08:00:00.000Z',
              totpEnabled: true,
              lockedUntil: null,
            },
          ],
          { headers: { 'Content-Range': 'agents 0-1/2' } },
        ),
      ),
    );
    renderApp({ route: '/agents' });
    const rows = await screen.findAllByRole('row');
    const zhang = rows.find((row) => within(row).queryByText('张敏'))!;
    const li = rows.find((row) => within(row).queryByText('李华'))!;
    expect(within(zhang).getByText('未开启两步验证')).toBeInTheDocument();
    expect(within(zhang).getByText('已锁定')).toBeInTheDocument();
    expect(within(li).getByText('已开启两步验证')).toBeInTheDocument();
    expect(within(li).queryByText('已锁定')).not.toBeInTheDocument();
  });
});
