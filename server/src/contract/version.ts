import { z } from 'zod';

/** The ticket's version as the agent's page read it; a ticket changed since is refused (409 STALE). */
export const versionField = z.number().int().positive().optional();
