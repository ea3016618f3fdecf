import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, loginWithTotpHandler, recoveryCodes } from './handlers';
import { renderApp } from './renderAdmin';
import { server } from './server';

const signedOut = http.get(`${API}/auth/me`, () => HttpResponse.json({ code: 'UNAUTHENTICATED', message: '请先登录' }, { status: 401 }));

const signIn = async (email: string, password: string) => {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/邮箱/), email);
  await user.type(screen.getByLabelText(/密码/, { selector: 'input' }), password);
  await user.click(screen.getByRole('button', { name: '登录' }));
};

describe('Sign-in', () => {
  // The first test opens /tickets, whose lazy page vitest transforms on demand: on a busy machine that alone took
  // more than the 10 s a query waits. Transformed here, before any test's clock starts.
  beforeAll(async () => {
    await import('../../admin-ui/console/tickets/TicketList');
  }, 60_000);

  it('shows a localised sign-in page to a visitor without a session', async () => {
    server.use(signedOut);
    renderApp({ route: '/tickets' });
    expect(await screen.findByRole('heading', { name: '客服登录' })).toBeInTheDocument();
    expect(document.title).toBe('账号安全申诉工作台');
  });

  it("says in the console's language when the credentials are refused", async () => {
    server.use(
      signedOut,
      http.post(`${API}/auth/login`, async ({ request }) => {
        const body = (await request.json()) as { email?: unknown; password?: unknown };
        if (body.email !== 'agent@example.com' || typeof body.password !== 'string') {
          return HttpResponse.json({ code: 'INVALID_INPUT', message: 'unexpected body' }, { status: 400 });
        }
        return HttpResponse.json({ code: 'INVALID_CREDENTIALS', message: '邮箱或密码不正确' }, { status: 401 });
      }),
    );
    renderApp({ route: '/login' });
    await signIn('agent@example.com', 'wrong-password');
    expect(await screen.findByText('邮箱或密码错误')).toBeInTheDocument();
  });

  it("says in the console's language when sign-in is locked after too many failures", async () => {
    server.use(
      signedOut,
      http.post(`${API}/auth/login`, () =>
        HttpResponse.json(
          { code: 'ACCOUNT_LOCKED', message: '登录失败次数过多，请 1 小时后再试', retryAfterSeconds: 3600 },
          { status: 429 },
        ),
      ),
    );
    renderApp({ route: '/login' });
    await signIn('agent@example.com', 'wrong-password');
    expect(await screen.findByText('登录失败次数过多，账号已暂时锁定，请稍后再试或联系管理员解锁')).toBeInTheDocument();
  });

  describe('with two-factor sign-in on', () => {
    const password = 'correct horse battery staple';

    it('asks for the 6-digit code once the password is accepted, and signs in with it', async () => {
      const received: unknown[] = [];
      server.use(signedOut, loginWithTotpHandler('654321', received));
      const user = userEvent.setup();
      renderApp({ route: '/login' });
      await signIn('agent@example.com', password);

      expect(await screen.findByRole('heading', { name: '两步验证' })).toBeInTheDocument();
      expect(screen.getByText('请输入身份验证器应用中本工作台的 6 位验证码。')).toBeInTheDocument();
      expect(screen.queryByLabelText(/密码/, { selector: 'input' })).not.toBeInTheDocument();
      const code = screen.getByLabelText(/6 位验证码/);
      expect(code).toHaveAttribute('autocomplete', 'one-time-code');
      expect(code).toHaveAttribute('inputmode', 'numeric');

      server.use(
        http.get(`${API}/auth/me`, () =>
          HttpResponse.json({
            agent: {
              id: 1,
              email: 'agent@example.com',
              name: '张敏',
              role: 'agent',
              locale: 'zh-CN',
              twoFactor: { enabled: true, enabledAt: null, required: false, recoveryCodesLeft: 10 },
            },
          }),
        ),
      );
      await user.type(code, '654321');
      await user.click(screen.getByRole('button', { name: '验证' }));

      expect(await screen.findByRole('menuitem', { name: /概览/ })).toBeInTheDocument();
      expect(received).toEqual([
        { email: 'agent@example.com', password },
        { email: 'agent@example.com', password, totp: '654321' },
      ]);
    });

    it("shows a wrong or replayed code in the console's words and stays on the code step", async () => {
      server.use(signedOut, loginWithTotpHandler('654321'));
      const user = userEvent.setup();
      renderApp({ route: '/login' });
      await signIn('agent@example.com', password);
      await user.type(await screen.findByLabelText(/6 位验证码/), '111111');
      await user.click(screen.getByRole('button', { name: '验证' }));
      expect(await screen.findByText('验证码错误或已使用过，请等待下一个验证码')).toBeInTheDocument();
      expect(screen.getByLabelText(/6 位验证码/)).toBeInTheDocument();
    });

    it("takes a recovery code instead of the app's code", async () => {
      const received: unknown[] = [];
      server.use(signedOut, loginWithTotpHandler('654321', received));
      const user = userEvent.setup();
      renderApp({ route: '/login' });
      await signIn('agent@example.com', password);
      await user.click(await screen.findByRole('button', { name: '使用恢复码' }));
      await user.type(screen.getByLabelText(/恢复码/), recoveryCodes[2]!);
      await user.click(screen.getByRole('button', { name: '验证' }));
      await waitFor(() => expect(received).toHaveLength(2));
      expect(received[1]).toEqual({ email: 'agent@example.com', password, recoveryCode: recoveryCodes[2] });
    });

    it('goes back to the password step', async () => {
      server.use(signedOut, loginWithTotpHandler());
      const user = userEvent.setup();
      renderApp({ route: '/login' });
      await signIn('agent@example.com', password);
      await user.click(await screen.findByRole('button', { name: '返回' }));
      expect(await screen.findByLabelText(/邮箱/)).toBeInTheDocument();
    });
  });
});
