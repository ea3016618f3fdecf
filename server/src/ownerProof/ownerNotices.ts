import { createHash, randomBytes } from 'node:crypto';
import type { Localized } from '../catalog';
import type { Account, Prisma } from '../generated/prisma/client';
import { enqueueIn, type NotificationInput } from '../notifications/outbox';

// What the account's owner is told on the channels on file, never only at the address the appeal typed
// (docs/owner-binding.md; seeds 002–004 for cancellation). Accounts carry no language, so every notice is in both.

export const objectionTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Days the "this wasn't me" link works after filing. */
export const OBJECTION_LINK_DAYS = 30;

export const objectionLink = (publicBaseUrl: string, token: string) => `${publicBaseUrl.replace(/\/+$/, '')}/appeal/object?token=${token}`;

type OwnerChannels = Pick<Account, 'securityPhone' | 'securityEmail'>;
/** `handled`: approved, and the effect changed nothing on the account (a transfer checked by hand). */
type Stage = 'filed' | 'approved' | 'handled' | 'rejected';

const signature =
  '此邮件由系统自动发送，请勿直接回复。我们不会向您索取密码或验证码。 / This message was sent automatically; please do not reply. We never ask for your password or codes.';

function texts(stage: Stage, v: { reference: string; uin: string; statement: Localized; link?: string }) {
  const what = { zh: v.statement['zh-CN'], en: v.statement.en };
  switch (stage) {
    case 'filed':
      return {
        subject: `有人申请变更您的账号 ${v.uin} / A change to your account ${v.uin} was requested (${v.reference})`,
        zh: `账号安全中心收到一份关于账号 ${v.uin} 的申诉（编号 ${v.reference}），审核通过后将${what.zh}。\n如果是您本人提交的，无需处理。\n如果不是您本人操作，请打开以下链接阻止这次变更：\n${v.link}`,
        en: `Our account-security desk received an appeal about account ${v.uin} (reference ${v.reference}). If it is approved, we will ${what.en}.\nIf you filed it, there is nothing to do.\nIf you did not, open this link to stop the change:\n${v.link}`,
        smsZh: `账号${v.uin}有一份变更申诉（${v.reference}）。非本人操作请打开 ${v.link} 阻止`,
        smsEn: `Appeal ${v.reference} asks to change account ${v.uin}. Not you? Stop it: ${v.link}`,
      };
    case 'approved':
      return {
        subject: `您的账号 ${v.uin} 已按申诉变更 / Your account ${v.uin} was changed (${v.reference})`,
        zh: `根据申诉 ${v.reference}，账号安全中心已审核通过并执行：${what.zh}。\n如非本人申请，请立即联系客服并提供申诉编号。`,
        en: `Following appeal ${v.reference}, our account-security desk approved it and did this: ${what.en}.\nIf you did not ask for this, contact support at once and quote the reference.`,
        smsZh: `账号${v.uin}已按申诉${v.reference}完成变更。非本人申请请立即联系客服`,
        smsEn: `Account ${v.uin} was changed per appeal ${v.reference}. Not you? Contact support now`,
      };
    case 'handled':
      return {
        subject: `关于您账号 ${v.uin} 的申诉已处理 / An appeal about your account ${v.uin} was handled (${v.reference})`,
        zh: `根据申诉 ${v.reference}，账号安全中心已审核通过并执行：${what.zh}。账号本身未作任何变更。\n如非本人申请，请立即联系客服并提供申诉编号。`,
        en: `Following appeal ${v.reference}, our account-security desk approved it and did this: ${what.en}. Nothing was changed on the account.\nIf you did not ask for this, contact support at once and quote the reference.`,
        smsZh: `关于账号${v.uin}的申诉${v.reference}已处理，账号未变更。非本人申请请立即联系客服`,
        smsEn: `Appeal ${v.reference} about account ${v.uin} was handled; nothing changed. Not you? Contact support now`,
      };
    case 'rejected':
      return {
        subject: `关于您账号 ${v.uin} 的申诉未通过 / An appeal about your account ${v.uin} was refused (${v.reference})`,
        zh: `关于账号 ${v.uin} 的申诉 ${v.reference} 未通过审核，账号未作任何变更。`,
        en: `The appeal ${v.reference} about account ${v.uin} was refused; nothing was changed on the account.`,
        smsZh: `关于账号${v.uin}的申诉${v.reference}未通过，账号未变更`,
        smsEn: `Appeal ${v.reference} about account ${v.uin} was refused; nothing changed`,
      };
  }
}

function ownerNotices(
  ticketId: number,
  channels: OwnerChannels,
  stage: Stage,
  v: { reference: string; uin: string; statement: Localized; link?: string },
): NotificationInput[] {
  const t = texts(stage, v);
  const out: NotificationInput[] = [];
  if (channels.securityEmail) {
    out.push({
      ticketId,
      channel: 'email',
      recipient: channels.securityEmail,
      subject: t.subject,
      body: `您好：\n\n${t.zh}\n\n——\n\nHello,\n\n${t.en}\n\n${signature}`,
    });
  }
  if (channels.securityPhone) {
    out.push({
      ticketId,
      channel: 'sms',
      recipient: channels.securityPhone,
      subject: t.subject,
      body: `【账号安全】${t.smsZh} / [Account Security] ${t.smsEn}`,
    });
  }
  return out;
}

/**
 * At filing: the owner hears of the appeal at the account's security phone and email, with a single-use link to
 * object. Only the link's hash is kept.
 */
export async function tellOwnerOfFilingIn(
  tx: Prisma.TransactionClient,
  ticket: { id: number; reference: string },
  account: Account,
  statement: Localized,
  publicBaseUrl: string,
): Promise<void> {
  const token = randomBytes(24).toString('base64url');
  await tx.ticket.update({ where: { id: ticket.id }, data: { objectionTokenHash: objectionTokenHash(token) } });
  await enqueueIn(
    tx,
    ownerNotices(ticket.id, account, 'filed', {
      reference: ticket.reference,
      uin: account.uin,
      statement,
      link: objectionLink(publicBaseUrl, token),
    }),
  );
}

/** At the decision: the owner is told on the channels on file as they were before the change. */
export async function tellOwnerOfDecisionIn(
  tx: Prisma.TransactionClient,
  ticket: { id: number; reference: string },
  accountBefore: Account,
  decision: 'approved' | 'handled' | 'rejected',
  statement: Localized,
): Promise<void> {
  await enqueueIn(tx, ownerNotices(ticket.id, accountBefore, decision, { reference: ticket.reference, uin: accountBefore.uin, statement }));
}
