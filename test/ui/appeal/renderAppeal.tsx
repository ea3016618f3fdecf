import { render, screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, vi } from 'vitest';
import { AppealApp } from '../../../admin-ui/form/AppealApp';
import { createAppealApi } from '../../../admin-ui/form/api';
import { DraftStoreContext, memoryDraftStore, type DraftStore } from '../../../admin-ui/form/parts/savedDraft';
import { adultId } from '../../server/support/payloads';
import { server } from '../server';
import { APPEAL_API, appealHandlers } from './handlers';

/** The form's Next button, in Chinese. */
export const next = () => screen.getByRole('button', { name: '下一步' });

interface RenderOptions {
  pathname?: string;
  search?: string;
  /** Where drafts are kept; a fresh in-memory store unless a test shares one between renders. */
  drafts?: DraftStore;
  /** navigator.languages of the browser; Chinese unless a test says otherwise. */
  languages?: readonly string[];
}

export function renderAppeal({
  pathname = '/appeal',
  search = '',
  drafts = memoryDraftStore(),
  languages = ['zh-CN', 'zh'],
}: RenderOptions = {}) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  const user = userEvent.setup();
  const view = render(
    <DraftStoreContext.Provider value={drafts}>
      <AppealApp api={createAppealApi(APPEAL_API)} pathname={pathname} search={search} />
    </DraftStoreContext.Provider>,
  );
  return { user, drafts, ...view };
}

const jpegBytes = () =>
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0xff, 0xd9]);

export const jpegFile = (name: string) => new File([jpegBytes()], name, { type: 'image/jpeg' });

/** A Windows program ('MZ' ... 'PE') saved under a photo's name and type. */
export function exeAsJpeg(name = 'photo.jpg'): File {
  const bytes = new Uint8Array(256);
  bytes.set([0x4d, 0x5a], 0);
  bytes.set([0x80, 0, 0, 0], 0x3c);
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  return new File([bytes], name, { type: 'image/jpeg' });
}

export const personalMfaValues = {
  loginAccount: '12345678',
  accountId: '100012345',
  realName: '张伟',
  idNumber: adultId,
  currentPhone: '13912345678',
};

/** Steps 1 and 2: a kind by its zh-CN label, then a subject type (and variant) by theirs. */
export async function chooseKindAndSubject(user: UserEvent, kindLabel: string, subjectLabel: string, variantLabel?: string) {
  await user.click(await screen.findByRole('radio', { name: new RegExp(kindLabel) }));
  await user.click(screen.getByRole('button', { name: '下一步' }));
  const subject = await screen.findByRole('radio', { name: subjectLabel });
  if (!(subject as HTMLInputElement).checked) await user.click(subject);
  if (variantLabel) await user.click(screen.getByRole('radio', { name: variantLabel }));
  await user.click(screen.getByRole('button', { name: '下一步' }));
}

/** Step 3 for a personal MFA appeal, with valid values; the contact name and phone follow the real name and phone. */
export async function fillPersonalMfa(user: UserEvent) {
  await user.type(await screen.findByLabelText('登录账号'), personalMfaValues.loginAccount);
  await user.type(screen.getByLabelText('账号 ID'), personalMfaValues.accountId);
  await user.type(screen.getByLabelText('实名认证姓名'), personalMfaValues.realName);
  await user.type(screen.getByLabelText('身份证号'), personalMfaValues.idNumber);
  await user.type(screen.getByLabelText('正在使用的手机号'), personalMfaValues.currentPhone);
  await user.type(screen.getByLabelText('邮箱'), 'zhang.wei@example.cn');
}

/**
 * Each form test starts from the mock API, empty browser storage and stubbed object URLs (jsdom has none; the
 * thumbnails only need some URL); `reset` clears what a file's own tests record.
 */
export function setUpFormTests(reset: () => void = () => undefined) {
  const createObjectURL = URL.createObjectURL;
  const revokeObjectURL = URL.revokeObjectURL;
  beforeEach(() => {
    server.use(...appealHandlers);
    reset();
    localStorage.clear();
    sessionStorage.clear();
    URL.createObjectURL = () => 'blob:http://localhost/preview';
    URL.revokeObjectURL = () => undefined;
  });
  afterEach(() => {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
  });
}
