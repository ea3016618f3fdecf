import { useState } from 'react';
import { HttpError, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { HelpdeskDataProvider } from '../../dataProvider';

/** An i18n key (a success notice), or the key and the kind of notice. */
type Notice = string | { message: string; type: 'success' | 'info' };

interface PerformOptions<T> {
  /** The notice shown once the server has done it; a function reads it from the answer. */
  success: Notice | ((result: T) => Notice);
  /** Return true when the caller shows the error itself (in a dialog, say); otherwise it is notified. */
  onError?: (error: HttpError | Error) => boolean;
}

/**
 * A refusal because someone else changed the ticket since the page read it (409 STALE): the agent is told what it is
 * now and the page reloads; nothing else happens, and what the agent typed stays where it is. False for other errors.
 */
export const useStaleNotice = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  return (error: unknown): boolean => {
    if (errorCode(error) !== 'STALE') return false;
    const status = ((error as HttpError).body as { ticket?: { status?: string } } | null)?.ticket?.status ?? '';
    notify('app.stale.notice', { type: 'warning', messageArgs: { status: translate(`app.status.${status}`, { _: status }) } });
    refresh();
    return true;
  };
};

/** Runs one ticket action against the API, tells the agent how it went and reloads what it changed. */
export const useTicketAction = () => {
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const staleNotice = useStaleNotice();
  const [busy, setBusy] = useState(false);

  const perform = async <T>(action: (provider: HelpdeskDataProvider) => Promise<T>, { success, onError }: PerformOptions<T>) => {
    setBusy(true);
    try {
      const result = await action(dataProvider);
      const notice = typeof success === 'function' ? success(result) : success;
      if (typeof notice === 'string') notify(notice, { type: 'success' });
      else notify(notice.message, { type: notice.type });
      refresh();
      return true;
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      if (staleNotice(failure)) return false;
      if (!onError?.(failure)) notify(failure.message || 'ra.notification.http_error', { type: 'error' });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { perform, busy };
};

/** The machine code of an API error body ({ code, message }). */
export const errorCode = (error: unknown): string | undefined =>
  error instanceof HttpError ? (error.body as { code?: string } | null)?.code : undefined;
