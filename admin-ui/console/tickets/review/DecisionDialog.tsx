import { useState } from 'react';
import { Alert, Checkbox, FormControlLabel, FormHelperText, LinearProgress, MenuItem, TextField } from '@mui/material';
import { HttpError, useLocaleState, useTranslate } from 'react-admin';
import { ActionDialog } from '../../common/ActionDialog';
import { MessageWithMacros } from '../../macros/MessageWithMacros';
import { useRejectionReasons } from '../../rejectionReasons/useRejectionReasons';
import type { Blocker, Decision, Ticket } from '../../types';
import { ApprovalEffect, UnreviewedFiles } from './ApprovalEffect';
import { BlockerList } from './BlockerList';
import { blockersOf, mayApprove, MIN_OVERRIDE_REASON, overridable } from './decisionModel';
import { errorCode, useTicketAction } from './useTicketAction';
import { useTicketReview } from './useTicketReview';

interface DecisionDialogProps {
  ticket: Ticket;
  decision: Decision;
  open: boolean;
  onClose: () => void;
  /** Called once the server has taken the decision (or the proposal), after the dialog closed. */
  onDecided?: () => void;
}

/**
 * Approve or reject with the message the customer reads. Approving first loads the server's preview: what it will
 * do to the account, whether a second person must confirm, what blocks it and which files nobody has judged. While a
 * blocker stands it cannot be sent, unless a supervisor overrides blockers that may be overridden, with a reason.
 */
export const DecisionDialog = ({ ticket, decision, open, onClose, onDecided }: DecisionDialogProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const rejecting = decision === 'reject';
  const { choices } = useRejectionReasons('decision');
  const { perform, busy } = useTicketAction();
  const { data: review, error: previewError, isFetching } = useTicketReview(ticket.id, { fresh: !rejecting });
  const [reasonCode, setReasonCode] = useState('');
  const [message, setMessage] = useState('');
  /** The blockers of a refused approval: the server's latest word replaces the preview's. */
  const [answered, setAnswered] = useState<Blocker[] | null>(null);
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);

  const preview = review?.decision;
  const blockers = answered ?? preview?.blockers ?? [];
  const mayOverride = preview?.mayOverride ?? false;
  const canOverride = mayOverride && blockers.length > 0 && overridable(blockers);
  const overriding = canOverride && override;
  const reasonTooShort = overrideReason.trim().length < MIN_OVERRIDE_REASON;
  const previewReady = preview !== undefined && !isFetching;
  const mayDecide = preview?.mayDecide ?? true;

  const canApprove = previewReady && mayDecide && mayApprove({ blockers, mayOverride, override: overriding, overrideReason });
  const canConfirm = message.trim().length > 0 && (rejecting ? reasonCode !== '' && mayDecide : canApprove);

  const refused = (error: HttpError | Error): boolean => {
    if (!(error instanceof HttpError) || error.status < 400 || error.status >= 500) return false;
    const code = errorCode(error);
    const blocked = code === 'APPROVAL_BLOCKED' ? blockersOf(error) : undefined;
    if (blocked?.length) {
      setAnswered(blocked);
      setOverride(false);
      setRefusal(null);
      return true;
    }
    setRefusal(code === 'NOT_ASSIGNEE' ? translate('app.decision.notAssignee') : translate(error.message, { _: error.message }));
    return true;
  };

  const send = async () => {
    setRefusal(null);
    const decided = await perform(
      (provider) =>
        provider.decide(ticket.id, {
          decision,
          message: message.trim(),
          version: ticket.version,
          ...(rejecting ? { reasonCode } : {}),
          ...(!rejecting && overriding ? { override: true, overrideReason: overrideReason.trim() } : {}),
        }),
      {
        success: (result) =>
          result.outcome?.pending ? { message: 'app.decision.proposed', type: 'info' } : `app.decision.done.${decision}`,
        onError: refused,
      },
    );
    if (!decided) return;
    onClose();
    onDecided?.();
  };

  const confirmKey = !rejecting && preview?.fourEyes ? 'app.decision.confirm.propose' : `app.decision.confirm.${decision}`;

  return (
    <ActionDialog
      open={open}
      title={translate(`app.decision.title.${decision}`, { reference: ticket.reference })}
      confirmLabel={translate(confirmKey)}
      confirmColor={rejecting ? 'error' : 'success'}
      onConfirm={send}
      onClose={onClose}
      canConfirm={canConfirm}
      busy={busy}
    >
      {refusal && (
        <Alert severity="error" role="alert">
          {refusal}
        </Alert>
      )}
      {preview && !preview.mayDecide && !refusal && <Alert severity="warning">{translate('app.decision.notAssignee')}</Alert>}
      {!rejecting && (
        <>
          {!preview && !previewError && <LinearProgress aria-label={translate('app.decision.loading')} />}
          {!preview && previewError && (
            <Alert severity="error" role="alert">
              {translate('app.decision.previewFailed', { error: previewError.message })}
            </Alert>
          )}
          {preview && <ApprovalEffect preview={preview} locale={locale} />}
          <BlockerList blockers={blockers} locale={locale} title="app.decision.blockers" />
          {preview && <UnreviewedFiles preview={preview} locale={locale} />}
          {mayOverride && blockers.length > 0 && (
            <div>
              <FormControlLabel
                control={<Checkbox checked={overriding} disabled={!canOverride} onChange={(event) => setOverride(event.target.checked)} />}
                label={translate('app.decision.override')}
              />
              {!canOverride && <FormHelperText>{translate('app.decision.overrideUnavailable')}</FormHelperText>}
            </div>
          )}
          {overriding && (
            <TextField
              required
              multiline
              minRows={2}
              label={translate('app.decision.overrideReason')}
              value={overrideReason}
              onChange={(event) => setOverrideReason(event.target.value)}
              error={overrideReason !== '' && reasonTooShort}
              helperText={translate('app.decision.overrideReasonHint', {
                count: overrideReason.trim().length,
                min: MIN_OVERRIDE_REASON,
              })}
            />
          )}
        </>
      )}
      {rejecting && (
        <TextField
          select
          required
          label={translate('app.decision.reason')}
          value={reasonCode}
          onChange={(event) => setReasonCode(event.target.value)}
        >
          {choices.map((choice) => (
            <MenuItem key={choice.id} value={choice.id}>
              {choice.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <MessageWithMacros
        ticket={ticket}
        action={decision}
        label={translate('app.decision.message')}
        value={message}
        onChange={setMessage}
      />
    </ActionDialog>
  );
};
