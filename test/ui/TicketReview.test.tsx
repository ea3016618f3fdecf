import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import * as fixtures from './fixtures';
import { API, meHandler, readBody, reviewHandler, schemas, staleAnswer } from './handlers';
import { renderTicketPage } from './renderAdmin';
import { server } from './server';

const REVIEW_ID = fixtures.reviewTicket.id;
const FRONT = fixtures.catalogLabel.slot('mfa_unbind', 'personal', 'applicant_id_front');
const BACK = fixtures.catalogLabel.slot('mfa_unbind', 'personal', 'applicant_id_back');
const ID_NUMBER = fixtures.catalogLabel.field('mfa_unbind', 'idNumber');

const renderReview = () => renderTicketPage(REVIEW_ID);

const openSlot = async (user: ReturnType<typeof userEvent.setup>, label: string) => {
  const checklist = await screen.findByRole('table', { name: '材料清单' });
  await user.click(await within(checklist).findByRole('button', { name: label }));
  return screen.findByRole('region', { name: label });
};

describe('the review page', () => {
  it("shows each slot's findings with their severity, the preview and the original's download", async () => {
    const user = userEvent.setup();
    renderReview();

    // The first file nobody has judged opens first.
    const front = await screen.findByRole('region', { name: FRONT });
    expect(await within(front).findByRole('img', { name: FRONT })).toHaveAttribute('src', `${API}/files/401/preview`);
    expect(within(front).getByRole('link', { name: '下载原件' })).toHaveAttribute('href', `${API}/files/401`);
    expect(within(front).getByText('彩色照片')).toBeInTheDocument();

    const back = await openSlot(user, BACK);
    const findings = within(back).getByRole('list', { name: `「${BACK}」的检查结果` });
    const items = within(findings).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('这是一张黑白照片，请上传彩色照片');
    expect(within(items[0]!).getByRole('img', { name: '未通过' })).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('照片可能有些模糊');
    expect(within(items[1]!).getByRole('img', { name: '警告' })).toBeInTheDocument();
    expect(within(back).getByRole('link', { name: 'back-old.jpg' })).toHaveAttribute('href', `${API}/files/400`);
  });

  it('zooms with the buttons and the wheel, and turns the image in quarter turns', async () => {
    const user = userEvent.setup();
    renderReview();
    const front = await screen.findByRole('region', { name: FRONT });
    const image = await within(front).findByRole('img', { name: FRONT });

    await user.click(within(front).getByRole('button', { name: '放大' }));
    expect(within(front).getByTestId('zoom-level')).toHaveTextContent('125%');
    image.parentElement!.parentElement!.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, bubbles: true, cancelable: true }));
    expect(await within(front).findByText('156%')).toBeInTheDocument();
    await user.click(within(front).getByRole('button', { name: '向右旋转' }));
    expect(image).toHaveAttribute('data-rotation', '90');
    await user.click(within(front).getByRole('button', { name: '向左旋转' }));
    await user.click(within(front).getByRole('button', { name: '向左旋转' }));
    expect(image).toHaveAttribute('data-rotation', '270');
  });

  it('offers a PDF as a download, since it has no preview', async () => {
    server.use(
      http.get(`${API}/evidence`, () =>
        HttpResponse.json(
          fixtures.evidence.map((file) =>
            file.id === 401 ? { ...file, mime: 'application/pdf', pages: 2, originalName: 'front.pdf' } : file,
          ),
          { headers: { 'Content-Range': 'evidence 0-2/3' } },
        ),
      ),
    );
    renderReview();
    const front = await screen.findByRole('region', { name: FRONT });
    expect(await within(front).findByText('此类文件无法预览，请下载原件查看。')).toBeInTheDocument();
    expect(within(front).queryByRole('img', { name: FRONT })).not.toBeInTheDocument();
    expect(within(front).getByRole('link', { name: '下载原件' })).toHaveAttribute('href', `${API}/files/401`);
    expect(within(front).getByText(/2 页/)).toBeInTheDocument();
  });

  it('marks declared fields that match or not the account, and the preconditions met or not', async () => {
    renderReview();
    const table = await screen.findByRole('table', { name: '申报信息与账号记录核对' });
    const row = (label: string) => within(table).getByRole('rowheader', { name: label }).closest('tr') as HTMLElement;

    expect(await within(table).findByRole('rowheader', { name: ID_NUMBER })).toBeInTheDocument();
    expect(row(fixtures.catalogLabel.field('mfa_unbind', 'realName'))).toHaveTextContent('王小明王*明一致');
    expect(row(ID_NUMBER)).toHaveTextContent('不一致');
    expect(row(ID_NUMBER)).toHaveAttribute('data-result', 'mismatch');
    expect(screen.getByText('1 项不一致')).toBeInTheDocument();

    const preconditions = screen.getByRole('list', { name: '办理条件' });
    const [bound, arrears] = within(preconditions).getAllByRole('listitem');
    expect(within(bound!).getByRole('img', { name: '满足' })).toBeInTheDocument();
    expect(within(arrears!).getByRole('img', { name: '不满足' })).toBeInTheDocument();
    expect(arrears).toHaveTextContent('无欠费账号欠费 12.00 元');
  });

  it('cannot reject a file without a reason, and sends PUT /api/evidence/:id with the one chosen', async () => {
    const received: unknown[] = [];
    server.use(
      http.put(`${API}/evidence/:id`, async ({ request, params }) => {
        const body = await readBody(request, schemas.verdict);
        if (body instanceof Response) return body;
        received.push({ id: params.id, ...body });
        return HttpResponse.json({ ...fixtures.evidence[2], ...body });
      }),
    );
    const user = userEvent.setup();
    renderReview();
    const back = await openSlot(user, BACK);

    await user.click(within(back).getByRole('button', { name: '驳回…' }));
    const confirm = within(back).getByRole('button', { name: '驳回此文件' });
    expect(confirm).toBeDisabled();

    await user.click(within(back).getByRole('combobox', { name: /驳回原因/ }));
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    // Only active reasons meant for files: neither a decision-only reason nor a switched-off one.
    expect(options.map((option) => option.textContent)).toEqual(['须为彩色照片或彩色扫描件', '申请人与账号实名主体不一致']);
    await user.click(options[0]!);
    expect(confirm).toBeEnabled();
    await user.click(confirm);

    await waitFor(() =>
      expect(received).toEqual([{ id: '402', verdict: 'rejected', reasonCode: 'not_colour', version: fixtures.reviewTicket.version }]),
    );
    expect(await screen.findByText('已驳回此文件')).toBeInTheDocument();
  });

  it('a verdict from a page read before someone else changed the ticket is refused, and the page says so', async () => {
    const changed = { ...fixtures.reviewTicket, status: 'awaiting_customer' as const, version: fixtures.reviewTicket.version + 1 };
    server.use(
      http.put(`${API}/evidence/:id`, async ({ request }) => {
        const body = await readBody(request, schemas.verdict);
        if (body instanceof Response) return body;
        return staleAnswer(changed, body.version ?? 0) ?? HttpResponse.json({ ...fixtures.evidence[2], ...body });
      }),
    );
    const user = userEvent.setup();
    renderReview();
    const back = await openSlot(user, BACK);
    await user.click(within(back).getByRole('button', { name: '采纳' }));
    expect(await screen.findByText('此工单已被他人更新（现为「待客户补充」），请查看最新状态后再操作')).toBeInTheDocument();
    expect(screen.queryByText('已采纳此文件')).not.toBeInTheDocument();
  });

  it('asks for the chosen slots with the message a macro filled in', async () => {
    const received: unknown[] = [];
    server.use(
      http.post(`${API}/tickets/:id/request-materials`, async ({ request, params }) => {
        const body = await readBody(request, schemas.requestMaterials);
        if (body instanceof Response) return body;
        received.push({ id: params.id, ...body });
        return HttpResponse.json({ ...fixtures.reviewTicket, status: 'awaiting_customer' });
      }),
    );
    const user = userEvent.setup();
    renderReview();

    await user.click(await screen.findByRole('button', { name: '要求补充材料' }));
    const dialog = await screen.findByRole('dialog', { name: '要求客户补充材料' });
    // The failed back is ticked already; the passing front is not.
    expect(within(dialog).getByRole('checkbox', { name: new RegExp(BACK) })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: new RegExp(FRONT) })).not.toBeChecked();

    await user.click(within(dialog).getByRole('combobox', { name: '插入快捷回复' }));
    const macros = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(macros.map((option) => option.textContent)).toEqual(['请补充彩色扫描件']);
    await user.click(macros[0]!);
    const message = within(dialog).getByRole('textbox', { name: /给客户的说明/ });
    await waitFor(() => expect(message).toHaveValue('王小明您好，工单 AP-20261122-0004 中的证件材料为黑白件，请上传彩色照片。'));

    await user.click(within(dialog).getByRole('button', { name: '发送' }));
    await waitFor(() =>
      expect(received).toEqual([
        {
          id: '4',
          slots: ['applicant_id_back'],
          message: '王小明您好，工单 AP-20261122-0004 中的证件材料为黑白件，请上传彩色照片。',
          version: fixtures.reviewTicket.version,
        },
      ]),
    );
    expect(await screen.findByText('已通知客户补充材料')).toBeInTheDocument();
  });

  /** The preview let it through, but by the time it was sent something new stood in the way. */
  const blockedApproval = (received: unknown[]) =>
    http.post(`${API}/tickets/:id/decision`, async ({ request }) => {
      const body = await readBody(request, schemas.decision);
      if (body instanceof Response) return body;
      received.push(body);
      if (!body.override) {
        return HttpResponse.json(
          {
            code: 'APPROVAL_BLOCKED',
            message: 'Cannot approve: The account does not meet a precondition; A material was rejected',
            blockers: [
              { ...fixtures.blockers.arrears, label: { 'zh-CN': '账号存在欠费', en: 'The account is in arrears' } },
              { code: 'material_rejected', label: { 'zh-CN': '有材料已被驳回', en: 'A material was rejected' }, overridable: true },
            ],
          },
          { status: 409 },
        );
      }
      return HttpResponse.json({ ...fixtures.reviewTicket, status: 'approved', outcome: { decision: 'approve' } });
    });

  const approveWithMessage = async (user: ReturnType<typeof userEvent.setup>) => {
    await user.click(await screen.findByRole('button', { name: '通过' }));
    const dialog = await screen.findByRole('dialog', { name: '通过工单 AP-20261122-0004' });
    // The preview says what approving does before anything can be sent.
    expect(await within(dialog).findByRole('note', { name: '通过后将' })).toHaveTextContent('解绑账号 100012345678 的 MFA 设备');
    await user.type(within(dialog).getByRole('textbox', { name: /给客户的说明/ }), '已为您解绑 MFA。');
    await user.click(within(dialog).getByRole('button', { name: '确认通过' }));
    return dialog;
  };

  it("shows the server's reasons when approval is blocked after all, and no override to an agent", async () => {
    // react-admin logs data provider failures; this one is expected.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const received: unknown[] = [];
    server.use(meHandler('agent'), reviewHandler({ blockers: [], unreviewedFiles: [] }), blockedApproval(received));
    const user = userEvent.setup();
    renderReview();

    const dialog = await approveWithMessage(user);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('账号存在欠费');
    expect(alert).toHaveTextContent('账号欠费 12.00 元');
    expect(alert).toHaveTextContent('有材料已被驳回');
    expect(alert).not.toHaveTextContent('Cannot approve');
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '确认通过' })).toBeDisabled();
    expect(received).toEqual([{ decision: 'approve', message: '已为您解绑 MFA。', version: fixtures.reviewTicket.version }]);
  });

  it('lets a supervisor override a blocked approval with a reason, and says so in the request', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const received: unknown[] = [];
    server.use(meHandler('supervisor'), reviewHandler({ blockers: [], unreviewedFiles: [], mayOverride: true }), blockedApproval(received));
    const user = userEvent.setup();
    renderReview();

    const dialog = await approveWithMessage(user);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('账号存在欠费');
    const override = within(dialog).getByRole('checkbox', { name: /仍然通过/ });
    await user.click(override);
    const confirm = within(dialog).getByRole('button', { name: '确认通过' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: /越权理由/ }), '客户已来电确认结清欠费');
    await user.click(confirm);

    await waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]).toEqual({
      decision: 'approve',
      message: '已为您解绑 MFA。',
      override: true,
      overrideReason: '客户已来电确认结清欠费',
      version: fixtures.reviewTicket.version,
    });
    expect(await screen.findByText('已通过，将通知客户')).toBeInTheDocument();
  });

  it('sends an internal note with kind internal_note', async () => {
    const received: unknown[] = [];
    server.use(
      http.post(`${API}/messages`, async ({ request }) => {
        const body = await readBody(request, schemas.message);
        if (body instanceof Response) return body;
        received.push(body);
        return HttpResponse.json({ id: 901, agentId: 1, createdAt: '2026-11-22T10:00:00.000Z', ...body }, { status: 201 });
      }),
    );
    const user = userEvent.setup();
    renderReview();

    const composer = await screen.findByRole('region', { name: '回复或备注' });
    await user.click(within(composer).getByRole('button', { name: '内部备注' }));
    await user.type(within(composer).getByRole('textbox', { name: '备注内容' }), '客户来电确认是本人。');
    await user.click(within(composer).getByRole('button', { name: '保存备注' }));

    await waitFor(() =>
      expect(received).toEqual([
        { ticketId: REVIEW_ID, kind: 'internal_note', body: '客户来电确认是本人。', version: fixtures.reviewTicket.version },
      ]),
    );
    expect(await screen.findByText('备注已保存')).toBeInTheDocument();
  });

  it('offers the actions the status allows, and takes an unassigned ticket for the agent', async () => {
    const received: unknown[] = [];
    server.use(
      http.post(`${API}/tickets/:id/assign`, async ({ request, params }) => {
        const body = await readBody(request, schemas.assign);
        if (body instanceof Response) return body;
        received.push({ id: params.id, ...body });
        return HttpResponse.json({ ...fixtures.tickets[1], assigneeId: body.agentId });
      }),
    );
    const user = userEvent.setup();
    renderTicketPage(2);
    const actions = await screen.findByRole('toolbar', { name: '工单操作' });
    expect(await within(actions).findByRole('button', { name: '领取' })).toBeInTheDocument();
    const names = within(actions)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(names).toEqual(['领取', '转入分诊', '要求补充材料', '通过', '驳回']);

    await user.click(within(actions).getByRole('button', { name: '领取' }));
    await waitFor(() => expect(received).toEqual([{ id: '2', agentId: 1, version: fixtures.tickets[1]!.version }]));
  });

  it('offers no decision on a new ticket, only the way into triage or review', async () => {
    renderTicketPage(1);
    const actions = await screen.findByRole('toolbar', { name: '工单操作' });
    expect(await within(actions).findByRole('button', { name: '转入审核' })).toBeInTheDocument();
    expect(within(actions).getByRole('button', { name: '转入分诊' })).toBeInTheDocument();
    expect(within(actions).queryByRole('button', { name: '通过' })).not.toBeInTheDocument();
    expect(within(actions).queryByRole('button', { name: '要求补充材料' })).not.toBeInTheDocument();
  });

  it('tells the new events in words, with the account change and the notices sent', async () => {
    renderReview();
    const timeline = await screen.findByRole('list', { name: '处理记录' });

    expect(await within(timeline).findByText(`客户上传了「${BACK}」`)).toBeInTheDocument();
    // Two views in a row of one file by one agent read as one line.
    expect(await within(timeline).findByText(`张敏查看了「${FRONT}」（2 次）`)).toBeInTheDocument();
    expect(within(timeline).getByText(`张敏驳回了「${BACK}」`)).toBeInTheDocument();
    expect(await within(timeline).findByText('原因：须为彩色照片或彩色扫描件')).toBeInTheDocument();
    expect(within(timeline).getByText(`张敏要求补充材料：${BACK}`)).toBeInTheDocument();
    expect(within(timeline).getByText(`「${FRONT}」的文件也出现在申诉 AP-20261101-0099 中`)).toBeInTheDocument();
    expect(await within(timeline).findByText('李华通过了申诉')).toBeInTheDocument();
    expect(within(timeline).getByText('账号 100012345678 已变更')).toBeInTheDocument();
    expect(within(timeline).getByRole('list', { name: '变更的字段' })).toHaveTextContent('已绑定 MFA: 是 → 否');

    // Reasons the desk wrote itself read in the agent's language, never as codes or English words.
    expect(within(timeline).getByText('原因：已要求补充材料')).toBeInTheDocument();
    expect(within(timeline).getByText('原因：客户已补充材料')).toBeInTheDocument();
    expect(within(timeline).getByText('原因：主管越权通过：申报的身份信息与账号实名信息不一致')).toBeInTheDocument();
    expect(timeline).not.toHaveTextContent(/materials requested|customer_sent_materials|identity_mismatch/);

    const email = (await within(timeline).findByText('邮件通知 w***@example.com')).closest('li') as HTMLElement;
    expect(email).toHaveTextContent('已发送');
    const sms = within(timeline).getByText('短信通知 138****0000').closest('li') as HTMLElement;
    expect(sms).toHaveTextContent('发送失败');
    expect(sms).toHaveTextContent('最近错误：SMS gateway refused the number');
  });
});
