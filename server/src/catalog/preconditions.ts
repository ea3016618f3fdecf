import { z } from 'zod';
import { catalog } from './catalog';
import { abandonableCategories, loginMethodTypes, subjectTypeKeys, type PreconditionCode } from './codes';
import { addBusinessDays, deskDay, deskDayBounds, shiftDeskDay, type Holidays } from '../calendar/deskCalendar';
import { abandonableLabels } from './labels';
import { getKind } from './lookup';
import type { KindDef, Localized } from './schema';
import { appliesTo } from './selection';

const count = z.number().int().nonnegative();

/** The account facts preconditions are judged on (read from the directory by another module). */
export const AccountFactsSchema = z.object({
  subjectType: z.enum(subjectTypeKeys),
  securityPhone: z.string().nullable(),
  loginMethods: z.array(z.object({ type: z.enum(loginMethodTypes), identifier: z.string(), registration: z.boolean() })),
  mfaBound: z.boolean(),
  protection: z.object({
    login: z.boolean(),
    operation: z.boolean(),
    remoteLogin: z.boolean(),
    mfaType: z.enum(['none', 'virtual', 'hardware']),
  }),
  balanceCents: count,
  arrearsCents: count,
  vouchers: count,
  resourcesInUse: count,
  subUsers: count,
  collaborators: count,
  openComplaints: count,
  lastRealNameChangeAt: z.coerce.date().nullable(),
  lastRealNameVerifiedAt: z.coerce.date().nullable().default(null),
  creditCode: z.string().nullable().default(null),
  status: z.enum(['active', 'frozen', 'cancelled']),
  unfinishedOrders: count.default(0),
  messageRecipients: count.default(0),
  advancePaymentCents: count.default(0),
  abandonableResources: z
    .array(z.object({ category: z.enum(abandonableCategories), name: z.string(), expiresAt: z.coerce.date().nullable().optional() }))
    .default([]),
  /** How many accounts already have the phone this appeal is about (the new one, for a change) as security phone. */
  accountsSharingSecurityPhone: count.optional(),
  /** How many other live accounts are verified under the credit code the appeal moves the account to. */
  accountsOnNewCreditCode: count.optional(),
});
export type AccountFacts = z.input<typeof AccountFactsSchema>;

/** What else a precondition may read: the customer's declared values and the desk's holidays. */
export type PreconditionContext = { declared?: Record<string, string>; holidays?: Holidays };

export interface PreconditionResult {
  code: PreconditionCode;
  ok: boolean;
  label: Localized;
  detail?: Localized;
}

type Verdict = { ok: boolean; detail?: Localized };
type Facts = z.output<typeof AccountFactsSchema>;
type Evaluator = (facts: Facts, now: Date, context: PreconditionContext) => Verdict;

// The numbers of docs/rules.md (seed 002).
const MAX_ACCOUNTS_PER_SECURITY_PHONE = 5;
const MAX_ACCOUNTS_PER_ENTERPRISE = 10;
const REAL_NAME_CHANGE_INTERVAL_DAYS = 30;
const NEW_LICENCE_WAIT_BUSINESS_DAYS = 7;
const TRANSFER_CHECK_DAYS = 7;
const TRANSFER_CHECK_TRIES = 2;
const CERTIFICATE_ABANDONABLE_MONTHS = 3;
const DAY_MS = 24 * 3600 * 1000;

const ticked = (context: PreconditionContext, key: string) => new Set((context.declared?.[key] ?? '').split(',').filter(Boolean));

/** A certificate may be given up only when it expires within three months; every other listed category may be. */
function mayGiveUp(resource: Facts['abandonableResources'][number], now: Date): boolean {
  if (resource.category !== 'ssl_certificate') return true;
  if (!resource.expiresAt) return false;
  const limit = new Date(now.getTime());
  limit.setUTCMonth(limit.getUTCMonth() + CERTIFICATE_ABANDONABLE_MONTHS);
  return resource.expiresAt.getTime() <= limit.getTime();
}

const names = (items: readonly Localized[]): Localized => ({
  'zh-CN': items.map((i) => i['zh-CN']).join('、'),
  en: items.map((i) => i.en).join(', '),
});

const yuan = (cents: number) => `¥${(cents / 100).toFixed(2)}`;
const zeroOr = (n: number, zh: string, en: string): Verdict => (n === 0 ? { ok: true } : { ok: false, detail: { 'zh-CN': zh, en } });

const protectionNames: { on: (f: AccountFacts) => boolean; label: Localized }[] = [
  { on: (f) => f.protection.login, label: { 'zh-CN': '登录保护', en: 'login protection' } },
  { on: (f) => f.protection.operation, label: { 'zh-CN': '操作保护', en: 'operation protection' } },
  { on: (f) => f.protection.remoteLogin, label: { 'zh-CN': '异地登录保护', en: 'remote-login protection' } },
  { on: (f) => f.protection.mfaType === 'virtual', label: { 'zh-CN': '虚拟 MFA', en: 'virtual MFA' } },
  { on: (f) => f.protection.mfaType === 'hardware', label: { 'zh-CN': '硬件 MFA', en: 'hardware MFA' } },
];

