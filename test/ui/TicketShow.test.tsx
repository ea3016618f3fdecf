import { screen, within } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { TicketShow } from '../../admin-ui/console/tickets/TicketShow';
import { catalogLabel } from './fixtures';
import { renderInAdmin } from './renderAdmin';

const slot = (key: string) => catalogLabel.slot('mfa_unbind', 'personal', key);

const renderTicket = (id: number) =>
  renderInAdmin(
    <ResourceContextProvider value="tickets">
      <TicketShow id={id} />
    </ResourceContextProvider>,
    { route: `/tickets/${id}/show` },
  );

describe('TicketShow', () => {
  it('shows the header with reference, status, kind and the overdue SLA', async () => {
    renderTicket(1);
    expect(await screen.findByRole('heading', { name: 'AP-20261122-0001' })).toBeInTheDocument();
    expect(screen.getByText('新建')).toBeInTheDocument();
    expect(screen.getByText('高')).toBeInTheDocument();
    expect(screen.getByText('已超时')).toBeInTheDocument();
    expect(await screen.findByText(catalogLabel.kind('mfa_unbind'))).toBeInTheDocument();
    expect(screen.getByText('个人实名认证')).toBeInTheDocument();
  });

  it('lists the declared fields under their catalog labels, masked values as given', async () => {
    renderTicket(1);
    const declared = (await screen.findByRole('heading', { name: '申报信息' })).closest('.MuiCard-root') as HTMLElement;
    const row = (label: string) => within(declared).getByRole('rowheader', { name: label }).closest('tr') as HTMLElement;

    const label = (field: string) => catalogLabel.field('mfa_unbind', field);

    expect(await within(declared).findByRole('rowheader', { name: label('realName') })).toBeInTheDocument();
    expect(row(label('realName'))).toHaveTextContent('王小明');
    expect(row(label('idNumber'))).toHaveTextContent('110101********123X');
    expect(row(label('loginAccount'))).toHaveTextContent('w***@example.com');
    expect(row(label('currentPhone'))).toHaveTextContent('138****0000');
  });

  it('shows every material slot with its label, requirement, check state and verdict', async () => {
    renderTicket(1);
    const checklist = await screen.findByRole('table', { name: '材料清单' });
    const front = (await within(checklist).findByText(slot('applicant_id_front'))).closest('tr') as HTMLElement;
    const back = within(checklist).getByText(slot('applicant_id_back')).closest('tr') as HTMLElement;

    expect(front).toHaveTextContent('必填');
    expect(within(front).getByText('通过')).toBeInTheDocument();
    expect(front).toHaveTextContent('已采纳');
    expect(within(back).getByText('未通过')).toBeInTheDocument();
    expect(back).toHaveTextContent('未审核 · 彩色扫描件或彩色照片（黑白图片不通过）');
  });

  it('tells the timeline in words, messages included once', async () => {
    renderTicket(1);
    const timeline = await screen.findByRole('list', { name: '处理记录' });

    expect(await within(timeline).findByText('客户提交了申诉')).toBeInTheDocument();
    expect(await within(timeline).findByText('李华将工单分配给张敏')).toBeInTheDocument();
    expect(within(timeline).getByText('张敏将工单从「新建」改为「分诊」')).toBeInTheDocument();
    expect(within(timeline).getByText('原因：材料待核对')).toBeInTheDocument();
    expect(within(timeline).getByText('张敏回复了客户')).toBeInTheDocument();
    expect(within(timeline).getByText('请上传彩色的身份证反面照片。')).toBeInTheDocument();
    expect(within(timeline).queryByText('张敏添加了留言')).not.toBeInTheDocument();
  });
});
