import { useState } from 'react';
import { HttpError, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { HelpdeskDataProvider } from '../../dataProvider';

interface PerformOptions {
  /** i18n key of the notice shown once the server has done it. */
  success: string;
  /** Return true when the caller shows the error itself (in a dialog, say); otherwise it is notified. */
  onError?: (error: HttpError | Error) => boolean;
}

/** Runs one ticket action against the API, tells the agent how it went and reloads what it changed. */
export const useTicketAction = () => {
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);

  const perform = async (action: (provider: HelpdeskDataProvider) => Promise<unknown>, { success, onError }: PerformOptions) => {
    setBusy(true);
    try {
      await action(dataProvider);
      notify(success, { type: 'success' });
      refresh();
      return true;
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
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
