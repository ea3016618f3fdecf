// The public routes by which a customer proves control of an account and its owner objects (docs/owner-binding.md).
// Zod-free, for the public form: the requests' schemas are in public.ts.
import type { ObjectionRequest, OwnerCodeCheckRequest, OwnerCodeIssueRequest } from './public';

/** POST /api/public/owner-codes: a code is sent to the account's on-file security phone (or email). */
export type OwnerCodeRequest = OwnerCodeIssueRequest;
/** 202, the same whether or not the account exists. */
export type OwnerCodeIssued = { challengeId: string; expiresInSeconds: number };

/** POST /api/public/owner-codes/:challengeId/verify */
export type OwnerCodeCheck = OwnerCodeCheckRequest;
/**
 * 200 with a proof the appeal carries as `ownerProof`; a wrong code is 400 `CODE_INVALID` with `attemptsLeft`,
 * an expired or used-up challenge 410 `CODE_EXPIRED`.
 */
export type OwnerCodeVerified = { verified: true; proof: string; expiresInSeconds: number };

/** Whether an appeal of this kind and subject type must carry a verified code, or may. */
export type OwnerCodeRule = 'required' | 'optional';

/** POST /api/public/objections: the single-use token of a "this wasn't me" link. */
export type { ObjectionRequest };
/** 200; an unknown token is 404 `OBJECTION_NOT_FOUND`, a used one 409 `OBJECTION_USED`. */
export type ObjectionRecorded = { reference: string; recordedAt: string };

export const OWNER_CODE_DIGITS = 6;
export const OWNER_CODE_TTL_SECONDS = 600;
export const OWNER_CODE_MAX_ATTEMPTS = 5;
/** A verified code proves control for this long; the appeal must be filed within it. */
export const OWNER_PROOF_TTL_SECONDS = 1800;
