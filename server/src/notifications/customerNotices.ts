import { personNameProblem } from '../contract/validators';
import { statusLinkToken } from '../appeals/accessRegain';
import type { NotificationInput } from './outbox';

// What customers are told, in their ticket's language. Texts are data: adding a notice is adding one entry.

export type NoticeLocale = 'zh-CN' | 'en';
export type CustomerNotice =
  'received' | 'materials_requested' | 'approved' | 'rejected' | 'reply' | 'contact_changed' | 'withdrawn' | 'open_appeal_exists';

export type NoticeVars = {
  statusLink: string;
  /** The agent's words to the customer. */
  message?: string;
  /** Slot labels in the ticket's language. */
  slots?: string[];
  /** The rejection reason, as text in the ticket's language. */
  reason?: string;
  /** What approval did, in the ticket's language: the variant's outcome, else its effect's label (catalog). */
  outcome?: string;
  /** The open appeal of the same kind for the same account (appeals/relatedAppeals.ts). */
  related?: string;
};

export type NoticeTicket = {
  id: number;
  reference: string;
  locale: string;
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
};

type Filled = NoticeVars & { reference: string };
type NoticeText = { subject: (v: Filled) => string; email: (v: Filled) => string; sms: (v: Filled) => string };

const list = (items: string[]) => items.map((s) => `- ${s}`).join('\n');
const joined = (...parts: (string | false | undefined)[]) => parts.filter((p): p is string => Boolean(p)).join('\n\n');

const frames: Record<NoticeLocale, { email: (name: string, content: string, link: string) => string; sms: (text: string) => string }> = {
  'zh-CN': {
    email: (name, content, link) =>
      joined(
        `${name}，您好：`,
        content,
        `查看申诉进度：${link}\n（此链接 7 天内可直接打开一次申诉，之后请输入访问码；访问码遗失可在进度页重新获取。）`,
        '此邮件由系统自动发送，请勿直接回复。',
      ),
    sms: (text) => `【账号安全】${text}`,
  },
  en: {
    email: (name, content, link) =>
      joined(
        `Dear ${name},`,
        content,
        `Follow your appeal: ${link}\n(This link opens your appeal once, within 7 days; after that, use your access code, or ask for a new one on the status page.)`,
        'This message was sent automatically; please do not reply to it.',
      ),
    sms: (text) => `[Account Security] ${text}`,
  },
};

