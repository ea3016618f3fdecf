import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { badRequest } from '../http/errors';
import { demoPassword } from '../seed/demo';

export const minPasswordLength = 12;
export const maxPasswordLength = 200;
// zxcvbn's scale: 3 is "safely unguessable: moderate protection from an offline slow-hash scenario".
const minScore = 3;

export const passwordProblems = {
  too_short: { 'zh-CN': `密码至少需要 ${minPasswordLength} 个字符`, en: `A password needs at least ${minPasswordLength} characters` },
  too_long: { 'zh-CN': `密码最多 ${maxPasswordLength} 个字符`, en: `A password has at most ${maxPasswordLength} characters` },
  is_email: { 'zh-CN': '密码不能与邮箱地址相同', en: 'The password cannot be the email address' },
  demo: { 'zh-CN': '正式环境不能使用演示密码', en: 'The demo password cannot be used on a production desk' },
  guessable: {
    'zh-CN': '密码太常见或容易被猜到（例如含有姓名、邮箱或常见词）：请用几个不相关的词组成更长的密码',
    en: 'This password is too common or easy to guess (a name, the email or common words): use a longer phrase of unrelated words',
  },
} as const;

export type PasswordProblem = keyof typeof passwordProblems;

// Loading the dictionaries takes about half a second: once, on the first password set.
let checker: ZxcvbnFactory | undefined;
const strength = () =>
  (checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  }));

type Owner = { email: string; name: string };

/** Why a new password is refused, or null when it is acceptable for this agent. */
export function passwordProblem(password: string, owner: Owner, env: string): PasswordProblem | null {
  if (password.length < minPasswordLength) return 'too_short';
  if (password.length > maxPasswordLength) return 'too_long';
  if (password.trim().toLowerCase() === owner.email.trim().toLowerCase()) return 'is_email';
  if (env === 'production' && password === demoPassword) return 'demo';
  const local = owner.email.split('@')[0] ?? '';
  const inputs = [owner.email, local, ...local.split(/[._+-]/), owner.name, ...owner.name.split(/\s+/), 'helpdesk'].filter(
    (s) => s.length > 1,
  );
  return strength().check(password, inputs).score < minScore ? 'guessable' : null;
}

export const passwordProblemText = (problem: PasswordProblem, locale: string): string =>
  passwordProblems[problem][locale === 'en' ? 'en' : 'zh-CN'];

/** 400 INVALID_INPUT with `errors.password` in the reader's language when the password is refused. */
export function assertPasswordAcceptable(password: string, owner: Owner, env: string, locale: string): void {
  const problem = passwordProblem(password, owner, env);
  if (problem) throw badRequest(passwordProblemText(problem, locale), { password: passwordProblemText(problem, locale) });
}
