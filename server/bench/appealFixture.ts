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
  const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
  // A comment segment right after the start-of-image marker, holding the nonce that makes each appeal's bytes its own.
  const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 2 + nonceLength]), Buffer.alloc(nonceLength, 0x30)]);
  fs.writeFileSync(file, Buffer.concat([jpeg.subarray(0, 2), comment, jpeg.subarray(2)]));
  return file;
}

const nonceLength = 16;
/** Where the nonce sits in a photo written by `photo`: after SOI (2 bytes) and the comment's marker and length (4). */
const nonceAt = 6;

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

export type AppealFixture = {
  photos: string[];
  bytes: number;
  contentType: string;
  body: Buffer<ArrayBuffer>;
  /**
   * The same appeal with photos no appeal sent before: the nonce `n` is written into each photo's comment, so the
   * pixels (and the work of inspecting them) are the same while every file's digest is new.
   */
  fresh: (n: number) => { body: Buffer<ArrayBuffer>; checks: () => Buffer<ArrayBuffer>[] };
};

const boundary = 'helpdesk-bench-boundary';
const contentType = `multipart/form-data; boundary=${boundary}`;

/** A multipart body of text fields, then files as JPEG parts: [name, file name, bytes]. */
function multipart(fields: [string, string][], files: [string, string, Buffer][]): Buffer<ArrayBuffer> {
  return Buffer.concat([
    ...fields.map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)),
    ...files.flatMap(([name, fileName, bytes]) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      bytes,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
}

/** Draws the photos into `dir` and builds the multipart body once, so every submission sends the same bytes. */
export async function appealFixture(dir: string): Promise<AppealFixture> {
  const photos: string[] = [];
  for (const [i] of slots.entries()) photos.push(await photo(path.join(dir, `photo-${i}.jpg`), i + 1));
  const body = multipart(
    [['payload', payload()]],
    slots.map((slot, i) => [slot.key, path.basename(photos[i]!), fs.readFileSync(photos[i]!)]),
  );
  const bytes = photos.reduce((sum, p) => sum + fs.statSync(p).size, 0);
  // Each photo's place in the body: its bytes follow the first blank line after its part's name.
  const spans = slots.map((slot, i) => {
    const start = body.indexOf('\r\n\r\n', body.indexOf(`name="${slot.key}"`)) + 4;
    return { start, end: start + fs.statSync(photos[i]!).size };
  });
  const fresh = (n: number) => {
    const copy = Buffer.from(body);
    const nonce = String(n).padStart(nonceLength, '0').slice(-nonceLength);
    for (const { start } of spans) copy.write(nonce, start + nonceAt, 'latin1');
    // The form's check of each photo when it is chosen: the appeal's kind and subject, and the one file.
    const context = JSON.stringify({ kind, subjectType });
    const checks = () =>
      spans.map(({ start, end }, i) => multipart([['context', context]], [[slots[i]!.key, `photo-${i}.jpg`, copy.subarray(start, end)]]));
    return { body: copy, checks };
  };
  return {
    photos,
    bytes,
    contentType,
    body,
    fresh,
  };
}
