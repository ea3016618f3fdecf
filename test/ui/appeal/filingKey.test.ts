import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppealApi, filingKeys, type AppealPayload } from '../../../admin-ui/form/api';
import { server } from '../server';
import { APPEAL_API, REFERENCE, TOKEN, checklistFor } from './handlers';
import { jpegFile } from './renderAppeal';

// Filed exactly once: every attempt of one submission carries the same Idempotency-Key, kept in sessionStorage
// until an answer arrives, so a retry after a lost answer is the same filing to the server.

const payload: AppealPayload = {
  kind: 'mfa_unbind',
  subjectType: 'personal',
  fields: { accountId: '100012345' },
  contact: { name: '张伟', email: 'zhang.wei@example.cn', locale: 'zh-CN' },
};
const answer = {
  reference: REFERENCE,
  accessToken: TOKEN,
  status: 'new',
  checklist: checklistFor('mfa_unbind', 'personal', undefined, {}),
};

let keys: (string | null)[] = [];
let lose = 0;

beforeEach(() => {
  keys = [];
  lose = 0;
  sessionStorage.clear();
  server.use(
    http.post(`${APPEAL_API}/appeals`, ({ request }) => {
      keys.push(request.headers.get('idempotency-key'));
      if (lose > 0) {
        lose -= 1;
        return HttpResponse.error();
      }
      return HttpResponse.json(answer, { status: 201 });
    }),
  );
});

describe('submit: one Idempotency-Key per submission', () => {
  it('sends the same key again after a lost answer, and a new one for the next appeal once an answer came', async () => {
    const api = createAppealApi(APPEAL_API);
    const files = { applicant_id_front: jpegFile('front.jpg') };
    lose = 1;
    await expect(api.submit(payload, files)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(sessionStorage.getItem(filingKeys.storageKey)).toContain(keys[0]!);
    await expect(api.submit(payload, files)).resolves.toMatchObject({ reference: REFERENCE });
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{16,100}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(sessionStorage.getItem(filingKeys.storageKey)).toBeNull();

    await api.submit(payload, files);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('makes a new key when the form changed, and uses the key the caller gives', async () => {
    const api = createAppealApi(APPEAL_API);
    lose = 1;
    await expect(api.submit(payload, {})).rejects.toBeTruthy();
    await api.submit({ ...payload, fields: { accountId: '100099999' } }, {});
    expect(keys[1]).not.toBe(keys[0]);
    await api.submit(payload, {}, undefined, 'caller-chosen-key-0123456789');
    expect(keys[2]).toBe('caller-chosen-key-0123456789');
  });
});
