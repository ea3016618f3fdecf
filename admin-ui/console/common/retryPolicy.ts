import { HttpError } from 'react-admin';

const MAX_RETRIES = 3;

/** Retry network and server failures, never a 4xx: asking again gets the same refusal. */
export const retryUnlessRefused = (failureCount: number, error: Error): boolean =>
  !(error instanceof HttpError && error.status >= 400 && error.status < 500) && failureCount < MAX_RETRIES;
