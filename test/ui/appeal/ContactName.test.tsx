import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryDraftStore } from '../../../admin-ui/form/parts/savedDraft';
import { fieldErrorMessages } from '../../../server/src/catalog/fieldErrors';
import { server } from '../server';
import { chooseKindAndSubject, fillPersonalMfa, personalMfaValues, renderAppeal, setUpFormTests, next } from './renderAppeal';

setUpFormTests();

// The contact name is judged in the form by the server's own rule, so a name the server would refuse never leaves.
const sent: string[] = [];
beforeEach(() => {
  sent.length = 0;
  server.events.on('request:start', ({ request }) => void sent.push(`${request.method} ${new URL(request.url).pathname}`));
});
afterEach(() => server.events.removeAllListeners());

describe('the contact name', () => {
  it('refuses a web address at once, and goes on only without it', async () => {
    const { user } = renderAppeal();
    await chooseKindAndSubject(user, 'MFA 设备丢失', '个人实名认证');
    await fillPersonalMfa(user);
    const name = screen.getByLabelText('联系人姓名');
    await user.clear(name);
    await user.type(name, '客服中心 evil-help.com');
    sent.length = 0;
    await user.click(next());

    expect(await screen.findByText(fieldErrorMessages['name.url']['zh-CN'])).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('上传证明材料')).not.toBeInTheDocument();
    expect(sent).toEqual([]);

    await user.clear(name);
    await user.type(name, '张伟');
    await user.click(next());
    expect(await screen.findByText('上传证明材料')).toBeInTheDocument();
  });

  it('refuses a line break in a name brought back from a saved draft', async () => {
    // A text box drops line breaks as they are typed; a draft keeps what the page held when it was saved.
    const drafts = memoryDraftStore();
    await drafts.saveForm({
      version: 1,
      savedAt: Date.now(),
      step: 2,
      reached: 2,
      draft: {
        kind: 'mfa_unbind',
        subjectType: 'personal',
        fields: personalMfaValues,
        contact: { name: '张伟\r\nBcc: victim@example.cn', email: 'zhang.wei@example.cn', phone: '' },
        typed: { name: true },
      },
    });
    const { user } = renderAppeal({ drafts });
    await user.click(await screen.findByRole('button', { name: '继续填写' }));
    await screen.findByLabelText('联系人姓名');
    sent.length = 0;
    await user.click(next());

    expect(await screen.findByText(fieldErrorMessages['name.control']['zh-CN'])).toBeInTheDocument();
    expect(screen.getByLabelText('联系人姓名')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('上传证明材料')).not.toBeInTheDocument();
    expect(sent).toEqual([]);
  });
});
