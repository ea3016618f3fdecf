import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ProfilePage } from '../../admin-ui/console/profile/ProfilePage';
import { API, meWithTwoFactor, problem, recoveryCodes, totpEnableHandler, totpEnrolment } from './handlers';
import { renderApp, renderInAdmin } from './renderAdmin';
import { server } from './server';

describe('Profile: two-factor sign-in', () => {
  it('enrols: QR code, the secret as text, the first code, then the recovery codes once', async () => {
    let enabled = false;
    server.use(
      meWithTwoFactor(() => ({ enabled, required: false, recoveryCodesLeft: enabled ? 10 : 0 })),
      totpEnableHandler('246810', () => (enabled = true)),
    );
    const user = userEvent.setup();
    renderApp({ route: '/profile' });

    expect(await screen.findByRole('heading', { name: '两步验证' })).toBeInTheDocument();
    expect(screen.getByText('未开启')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '开启两步验证' }));

    const qr = await screen.findByRole('img', { name: '用身份验证器应用扫描的二维码' });
    expect(qr).toHaveAttribute('src', totpEnrolment.qrCode);
    expect(screen.getByLabelText('密钥')).toHaveTextContent('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');

    // A wrong code is refused in the console's words; the enrolment stays open.
    await user.type(screen.getByLabelText('6 位验证码'), '135791');
    await user.click(screen.getByRole('button', { name: '开启' }));
    expect(await screen.findByText('验证码错误或已使用过，请等待下一个验证码')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('6 位验证码'));
    await user.type(screen.getByLabelText('6 位验证码'), '246810');
    await user.click(screen.getByRole('button', { name: '开启' }));

    const list = await screen.findByRole('list', { name: '恢复码' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(recoveryCodes);
    expect(screen.getByText(/请立即保存这 10 个恢复码/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '复制' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下载（.txt）' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '我已保存' }));
    expect(await screen.findByText('已开启')).toBeInTheDocument();
    expect(screen.getByText('剩余 10 个未使用的恢复码')).toBeInTheDocument();
    // Shown once: gone from the page for good.
    expect(screen.queryByText(recoveryCodes[0]!)).not.toBeInTheDocument();
  });

  it('copies the recovery codes for a password manager', async () => {
    server.use(meWithTwoFactor(() => ({ enabled: false, required: false })));
    const user = userEvent.setup();
    renderApp({ route: '/profile' });
    await user.click(await screen.findByRole('button', { name: '开启两步验证' }));
    await user.type(await screen.findByLabelText('6 位验证码'), '123456');
    await user.click(screen.getByRole('button', { name: '开启' }));
    await user.click(await screen.findByRole('button', { name: '复制' }));
    const copied = await navigator.clipboard.readText();
    expect(copied.split('\n')).toEqual(expect.arrayContaining(recoveryCodes));
    expect(copied).toContain('每个只能使用一次');
  });

  it('takes an agent whose role must enrol to the profile from anywhere, and tells them why', async () => {
    server.use(
      meWithTwoFactor(() => ({ enabled: false, required: true }), 'supervisor'),
      http.get(`${API}/tickets`, () => problem(403, 'TOTP_ENROLMENT_REQUIRED', 'Enrol first')),
      http.get(`${API}/stats/overview`, () => problem(403, 'TOTP_ENROLMENT_REQUIRED', 'Enrol first')),
    );
    renderApp({ route: '/tickets' });
    expect(await screen.findByText('您的角色必须使用两步验证登录：请先在下方完成设置。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '开启两步验证' })).toBeInTheDocument();
  });

  it('turns it off with a current code from the app', async () => {
    let disabledWith: unknown;
    let enabled = true;
    server.use(
      meWithTwoFactor(() => ({ enabled, required: false, recoveryCodesLeft: enabled ? 7 : 0 })),
      http.post(`${API}/auth/totp/disable`, async ({ request }) => {
        disabledWith = await request.json();
        enabled = false;
        return HttpResponse.json({
          agent: {
            id: 1,
            email: 'agent@example.com',
            name: '张敏',
            role: 'agent',
            locale: 'zh-CN',
            twoFactor: { enabled: false, enabledAt: null, required: false, recoveryCodesLeft: 0 },
          },
        });
      }),
    );
    const user = userEvent.setup();
    renderApp({ route: '/profile' });
    expect(await screen.findByText('剩余 7 个未使用的恢复码')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '关闭两步验证' }));
    await user.type(screen.getByLabelText('6 位验证码'), '12345');
    await user.click(screen.getAllByRole('button', { name: '关闭两步验证' }).at(-1)!);
    expect(await screen.findByText('请输入应用显示的 6 位数字')).toBeInTheDocument();
    expect(disabledWith).toBeUndefined();
    await user.type(screen.getByLabelText('6 位验证码'), '6');
    await user.click(screen.getAllByRole('button', { name: '关闭两步验证' }).at(-1)!);
    await waitFor(() => expect(disabledWith).toEqual({ code: '123456' }));
    expect(await screen.findByText('未开启')).toBeInTheDocument();
  });

  it('reads in English', async () => {
    server.use(meWithTwoFactor(() => ({ enabled: false, required: true })));
    const user = userEvent.setup();
    renderInAdmin(<ProfilePage />, { route: '/profile', signedIn: true, locale: 'en' });
    expect(await screen.findByRole('heading', { name: 'Two-factor sign-in' })).toBeInTheDocument();
    expect(screen.getByText('Your role signs in with two-factor sign-in: set it up below to continue.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Set up two-factor sign-in' }));
    expect(await screen.findByRole('img', { name: 'QR code to scan with the authenticator app' })).toBeInTheDocument();
    expect(screen.getByText('1. Scan this QR code with your authenticator app.')).toBeInTheDocument();
  });
});
