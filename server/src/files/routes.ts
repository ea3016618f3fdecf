import { Router, type Response } from 'express';
import sharp from 'sharp';
import { authorize } from '../auth/policy';
import { signedIn } from '../auth/middleware';
import type { AppContext } from '../context';
import { HttpError, notFound } from '../http/errors';
import { parseId } from '../http/validate';

const previewSide = 1600;

// Evidence is personal data: never sniffed, never cached, never rendered as a page, every view audited.
function lockDown(res: Response) {
  res.set({
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'",
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
}

const asciiName = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

export function fileRoutes({ db, store }: AppContext): Router {
  const router = Router();

  async function evidence(id: number) {
    const e = await db.evidence.findUnique({ where: { id }, include: { slot: { select: { slotKey: true } } } });
    if (!e || e.purgedAt) throw notFound('File');
    return e;
  }

  router.get('/:id', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'files.read');
    const e = await evidence(parseId(req.params.id));
    const stream = await store.open(e.storageKey).catch(() => {
      throw notFound('File');
    });
    await db.event.create({
      data: {
        ticketId: e.ticketId,
        actorType: 'agent',
        agentId: agent.id,
        type: 'evidence.downloaded',
        data: { evidenceId: e.id, slotKey: e.slot.slotKey },
      },
    });
    lockDown(res);
    res.set({
      'Content-Type': e.mime,
      'Content-Length': String(e.size),
      'Content-Disposition': `attachment; filename="${asciiName(e.originalName)}"; filename*=UTF-8''${encodeURIComponent(e.originalName)}`,
    });
    stream.pipe(res);
  });

  router.get('/:id/preview', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'files.read');
    const e = await evidence(parseId(req.params.id));
    if (!e.mime.startsWith('image/')) throw new HttpError(415, 'NO_PREVIEW', 'This file has no image preview; download the original');
    const stream = await store.open(e.storageKey).catch(() => {
      throw notFound('File');
    });
    // Re-encoded small copy: EXIF (location, device) is dropped, orientation applied.
    const image = sharp({ limitInputPixels: 40_000_000, sequentialRead: true, failOn: 'error' })
      .rotate()
      .resize(previewSide, previewSide, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 });
    stream.pipe(image);
    const preview = await image.toBuffer();
    await db.event.create({
      data: {
        ticketId: e.ticketId,
        actorType: 'agent',
        agentId: agent.id,
        type: 'evidence.viewed',
        data: { evidenceId: e.id, slotKey: e.slot.slotKey },
      },
    });
    lockDown(res);
    res.set({ 'Content-Type': 'image/jpeg', 'Content-Disposition': 'inline' });
    res.send(preview);
  });

  return router;
}
