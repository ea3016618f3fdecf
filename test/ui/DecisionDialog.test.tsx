import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DecisionPreview, DecisionRequest } from '../../admin-ui/console/types';
import * as fixtures from './fixtures';
import { decisionHandler, meHandler, reviewHandler } from './handlers';
import { renderTicketPage } from './renderAdmin';
import { server } from './server';

const REVIEW_ID = fixtures.reviewTicket.id;
const slot = (key: string, locale?: 'zh-CN' | 'en') => fixtures.catalogLabel.slot('mfa_unbind', 'personal', key, locale);
const MESSAGE = '已为您解绑 MFA。';
/** The version of the ticket the page shows, sent back with the decision. */
const VERSION = fixtures.reviewTicket.version;

const renderReview = () => renderTicketPage(REVIEW_ID);

/** The review says `preview`, and the decision route judges by the same preview; what it receives is kept. */
const desk = (role: 'agent' | 'supervisor', preview: Partial<DecisionPreview> = {}) => {
  const received: DecisionRequest[] = [];
  server.use(meHandler(role), reviewHandler(preview), decisionHandler(preview, received));
  return received;
};

const openApproval = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(await screen.findByRole('button', { name: '通过' }));
  const dialog = await screen.findByRole('dialog', { name: '通过工单 AP-20261122-0004' });
  await within(dialog).findByRole('note', { name: '通过后将' });
  return dialog;
};

const typeMessage = (user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement) =>
  user.type(within(dialog).getByRole('textbox', { name: /给客户的说明/ }), MESSAGE);

