import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { fieldsFor, slotsFor } from '../../../admin-ui/form/catalog';
import { server } from '../server';
import { APPEAL_API, catalog, frontCameraFinding, kindOf, received, REFERENCE, TOKEN } from './handlers';
import { chooseKindAndSubject, exeAsJpeg, fillPersonalMfa, jpegFile, renderAppeal, setUpFormTests, next } from './renderAppeal';

setUpFormTests(() => {
  received.payload = undefined;
  received.files = {};
});

const fieldLabels = () => [...document.querySelectorAll('.fields .field-label label')].map((label) => label.textContent);
const slotTitles = () => [...document.querySelectorAll('.slot-title')].map((title) => title.textContent);

describe('the appeal form', () => {
  it('lists every kind of the catalog in zh-CN, each with its plain-words summary', async () => {
    renderAppeal();
    expect(await screen.findByText('您遇到了什么问题？')).toBeInTheDocument();
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(catalog.kinds.length);
    expect(catalog.kinds).toHaveLength(8);
    for (const kind of catalog.kinds) {
      expect(screen.getByText(kind.label['zh-CN'])).toBeInTheDocument();
      expect(screen.getByText(kind.summary['zh-CN'])).toBeInTheDocument();
    }
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('asks for a kind before going on', async () => {
    const { user } = renderAppeal();
    await screen.findByText('您遇到了什么问题？');
    await user.click(next());
    expect(await screen.findByText('请选择一项')).toBeInTheDocument();
    expect(screen.getByText('您遇到了什么问题？')).toBeInTheDocument();
  });

  it('shows exactly the fields and slots of the chosen kind and subject type', async () => {
    const { user } = renderAppeal();
    const kind = kindOf('mfa_unbind');
    await chooseKindAndSubject(user, kind.label['zh-CN'], '个人实名认证');
    await screen.findByText('填写账号和申请人信息');
    expect(fieldLabels()).toEqual(fieldsFor(kind, 'personal', undefined).map((f) => f.label['zh-CN']));

    await fillPersonalMfa(user);
    await user.click(next());
    await screen.findByText('上传证明材料');
    expect(slotTitles()).toEqual(slotsFor(kind, 'personal', undefined).map((s) => s.label['zh-CN']));
    // Each slot says what it wants and how: the hint, the accepted types and the size limit.
    const front = screen.getByRole('region', { name: '申请人手持身份证正面照' });
    expect(within(front).getByText(/请使用后置摄像头拍摄/)).toBeInTheDocument();
    expect(within(front).getByText(/JPEG、PNG、WebP 或 PDF，不超过 10 MB/)).toBeInTheDocument();

    // Back to step 2 through the stepper: an enterprise appeal asks for other fields.
    await user.click(screen.getByRole('button', { name: /认证类型/ }));
    await user.click(await screen.findByRole('radio', { name: '企业实名认证' }));
    await user.click(next());
    await screen.findByText('填写账号和申请人信息');
    expect(fieldLabels()).toEqual(fieldsFor(kind, 'enterprise', undefined).map((f) => f.label['zh-CN']));
  });

  it('rule: where the seed asks for a face check, the materials step says a hand-held ID photo stands in for it', async () => {
    const { user } = renderAppeal();
    const kind = kindOf('mfa_unbind');
    await chooseKindAndSubject(user, kind.label['zh-CN'], '个人实名认证');
    await fillPersonalMfa(user);
    await user.click(next());
    await screen.findByText('上传证明材料');
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent(/人脸识别/);
    expect(note).toHaveTextContent(/手持身份证的正面和反面照片/);
    expect(note).toHaveTextContent(kind.materialNotes!.personal!['zh-CN']);

    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('note')).toHaveTextContent(/face check .* holding your ID card/);
  });

  it('follows the variant: a payment dispute asks for the bank receipt, not the change form', async () => {
    const { user } = renderAppeal();
    const kind = kindOf('enterprise_review');
    const variant = kind.variants.find((v) => v.key === 'payment_dispute')!;
    await chooseKindAndSubject(user, kind.label['zh-CN'], '企业实名认证', variant.label['zh-CN']);
    await screen.findByText('填写账号和申请人信息');
    expect(fieldLabels()).toEqual(fieldsFor(kind, 'enterprise', 'payment_dispute').map((f) => f.label['zh-CN']));
    expect(fieldLabels()).not.toContain('变更后企业名称');
  });

  it('marks an invalid resident ID number inline and does not go on', async () => {
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    const idNumber = screen.getByLabelText('身份证号');
    await user.clear(idNumber);
    await user.type(idNumber, '110105198503120035'); // the check character should be 6
    await user.tab();

    expect(await screen.findByText('身份证号校验位不正确，请核对')).toBeInTheDocument();
    expect(idNumber).toHaveAttribute('aria-invalid', 'true');
    expect(idNumber).toHaveAccessibleDescription(/身份证号校验位不正确/);

    await user.click(next());
    expect(screen.getByText('填写账号和申请人信息')).toBeInTheDocument();
    expect(screen.queryByText('上传证明材料')).not.toBeInTheDocument();

    // A lower-case x is the same check character: 11010519491231002x is valid.
    await user.clear(idNumber);
    await user.type(idNumber, '11010519491231002x');
    await user.tab();
    expect(idNumber).toHaveValue('11010519491231002X');
    expect(screen.queryByText('身份证号校验位不正确，请核对')).not.toBeInTheDocument();
    expect(idNumber).not.toHaveAttribute('aria-invalid');
  });

  it('refuses an under-age applicant and an invalid phone, and asks for email or phone', async () => {
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    const year = new Date().getFullYear() - 10;
    const body = `110105${year}0101001`;
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const child = body + '10X98765432'[[...body].reduce((s, ch, i) => s + Number(ch) * weights[i]!, 0) % 11];
    await user.clear(screen.getByLabelText('身份证号'));
    await user.type(screen.getByLabelText('身份证号'), child);
    await user.clear(screen.getByLabelText('正在使用的手机号'));
    await user.type(screen.getByLabelText('正在使用的手机号'), '12345678901');
    await user.clear(screen.getByLabelText('邮箱'));
    await user.click(next());
    expect(await screen.findByText('申请人须年满 18 周岁')).toBeInTheDocument();
    expect(screen.getByText('请填写 11 位中国大陆手机号')).toBeInTheDocument();
    expect(screen.getByText('请至少填写邮箱或手机号中的一项')).toBeInTheDocument();
    expect(screen.getByLabelText('邮箱')).toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses a program named .jpg before uploading anything', async () => {
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    await user.click(next());
    await screen.findByText('上传证明材料');
    const input = screen.getByLabelText('申请人手持身份证正面照', { selector: 'input' });
    await user.upload(input, exeAsJpeg());

    expect(await screen.findByText(/此文件不是 JPEG、PNG、WebP 或 PDF 格式（按文件内容判断，不看文件名）/)).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/photo\.jpg/)).not.toBeInTheDocument();
    await user.click(next());
    expect(screen.getByText('上传证明材料')).toBeInTheDocument();
    expect(received.payload).toBeUndefined();
  });

  it('refuses a file over the slot size before upload', async () => {
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    await user.click(next());
    const big = new File([new Uint8Array(11 * 1024 * 1024).fill(0xff)], 'big.jpg', { type: 'image/jpeg' });
    await user.upload(await screen.findByLabelText('申请人手持身份证反面照', { selector: 'input' }), big);
    expect(await screen.findByText('文件大小为 11 MB，超过 10 MB 的上限，请压缩后重新选择。')).toBeInTheDocument();
  });

  it('submits with upload progress, then shows the reference, the token once and a failed finding', async () => {
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    await user.click(next());
    await user.upload(await screen.findByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('front.jpg'));
    await user.upload(screen.getByLabelText('申请人手持身份证反面照', { selector: 'input' }), jpegFile('back.jpg'));
    expect(await screen.findByText(/front\.jpg/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'front.jpg' })).toHaveAttribute('src', 'blob:http://localhost/preview');
    await user.click(next());

    await screen.findByText('核对并提交');
    expect(screen.getAllByText('张伟', { selector: 'dd' })).toHaveLength(2); // real name and contact name
    expect(screen.getByText(/front\.jpg · 1 KB/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '提交申诉' }));
    const bar = await screen.findByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow');

    expect(await screen.findByText('申诉已提交')).toBeInTheDocument();
    expect(screen.getByTestId('reference')).toHaveTextContent(REFERENCE);
    expect(screen.getAllByText(TOKEN)).toHaveLength(1);
    expect(screen.getByText(/访问码只显示这一次/)).toBeInTheDocument();
    expect(screen.getByText(frontCameraFinding.message['zh-CN'])).toBeInTheDocument();
    // The failed back photo can be replaced right here.
    expect(screen.getByLabelText('申请人手持身份证反面照', { selector: 'input' })).toBeInTheDocument();

    const link = screen.getByRole('link', { name: '查看申诉进度' });
    expect(link).toHaveAttribute('href', `/appeal/status?ref=${REFERENCE}`);
    expect(link.getAttribute('href')).not.toContain(TOKEN);
    expect(sessionStorage.getItem(`appeal.token.${REFERENCE}`)).toBe(TOKEN);

    expect(received.payload).toEqual({
      kind: 'mfa_unbind',
      subjectType: 'personal',
      fields: {
        loginAccount: '12345678',
        accountId: '100012345',
        realName: '张伟',
        idNumber: expect.stringMatching(/^\d{17}[\dX]$/),
        currentPhone: '13912345678',
      },
      contact: { name: '张伟', email: 'zhang.wei@example.cn', phone: '13912345678', locale: 'zh-CN' },
    });
    expect(Object.keys(received.files).sort()).toEqual(['applicant_id_back', 'applicant_id_front']);
  });

  it("shows a 415 beside the slot it concerns and a sentence at the top, both in the page's language", async () => {
    server.use(
      http.post(`${APPEAL_API}/appeals`, () =>
        HttpResponse.json(
          {
            code: 'UNSUPPORTED_TYPE',
            message:
              'Applicant holding ID card, front: This file is a HEIC image (the iPhone default format), which cannot be used as evidence.',
            errors: {
              applicant_id_front:
                'This file is a HEIC image (the iPhone default format), which cannot be used as evidence. Please upload a JPEG, PNG, WebP or PDF file / 该文件是 HEIC 图片（苹果手机默认格式），无法作为证明材料。请上传 JPEG、PNG、WebP 或 PDF 格式的文件',
            },
          },
          { status: 415 },
        ),
      ),
    );
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    await user.click(next());
    await user.upload(await screen.findByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('front.jpg'));
    await user.upload(screen.getByLabelText('申请人手持身份证反面照', { selector: 'input' }), jpegFile('back.jpg'));
    await screen.findByText(/back\.jpg/);
    await user.click(next());
    await user.click(await screen.findByRole('button', { name: '提交申诉' }));

    const front = await screen.findByRole('region', { name: '申请人手持身份证正面照' });
    expect(
      await within(front).findByText('该文件是 HEIC 图片（苹果手机默认格式），无法作为证明材料。请上传 JPEG、PNG、WebP 或 PDF 格式的文件'),
    ).toBeInTheDocument();
    expect(screen.getByText('有文件的格式不被接受，请查看标出的材料。')).toBeInTheDocument();
    // The server's English message never reaches the Chinese form.
    expect(screen.queryByText(/Applicant holding ID card, front: This file is a HEIC image/)).not.toBeInTheDocument();
  });

  it('takes field errors of a 400 back to the step where they can be fixed', async () => {
    server.use(
      http.post(`${APPEAL_API}/appeals`, () =>
        HttpResponse.json(
          { code: 'INVALID_INPUT', message: 'Some fields are invalid', errors: { 'fields.accountId': 'account_id.format' } },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    await user.click(next());
    await user.upload(await screen.findByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('front.jpg'));
    await user.upload(screen.getByLabelText('申请人手持身份证反面照', { selector: 'input' }), jpegFile('back.jpg'));
    await screen.findByText(/back\.jpg/);
    await user.click(next());
    await user.click(await screen.findByRole('button', { name: '提交申诉' }));
    expect(await screen.findByText('账号 ID 应为 5 至 20 位数字')).toBeInTheDocument();
    expect(screen.getByLabelText('账号 ID')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('有些内容需要修改，请查看标出的项目。')).toBeInTheDocument();
  });

  it('switches to English, remembers it, and sets <html lang>', async () => {
    const { user } = renderAppeal();
    await screen.findByText('您遇到了什么问题？');
    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByText('What happened?')).toBeInTheDocument();
    for (const kind of catalog.kinds) expect(screen.getByText(kind.label.en)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('appeal.locale')).toBe('en');
    await waitFor(() => expect(document.title).toBe('Account security appeal'));
  });

  it('starts in English when English was chosen before', async () => {
    localStorage.setItem('appeal.locale', 'en');
    renderAppeal();
    expect(await screen.findByText('What happened?')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '切换到中文' })).toHaveTextContent('中文');
  });
});
