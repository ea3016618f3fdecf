import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DRAFT_TTL_MS, memoryDraftStore } from '../../../admin-ui/form/parts/savedDraft';
import { adultId } from '../../server/support/payloads';
import { chooseKindAndSubject, fillPersonalMfa, jpegFile, personalMfaValues, renderAppeal, setUpFormTests, next } from './renderAppeal';

setUpFormTests();

describe('the appeal draft', () => {
  it('restores the fields and a chosen file after the page is opened again, and keeps nothing the submission does not need', async () => {
    const drafts = memoryDraftStore();
    const first = renderAppeal({ drafts });
    await chooseKindAndSubject(first.user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(first.user);
    await first.user.click(next());
    await first.user.upload(await screen.findByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('front.jpg'));
    await screen.findByText(/front\.jpg · /);
    await waitFor(async () => expect((await drafts.load())?.files.applicant_id_front?.name).toBe('front.jpg'));
    const saved = (await drafts.load())!;
    expect(saved.form).toMatchObject({
      version: 1,
      step: 3,
      draft: { kind: 'mfa_unbind', subjectType: 'personal', fields: personalMfaValues },
    });
    expect(Object.keys(saved.form.draft)).not.toContain('owner');
    first.unmount();

    const { user } = renderAppeal({ drafts });
    expect(await screen.findByText('继续上次的申诉？')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '继续填写' }));
    expect(await screen.findByText('上传证明材料')).toBeInTheDocument();
    expect(await screen.findByText(/front\.jpg · 1 KB/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /填写信息/ }));
    expect(await screen.findByLabelText('身份证号')).toHaveValue(adultId);
    expect(screen.getByLabelText('邮箱')).toHaveValue('zhang.wei@example.cn');
  });

  it('starts over on request, deleting the saved draft', async () => {
    const drafts = memoryDraftStore();
    await drafts.saveForm({
      version: 1,
      savedAt: Date.now(),
      step: 1,
      reached: 1,
      draft: { kind: 'mfa_unbind', fields: {}, contact: { name: '', email: '', phone: '' } },
    });
    const { user } = renderAppeal({ drafts });
    await user.click(await screen.findByRole('button', { name: '重新开始' }));
    expect(await screen.findByText('您遇到了什么问题？')).toBeInTheDocument();
    expect(screen.getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
    expect(await drafts.load()).toBeUndefined();
  });

  it('deletes a draft older than seven days instead of offering it', async () => {
    const drafts = memoryDraftStore();
    await drafts.saveForm({
      version: 1,
      savedAt: Date.now() - DRAFT_TTL_MS - 1000,
      step: 1,
      reached: 1,
      draft: { kind: 'mfa_unbind', fields: {}, contact: { name: '', email: '', phone: '' } },
    });
    renderAppeal({ drafts });
    expect(await screen.findByText('您遇到了什么问题？')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '继续填写' })).not.toBeInTheDocument();
    expect(await drafts.load()).toBeUndefined();
  });

  it('goes one step back on the browser Back button, keeping the values, and forward no further than validated', async () => {
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    await user.click(next());
    await screen.findByText('上传证明材料');

    history.back();
    expect(await screen.findByText('填写账号和申请人信息')).toBeInTheDocument();
    expect(screen.getByLabelText('身份证号')).toHaveValue(adultId);
    expect(screen.getByLabelText('联系人姓名')).toHaveValue('张伟');

    history.back();
    expect(await screen.findByRole('radio', { name: '个人实名认证' })).toBeChecked();

    history.forward();
    expect(await screen.findByText('填写账号和申请人信息')).toBeInTheDocument();
    // The review was never reached: a Forward entry pointing there stops at the materials step, still unfilled.
    window.dispatchEvent(new PopStateEvent('popstate', { state: { appealStep: 4 } }));
    expect(await screen.findByText('上传证明材料')).toBeInTheDocument();
    expect(screen.queryByText('核对并提交')).not.toBeInTheDocument();
  });
});