describe('the approval dialog', () => {
  it('states what approving will do, lists every blocker and unreviewed file, and sends nothing while one stands', async () => {
    const received = desk('agent');
    const user = userEvent.setup();
    renderReview();

    const dialog = await openApproval(user);
    expect(within(dialog).getByRole('note', { name: '通过后将' })).toHaveTextContent('解绑账号 100012345678 的 MFA 设备');
    // No second person is needed for this one.
    expect(within(dialog).queryByRole('note', { name: '此次通过须由第二人复核确认' })).not.toBeInTheDocument();

    const alert = within(dialog).getByRole('alert');
    const items = within(within(alert).getByRole('list', { name: '以下问题阻止通过：' })).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-code'))).toEqual([
      'identity_mismatch',
      'precondition_failed',
      'evidence_unreviewed',
    ]);
    expect(items[0]).toHaveTextContent(`申报的身份信息与账号实名信息不一致${fixtures.catalogLabel.field('mfa_unbind', 'idNumber')}`);
    expect(items[0]).toHaveTextContent('主管可越权');
    expect(items[1]).toHaveTextContent('账号不满足办理条件账号欠费 12.00 元');
    expect(items[2]).toHaveTextContent('仍有材料未经审核员逐一确认');
    expect(items[2]).toHaveTextContent('不可越权');

    const files = within(within(dialog).getByRole('list', { name: '尚未审核的文件' })).getAllByRole('listitem');
    expect(files.map((file) => file.textContent)).toEqual([
      `${slot('applicant_id_front')}front.jpg`,
      `${slot('applicant_id_back')}back.jpg`,
    ]);

    await typeMessage(user, dialog);
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '确认通过' })).toBeDisabled();
    expect(received).toEqual([]);
  });

  it("states the effect, blockers and files in the agent's language", async () => {
    desk('agent');
    const user = userEvent.setup();
    renderTicketPage(REVIEW_ID, { locale: 'en' });

    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve AP-20261122-0004' });
    expect(await within(dialog).findByRole('note', { name: 'Approving will' })).toHaveTextContent(
      'unbind the MFA device from account 100012345678',
    );
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent(
      `Declared identity values do not match the account's${fixtures.catalogLabel.field('mfa_unbind', 'idNumber', 'en')}`,
    );
    expect(alert).toHaveTextContent('A supervisor may override');
    expect(alert).toHaveTextContent('Cannot be overridden');
    expect(within(dialog).getByRole('list', { name: 'Files not reviewed yet' })).toHaveTextContent(
      `${slot('applicant_id_front', 'en')}front.jpg`,
    );
  });

  it("rule: the approve dialog says what the customer will be told, in the variant's words, and the notes beside the blockers", async () => {
    desk('agent', {
      effect: {
        code: 'report_enterprise_accounts',
        label: {
          'zh-CN': '告知企业名下的账号及其登录方式（不变更账号）',
          en: 'Tell the company its accounts and their login methods (no change)',
        },
        statement: {
          'zh-CN': '告知客户统一社会信用代码 9144********0X 名下的账号及登录方式（脱敏，不变更账号）',
          en: 'tell the customer the accounts of credit code 9144********0X and their login methods (masked, no change)',
        },
        outcome: {
          'zh-CN': '找回的账号及登录方式已发送给您',
          en: 'the accounts registered under the company and their login methods are sent to you',
        },
      },
      notes: [
        {
          code: 'mfa_reset_without_mfa',
          label: {
            'zh-CN': '申请勾选了“修改 MFA”，但账号未开启 MFA：通过后只绑定新的登录邮箱，不涉及 MFA',
            en: 'The appeal ticks "modify MFA" but the account has no MFA',
          },
        },
      ],
      blockers: [],
      unreviewedFiles: [],
    });
    const user = userEvent.setup();
    renderReview();

    const dialog = await openApproval(user);
    const effect = within(dialog).getByRole('note', { name: '通过后将' });
    expect(effect).toHaveTextContent('告知客户统一社会信用代码 9144********0X 名下的账号及登录方式');
    expect(effect).toHaveTextContent('客户将被告知：找回的账号及登录方式已发送给您');
    expect(within(dialog).getByRole('note', { name: '请留意' })).toHaveTextContent('账号未开启 MFA');
  });

  it('does not let a supervisor override a blocker that may not be overridden', async () => {
    const received = desk('supervisor', { mayOverride: true });
    const user = userEvent.setup();
    renderReview();

    const dialog = await openApproval(user);
    await typeMessage(user, dialog);
    const override = within(dialog).getByRole('checkbox', { name: /仍然通过/ });
    expect(override).toBeDisabled();
    expect(within(dialog).getByText('其中有不可越权的问题：请先解决，或驳回申诉。')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '确认通过' })).toBeDisabled();
    expect(received).toEqual([]);
  });

  it('lets a supervisor override blockers that may be, with a reason of ten characters or more sent as overrideReason', async () => {
    const received = desk('supervisor', {
      mayOverride: true,
      blockers: [fixtures.blockers.identityMismatch, fixtures.blockers.arrears],
      unreviewedFiles: [],
    });
    const user = userEvent.setup();
    renderReview();

    const dialog = await openApproval(user);
    await typeMessage(user, dialog);
    const confirm = within(dialog).getByRole('button', { name: '确认通过' });
    expect(confirm).toBeDisabled();

    await user.click(within(dialog).getByRole('checkbox', { name: /仍然通过/ }));
    const reason = within(dialog).getByRole('textbox', { name: /越权理由/ });
    await user.type(reason, '已电话核实');
    expect(confirm).toBeDisabled();
    await user.type(reason, '，证件为新换发');
    expect(confirm).toBeEnabled();
    await user.click(confirm);

    await waitFor(() =>
      expect(received).toEqual([
        { decision: 'approve', message: MESSAGE, override: true, overrideReason: '已电话核实，证件为新换发', version: VERSION },
      ]),
    );
    expect(await screen.findByText('已通过，将通知客户')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('updates the blockers from a refused approval (409 APPROVAL_BLOCKED), overridable or not', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The preview saw nothing in the way; by the time it is sent the owner has objected.
    const received: DecisionRequest[] = [];
    server.use(
      meHandler('supervisor'),
      reviewHandler({ mayOverride: true, blockers: [], unreviewedFiles: [] }),
      decisionHandler({ mayOverride: true, blockers: [fixtures.blockers.ownerObjected] }, received),
    );
    const user = userEvent.setup();
    renderReview();

    const dialog = await openApproval(user);
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    await typeMessage(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: '确认通过' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('账号所有人已通过通知中的链接表示“不是我本人操作”');
    expect(alert).toHaveTextContent('不可越权');
    expect(within(dialog).getByRole('checkbox', { name: /仍然通过/ })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: '确认通过' })).toBeDisabled();
    expect(received).toEqual([{ decision: 'approve', message: MESSAGE, version: VERSION }]);
  });

  it('proposes an approval that needs a second person, and says it waits for their confirmation (202)', async () => {
    const received = desk('agent', {
      blockers: [],
      unreviewedFiles: [],
      fourEyes: true,
      fourEyesReason: { 'zh-CN': '解绑 MFA 须由第二位主管确认', en: 'Unbinding MFA needs a second supervisor' },
    });
    const user = userEvent.setup();
    renderReview();

    const dialog = await openApproval(user);
    expect(within(dialog).getByRole('note', { name: '此次通过须由第二人复核确认' })).toHaveTextContent('解绑 MFA 须由第二位主管确认');
    await typeMessage(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: '提交复核' }));

    expect(await screen.findByText('已提交：等待第二人复核确认')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(received).toEqual([{ decision: 'approve', message: MESSAGE, version: VERSION }]);
  });

  it("says so when the ticket turns out to be someone else's (403 NOT_ASSIGNEE)", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const received: DecisionRequest[] = [];
    server.use(
      meHandler('agent'),
      reviewHandler({ blockers: [], unreviewedFiles: [] }),
      decisionHandler({ blockers: [], mayDecide: false }, received),
    );
    const user = userEvent.setup();
    renderReview();

    const dialog = await openApproval(user);
    await typeMessage(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: '确认通过' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('此工单已分配给其他客服：只有处理人或主管可以处理。');
    expect(received).toHaveLength(1);
  });

  it('rejects as before, with a reason from the list, whatever would block an approval', async () => {
    const received = desk('agent');
    const user = userEvent.setup();
    renderReview();

    await user.click(await screen.findByRole('button', { name: '驳回' }));
    const dialog = await screen.findByRole('dialog', { name: '驳回工单 AP-20261122-0004' });
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('note')).not.toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: '确认驳回' });

    await user.click(within(dialog).getByRole('combobox', { name: /驳回原因/ }));
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['申请人与账号实名主体不一致', '材料不全且未按时补充']);
    await user.click(options[0]!);
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: /给客户的说明/ }), '申请人与账号实名主体不一致。');
    await user.click(confirm);

    await waitFor(() =>
      expect(received).toEqual([
        { decision: 'reject', reasonCode: 'subject_mismatch', message: '申请人与账号实名主体不一致。', version: VERSION },
      ]),
    );
    expect(await screen.findByText('已驳回，将通知客户')).toBeInTheDocument();
  });
});

