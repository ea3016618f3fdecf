import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppealView } from '../../../admin-ui/form/api';
import { server } from '../server';
import {
  APPEAL_API,
  appealHandlers,
  awaitingView,
  checklistFor,
  kindOf,
  REFERENCE,
  TOKEN,
  viewHandler,
  withdrawals,
  withdrawHandler,
} from './handlers';
import { jpegFile, renderAppeal } from './renderAppeal';

beforeEach(() => {
  server.use(...appealHandlers);
  withdrawals.length = 0;
  localStorage.clear();
  sessionStorage.clear();
});

const openWithStoredToken = () => {
  sessionStorage.setItem(`appeal.token.${REFERENCE}`, TOKEN);
  return renderAppeal({ pathname: '/appeal/status', search: `?ref=${REFERENCE}` });
};

describe('the status page', () => {
  it('opens the appeal filed in this tab and says the status in words, with what happens next', async () => {
    openWithStoredToken();
    expect(await screen.findByRole('heading', { name: '待客户补充材料' })).toBeInTheDocument();
    expect(screen.getByText(/请按下方标出的要求补充或更换材料/)).toBeInTheDocument();
    expect(screen.getByText(`申诉编号：${REFERENCE}`)).toBeInTheDocument();
    expect(screen.getByText('MFA 设备丢失，申请解绑')).toBeInTheDocument();
  });

  it('highlights the requested slots, with their findings and a box to replace the file', async () => {
    const { user } = openWithStoredToken();
    const requested = await screen.findByRole('region', { name: '需要您补充的材料' });
    expect(within(requested).getByText('申请人手持身份证反面照')).toBeInTheDocument();

    const back = screen.getByRole('region', { name: '申请人手持身份证反面照' });
    expect(back).toHaveClass('is-highlighted');
    expect(within(back).getByText('客服要求补充')).toBeInTheDocument();
    expect(within(back).getByText('未通过')).toBeInTheDocument();
    expect(within(back).getByText(/前置摄像头（自拍）拍摄/)).toBeInTheDocument();
    const front = screen.getByRole('region', { name: '申请人手持身份证正面照' });
    expect(front).not.toHaveClass('is-highlighted');

    await user.upload(within(back).getByLabelText('申请人手持身份证反面照', { selector: 'input' }), jpegFile('back-again.jpg'));
    await within(back).findByText(/back-again\.jpg/);
    await user.click(screen.getByRole('button', { name: '上传所选文件' }));
    expect(await screen.findByRole('heading', { name: '审核中' })).toBeInTheDocument();
    expect(screen.getByText('已收到新的材料，检查结果已更新。')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '需要您补充的材料' })).not.toBeInTheDocument();
  });

  it('refuses a wrong file on the status page before sending it', async () => {
    const { user } = openWithStoredToken();
    const back = await screen.findByRole('region', { name: '申请人手持身份证反面照' });
    const text = new File(['我的身份证号码是 110105198503120036'], 'scan.pdf', { type: 'application/pdf' });
    await user.upload(within(back).getByLabelText('申请人手持身份证反面照', { selector: 'input' }), text);
    expect(await within(back).findByText(/此文件不是 JPEG、PNG、WebP 或 PDF 格式/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '上传所选文件' })).toBeDisabled();
  });

  it("shows the desk's messages and sends the customer's own", async () => {
    const { user } = openWithStoredToken();
    expect(await screen.findByText(/请用后置摄像头重新拍摄后上传/)).toBeInTheDocument();
    expect(screen.getByText('客服')).toBeInTheDocument();
    await user.type(screen.getByLabelText('给客服留言'), '已经重新拍摄，请查收。');
    await user.click(screen.getByRole('button', { name: '发送' }));
    expect(await screen.findByText('已经重新拍摄，请查收。')).toBeInTheDocument();
    expect(screen.getByText('留言已发送。')).toBeInTheDocument();
    expect(screen.getByLabelText('给客服留言')).toHaveValue('');
  });

  it('asks for reference and token when this tab does not know the token, and never reads it from the URL', async () => {
    const { user } = renderAppeal({ pathname: '/appeal/status', search: `?ref=${REFERENCE}&token=${TOKEN}` });
    const reference = await screen.findByLabelText('申诉编号');
    expect(reference).toHaveValue(REFERENCE);
    expect(screen.getByLabelText('访问码')).toHaveValue('');
    await user.type(screen.getByLabelText('访问码'), 'wrong-token-wrong-token');
    await user.click(screen.getByRole('button', { name: '查询' }));
    expect(await screen.findByText('找不到该申诉，或访问码不正确。请核对后重试。')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('访问码'));
    await user.type(screen.getByLabelText('访问码'), TOKEN);
    await user.click(screen.getByRole('button', { name: '查询' }));
    expect(await screen.findByRole('heading', { name: '待客户补充材料' })).toBeInTheDocument();
    expect(sessionStorage.getItem(`appeal.token.${REFERENCE}`)).toBe(TOKEN);
  });

  it('shows a decided appeal without upload boxes', async () => {
    const approved: AppealView = {
      ...awaitingView,
      status: 'approved',
      mayWithdraw: false,
      decidedAt: '2026-11-26T02:00:00.000Z',
      requestedSlots: [],
      checklist: checklistFor('mfa_unbind', 'personal', undefined, { applicant_id_front: 'ok', applicant_id_back: 'ok' }),
    };
    server.use(viewHandler(approved));
    openWithStoredToken();
    expect(await screen.findByRole('heading', { name: '已通过' })).toBeInTheDocument();
    expect(screen.getByText(`申诉已通过：${kindOf('mfa_unbind').effect.label['zh-CN']}。结果已发送到您的联系方式。`)).toBeInTheDocument();
    expect(screen.getByText('此申诉已结束，不能再上传材料。')).toBeInTheDocument();
    expect(document.querySelector('input[type="file"]')).toBeNull();
  });

  it('rule: the customer may withdraw while under review, after confirming, and the page says it is withdrawn', async () => {
    const { user } = openWithStoredToken();
    await screen.findByRole('heading', { name: '待客户补充材料' });
    const section = screen.getByRole('region', { name: '撤销申请' });
    expect(within(section).getByText(/审核结束前，您可以撤销这份申诉/)).toBeInTheDocument();

    // The first click only asks; "keep it" sends nothing.
    await user.click(within(section).getByRole('button', { name: '撤销申请' }));
    expect(within(section).getByText(`确定撤销申诉 ${REFERENCE} 吗？撤销后不能恢复。`)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: '暂不撤销' }));
    expect(withdrawals).toEqual([]);

    await user.click(within(section).getByRole('button', { name: '撤销申请' }));
    await user.click(within(section).getByRole('button', { name: '确定撤销' }));
    expect(await screen.findByRole('heading', { name: '已撤销' })).toBeInTheDocument();
    expect(withdrawals).toEqual([{ reference: REFERENCE }]);
    expect(screen.getByText('申诉已撤销，确认通知已发送到您的联系方式。')).toBeInTheDocument();
    expect(screen.getByText(/此申诉已撤销，我们不会再处理/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '撤销申请' })).not.toBeInTheDocument();
    expect(document.querySelector('input[type="file"]')).toBeNull();
  });

  it('rule: the withdraw button is hidden once the appeal is decided', async () => {
    const open = openWithStoredToken();
    await screen.findByRole('heading', { name: '待客户补充材料' });
    expect(screen.getByRole('button', { name: '撤销申请' })).toBeInTheDocument();
    open.unmount();

    const rejected: AppealView = {
      ...awaitingView,
      status: 'rejected',
      mayWithdraw: false,
      decidedAt: '2026-11-26T02:00:00.000Z',
      requestedSlots: [],
    };
    server.use(viewHandler(rejected), withdrawHandler(rejected));
    openWithStoredToken();
    expect(await screen.findByRole('heading', { name: '未通过' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '撤销申请' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '撤销申请' })).not.toBeInTheDocument();
  });

  it('rule: a decision made meanwhile answers the withdrawal: the page says the appeal is decided', async () => {
    const decided: AppealView = { ...awaitingView, status: 'in_review', mayWithdraw: false };
    server.use(withdrawHandler(decided));
    const { user } = openWithStoredToken();
    await screen.findByRole('heading', { name: '待客户补充材料' });
    await user.click(screen.getByRole('button', { name: '撤销申请' }));
    await user.click(screen.getByRole('button', { name: '确定撤销' }));
    expect(await screen.findByText('此申诉已审核完毕，不能再撤销。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '待客户补充材料' })).toBeInTheDocument();
  });

  it('rule: an approved account retrieval is not told "enterprise details updated" on the status page', async () => {
    const kind = kindOf('enterprise_review');
    const retrieval = kind.variants.find((v) => v.key === 'account_retrieval')!;
    const approved: AppealView = {
      ...awaitingView,
      kind: 'enterprise_review',
      variant: 'account_retrieval',
      subjectType: 'enterprise',
      status: 'approved',
      mayWithdraw: false,
      outcome: retrieval.outcome!,
      decidedAt: '2026-11-26T02:00:00.000Z',
      requestedSlots: [],
      checklist: checklistFor('enterprise_review', 'enterprise', 'account_retrieval', {
        business_licence: 'ok',
        legal_rep_id_front: 'ok',
        legal_rep_id_back: 'ok',
      }),
    };
    server.use(viewHandler(approved));
    openWithStoredToken();
    expect(await screen.findByRole('heading', { name: '已通过' })).toBeInTheDocument();
    expect(screen.getByText('申诉已通过：找回的账号及登录方式已发送给您。结果已发送到您的联系方式。')).toBeInTheDocument();
    expect(screen.queryByText(/更新企业实名信息/)).not.toBeInTheDocument();
  });

  it('says when the server limits the rate', async () => {
    server.use(
      http.get(`${APPEAL_API}/appeals/:reference`, () =>
        HttpResponse.json({ code: 'RATE_LIMITED', message: 'Too many requests', retryAfterSeconds: 600 }, { status: 429 }),
      ),
    );
    openWithStoredToken();
    expect(await screen.findByText('提交过于频繁，请在 10 分钟后再试。')).toBeInTheDocument();
  });

  it('switches to English: status words and catalog texts follow', async () => {
    const { user } = openWithStoredToken();
    await screen.findByRole('heading', { name: '待客户补充材料' });
    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('heading', { name: 'Waiting for your materials' })).toBeInTheDocument();
    expect(screen.getByText('Lost MFA device: unbind it')).toBeInTheDocument();
    expect(screen.getByText('Materials we need from you')).toBeInTheDocument();
    expect(screen.getByText(/taken with the phone's front \(selfie\) camera/)).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });
});
