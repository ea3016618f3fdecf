import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API } from './handlers';
import { renderApp } from './renderAdmin';
import { server } from './server';

const signedOut = http.get(`${API}/auth/me`, () =>
  HttpResponse.json({ code: 'UNAUTHENTICATED', message: '请先登录' }, { status: 401 }),
);

const signIn = async (email: string, password: string) => {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/邮箱/), email);
  await user.type(screen.getByLabelText(/密码/, { selector: 'input' }), password);
  await user.click(screen.getByRole('button', { name: '登录' }));
};

describe('Sign-in', () => {
  it('shows a localised sign-in page to a visitor without a session', async () => {
    server.use(signedOut);
    renderApp({ route: '/tickets' });
    expect(await screen.findByRole('heading', { name: '客服登录' })).toBeInTheDocument();
    expect(document.title).toBe('账号安全申诉工作台');
  });

  it("shows the server's message when the credentials are refused", async () => {
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
    expect(await screen.findByText('邮箱或密码不正确')).toBeInTheDocument();
  });

  it("shows the server's message when sign-in is throttled", async () => {
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
    expect(await screen.findByText('登录失败次数过多，请 1 小时后再试')).toBeInTheDocument();
  });
});
