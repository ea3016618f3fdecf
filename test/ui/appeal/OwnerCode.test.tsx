// Proof of control on the public form: a code sent to the account's own security phone or email, typed back.
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from '../server';
import { APPEAL_API, appealHandlers, kindOf, OWNER_CODE, ownerCodes, received, serverMessages } from './handlers';
import { chooseKindAndSubject, fillPersonalMfa, jpegFile, renderAppeal, next } from './renderAppeal';

beforeEach(() => {
  server.use(...appealHandlers);
  received.payload = undefined;
  received.files = {};
  ownerCodes.reset();
  localStorage.clear();
  sessionStorage.clear();
  URL.createObjectURL = () => 'blob:http://localhost/preview';
  URL.revokeObjectURL = () => undefined;
});

const ACCOUNT_ID = '100012345';
const ownerPart = () => screen.getByRole('region', { name: /验证账号控制权/ });
const sendButton = () => within(ownerPart()).getByRole('button', { name: /发送验证码|重新发送|秒后可重新发送|正在发送/ });
const codeInput = () => screen.getByLabelText('验证码');
const verifiedText = '已验证：您能控制此账号';
const sentText = '如果该账号存在，我们已向其安全手机（未绑定手机时为安全邮箱）发送了 6 位验证码，10 分钟内有效。';

/**
 * No English word (three Latin letters with a lower-case one; product names such as SSL and CDN are written so in
 * Chinese too, and the language switch says "English"): the server's English never reaches the zh-CN page.
 */
const expectNoEnglish = (element: HTMLElement = document.body) => {
  for (const message of Object.values(serverMessages)) expect(element.textContent).not.toContain(message);
  expect((element.textContent ?? '').replaceAll('English', '')).not.toMatch(/(?<![A-Za-z])(?=[A-Za-z]*[a-z])[A-Za-z]{3,}/);
};

/** Account cancellation of an unverified account: no files, so a verified code is required. */
async function startCancellation(user: UserEvent) {
  expect(kindOf('account_cancellation').ownerCode.unverified).toBe('required');
  await chooseKindAndSubject(user, '^注销账号', '未实名认证');
  await screen.findByText('填写账号和申请人信息');
}

async function fillContact(user: UserEvent) {
  await user.type(screen.getByLabelText('联系人姓名'), '张伟');
  await user.type(screen.getByLabelText('邮箱'), 'zhang.wei@example.cn');
}

async function sendAndVerify(user: UserEvent, code = OWNER_CODE) {
  await user.click(sendButton());
  expect(await within(ownerPart()).findByText(sentText)).toBeInTheDocument();
  await user.type(codeInput(), code);
  await user.click(within(ownerPart()).getByRole('button', { name: '验证' }));
}

