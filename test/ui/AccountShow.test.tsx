import { screen, within } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { AccountList } from '../../admin-ui/console/accounts/AccountList';
import { AccountShow } from '../../admin-ui/console/accounts/AccountShow';
import { renderInAdmin } from './renderAdmin';

describe('Accounts', () => {
  it('lists accounts with masked identifiers, subject type and balance in yuan', async () => {
    renderInAdmin(
      <ResourceContextProvider value="accounts">
        <AccountList />
      </ResourceContextProvider>,
      { route: '/accounts' },
    );
    const row = (await screen.findByText('100012345678')).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('138****0000');
    expect(await within(row).findByText('个人实名认证')).toBeInTheDocument();
    expect(row).toHaveTextContent('¥1,234.56');
    expect(within(row).getByText('正常')).toBeInTheDocument();
  });

  it('shows login methods as chips with the registration method marked', async () => {
    renderInAdmin(
      <ResourceContextProvider value="accounts">
        <AccountShow id={1} />
      </ResourceContextProvider>,
      { route: '/accounts/1/show' },
    );
    expect(await screen.findByText('110101********123X')).toBeInTheDocument();
    expect(screen.getByText('微信: wx_****89 (注册方式)')).toBeInTheDocument();
    expect(screen.getByText('邮箱: w***@example.com')).toBeInTheDocument();
    expect(screen.getByText('¥1,234.56')).toBeInTheDocument();
  });

  it('rule: abandonable resources are listed apart — the account page shows what the owner may give up beside what blocks', async () => {
    renderInAdmin(
      <ResourceContextProvider value="accounts">
        <AccountShow id={1} />
      </ResourceContextProvider>,
      { route: '/accounts/1/show' },
    );
    expect(await screen.findByText('CDN 流量包 100 GB')).toBeInTheDocument();
    expect(screen.getByText('可放弃的资源')).toBeInTheDocument();
    expect(screen.getByText('垫付款')).toBeInTheDocument();
    expect(screen.getByText('消息接收人')).toBeInTheDocument();
    expect(screen.getByText('上次实名认证')).toBeInTheDocument();
  });
});
