import { conflict } from './errors';

/** Prisma's unique-constraint failure (P2002). */
export const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && e.code === 'P2002';

/** Turns Prisma's unique-constraint failure (P2002) into a 409 with a message for the person. */
export async function unique<T>(write: Promise<T>, message: string, code: string): Promise<T> {
  try {
    return await write;
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(message, code);
    throw e;
  }
}