describe('proof of control on the appeal form', () => {
  it('a required code blocks the fields step until verified, and the appeal carries the proof', async () => {
    const { user } = renderAppeal();
    await startCancellation(user);
    expect(within(ownerPart()).getByText(/此申诉必须验证/)).toBeInTheDocument();
    // Nothing to send the code for yet.
    expect(sendButton()).toBeDisabled();
    expect(within(ownerPart()).getByText('请先在上方填写正确的账号 ID。')).toBeInTheDocument();

    await user.type(screen.getByLabelText('账号 ID'), ACCOUNT_ID);
    await fillContact(user);
    expect(sendButton()).toBeEnabled();
    await user.click(next());
    const blocked = await within(ownerPart()).findByRole('alert');
    expect(blocked).toHaveTextContent('请先用验证码证明您能控制此账号，再继续。');
    expect(screen.getByText('填写账号和申请人信息')).toBeInTheDocument();
    await waitFor(() => expect(sendButton()).toHaveFocus());

    await user.click(sendButton());
    // The code goes to the account's on-file channel: the form only says where, and not that the account exists.
    expect(await within(ownerPart()).findByText(sentText)).toBeInTheDocument();
    expect(ownerCodes.requests).toEqual([{ accountId: ACCOUNT_ID, locale: 'zh-CN' }]);
    expect(sendButton()).toBeDisabled();
    expect(sendButton()).toHaveTextContent(/^(60|59) 秒后可重新发送$/);
    const input = codeInput();
    expect(input).toHaveAttribute('inputmode', 'numeric');
    expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    await waitFor(() => expect(input).toHaveFocus());

    await user.type(input, OWNER_CODE);
    await user.click(within(ownerPart()).getByRole('button', { name: '验证' }));
    expect(await within(ownerPart()).findByText(verifiedText)).toBeInTheDocument();
    expect(within(ownerPart()).queryByRole('alert')).not.toBeInTheDocument();
    expect(ownerCodes.checks).toEqual([{ challengeId: 'chl_1', code: OWNER_CODE }]);

    await user.click(next());
    expect(await screen.findByText('此类申诉无需上传材料，请直接进入下一步。')).toBeInTheDocument();
    await user.click(next());
    await screen.findByText('核对并提交');
    const control = screen.getByText('账号控制权').closest('div')!;
    expect(within(control).getByText('已通过验证码验证')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '提交申诉' }));
    expect(await screen.findByText('申诉已提交')).toBeInTheDocument();
    expect(received.payload).toEqual({
      kind: 'account_cancellation',
      subjectType: 'unverified',
      fields: { accountId: ACCOUNT_ID },
      contact: { name: '张伟', email: 'zhang.wei@example.cn', locale: 'zh-CN' },
      ownerProof: `prf_chl_1_${ACCOUNT_ID}`,
    });
  });

  it('a wrong code says how many tries are left, and the right one still verifies', async () => {
    const { user } = renderAppeal();
    await startCancellation(user);
    await user.type(screen.getByLabelText('账号 ID'), ACCOUNT_ID);
    await sendAndVerify(user, '111111');

    const alert = await within(ownerPart()).findByRole('alert');
    expect(alert).toHaveTextContent('验证码不正确，还可尝试 4 次。');
    expect(codeInput()).toHaveAttribute('aria-invalid', 'true');
    expect(codeInput()).toHaveAccessibleDescription(/还可尝试 4 次/);
    expectNoEnglish(ownerPart());

    await user.clear(codeInput());
    await user.type(codeInput(), OWNER_CODE);
    await user.click(within(ownerPart()).getByRole('button', { name: '验证' }));
    expect(await within(ownerPart()).findByText(verifiedText)).toBeInTheDocument();
  });

  it('an expired code asks for a new one, which then verifies', async () => {
    const { user } = renderAppeal();
    await startCancellation(user);
    await user.type(screen.getByLabelText('账号 ID'), ACCOUNT_ID);
    await user.click(sendButton());
    await within(ownerPart()).findByText(sentText);
    ownerCodes.expireAll();
    await user.type(codeInput(), OWNER_CODE);
    await user.click(within(ownerPart()).getByRole('button', { name: '验证' }));

    expect(await within(ownerPart()).findByRole('alert')).toHaveTextContent('验证码已过期或错误次数过多，请重新获取验证码。');
    expect(screen.queryByLabelText('验证码')).not.toBeInTheDocument();
    expect(within(ownerPart()).queryByText(sentText)).not.toBeInTheDocument();
    expect(within(ownerPart()).queryByText(verifiedText)).not.toBeInTheDocument();
    expectNoEnglish(ownerPart());

    // Once the resend wait (60 s) is over, a new code is sent and verified.
    expect(sendButton()).toBeDisabled();
    const realNow = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 61_000);
    await waitFor(() => expect(sendButton()).toHaveTextContent('重新发送验证码'));
    await sendAndVerify(user);
    expect(await within(ownerPart()).findByText(verifiedText)).toBeInTheDocument();
    expect(ownerCodes.requests).toHaveLength(2);
    expect(ownerCodes.checks.map((check) => check.challengeId)).toEqual(['chl_1', 'chl_2']);
  });

  it('five wrong codes use the challenge up, and the form asks for a new code', async () => {
    const { user } = renderAppeal();
    await startCancellation(user);
    await user.type(screen.getByLabelText('账号 ID'), ACCOUNT_ID);
    await user.click(sendButton());
    await within(ownerPart()).findByText(sentText);
    for (const left of [4, 3, 2]) {
      await user.clear(codeInput());
      await user.type(codeInput(), '000000');
      await user.click(within(ownerPart()).getByRole('button', { name: '验证' }));
      expect(await within(ownerPart()).findByText(`验证码不正确，还可尝试 ${left} 次。`)).toBeInTheDocument();
    }
    await user.clear(codeInput());
    await user.type(codeInput(), '000000');
    await user.click(within(ownerPart()).getByRole('button', { name: '验证' }));
    expect(await within(ownerPart()).findByText('验证码不正确，还可尝试 1 次。')).toBeInTheDocument();
    await user.clear(codeInput());
    await user.type(codeInput(), '000000');
    await user.click(within(ownerPart()).getByRole('button', { name: '验证' }));
    expect(await within(ownerPart()).findByText('验证码已过期或错误次数过多，请重新获取验证码。')).toBeInTheDocument();
    expect(screen.queryByLabelText('验证码')).not.toBeInTheDocument();
  });

  it('changing the account ID resets the verification', async () => {
    const { user } = renderAppeal();
    await startCancellation(user);
    const accountId = screen.getByLabelText('账号 ID');
    await user.type(accountId, ACCOUNT_ID);
    await fillContact(user);
    await sendAndVerify(user);
    expect(await within(ownerPart()).findByText(verifiedText)).toBeInTheDocument();

    await user.type(accountId, '9');
    expect(within(ownerPart()).queryByText(verifiedText)).not.toBeInTheDocument();
    // The wait was for the other account: a code can be sent for this one at once.
    expect(sendButton()).toHaveTextContent('发送验证码');
    expect(sendButton()).toBeEnabled();
    await user.click(next());
    expect(await within(ownerPart()).findByRole('alert')).toHaveTextContent('请先用验证码证明您能控制此账号，再继续。');
    expect(screen.queryByText('此类申诉无需上传材料，请直接进入下一步。')).not.toBeInTheDocument();
    // The refusal moves the focus to the verification, a frame later; typing before that would go to the wrong field.
    await waitFor(() => expect(ownerPart()).toContainElement(document.activeElement as HTMLElement));

    // Back to the verified ID: the old verification does not come back.
    await user.type(accountId, '{Backspace}');
    expect(accountId).toHaveValue(ACCOUNT_ID);
    expect(within(ownerPart()).queryByText(verifiedText)).not.toBeInTheDocument();
    expect(sendButton()).toHaveTextContent(/秒后可重新发送/);
  });

  it('an optional code can be skipped; the review says the account is not verified', async () => {
    const { user } = renderAppeal();
    expect(kindOf('mfa_unbind').ownerCode.personal).toBe('optional');
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    expect(within(ownerPart()).getByText('选填。可加快审核：证明您能控制此账号。')).toBeInTheDocument();
    await user.click(next());
    await user.upload(await screen.findByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('front.jpg'));
    await user.upload(screen.getByLabelText('申请人手持身份证反面照', { selector: 'input' }), jpegFile('back.jpg'));
    await screen.findByText(/back\.jpg/);
    await user.click(next());
    await screen.findByText('核对并提交');
    expect(within(screen.getByText('账号控制权').closest('div')!).getByText('未验证')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '提交申诉' }));
    expect(await screen.findByText('申诉已提交')).toBeInTheDocument();
    expect(received.payload).not.toHaveProperty('ownerProof');
    expect(ownerCodes.requests).toEqual([]);
  });

  it('an optional code, once verified, goes with the appeal', async () => {
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    await sendAndVerify(user);
    expect(await within(ownerPart()).findByText(verifiedText)).toBeInTheDocument();
    await user.click(next());
    await user.upload(await screen.findByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('front.jpg'));
    await user.upload(screen.getByLabelText('申请人手持身份证反面照', { selector: 'input' }), jpegFile('back.jpg'));
    await screen.findByText(/back\.jpg/);
    await user.click(next());
    expect(await screen.findByText('已通过验证码验证')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '提交申诉' }));
    expect(await screen.findByText('申诉已提交')).toBeInTheDocument();
    expect(received.payload).toMatchObject({ kind: 'mfa_unbind', ownerProof: `prf_chl_1_${ACCOUNT_ID}` });
  });

  it('a proof the server refuses takes the customer back to the code, with everything else kept', async () => {
    const { user } = renderAppeal();
    await startCancellation(user);
    await user.type(screen.getByLabelText('账号 ID'), ACCOUNT_ID);
    await user.type(screen.getByLabelText('情况说明'), '不再使用');
    await fillContact(user);
    await sendAndVerify(user);
    await within(ownerPart()).findByText(verifiedText);
    await user.click(next());
    await user.click(await screen.findByRole('button', { name: '下一步' }));
    await screen.findByText('核对并提交');
    ownerCodes.revokeProofs();
    await user.click(screen.getByRole('button', { name: '提交申诉' }));

    expect(await within(await screen.findByRole('region', { name: /验证账号控制权/ })).findByRole('alert')).toHaveTextContent(
      '验证已失效，请重新获取验证码并验证。',
    );
    expect(screen.getByText('账号验证已失效，请在“填写信息”一步重新获取验证码。其他已填写的内容都会保留。')).toBeInTheDocument();
    expect(within(ownerPart()).queryByText(verifiedText)).not.toBeInTheDocument();
    expect(screen.getByLabelText('账号 ID')).toHaveValue(ACCOUNT_ID);
    expect(screen.getByLabelText('情况说明')).toHaveValue('不再使用');
    expect(screen.getByLabelText('联系人姓名')).toHaveValue('张伟');
    expect(received.payload).toBeUndefined();
    expectNoEnglish();
  });

  it('says when codes were asked for too often, counting down from Retry-After', async () => {
    server.use(
      http.post(`${APPEAL_API}/owner-codes`, () =>
        HttpResponse.json(
          { code: 'RATE_LIMITED', message: serverMessages.rateLimited },
          { status: 429, headers: { 'Retry-After': '120' } },
        ),
      ),
    );
    const { user } = renderAppeal();
    await startCancellation(user);
    await user.type(screen.getByLabelText('账号 ID'), ACCOUNT_ID);
    await user.click(sendButton());
    expect(await within(ownerPart()).findByRole('alert')).toHaveTextContent('获取验证码过于频繁，请 120 秒后再试。');
    expect(sendButton()).toBeDisabled();
    expect(sendButton()).toHaveTextContent(/^(120|119) 秒后可重新发送$/);
    expectNoEnglish();
  });

  it('speaks English when the page does', async () => {
    localStorage.setItem('appeal.locale', 'en');
    const { user } = renderAppeal();
    await user.click(await screen.findByRole('radio', { name: /^Cancel the account/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: 'Not verified' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const part = await screen.findByRole('region', { name: /Prove you control the account/ });
    await user.type(screen.getByLabelText('Account ID'), ACCOUNT_ID);
    await user.click(within(part).getByRole('button', { name: 'Send code' }));
    expect(
      await within(part).findByText(
        'If the account exists, we sent a 6-digit code to its security phone (or security email when it has none). It is valid 10 minutes.',
      ),
    ).toBeInTheDocument();
    expect(ownerCodes.requests).toEqual([{ accountId: ACCOUNT_ID, locale: 'en' }]);
    await user.type(screen.getByLabelText('Code'), '123456');
    await user.click(within(part).getByRole('button', { name: 'Verify' }));
    expect(await within(part).findByRole('alert')).toHaveTextContent('That code is not right. 4 tries left.');
    await user.clear(screen.getByLabelText('Code'));
    await user.type(screen.getByLabelText('Code'), OWNER_CODE);
    await user.click(within(part).getByRole('button', { name: 'Verify' }));
    expect(await within(part).findByText('Verified: you control this account')).toBeInTheDocument();
  });
});
