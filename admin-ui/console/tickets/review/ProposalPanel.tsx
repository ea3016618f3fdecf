import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import UndoIcon from '@mui/icons-material/Undo';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import { HttpError, useLocaleState, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { localize } from '../../catalog/catalogText';
import { ActionDialog } from '../../common/ActionDialog';
import { formatDateTime } from '../../common/LocalDateField';
import type { Blocker, ConfirmRequest, Ticket } from '../../types';
import { awaitsSecondApproval } from '../ticketModel';
import { BlockerList } from './BlockerList';
import { blockerLabel, blockersOf } from './decisionModel';
import { errorCode, useTicketAction } from './useTicketAction';
import { useTicketReview } from './useTicketReview';

/** Why the confirmation did not go through; it outlives the proposal (a stale one sends the ticket back to review). */
type Refusal = { /** i18n key */ message: string; blockers?: Blocker[] };

/**
 * A ticket in approval_pending: who proposed the approval, with which message and overrides, and what it will do.
 * A supervisor or admin other than the proposer confirms it or sends it back to review; everyone else waits.
 */
export const ProposalPanel = () => {
  const ticket = useRecordContext<Ticket>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const refresh = useRefresh();
  const { perform, busy } = useTicketAction();
  const { data: review } = useTicketReview(ticket?.id);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [sendingBack, setSendingBack] = useState(false);
  const [note, setNote] = useState('');
  if (!ticket) return null;
  const pending = awaitsSecondApproval(ticket.status);
  if (!pending && !refusal) return null;

  const preview = review?.decision;
  const proposal = preview?.proposal ?? null;

  const refused = (error: HttpError | Error): boolean => {
    if (!(error instanceof HttpError)) return false;
    const code = errorCode(error);
    if (error.status === 403) {
      setRefusal({ message: 'app.proposal.forbidden' });
    } else if (code === 'STALE_PROPOSAL') {
      setRefusal({ message: 'app.proposal.stale' });
      refresh();
    } else if (code === 'APPROVAL_BLOCKED') {
      setRefusal({ message: 'app.proposal.blocked', blockers: blockersOf(error) ?? [] });
      refresh();
    } else {
      return false;
    }
    return true;
  };

  const confirm = async (body: ConfirmRequest) => {
    setRefusal(null);
    return perform((provider) => provider.confirmDecision(ticket.id, { ...body, version: ticket.version }), {
      success: body.approve ? 'app.proposal.confirmed' : 'app.proposal.sentBack',
      onError: refused,
    });
  };

  const sendBack = async () => {
    if (await confirm({ approve: false, note: note.trim() })) {
      setSendingBack(false);
      setNote('');
    }
  };

  const dismiss = () => setRefusal(null);
  const refusalAlert =
    refusal &&
    (refusal.blockers?.length ? (
      <BlockerList blockers={refusal.blockers} locale={locale} title={refusal.message} showOverridable={false} onClose={dismiss} />
    ) : (
      <Alert severity="error" role="alert" onClose={dismiss}>
        {translate(refusal.message)}
      </Alert>
    ));

  if (!pending) return refusalAlert;

  return (
    <Card component="section" aria-label={translate('app.proposal.title')} sx={{ borderLeft: 4, borderColor: 'secondary.main' }}>
      <CardContent>
        <Stack spacing={1.5}>
          <Typography variant="h6" component="h3">
            {translate('app.proposal.title')}
          </Typography>
          {refusalAlert}
          {proposal && (
            <Typography variant="body2">
              {translate('app.proposal.proposedBy', {
                name: proposal.proposedBy.name,
                at: formatDateTime(proposal.proposedAt, locale),
              })}
            </Typography>
          )}
          {preview && (
            <Box>
              <Typography variant="subtitle2" component="h4">
                {translate('app.decision.effect')}
              </Typography>
              <Typography variant="body2" data-effect={preview.effect.code}>
                {localize(preview.effect.statement, locale)}
              </Typography>
            </Box>
          )}
          {proposal && (
            <Box>
              <Typography variant="subtitle2" component="h4">
                {translate('app.decision.message')}
              </Typography>
              <Typography
                variant="body2"
                component="blockquote"
                sx={{ m: 0, pl: 1.5, borderLeft: 2, borderColor: 'divider', whiteSpace: 'pre-wrap' }}
              >
                {proposal.message}
              </Typography>
            </Box>
          )}
          {proposal && proposal.overridden.length > 0 && (
            <Alert severity="warning" role="note" aria-label={translate('app.proposal.overridden')}>
              <AlertTitle>{translate('app.proposal.overridden')}</AlertTitle>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {proposal.overridden.map((code) => (
                  <li key={code}>{localize(blockerLabel(code), locale) ?? code}</li>
                ))}
              </Box>
              {proposal.overrideReason && (
                <Typography variant="body2" sx={{ mt: 1 }}>
                  {translate('app.proposal.overrideReason', { reason: proposal.overrideReason })}
                </Typography>
              )}
            </Alert>
          )}
          {proposal?.mayConfirm ? (
            <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
              <Button
                variant="contained"
                color="success"
                startIcon={<CheckCircleIcon />}
                disabled={busy}
                onClick={() => confirm({ approve: true })}
              >
                {translate('app.proposal.confirm')}
              </Button>
              <Button variant="outlined" startIcon={<UndoIcon />} disabled={busy} onClick={() => setSendingBack(true)}>
                {translate('app.proposal.sendBack')}
              </Button>
            </Stack>
          ) : (
            <Stack direction="row" spacing={1} alignItems="center" role="status">
              <HourglassTopIcon color="action" fontSize="small" />
              <Typography variant="body2" color="text.secondary">
                {translate('app.proposal.waiting')}
              </Typography>
            </Stack>
          )}
        </Stack>
      </CardContent>
      <ActionDialog
        open={sendingBack}
        title={translate('app.proposal.sendBackTitle', { reference: ticket.reference })}
        confirmLabel={translate('app.proposal.sendBack')}
        confirmColor="warning"
        onConfirm={sendBack}
        onClose={() => setSendingBack(false)}
        canConfirm={note.trim().length > 0}
        busy={busy}
        maxWidth="xs"
      >
        <TextField
          required
          multiline
          minRows={3}
          label={translate('app.proposal.note')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </ActionDialog>
    </Card>
  );
};
