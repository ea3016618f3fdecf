// "This wasn't me": the page behind the link in the notice to the account's security phone and email.
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { isObjectionPath } from '../../../admin-ui/form/AppealApp';
import { server } from '../server';
import { appealHandlers, OBJECTION_TOKEN, objections, REFERENCE, serverMessages, USED_OBJECTION_TOKEN } from './handlers';
import { renderAppeal } from './renderAppeal';

/** Every request the page makes, whatever its route. */
let requests: string[] = [];
/** Calls to fetch, counted as they are made: nothing the page starts on load can slip past the assertion. */
let fetchCalls: MockInstance<typeof fetch>;

beforeEach(() => {
  fetchCalls = vi.spyOn(globalThis, 'fetch');
  server.use(...appealHandlers);
  objections.reset();
  localStorage.clear();
  requests = [];
  server.events.removeAllListeners();
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
  });
});

afterEach(() => {
  server.events.removeAllListeners();
});

const openLink = (token?: string) =>
  renderAppeal({ pathname: '/appeal/object', search: token === undefined ? '' : `?token=${encodeURIComponent(token)}` });
const stopButton = () => screen.getByRole('button', { name: '不是我本人操作，阻止变更' });
const recordedText = `已记录。申诉 ${REFERENCE} 将不会被通过。建议您修改密码，并检查账号的安全设置。`;
const invalidText = '此链接无效或已过期。如您认为有人试图盗用您的账号，请修改密码并检查账号的安全设置。';
const usedText = '此链接已使用过：您的异议已记录，变更已被阻止，无需再次操作。';

const expectNoEnglish = () => {
  for (const message of Object.values(serverMessages)) expect(document.body.textContent).not.toContain(message);
  expect((document.body.textContent ?? '').replaceAll('English', '')).not.toMatch(/[A-Za-z]{3,}/);
};

describe('the objection page', () => {
  it('is routed at /appeal/object', () => {
    expect(isObjectionPath('/appeal/object')).toBe(true);
    expect(isObjectionPath('/appeal/object/')).toBe(true);
    expect(isObjectionPath('/appeal/objection')).toBe(false);
  });

  it('does nothing on load, records the objection on the button, and shows the reference', async () => {
    const { user } = openLink(OBJECTION_TOKEN);
    expect(await screen.findByRole('heading', { name: '这是您本人的操作吗？' })).toBeInTheDocument();
    expect(
      screen.getByText(
        '有人向我们的账号安全服务台申请变更您的账号。如果不是您本人操作，请点击下方按钮：变更将被阻止，同时通知我们的主管。',
      ),
    ).toBeInTheDocument();
    // A mail scanner opening the link changes nothing: not even the catalog is fetched.
    expect(fetchCalls).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
    expect(objections.requests).toEqual([]);

    await user.click(stopButton());
    expect(await screen.findByText(recordedText)).toBeInTheDocument();
    expect(objections.requests).toEqual([{ token: OBJECTION_TOKEN }]);
    expect(requests).toEqual(['POST /api/public/objections']);
    expect(screen.getByRole('status')).toHaveTextContent(recordedText);
    expect(screen.queryByRole('button', { name: '不是我本人操作，阻止变更' })).not.toBeInTheDocument();
    expectNoEnglish();
  });

  it('says so when the link was already used', async () => {
    const { user } = openLink(USED_OBJECTION_TOKEN);
    await user.click(await screen.findByRole('button', { name: '不是我本人操作，阻止变更' }));
    expect(await screen.findByText(usedText)).toBeInTheDocument();
    expect(objections.requests).toEqual([{ token: USED_OBJECTION_TOKEN }]);
    expect(screen.queryByRole('button', { name: '不是我本人操作，阻止变更' })).not.toBeInTheDocument();
    expect(screen.queryByText(recordedText)).not.toBeInTheDocument();
    expectNoEnglish();
  });

  it('says so when the link is unknown or expired', async () => {
    const { user } = openLink('obj_NoSuchTokenAtAll');
    await user.click(await screen.findByRole('button', { name: '不是我本人操作，阻止变更' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(invalidText);
    expect(screen.queryByText(usedText)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '不是我本人操作，阻止变更' })).not.toBeInTheDocument();
    expectNoEnglish();
  });

  it('without a token shows the invalid-link text and no button', async () => {
    openLink();
    expect(await screen.findByText(invalidText)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '不是我本人操作，阻止变更' })).not.toBeInTheDocument();
    expect(fetchCalls).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
  });

  it('a second press after recording is refused as used', async () => {
    const first = openLink(OBJECTION_TOKEN);
    await first.user.click(await screen.findByRole('button', { name: '不是我本人操作，阻止变更' }));
    await screen.findByText(recordedText);
    first.unmount();
    const again = openLink(OBJECTION_TOKEN);
    await again.user.click(await screen.findByRole('button', { name: '不是我本人操作，阻止变更' }));
    expect(await screen.findByText(usedText)).toBeInTheDocument();
  });

  it('speaks English when the page does', async () => {
    localStorage.setItem('appeal.locale', 'en');
    const { user } = openLink(OBJECTION_TOKEN);
    expect(
      await screen.findByText(
        'Someone asked our account-security desk to change your account. If you did not, press the button: the change will be stopped and our supervisors alerted.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "This wasn't me: stop the change" }));
    expect(
      await screen.findByText(
        `Recorded. The appeal ${REFERENCE} will not be approved. We recommend you change your password and check your security settings.`,
      ),
    ).toBeInTheDocument();
  });
});
