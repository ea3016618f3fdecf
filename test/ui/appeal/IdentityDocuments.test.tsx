import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { received } from './handlers';
import { chooseKindAndSubject, fillPersonalMfa, jpegFile, renderAppeal, setUpFormTests, next } from './renderAppeal';

setUpFormTests(() => {
  received.payload = undefined;
});

const permitError = '港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（旧版证件为 10 位数字）';

describe('the document an ID number is on', () => {
  it('rule: Hong Kong, Macau and Taiwan individuals verify with their travel permits — the form offers the permit beside the ID number and checks it by its own rule', async () => {
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    const documentType = screen.getByLabelText('证件类型');
    // Resident ID first: customers who never touch the choice file as before.
    expect(documentType).toHaveValue('resident_id');
    expect([...(documentType as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      '居民身份证',
      '港澳居民来往内地通行证',
      '台湾居民来往大陆通行证',
    ]);

    await user.selectOptions(documentType, '港澳居民来往内地通行证');
    const idNumber = screen.getByLabelText('身份证号');
    // The resident ID typed before is not a permit number: it is judged again by the permit's rule.
    expect(await screen.findByText(permitError)).toBeInTheDocument();
    expect(idNumber).toHaveAccessibleDescription(/H 或 M 开头，加 8 位数字/);
    await user.clear(idNumber);
    await user.type(idNumber, 'H123');
    await user.tab();
    expect(screen.getByText(permitError)).toBeInTheDocument();
    expect(idNumber).toHaveAttribute('aria-invalid', 'true');
    await user.click(next());
    expect(screen.getByText('填写账号和申请人信息')).toBeInTheDocument();
    // The refusal puts the focus on the wrong number a frame later: typing waits for it.
    await waitFor(() => expect(idNumber).toHaveFocus());

    await user.clear(idNumber);
    await user.type(idNumber, 'h12345678');
    await user.tab();
    expect(idNumber).toHaveValue('H12345678');
    expect(screen.queryByText(permitError)).not.toBeInTheDocument();

    await user.click(next());
    await user.upload(await screen.findByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('front.jpg'));
    await user.upload(screen.getByLabelText('申请人手持身份证反面照', { selector: 'input' }), jpegFile('back.jpg'));
    await screen.findByText(/front\.jpg/);
    await user.click(next());
    // The review shows the document and the number masked, as the field is sensitive.
    expect(await screen.findByText('港澳居民来往内地通行证 *****5678')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '提交申诉' }));
    expect(await screen.findByText('申诉已提交')).toBeInTheDocument();
    expect(received.payload?.fields).toMatchObject({ idNumber: 'H12345678', idNumberType: 'hk_macau_permit' });
  });

  it('rule: Hong Kong, Macau and Taiwan individuals verify with their travel permits — the choice and its error read in English too', async () => {
    const { user } = renderAppeal();
    await user.click(await screen.findByRole('button', { name: 'Switch to English' }));
    await user.click(await screen.findByRole('radio', { name: /Lost MFA device/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: /Personal/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.selectOptions(await screen.findByLabelText('Document type'), 'Mainland Travel Permit for Taiwan Residents');
    await user.type(screen.getByLabelText('Resident ID number'), '1234567');
    await user.tab();
    expect(await screen.findByText('A Mainland Travel Permit for Taiwan Residents has 8 digits (10 on older permits)')).toBeInTheDocument();
  });

  it('rule: contact phones may be non-mainland — a +852 number is taken, "+852 12" is told the international rule', async () => {
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    const phone = screen.getByLabelText('手机号', { exact: true });
    await user.clear(phone); // prefilled from the phone number typed above
    await user.type(phone, '+852 12');
    await user.tab();
    expect(await screen.findByText('国际号码应为 + 加国家或地区代码和号码，共 8 至 15 位数字')).toBeInTheDocument();
    await user.clear(phone);
    await user.type(phone, '+852 9123 4567');
    await user.tab();
    expect(screen.queryByText('国际号码应为 + 加国家或地区代码和号码，共 8 至 15 位数字')).not.toBeInTheDocument();
    expect(phone).not.toHaveAttribute('aria-invalid');
  });
});
