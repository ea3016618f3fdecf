import { conflict } from './errors';

/** Turns Prisma's unique-constraint failure (P2002) into a 409 with a message for the person. */
export async function unique<T>(write: Promise<T>, message: string, code: string): Promise<T> {
  try {
    return await write;
  } catch (e) {
    if (typeof e === 'object' && e && 'code' in e && e.code === 'P2002') throw conflict(message, code);
    throw e;
  }
}