const texts: Record<CustomerNotice, Record<NoticeLocale, NoticeText>> = {
  received: {
    'zh-CN': {
      subject: (v) => `已收到您的申诉（${v.reference}）`,
      email: (v) => `我们已收到您的申诉，申诉编号 ${v.reference}。人工审核约需 3 个工作日，审核结果将通过您留下的联系方式告知您。`,
      sms: (v) => `您的申诉${v.reference}已受理，人工审核约需3个工作日。进度：${v.statusLink}`,
    },
    en: {
      subject: (v) => `We have received your appeal (${v.reference})`,
      email: (v) =>
        `We have received your appeal, reference ${v.reference}. Our review takes about 3 business days; we will tell you the result at the contact details you gave.`,
      sms: (v) => `Appeal ${v.reference} received. Follow it at ${v.statusLink}`,
    },
  },
  materials_requested: {
    'zh-CN': {
      subject: (v) => `您的申诉需要补充材料（${v.reference}）`,
      email: (v) =>
        joined(
          `审核您的申诉 ${v.reference} 时，我们需要您补充或重新提交材料。`,
          v.slots?.length ? `需要的材料：\n${list(v.slots)}` : undefined,
          v.message && `审核员留言：\n${v.message}`,
          '请打开申诉进度页面上传材料。在您补充材料之前，审核时限暂停计算。',
        ),
      sms: (v) => `您的申诉${v.reference}需要补充材料，详情见邮件或进度页：${v.statusLink}`,
    },
    en: {
      subject: (v) => `Your appeal needs more materials (${v.reference})`,
      email: (v) =>
        joined(
          `To review your appeal ${v.reference} we need you to add or replace some materials.`,
          v.slots?.length ? `What we need:\n${list(v.slots)}` : undefined,
          v.message && `A note from the reviewer:\n${v.message}`,
          'Please upload them on your appeal page. The review clock is paused until you do.',
        ),
      sms: (v) => `Appeal ${v.reference} needs more materials: ${v.statusLink}`,
    },
  },
  approved: {
    'zh-CN': {
      subject: (v) => `您的申诉已通过（${v.reference}）`,
      email: (v) =>
        joined(`您的申诉 ${v.reference} 已审核通过。`, v.outcome && `处理结果：${v.outcome}。`, v.message && `审核员留言：\n${v.message}`),
      sms: (v) => `您的申诉${v.reference}已审核通过${v.outcome ? `：${v.outcome}` : ''}。详情：${v.statusLink}`,
    },
    en: {
      subject: (v) => `Your appeal is approved (${v.reference})`,
      email: (v) =>
        joined(
          `Your appeal ${v.reference} is approved.`,
          v.outcome && `Outcome: ${v.outcome}.`,
          v.message && `A note from the reviewer:\n${v.message}`,
        ),
      sms: (v) => `Appeal ${v.reference} is approved${v.outcome ? `: ${v.outcome}` : ''}. Details: ${v.statusLink}`,
    },
  },
  rejected: {
    'zh-CN': {
      subject: (v) => `您的申诉未通过审核（${v.reference}）`,
      email: (v) =>
        joined(
          `很抱歉，您的申诉 ${v.reference} 未通过审核。`,
          v.reason && `原因：${v.reason}`,
          v.message && `审核员留言：\n${v.message}`,
          '您可以在准备好材料后重新提交申诉。',
        ),
      sms: (v) => `您的申诉${v.reference}未通过审核，原因见邮件或进度页：${v.statusLink}`,
    },
    en: {
      subject: (v) => `Your appeal was not approved (${v.reference})`,
      email: (v) =>
        joined(
          `We are sorry: your appeal ${v.reference} was not approved.`,
          v.reason && `Reason: ${v.reason}`,
          v.message && `A note from the reviewer:\n${v.message}`,
          'You may file a new appeal once you have the materials ready.',
        ),
      sms: (v) => `Appeal ${v.reference} was not approved. Details: ${v.statusLink}`,
    },
  },
  withdrawn: {
    'zh-CN': {
      subject: (v) => `您的申诉已撤销（${v.reference}）`,
      email: (v) =>
        `您已撤销申诉 ${v.reference}，我们不会再处理这份申诉，账号未作任何变更。如需继续办理，请重新提交申诉。如果这不是您本人的操作，请立即联系客服并提供申诉编号。`,
      sms: (v) => `您的申诉${v.reference}已撤销，账号未作变更。如非本人操作，请立即联系客服。`,
    },
    en: {
      subject: (v) => `Your appeal is withdrawn (${v.reference})`,
      email: (v) =>
        `You withdrew your appeal ${v.reference}: we will not process it, and nothing was changed on the account. To go on, file a new appeal. If you did not withdraw it, contact support at once and quote the reference.`,
      sms: (v) => `Appeal ${v.reference} is withdrawn; nothing was changed. Not you? Contact support now.`,
    },
  },
  contact_changed: {
    'zh-CN': {
      subject: (v) => `您的申诉联系方式已变更（${v.reference}）`,
      email: (v) =>
        `客服已更改申诉 ${v.reference} 的联系方式，此后的通知将发送到新的联系方式。如果这不是您要求的，请立即联系客服并提供申诉编号。`,
      sms: (v) => `您的申诉${v.reference}的联系方式已被客服更改。如非您本人要求，请立即联系客服。`,
    },
    en: {
      subject: (v) => `The contact details of your appeal changed (${v.reference})`,
      email: (v) =>
        `Our support team changed the contact details of your appeal ${v.reference}; notices now go to the new ones. If you did not ask for this, contact support at once and quote the reference.`,
      sms: (v) => `The contact details of appeal ${v.reference} were changed by support. Not you? Contact support now.`,
    },
  },
  open_appeal_exists: {
    'zh-CN': {
      subject: (v) => `申诉 ${v.reference} 已与处理中的同类申诉 ${v.related} 关联`,
      email: (v) =>
        `我们已收到您的申诉 ${v.reference}。您此前就同一账号提交的同类申诉 ${v.related} 仍在处理中，两份申诉已关联，由审核员一并查看，无需再次提交。补充材料或留言请在申诉 ${v.related} 的进度页进行。`,
      sms: (v) => `您就同一账号已有同类申诉${v.related}在处理中，新申诉${v.reference}已与其关联，请勿重复提交。进度：${v.statusLink}`,
    },
    en: {
      subject: (v) => `Appeal ${v.reference} is linked to your open appeal of this kind, ${v.related}`,
      email: (v) =>
        `We have received your appeal ${v.reference}. The appeal of the same kind you filed earlier for the same account, ${v.related}, is still open: the two are linked and reviewed together, so there is no need to file again. Add materials or write to us on the status page of ${v.related}.`,
      sms: (v) =>
        `Appeal ${v.related} for the same account is still open; your new appeal ${v.reference} is linked to it. Follow it at ${v.statusLink}`,
    },
  },
  reply: {
    'zh-CN': {
      subject: (v) => `您的申诉有新回复（${v.reference}）`,
      email: (v) => joined(`客服就您的申诉 ${v.reference} 回复如下：`, v.message),
      sms: (v) => `您的申诉${v.reference}有新的客服回复，请查看：${v.statusLink}`,
    },
    en: {
      subject: (v) => `New reply on your appeal (${v.reference})`,
      email: (v) => joined(`Our support team wrote about your appeal ${v.reference}:`, v.message),
      sms: (v) => `New reply on appeal ${v.reference}: ${v.statusLink}`,
    },
  },
};

