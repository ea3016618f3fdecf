import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../config';
import type { EvidenceStore } from './evidenceStore';
import { LocalDiskStore } from './localDiskStore';
import { S3Store } from './s3Store';

/** The evidence store the configuration names; S3 uploads are staged in `UPLOAD_DIR/.incoming`. */
export function createStore(config: Config): EvidenceStore {
  const root = path.resolve(config.uploadDir);
  const s = config.evidenceStore;
  if (s.kind === 'disk') return new LocalDiskStore(root);
  const client = new S3Client({ region: s.region, endpoint: s.endpoint, forcePathStyle: s.forcePathStyle, credentials: s.credentials });
  return new S3Store({ client, bucket: s.bucket, prefix: s.prefix, incomingDir: path.join(root, '.incoming') });
}
