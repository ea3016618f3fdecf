import { deskDay } from '../calendar/deskCalendar';
import type { FieldDef, KindKey } from '../catalog';
import type { DemoAccount } from './directory';
import { residentId } from './identities';
import { companies, emailDomains, givenNames, pinyin, regions, surnames } from './people';
import type { Random } from './random';

// What customers write in "what happened", one per ticket kind (demo data).
const stories: Record<KindKey, string> = {
  mfa_unbind: '原来绑定 MFA 的手机丢失了，无法登录控制台，请协助解绑。',
  reused_phone_unbind: '新买的手机号收到了别人的验证短信，注册时提示号码已被绑定。',
  login_request: '负责账号的同事已离职，无法联系到原登录方式，申请绑定新的登录邮箱。',
  enterprise_review: '公司名称变更，需要同步更新实名认证信息。',
  security_phone_change: '原安全手机已停用，收不到验证码，申请修改安全手机。',
  account_cancellation: '业务已停止，账号下资源已清理，申请注销账号。',
  registration_method_unbind: '希望解绑注册时使用的微信，保留邮箱登录。',
  protection_verifier_unbind: '账号保护绑定的是已离职同事的微信，现在无法通过登录验证，申请解绑。',
};

/** Declared values for every field the catalog asks of this kind: matched ones taken from the account. */
export function declareFields(kind: KindKey, defs: readonly FieldDef[], account: DemoAccount, r: Random): Record<string, string> {
  const a = account.data;
  const byMatch: Record<string, string | null | undefined> = {
    uin: a.uin,
    realName: a.realName,
    companyName: a.companyName,
    idNumber: account.idNumber,
    creditCode: a.creditCode,
    securityPhone: a.securityPhone ?? account.phone,
    securityEmail: a.securityEmail,
    handlerName: a.handlerName,
  };
  const byType: Record<FieldDef['type'], () => string> = {
    resident_id: () => residentId(r.pick(regions), new Date(Date.UTC(r.int(1965, 2003), r.int(0, 11), r.int(1, 28))), r.int(1, 999)),
    credit_code: () => a.creditCode ?? '91440300MA5FUTQ58B',
    mobile: () => account.phone ?? '13912345678',
    contact_phone: () => account.phone ?? '13912345678',
    email: () => `${r.pick(pinyin)}${r.int(10, 999)}@${r.pick(emailDomains)}`,
    account_id: () => a.uin,
    text: () => r.pick(surnames) + r.pick(givenNames),
    textarea: () => stories[kind],
    select: () => '',
    date: () => deskDay(new Date(Date.now() - r.int(2, 40) * 86_400_000)),
    amount: () => `0.${String(r.int(1, 99)).padStart(2, '0')}`,
    checklist: () => '',
  };
  const out: Record<string, string> = {};
  for (const def of defs) {
    let value = (def.matches && byMatch[def.matches]) || byType[def.type]();
    if (def.type === 'select') value = def.options?.[0]?.value ?? '';
    if (def.type === 'text' && /company/i.test(def.key)) value = a.companyName ?? r.pick(companies);
    if (def.type === 'text' && /login/i.test(def.key)) value = a.uin;
    if (!def.required && r.chance(0.3)) continue;
    out[def.key] = value;
  }
  return out;
}
