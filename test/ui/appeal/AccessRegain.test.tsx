import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../server';
import { access, ACCESS_CODE, accessRegain, appealHandlers, LINK_TOKEN, NEW_TOKEN, REFERENCE, TOKEN } from './handlers';
import { renderAppeal } from './renderAppeal';

beforeEach(() => {
  server.use(...appealHandlers);
  access.token = TOKEN;
  accessRegain.asked.length = 0;
  accessRegain.tries = 0;
  accessRegain.linkUsed = false;
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
});

describe('the status page: a way back in', () => {
  it("sends a code to the appeal's phone, takes it and opens the appeal with the new access code", async () => {
    const { user } = renderAppeal({ pathname: '/appeal/status' });
    await user.click(await screen.findByRole('button', { name: '忘记访问码？' }));
    expect(screen.getByRole('heading', { name: '获取新的访问码' })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/申诉编号/), REFERENCE.toLowerCase());
    await user.selectOptions(screen.getByLabelText(/发送到/), '手机短信');
    await user.click(screen.getByRole('button', { name: '发送验证码' }));
    expect(await screen.findByText(/如果该申诉编号存在，验证码已发送/)).toBeInTheDocument();
    expect(accessRegain.asked).toEqual([{ reference: REFERENCE, channel: 'sms' }]);

    await user.type(screen.getByLabelText(/^验证码/), '000000');
    await user.click(screen.getByRole('button', { name: '验证并打开申诉' }));
    expect(await screen.findByText('验证码不正确，还可尝试 4 次。')).toBeInTheDocument();

    await user.clear(screen.getByLabelText(/^验证码/));
    await user.type(screen.getByLabelText(/^验证码/), ACCESS_CODE);
    await user.click(screen.getByRole('button', { name: '验证并打开申诉' }));
    expect(await screen.findByRole('heading', { name: '待客户补充材料' })).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`您的新访问码：${NEW_TOKEN}`))).toBeInTheDocument();
    expect(sessionStorage.getItem(`appeal.token.${REFERENCE}`)).toBe(NEW_TOKEN);
  });

  it('says when the code is spent, in English too', async () => {
    accessRegain.tries = 5;
    const { user } = renderAppeal({ pathname: '/appeal/status', languages: ['en'] });
    await user.click(await screen.findByRole('button', { name: 'Lost your access code?' }));
    await user.type(screen.getByLabelText(/Reference/), REFERENCE);
    await user.click(screen.getByRole('button', { name: 'Send the code' }));
    await screen.findByText(/If this reference exists, a code was sent/);
    expect(accessRegain.asked).toEqual([{ reference: REFERENCE, channel: 'email' }]);
    await user.type(screen.getByLabelText(/^Code/), ACCESS_CODE);
    await user.click(screen.getByRole('button', { name: 'Verify and open the appeal' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByText(new RegExp(NEW_TOKEN))).not.toBeInTheDocument();
  });

  it("opens the appeal from a notice's link only when the customer presses the button, and takes the token out of the address", async () => {
    history.replaceState(null, '', `/appeal/status?ref=${REFERENCE}#link=${LINK_TOKEN}`);
    const { user } = renderAppeal({ pathname: '/appeal/status', search: `?ref=${REFERENCE}` });
    expect(await screen.findByRole('heading', { name: '从通知链接打开申诉' })).toBeInTheDocument();
    expect(window.location.hash).toBe('');
    expect(accessRegain.linkUsed).toBe(false);
    await user.click(screen.getByRole('button', { name: '打开我的申诉' }));
    expect(await screen.findByRole('heading', { name: '待客户补充材料' })).toBeInTheDocument();
    expect(accessRegain.linkUsed).toBe(true);
    expect(sessionStorage.getItem(`appeal.token.${REFERENCE}`)).toBe(NEW_TOKEN);
  });

  it('falls back to the access code when the link was already used', async () => {
    accessRegain.linkUsed = true;
    history.replaceState(null, '', `/appeal/status?ref=${REFERENCE}#link=${LINK_TOKEN}`);
    const { user } = renderAppeal({ pathname: '/appeal/status', search: `?ref=${REFERENCE}` });
    await user.click(await screen.findByRole('button', { name: '打开我的申诉' }));
    expect(await screen.findByText(/此链接已使用过或已过期/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '忘记访问码？' })).toBeInTheDocument();
  });
});
