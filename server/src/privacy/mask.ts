// What agents see of personal identifiers in lists: enough to recognise, not enough to copy.

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.indexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧**娜, Li Lei → L****i */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  if (chars.length <= 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Only the last four characters of an identity number are ever kept in clear. */
export function maskIdNumber(last4: string | null): string | null {
  return last4 ? `${'*'.repeat(14)}${last4}` : null;
}

export function maskCode(code: string | null): string | null {
  if (!code) return code;
  return code.length > 8 ? `${code.slice(0, 4)}${'*'.repeat(code.length - 8)}${code.slice(-4)}` : '****';
}
