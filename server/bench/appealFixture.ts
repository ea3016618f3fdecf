// The bench's appeal: an enterprise security-phone change with a 12-megapixel photo in each of its six slots.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { fieldsFor, slotsFor } from '../src/catalog';
import { declareFields } from '../src/seed/declared';
import { creditCode, residentId } from '../src/seed/identities';
import { seededRandom } from '../src/seed/random';

const kind = 'security_phone_change';
const subjectType = 'enterprise';
const slots = slotsFor(kind, subjectType);

/** A 12-megapixel colour photo of about 4 MB: a gradient with grain, as a phone camera writes it. */
async function photo(file: string, seed: number): Promise<string> {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  const r = seededRandom(seed);
  for (let i = 0; i < raw.length; i += 3) {
    const px = i / 3;
    const x = px % width;
    const y = Math.floor(px / width);
    const grain = r.int(-40, 40);
    raw[i] = Math.max(0, Math.min(255, (x * 255) / width + grain));
    raw[i + 1] = Math.max(0, Math.min(255, (y * 255) / height + grain));
    raw[i + 2] = Math.max(0, Math.min(255, 128 + grain));
  }
  await sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toFile(file);
  return file;
}

function payload(): string {
  const idNumber = residentId('440305', new Date(Date.UTC(1985, 2, 12)), 36);
  const fields = declareFields(
    kind,
    fieldsFor(kind, subjectType),
    {
      idNumber,
      phone: '13912345678',
      data: {
        uin: '100012345',
        subjectType,
        companyName: '深圳市星河云科技有限公司',
        creditCode: creditCode('440305', 123456),
        realName: '张伟',
        securityPhone: '13912345678',
        loginMethods: [],
        protection: {},
      },
    },
    seededRandom(7),
  );
  return JSON.stringify({ kind, subjectType, fields, contact: { name: '张伟', email: 'bench@example.cn', locale: 'zh-CN' } });
}

export type AppealFixture = { photos: string[]; bytes: number; contentType: string; body: Buffer<ArrayBuffer> };

/** Draws the photos into `dir` and builds the multipart body once, so every submission sends the same bytes. */
export async function appealFixture(dir: string): Promise<AppealFixture> {
  const photos: string[] = [];
  for (const [i] of slots.entries()) photos.push(await photo(path.join(dir, `photo-${i}.jpg`), i + 1));
  const boundary = 'helpdesk-bench-boundary';
  const part = (name: string, file: string) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${path.basename(file)}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      fs.readFileSync(file),
      Buffer.from('\r\n'),
    ]);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${payload()}\r\n`),
    ...slots.map((slot, i) => part(slot.key, photos[i]!)),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  const bytes = photos.reduce((sum, p) => sum + fs.statSync(p).size, 0);
  return { photos, bytes, contentType: `multipart/form-data; boundary=${boundary}`, body };
}
