import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../server';
import { APPEAL_API, greyscaleFinding, REFERENCE, TOKEN } from './handlers';
import { chooseKindAndSubject, fillPersonalMfa, jpegFile, renderAppeal, setUpFormTests, next } from './renderAppeal';

// Issue 15, item 3: each chosen file gets the submission's checks at once, and its card says what to fix.
setUpFormTests();

async function toMaterials() {
  const rendered = renderAppeal();
  await chooseKindAndSubject(rendered.user, 'MFA 设备丢失', '个人实名认证');
  await fillPersonalMfa(rendered.user);
  await rendered.user.click(next());
  await screen.findByText('上传证明材料');
  return rendered;
}

describe('checks at the upload step', () => {
  it("shows a greyscale finding on the file's card, announced, in the page's language, and keeps the file replaceable", async () => {
    server.use(
      http.post(
        `${APPEAL_API}/inspections`,
        () =>
          HttpResponse.json({
            slot: 'applicant_id_front',
            state: 'fail',
            findings: [greyscaleFinding],
            fingerprint: { sha256: 'b'.repeat(64), phash: null },
          }),
        { once: true },
      ),
    );
    const { user } = await toMaterials();
    await user.upload(screen.getByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('grey-front.jpg'));
    const card = screen.getByRole('region', { name: '申请人手持身份证正面照' });
    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent('此文件未通过检查，请按提示更换');
    expect(alert).toHaveTextContent('这是黑白（灰度）图片，须为彩色扫描件或彩色照片');
    expect(within(card).getByText('更换文件')).toBeInTheDocument();

    await user.upload(screen.getByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('colour-front.jpg'));
    expect(await within(card).findByText('检查通过。')).toBeInTheDocument();
    expect(within(card).queryByRole('alert')).not.toBeInTheDocument();
  });

  it("sends the appeal's kind and the fingerprints of the files chosen so far, for duplicates", async () => {
    const contexts: unknown[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/inspections'))
        void request
          .clone()
          .formData()
          .then((form) => contexts.push(JSON.parse(String(form.get('context')))));
    });
    const { user } = await toMaterials();
    await user.upload(screen.getByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('front.jpg'));
    await within(screen.getByRole('region', { name: '申请人手持身份证正面照' })).findByText('检查通过。');
    await user.upload(screen.getByLabelText('申请人手持身份证反面照', { selector: 'input' }), jpegFile('back.jpg'));
    await within(screen.getByRole('region', { name: '申请人手持身份证反面照' })).findByText('检查通过。');
    await waitFor(() => expect(contexts).toHaveLength(2));
    expect(contexts[0]).toEqual({ kind: 'mfa_unbind', subjectType: 'personal', others: [] });
    expect(contexts[1]).toEqual({
      kind: 'mfa_unbind',
      subjectType: 'personal',
      others: [{ slot: 'applicant_id_front', sha256: 'a'.repeat(64), phash: null }],
    });
    server.events.removeAllListeners();
  });

  it("drops a file the server refuses by content, saying why in the page's language", async () => {
    server.use(
      http.post(`${APPEAL_API}/inspections`, () =>
        HttpResponse.json(
          {
            code: 'CORRUPT_FILE',
            message: 'Front: damaged',
            errors: {
              applicant_id_front:
                'The file is damaged or incomplete and cannot be opened as a JPEG image; please upload it again / 文件已损坏或不完整，无法作为 JPEG 图片打开，请重新上传',
            },
          },
          { status: 422 },
        ),
      ),
    );
    const { user } = await toMaterials();
    await user.upload(screen.getByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('broken.jpg'));
    expect(await screen.findByText('文件已损坏或不完整，无法作为 JPEG 图片打开，请重新上传')).toBeInTheDocument();
    expect(screen.queryByText(/broken\.jpg/)).not.toBeInTheDocument();
  });

  it('lets the customer go on when the checks cannot be reached, saying the submission checks the file', async () => {
    server.use(http.post(`${APPEAL_API}/inspections`, () => HttpResponse.error()));
    const { user } = await toMaterials();
    await user.upload(screen.getByLabelText('申请人手持身份证正面照', { selector: 'input' }), jpegFile('front.jpg'));
    expect(await screen.findByText('暂时无法检查此文件，提交时会再检查。')).toBeInTheDocument();
    expect(screen.getByText(/front\.jpg/)).toBeInTheDocument();
  });

  it("checks a file chosen on the status page too, for the appeal's own kind, before it is sent", async () => {
    const contexts: unknown[] = [];
    server.use(
      http.post(`${APPEAL_API}/inspections`, async ({ request }) => {
        contexts.push(JSON.parse(String((await request.formData()).get('context'))));
        return HttpResponse.json({
          slot: 'applicant_id_back',
          state: 'fail',
          findings: [greyscaleFinding],
          fingerprint: { sha256: 'c'.repeat(64), phash: null },
        });
      }),
    );
    sessionStorage.setItem(`appeal.token.${REFERENCE}`, TOKEN);
    const { user } = renderAppeal({ pathname: '/appeal/status', search: `?ref=${REFERENCE}` });
    const back = await screen.findByRole('region', { name: '申请人手持身份证反面照' });
    await user.upload(within(back).getByLabelText('申请人手持身份证反面照', { selector: 'input' }), jpegFile('grey-back.jpg'));
    expect(await within(back).findByRole('alert')).toHaveTextContent('这是黑白（灰度）图片');
    expect(contexts).toEqual([{ kind: 'mfa_unbind', subjectType: 'personal', others: [] }]);
  });
});