/** The name as it heads an email: on one line, and no web address (tickets filed before the name rule). */
export function greetingName(name: string, locale: NoticeLocale): string {
  const line = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  if (!line || personNameProblem(line)) return locale === 'en' ? 'customer' : '客户';
  return line.slice(0, 100);
}

export const noticeLocale = (locale: string): NoticeLocale => (locale.toLowerCase().startsWith('en') ? 'en' : 'zh-CN');

/**
 * Where a customer follows the appeal. Given the server's config, the fragment carries a single-use token of 7 days
 * that the status page exchanges for an access token (appeals/accessRegain.ts): a fragment never reaches a server's
 * log or a Referer. Given only the base address (text an agent sees, such as a macro), the plain page.
 */
export function statusLink(where: string | { publicBaseUrl: string; identityHashKey: string }, reference: string): string {
  const base = typeof where === 'string' ? where : where.publicBaseUrl;
  const page = `${base.replace(/\/+$/, '')}/appeal/status?ref=${encodeURIComponent(reference)}`;
  return typeof where === 'string' ? page : `${page}#link=${statusLinkToken(where.identityHashKey, reference)}`;
}

/** The text with every status link's token cut off, for agents' eyes. */
export const withoutLinkTokens = (text: string) => text.replace(/#link=[A-Za-z0-9._-]+/g, '#link=[redacted]');

/** One email when the ticket has an email address, one short SMS when it has a phone. */
export function noticesFor(ticket: NoticeTicket, notice: CustomerNotice, vars: NoticeVars): NotificationInput[] {
  const locale = noticeLocale(ticket.locale);
  const text = texts[notice][locale];
  const frame = frames[locale];
  const v: Filled = { ...vars, reference: ticket.reference };
  const subject = text.subject(v);
  const out: NotificationInput[] = [];
  if (ticket.contactEmail) {
    out.push({
      ticketId: ticket.id,
      channel: 'email',
      recipient: ticket.contactEmail,
      subject,
      body: frame.email(greetingName(ticket.contactName, locale), text.email(v), vars.statusLink),
    });
  }
  if (ticket.contactPhone) {
    out.push({ ticketId: ticket.id, channel: 'sms', recipient: ticket.contactPhone, subject, body: frame.sms(text.sms(v)) });
  }
  return out;
}

/**
 * The owner of an account whose security phone was released (a re-issued number, 二次放号) is told at the
 * security email. Accounts carry no language, so the notice is in both.
 */
export function phoneReleasedNotice(
  account: { securityEmail: string | null },
  vars: { phoneMasked: string; reference: string; ticketId?: number | null },
): NotificationInput[] {
  if (!account.securityEmail) return [];
  const zh = joined(
    '您好：',
    `运营商已将手机号 ${vars.phoneMasked} 重新分配给新的用户。经新用户申请并核实（申诉编号 ${vars.reference}），该号码已不再作为您账号的安全手机。`,
    '为保障账号安全，请尽快登录并绑定您正在使用的手机号。如您对此有疑问，请联系客服并提供上述申诉编号。',
  );
  const en = joined(
    'Hello,',
    `The phone number ${vars.phoneMasked} has been re-issued by the carrier to a new subscriber. At their verified request (reference ${vars.reference}), it is no longer the security phone of your account.`,
    'To keep your account safe, please sign in and bind the phone number you use now. If you have questions, contact support and quote the reference above.',
  );
  return [
    {
      ticketId: vars.ticketId ?? null,
      channel: 'email',
      recipient: account.securityEmail,
      subject: `账号安全手机已解除绑定 / Security phone removed from your account (${vars.phoneMasked})`,
      body: joined(zh, '——', en, '此邮件由系统自动发送，请勿直接回复。 / This message was sent automatically; please do not reply to it.'),
    },
  ];
}