describe('who may decide, and what the owner said', () => {
  it('turns off approve, reject and ask-for-more on a ticket assigned to someone else, and says why', async () => {
    desk('agent', { mayDecide: false, mayAct: false });
    renderReview();

    const actions = await screen.findByRole('toolbar', { name: '工单操作' });
    const approve = await within(actions).findByRole('button', { name: '通过' });
    await waitFor(() => expect(approve).toBeDisabled());
    expect(within(actions).getByRole('button', { name: '驳回' })).toBeDisabled();
    expect(within(actions).getByRole('button', { name: '要求补充材料' })).toBeDisabled();
    expect(approve).toHaveAccessibleDescription('此工单已分配给其他客服：只有处理人或主管可以处理。');
  });

  it('on an unassigned ticket, lets any agent ask for more but asks them to take it before deciding', async () => {
    desk('agent', { mayDecide: false, mayAct: true });
    renderReview();

    const actions = await screen.findByRole('toolbar', { name: '工单操作' });
    const approve = await within(actions).findByRole('button', { name: '通过' });
    await waitFor(() => expect(approve).toBeDisabled());
    expect(within(actions).getByRole('button', { name: '要求补充材料' })).toBeEnabled();
    expect(approve).toHaveAccessibleDescription('先领取此工单，才能通过或驳回。');
  });

  it('shows that the owner verified a code on the security phone or email, and that the owner objected', async () => {
    desk('agent', { ownerVerifiedAt: '2026-11-22T08:55:00.000Z', ownerObjectedAt: '2026-11-22T11:00:00.000Z' });
    renderReview();

    const verified = await screen.findByText(/^账号所有人已于 .+ 通过发送至账号安全手机\/邮箱的验证码完成验证$/);
    expect(verified.closest('[role="status"]')).not.toBeNull();
    const objected = screen.getByText(/^账号所有人已于 .+ 表示“不是我本人操作”$/);
    expect(objected.closest('[role="alert"]')).toHaveClass('MuiAlert-colorError');
  });

  it('shows no owner signal when there is none', async () => {
    desk('agent');
    renderReview();
    await screen.findByRole('table', { name: '申报信息与账号记录核对' });
    expect(screen.queryByText(/账号所有人已于/)).not.toBeInTheDocument();
  });
});
