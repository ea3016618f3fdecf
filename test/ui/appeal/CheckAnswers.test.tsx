import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { maskIdentifier } from '../../../server/src/contract/validators';
import { adultId } from '../../server/support/payloads';
import { chooseKindAndSubject, fillPersonalMfa, jpegFile, renderAppeal, setUpFormTests, next } from './renderAppeal';

setUpFormTests();

const answer = (label: string) => screen.getByText(label, { selector: 'dt' }).closest('div')!;

async function toReview(user: UserEvent) {
  await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
  await fillPersonalMfa(user);
  await user.click(next());
  await user.upload(await screen.findByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('front.jpg'));
  await user.upload(screen.getByLabelText('申请人手持身份证反面照', { selector: 'input' }), jpegFile('back.jpg'));
  await screen.findByText(/back\.jpg · /);
  await user.click(next());
  await screen.findByText('核对并提交');
}

describe('check your answers', () => {
  it('masks the ID number, and each Change link goes to its field and back to the review', async () => {
    const { user } = renderAppeal();
    await toReview(user);
    expect(answer('身份证号')).toHaveTextContent(maskIdentifier(adultId));
    expect(maskIdentifier(adultId)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(document.body.textContent).not.toContain(adultId);

    await user.click(screen.getByRole('button', { name: '修改身份证号' }));
    expect(await screen.findByText('填写账号和申请人信息')).toBeInTheDocument();
    expect(screen.getByLabelText('身份证号')).toHaveFocus();
    await user.click(next());
    // Straight back to the review, not through the materials again.
    expect(await screen.findByText('核对并提交')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '修改联系人姓名' }));
    expect(await screen.findByLabelText('联系人姓名')).toHaveFocus();
    await user.click(next());
    await screen.findByText('核对并提交');

    await user.click(screen.getByRole('button', { name: '修改申请人手持身份证反面照' }));
    expect(await screen.findByLabelText('申请人手持身份证反面照', { selector: 'input' })).toHaveFocus();
    await user.click(next());
    await screen.findByText('核对并提交');

    await user.click(screen.getByRole('button', { name: '修改问题类型' }));
    expect(await screen.findByRole('radio', { name: /MFA 设备丢失/ })).toHaveFocus();
  });

  it('fills the contact name and phone from the real name and phone already typed, until the customer types their own', async () => {
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    expect(screen.getByLabelText('联系人姓名')).toHaveValue('张伟');
    expect(screen.getByLabelText('手机号', { exact: true })).toHaveValue('13912345678');

    await user.clear(screen.getByLabelText('联系人姓名'));
    await user.type(screen.getByLabelText('联系人姓名'), '李娜');
    await user.type(screen.getByLabelText('实名认证姓名'), '明');
    expect(screen.getByLabelText('联系人姓名')).toHaveValue('李娜');
    // The phone is still the customer's own: it follows the number they use now.
    await user.clear(screen.getByLabelText('正在使用的手机号'));
    await user.type(screen.getByLabelText('正在使用的手机号'), '13800001111');
    expect(screen.getByLabelText('手机号', { exact: true })).toHaveValue('13800001111');
  });

  it('shows the sample hand-held ID photo with what to do and what not to', async () => {
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    await user.click(next());
    expect(await screen.findByRole('img', { name: /一个人把证件举在脸旁/ })).toBeInTheDocument();
    expect(screen.getByText(/这样拍/, { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByText(/不要这样/, { selector: 'strong' })).toBeInTheDocument();
  });
});

describe('the language of a first visit', () => {
  it('follows an English browser', async () => {
    renderAppeal({ languages: ['en-US', 'en'] });
    expect(await screen.findByText('What happened?')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('follows a Chinese browser of any region', async () => {
    renderAppeal({ languages: ['zh-TW', 'en'] });
    expect(await screen.findByText('您遇到了什么问题？')).toBeInTheDocument();
  });

  it("keeps the customer's own choice over the browser's", async () => {
    localStorage.setItem('appeal.locale', 'zh-CN');
    renderAppeal({ languages: ['en-GB'] });
    expect(await screen.findByText('您遇到了什么问题？')).toBeInTheDocument();
  });
});
