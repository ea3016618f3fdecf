import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { slotsFor } from '../catalog';
import type { Db } from '../db/client';
import { inspectFile } from '../evidence/inspection';
import { attachEvidenceIn, storeFiles } from '../intake/attachEvidence';
import type { IntakeFile } from '../intake/evidenceIntake';
import type { EvidenceStore } from '../storage/evidenceStore';

const palettes = [
  { paper: '#dcebf8', band: '#2f6db3', stamp: '#d0312d' },
  { paper: '#f6ead0', band: '#8a5a1c', stamp: '#c62828' },
  { paper: '#e3f3e0', band: '#2e7d32', stamp: '#b71c1c' },
];

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A document drawn for the demo: an ID card held up, a licence, a sealed letter; greyscale when asked. */
function documentSvg(title: string, holder: string, reference: string, palette: (typeof palettes)[number]): string {
  const lines = Array.from(
    { length: 14 },
    (_, i) => `<line x1="60" y1="${300 + i * 22}" x2="${700 - (i % 3) * 90}" y2="${300 + i * 22}" stroke="#5c6b7a" stroke-width="3"/>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <rect width="1200" height="800" fill="#8d7b68"/>
    <rect x="40" y="40" width="1120" height="720" rx="28" fill="${palette.paper}" stroke="#333" stroke-width="4"/>
    <rect x="40" y="40" width="1120" height="110" rx="28" fill="${palette.band}"/>
    <text x="80" y="115" font-family="Noto Sans CJK SC, sans-serif" font-size="54" fill="#fff">${escape(title)}</text>
    <text x="80" y="230" font-family="Noto Sans CJK SC, sans-serif" font-size="48" fill="#222">${escape(holder)}</text>
    ${lines}
    <rect x="820" y="220" width="260" height="330" fill="#b9c6d3" stroke="#444" stroke-width="3"/>
    <circle cx="950" cy="330" r="70" fill="#e0b48c"/>
    <rect x="880" y="410" width="140" height="120" rx="40" fill="#48657f"/>
    <circle cx="980" cy="640" r="80" fill="none" stroke="${palette.stamp}" stroke-width="10"/>
    <text x="80" y="720" font-family="monospace" font-size="30" fill="#444">${escape(reference)}</text>
  </svg>`;
}

/** Gives the demo's worked tickets real files, inspected and stored like any upload. Returns the count. */
export async function attachDemoEvidence(db: Db, store: EvidenceStore): Promise<number> {
  const tickets = await db.ticket.findMany({
    where: { status: { in: ['triage', 'in_review', 'awaiting_customer', 'approval_pending', 'approved', 'rejected'] } },
    orderBy: { id: 'asc' },
  });
  let count = 0;
  for (const [i, ticket] of tickets.entries()) {
    const slots = slotsFor(ticket.kind, ticket.subjectType, ticket.variant ?? undefined).filter((s) => s.required);
    const files: IntakeFile[] = [];
    for (const [j, slot] of slots.entries()) {
      const file = path.join(store.incomingDir, `${crypto.randomUUID()}.upload`);
      const svg = documentSvg(
        slot.label['zh-CN'],
        ticket.contactName,
        `${ticket.reference} · ${slot.key}`,
        palettes[(i + j) % palettes.length]!,
      );
      // The ticket waiting for the customer has a greyscale scan: the reason more was asked for.
      const greyscale = ticket.status === 'awaiting_customer' && j === 0;
      await (greyscale ? sharp(Buffer.from(svg)).greyscale() : sharp(Buffer.from(svg))).jpeg({ quality: 82 }).toFile(file);
      const { size } = await fs.stat(file);
      const inspection = await inspectFile(file, slot);
      files.push({ slotKey: slot.key, path: file, size, originalName: `${slot.key}.jpg`, sha256: inspection.sha256, slot, inspection });
    }
    if (files.length === 0) continue;
    await storeFiles(store, files);
    await db.$transaction((tx) => attachEvidenceIn(tx, ticket.id, files, 'customer', { decidedHistory: true }));
    count += files.length;
  }
  return count;
}
