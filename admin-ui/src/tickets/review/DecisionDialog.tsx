import { useState } from 'react';
import { Alert, AlertTitle, Checkbox, FormControlLabel, MenuItem, TextField } from '@mui/material';
import { HttpError, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { ActionDialog } from '../../common/ActionDialog';
import { MessageWithMacros } from '../../macros/MessageWithMacros';
import { useRejectionReasons } from '../../rejectionReasons/useRejectionReasons';
import type { Decision, Ticket } from '../../types';
import { errorCode, useTicketAction } from './useTicketAction';

type Blocker = { code: string; label: Record<string, string> };

/** The server's reasons in the agent's language; its English sentence when it sent none. */
function blockersOf(error: HttpError | Error, locale: string): string[] {
  const blockers = error instanceof HttpError ? (error.body as { blockers?: Blocker[] } | null)?.blockers : undefined;
  return blockers?.length ? blockers.map((b) => b.label[locale] ?? b.label.en ?? b.code) : [error.message];
}

interface DecisionDialogProps {
  ticket: Ticket;
  decision: Decision;
  open: boolean;
  onClose: () => void;
}

/**
 * Approve or reject with the message the customer reads. A refused approval shows the server's reasons in the
 * dialog; a supervisor may then override them (the override is recorded with the decision).
 */
export const DecisionDialog = ({ ticket, decision, open, onClose }: DecisionDialogProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions<string>();
  const { choices } = useRejectionReasons('decision');
  const { perform, busy } = useTicketAction();
  const [reasonCode, setReasonCode] = useState('');
  const [message, setMessage] = useState('');
  const [blocked, setBlocked] = useState<string[] | null>(null);
  const [override, setOverride] = useState(false);
  const mayOverride = permissions === 'supervisor' || permissions === 'admin';
  const rejecting = decision === 'reject';

  const send = async () => {
    const decided = await perform(
      provider =>
        provider.decide(ticket.id, {
          decision,
          message: message.trim(),
          ...(rejecting ? { reasonCode } : {}),
          ...(override ? { override: true } : {}),
        }),
      {
        success: `app.decision.done.${decision}`,
        onError: error => {
          if (errorCode(error) !== 'APPROVAL_BLOCKED') return false;
          setBlocked(blockersOf(error, locale));
          return true;
        },
      },
    );
    if (decided) onClose();
  };

  return (
    <ActionDialog
      open={open}
      title={translate(`app.decision.title.${decision}`, { reference: ticket.reference })}
      confirmLabel={translate(`app.decision.confirm.${decision}`)}
      confirmColor={rejecting ? 'error' : 'success'}
      onConfirm={send}
      onClose={onClose}
      canConfirm={message.trim().length > 0 && (!rejecting || reasonCode !== '') && (!blocked || override)}
      busy={busy}
    >
      {blocked && (
        <Alert severity="error" role="alert">
          <AlertTitle>{translate('app.decision.blocked')}</AlertTitle>
          {blocked.length === 1 ? blocked[0] : (
            <ul>
              {blocked.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {blocked && mayOverride && (
        <FormControlLabel
          control={<Checkbox checked={override} onChange={event => setOverride(event.target.checked)} />}
          label={translate('app.decision.override')}
        />
      )}
      {rejecting && (
        <TextField select required label={translate('app.decision.reason')} value={reasonCode} onChange={event => setReasonCode(event.target.value)}>
          {choices.map(choice => (
            <MenuItem key={choice.id} value={choice.id}>
              {choice.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <MessageWithMacros ticket={ticket} label={translate('app.decision.message')} value={message} onChange={setMessage} />
    </ActionDialog>
  );
};