const evaluators: Record<PreconditionCode, Evaluator> = {
  no_arrears: (f) =>
    zeroOr(f.arrearsCents, `欠费 ${yuan(f.arrearsCents)}，请先充值补齐`, `Arrears of ${yuan(f.arrearsCents)} must be paid first`),
  // Vouchers are among the resources a cancelling customer may give up (seed 002): ticked, they no longer block.
  no_balance_or_vouchers: (f, _now, context) => {
    const vouchers = ticked(context, 'givenUp').has('voucher') ? 0 : f.vouchers;
    return zeroOr(
      f.balanceCents + vouchers,
      `现金余额 ${yuan(f.balanceCents)}，代金券 ${vouchers} 张`,
      `Cash balance ${yuan(f.balanceCents)}, ${vouchers} voucher(s)`,
    );
  },
  no_resources_in_use: (f) => zeroOr(f.resourcesInUse, `${f.resourcesInUse} 项资源正在使用`, `${f.resourcesInUse} resource(s) in use`),
  no_sub_users_or_collaborators: (f) =>
    zeroOr(
      f.subUsers + f.collaborators,
      `子用户 ${f.subUsers} 个，协作者 ${f.collaborators} 个`,
      `${f.subUsers} sub-user(s), ${f.collaborators} collaborator(s)`,
    ),
  no_open_complaints: (f) => zeroOr(f.openComplaints, `${f.openComplaints} 项投诉举报未完成`, `${f.openComplaints} open complaint(s)`),
  two_login_methods: (f) =>
    f.loginMethods.length >= 2
      ? { ok: true }
      : { ok: false, detail: { 'zh-CN': `仅有 ${f.loginMethods.length} 种登录方式`, en: `Only ${f.loginMethods.length} login method(s)` } },
  security_phone_bound: (f) =>
    f.securityPhone ? { ok: true } : { ok: false, detail: { 'zh-CN': '未绑定安全手机', en: 'No security phone' } },
  // (our design) the record does not say which method each protection verifies with, so any protection in use blocks.
  registration_method_not_protection: (f) => {
    if (!f.loginMethods.some((m) => m.registration)) {
      return { ok: false, detail: { 'zh-CN': '账号没有注册方式记录', en: 'No registration method on file' } };
    }
    const active = protectionNames.filter((p) => p.on(f)).map((p) => p.label);
    if (active.length === 0) return { ok: true };
    return {
      ok: false,
      detail: {
        'zh-CN': `已开启：${active.map((l) => l['zh-CN']).join('、')}`,
        en: `In use: ${active.map((l) => l.en).join(', ')}`,
      },
    };
  },
  phone_max_five_accounts: (f) => {
    const n = f.accountsSharingSecurityPhone;
    if (n === undefined) return { ok: true, detail: { 'zh-CN': '未统计该手机号绑定的账号数', en: 'Accounts on this number not counted' } };
    return n < MAX_ACCOUNTS_PER_SECURITY_PHONE
      ? { ok: true }
      : {
          ok: false,
          detail: { 'zh-CN': `该手机号已是 ${n} 个账号的安全手机`, en: `The number is already the security phone of ${n} accounts` },
        };
  },
  mfa_bound: (f) => (f.mfaBound ? { ok: true } : { ok: false, detail: { 'zh-CN': '账号未绑定 MFA 设备', en: 'No MFA device is bound' } }),
  // Seed 002 counts from the last real-name verification ("上次实名认证30天后"), a change being one.
  real_name_change_interval_30_days: (f, now) => {
    const last = [f.lastRealNameChangeAt, f.lastRealNameVerifiedAt]
      .filter((d): d is Date => d !== null)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    if (!last) return { ok: true };
    const days = Math.floor((now.getTime() - last.getTime()) / DAY_MS);
    return days >= REAL_NAME_CHANGE_INTERVAL_DAYS
      ? { ok: true }
      : {
          ok: false,
          detail: {
            'zh-CN': `距上次实名认证或变更仅 ${days} 天`,
            en: `Only ${days} day(s) since the last real-name verification or change`,
          },
        };
  },
  not_cancelled: (f) =>
    f.status !== 'cancelled' ? { ok: true } : { ok: false, detail: { 'zh-CN': '账号已注销', en: 'The account is cancelled' } },
  no_unfinished_orders: (f) =>
    zeroOr(f.unfinishedOrders, `${f.unfinishedOrders} 个订单或服务未完成`, `${f.unfinishedOrders} unfinished order(s) or service(s)`),
  no_advance_payments: (f) =>
    zeroOr(
      f.advancePaymentCents,
      `垫付款 ${yuan(f.advancePaymentCents)} 未结清`,
      `Advance payments of ${yuan(f.advancePaymentCents)} are outstanding`,
    ),
  no_message_recipients: (f) =>
    zeroOr(f.messageRecipients, `消息接收人 ${f.messageRecipients} 个`, `${f.messageRecipients} message recipient(s)`),
  abandonable_resources_given_up: (f, now, context) => {
    const givenUp = ticked(context, 'givenUp');
    const kept = f.abandonableResources.filter((r) => !mayGiveUp(r, now));
    const notTicked = f.abandonableResources.filter((r) => mayGiveUp(r, now) && !givenUp.has(r.category));
    if (kept.length === 0 && notTicked.length === 0) return { ok: true };
    const parts: Localized[] = [];
    if (kept.length)
      parts.push({
        'zh-CN': `须先删除（不可放弃）：${kept.map((r) => r.name).join('、')}`,
        en: `Delete first (cannot be given up): ${kept.map((r) => r.name).join(', ')}`,
      });
    if (notTicked.length) {
      const categories = names([...new Set(notTicked.map((r) => r.category))].map((c) => abandonableLabels[c]));
      parts.push({ 'zh-CN': `客户未勾选放弃：${categories['zh-CN']}`, en: `Not ticked as given up: ${categories.en}` });
    }
    return { ok: false, detail: { 'zh-CN': parts.map((p) => p['zh-CN']).join('；'), en: parts.map((p) => p.en).join('; ') } };
  },
  enterprise_max_ten_accounts: (f) => {
    const n = f.accountsOnNewCreditCode;
    if (n === undefined) return { ok: true };
    return n < MAX_ACCOUNTS_PER_ENTERPRISE
      ? { ok: true }
      : {
          ok: false,
          detail: {
            'zh-CN': `新主体已实名认证 ${n} 个账号（默认上限 ${MAX_ACCOUNTS_PER_ENTERPRISE}）`,
            en: `The new entity already verifies ${n} accounts (default limit ${MAX_ACCOUNTS_PER_ENTERPRISE})`,
          },
        };
  },
  // Seed 002: the registry syncs with a delay, so a newly registered company verifies after 7 business days.
  new_licence_seven_business_days: (_f, now, context) => {
    const issued = context.declared?.newLicenceDate;
    if (!issued) return { ok: true };
    const allowedFrom = addBusinessDays(deskDayBounds(issued).end, NEW_LICENCE_WAIT_BUSINESS_DAYS, context.holidays);
    return allowedFrom.getTime() <= now.getTime()
      ? { ok: true }
      : {
          ok: false,
          detail: {
            'zh-CN': `执照 ${issued} 核发，${deskDay(allowedFrom)} 起才能认证`,
            en: `Licence issued ${issued}: verification opens on ${deskDay(allowedFrom)}`,
          },
        };
  },
  // Seed 002: "当前支持统一社会信用代码为9开头与18位的企业线上完成企业名称与企业法人信息变更".
  online_change_code_starts_with_9: (f) =>
    f.creditCode && f.creditCode.length === 18 && f.creditCode.startsWith('9')
      ? { ok: true }
      : {
          ok: false,
          detail: {
            'zh-CN': `账号的机构代码为 ${f.creditCode ?? '（无）'}，不是 9 开头的 18 位统一社会信用代码`,
            en: `The account's organisation code is ${f.creditCode ?? '(none)'}, not an 18-character credit code starting with 9`,
          },
        },
  // Seed 002: the corporate transfer is verified within 7 days, in 2 tries; after that a new transfer is needed.
  transfer_check_window: (_f, now, context) => {
    const sent = context.declared?.transferDate;
    if (!sent) return { ok: true };
    const deadline = shiftDeskDay(sent, TRANSFER_CHECK_DAYS);
    const window: Localized = {
      'zh-CN': `打款 ${context.declared?.transferAmount ?? ''} 元于 ${sent}，须在 ${deadline} 前验证，共 ${TRANSFER_CHECK_TRIES} 次机会`,
      en: `Transfer of ¥${context.declared?.transferAmount ?? ''} on ${sent}: verify by ${deadline}, ${TRANSFER_CHECK_TRIES} tries`,
    };
    if (deskDay(now) <= deadline) return { ok: true, detail: window };
    return {
      ok: false,
      detail: { 'zh-CN': `${window['zh-CN']}；已过期，需重新发起打款认证`, en: `${window.en}; expired, a new transfer is needed` },
    };
  },
};

export function evaluatePrecondition(
  code: PreconditionCode,
  facts: AccountFacts,
  now: Date = new Date(),
  context: PreconditionContext = {},
): PreconditionResult {
  const verdict = evaluators[code](AccountFactsSchema.parse(facts), now, context);
  return { code, ok: verdict.ok, label: catalog.preconditions[code], ...(verdict.detail && { detail: verdict.detail }) };
}

/** Every precondition of the kind (those of the variant included), judged on the account; unknown kind → []. */
export function evaluatePreconditions(
  kind: string | KindDef,
  facts: AccountFacts,
  now: Date = new Date(),
  variant?: string | null,
  context: PreconditionContext = {},
): PreconditionResult[] {
  const def = typeof kind === 'string' ? getKind(kind) : kind;
  if (!def) return [];
  return def.preconditions
    .filter((p) => appliesTo(p, facts.subjectType, variant ?? undefined))
    .map((p) => evaluatePrecondition(p.code, facts, now, context));
}
