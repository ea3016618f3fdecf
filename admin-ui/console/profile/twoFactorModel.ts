/** The base32 secret in groups of four, easier to type into an app than 32 characters in a row. */
export const groupedSecret = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** The text file of recovery codes offered for download: what they are for, then one code a line. */
export const recoveryCodesFile = (codes: readonly string[], email: string, heading: string): string =>
  [heading, email, '', ...codes, ''].join('\n');

export const recoveryCodesFileName = 'helpdesk-recovery-codes.txt';

export const isSixDigits = (code: string): boolean => /^\d{6}$/.test(code.replace(/\s+/g, ''));
