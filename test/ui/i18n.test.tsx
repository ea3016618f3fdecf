import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { englishHelpdeskMessages } from '../../admin-ui/console/i18n/en';
import { raZhCN } from '../../admin-ui/console/i18n/raZhCN';
import { chineseHelpdeskMessages } from '../../admin-ui/console/i18n/zhCN';
import { catalogLabel } from './fixtures';
import { renderApp } from './renderAdmin';

const keysOf = (messages: object, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe('i18n', () => {
  it("translates every one of react-admin's English keys into zh-CN", () => {
    expect(keysOf(raZhCN).sort()).toEqual(keysOf(englishMessages).sort());
  });

  it('has the same console keys in both languages', () => {
    expect(keysOf(chineseHelpdeskMessages).sort()).toEqual(keysOf(englishHelpdeskMessages).sort());
  });

  it('opens in zh-CN and switches the labels to English from the app bar', async () => {
    const user = userEvent.setup();
    renderApp({ route: '/tickets' });

    expect(await screen.findByRole('columnheader', { name: /工单号/ })).toBeInTheDocument();
    expect((await screen.findAllByText(catalogLabel.kind('mfa_unbind'))).length).toBeGreaterThan(0);
    expect(document.title).toBe('账号安全申诉工作台');

    await user.click(screen.getByRole('button', { name: '中文' }));
    await user.click(await screen.findByRole('menuitem', { name: 'English' }));

    expect(await screen.findByRole('columnheader', { name: /Reference/ })).toBeInTheDocument();
    expect((await screen.findAllByText(catalogLabel.kind('mfa_unbind', 'en'))).length).toBeGreaterThan(0);
    expect(screen.getByRole('menuitem', { name: /Tickets/ })).toBeInTheDocument();
    expect(screen.queryByText(catalogLabel.kind('mfa_unbind'))).not.toBeInTheDocument();
    expect(document.title).toBe('Account security helpdesk');
    // The whole console, rendered twice: over the 20 s default on a loaded machine.
  }, 45_000);
});
