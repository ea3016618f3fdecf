import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3ServiceException,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import { isContentKey, type EvidenceStore } from './evidenceStore';

export type S3StoreOptions = {
  client: S3Client;
  bucket: string;
  /** Folder-like prefix inside the bucket, e.g. `evidence/`; empty for the bucket's root. */
  prefix?: string;
  /** Local folder where uploads land for inspection before they go up. */
  incomingDir: string;
  /** Keys per ListObjectsV2 page (S3's maximum is 1000). */
  pageSize?: number;
};

const isMissing = (e: unknown) => e instanceof S3ServiceException && e.$metadata.httpStatusCode === 404;

/** Objects named `<prefix><sha256>` in one bucket of S3 or an S3-compatible server (MinIO, s3rver). */
export class S3Store implements EvidenceStore {
  readonly incomingDir: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly pageSize: number;

  constructor(o: S3StoreOptions) {
    this.client = o.client;
    this.bucket = o.bucket;
    const trimmed = (o.prefix ?? '').replace(/^\/+|\/+$/g, '');
    this.prefix = trimmed ? `${trimmed}/` : '';
    this.pageSize = o.pageSize ?? 1000;
    this.incomingDir = o.incomingDir;
    fs.mkdirSync(this.incomingDir, { recursive: true, mode: 0o700 });
  }

  private objectKey(key: string): string {
    if (!isContentKey(key)) throw new Error('Not a content key');
    return this.prefix + key;
  }

  async put(tempPath: string, sha256: string): Promise<string> {
    const Key = this.objectKey(sha256);
    // Content-addressed: an object already under this key holds these very bytes.
    if (!(await this.exists(sha256))) {
      const { size } = await fsp.stat(tempPath);
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key,
          Body: fs.createReadStream(tempPath),
          ContentLength: size,
          ContentType: 'application/octet-stream',
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      );
    }
    await fsp.rm(tempPath, { force: true });
    return sha256;
  }

  async open(key: string): Promise<Readable> {
    const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    if (!(Body instanceof Readable)) throw new Error('S3 returned no readable body');
    return Body;
  }

  async exists(key: string): Promise<boolean> {
    return (await this.modifiedAt(key)) !== null;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async modifiedAt(key: string): Promise<Date | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return head.LastModified ?? null;
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async *keys(): AsyncIterable<string> {
    const pages = paginateListObjectsV2(
      { client: this.client, pageSize: this.pageSize },
      { Bucket: this.bucket, Prefix: this.prefix || undefined },
    );
    for await (const page of pages) {
      for (const o of page.Contents ?? []) {
        const key = o.Key?.slice(this.prefix.length);
        if (key && isContentKey(key)) yield key;
      }
    }
  }
}
