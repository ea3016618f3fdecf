import { z } from 'zod';
import { catalog } from './catalog';
import { loginMethodTypes, subjectTypeKeys, type PreconditionCode } from './codes';
import { getKind } from './lookup';
import type { KindDef, Localized } from './schema';
import { appliesTo } from './selection';

const count = z.number().int().nonnegative();

/** The account facts preconditions are judged on (read from the directory by another module). */
export const AccountFactsSchema = z.object({
  subjectType: z.enum(subjectTypeKeys),
  securityPhone: z.string().nullable(),
  loginMethods: z.array(
    z.object({ type: z.enum(loginMethodTypes), identifier: z.string(), registration: z.boolean() }),
  ),
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
  status: z.enum(['active', 'frozen', 'cancelled']),
  /** How many accounts already have the phone this appeal is about (the new one, for a change) as security phone. */
  accountsSharingSecurityPhone: count.optional(),
});
export type AccountFacts = z.infer<typeof AccountFactsSchema>;

export interface PreconditionResult {
  code: PreconditionCode;
  ok: boolean;
  label: Localized;
  detail?: Localized;
}

type Verdict = { ok: boolean; detail?: Localized };
type Evaluator = (facts: AccountFacts, now: Date) => Verdict;

const MAX_ACCOUNTS_PER_SECURITY_PHONE = 5;
const REAL_NAME_CHANGE_INTERVAL_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

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
  no_arrears: (f) => zeroOr(f.arrearsCents, `欠费 ${yuan(f.arrearsCents)}，请先充值补齐`, `Arrears of ${yuan(f.arrearsCents)} must be paid first`),
  no_balance_or_vouchers: (f) =>
    zeroOr(
      f.balanceCents + f.vouchers,
      `现金余额 ${yuan(f.balanceCents)}，代金券 ${f.vouchers} 张`,
      `Cash balance ${yuan(f.balanceCents)}, ${f.vouchers} voucher(s)`,
    ),
  no_resources_in_use: (f) =>
    zeroOr(f.resourcesInUse, `${f.resourcesInUse} 项资源正在使用`, `${f.resourcesInUse} resource(s) in use`),
  no_sub_users_or_collaborators: (f) =>
    zeroOr(
      f.subUsers + f.collaborators,
      `子用户 ${f.subUsers} 个，协作者 ${f.collaborators} 个`,
      `${f.subUsers} sub-user(s), ${f.collaborators} collaborator(s)`,
    ),
  no_open_complaints: (f) =>
    zeroOr(f.openComplaints, `${f.openComplaints} 项投诉举报未完成`, `${f.openComplaints} open complaint(s)`),
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
      : { ok: false, detail: { 'zh-CN': `该手机号已是 ${n} 个账号的安全手机`, en: `The number is already the security phone of ${n} accounts` } };
  },
  mfa_bound: (f) =>
    f.mfaBound ? { ok: true } : { ok: false, detail: { 'zh-CN': '账号未绑定 MFA 设备', en: 'No MFA device is bound' } },
  real_name_change_interval_30_days: (f, now) => {
    if (!f.lastRealNameChangeAt) return { ok: true };
    const days = Math.floor((now.getTime() - f.lastRealNameChangeAt.getTime()) / DAY_MS);
    return days >= REAL_NAME_CHANGE_INTERVAL_DAYS
      ? { ok: true }
      : { ok: false, detail: { 'zh-CN': `距上次变更仅 ${days} 天`, en: `Only ${days} day(s) since the last change` } };
  },
  not_cancelled: (f) =>
    f.status !== 'cancelled' ? { ok: true } : { ok: false, detail: { 'zh-CN': '账号已注销', en: 'The account is cancelled' } },
};

export function evaluatePrecondition(code: PreconditionCode, facts: AccountFacts, now: Date = new Date()): PreconditionResult {
  const verdict = evaluators[code](facts, now);
  return { code, ok: verdict.ok, label: catalog.preconditions[code], ...(verdict.detail && { detail: verdict.detail }) };
}

/** Every precondition of the kind (those of the variant included), judged on the account; unknown kind → []. */
export function evaluatePreconditions(
  kind: string | KindDef,
  facts: AccountFacts,
  now: Date = new Date(),
  variant?: string | null,
): PreconditionResult[] {
  const def = typeof kind === 'string' ? getKind(kind) : kind;
  if (!def) return [];
  return def.preconditions
    .filter((p) => appliesTo(p, facts.subjectType, variant ?? undefined))
    .map((p) => evaluatePrecondition(p.code, facts, now));
}
