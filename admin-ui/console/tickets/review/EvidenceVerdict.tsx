import { useState } from 'react';
import { Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { useNotify, useRefresh, useTranslate, useUpdate } from 'react-admin';
import { useRejectionReasons } from '../../rejectionReasons/useRejectionReasons';
import type { Evidence, Verdict, VerdictRequest, WithVersion } from '../../types';
import { useStaleNotice } from './useTicketAction';

/**
 * Accept the current file, or reject it with one of the desk's reasons (the customer reads it). `version` is the
 * ticket's as this page read it: a verdict on a ticket changed since is refused (STALE) and the page reloads.
 */
export const EvidenceVerdict = ({ evidence, version, disabled = false }: { evidence: Evidence; version: number; disabled?: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const staleNotice = useStaleNotice();
  const { choices, labelOf } = useRejectionReasons('evidence');
  const [update, { isPending }] = useUpdate<WithVersion<Evidence>>();
  const [rejecting, setRejecting] = useState(false);
  const [reasonCode, setReasonCode] = useState('');

  const judge = (verdict: Verdict) =>
    update(
      'evidence',
      {
        id: evidence.id,
        data: (verdict === 'rejected' ? { verdict, reasonCode, version } : { verdict, version }) satisfies VerdictRequest,
        previousData: evidence,
      },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setRejecting(false);
          setReasonCode('');
          notify(`app.review.verdictSaved.${verdict}`, { type: 'success' });
          refresh();
        },
        onError: (error) => {
          if (!staleNotice(error)) notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        },
      },
    );

  return (
    <Stack spacing={1}>
      <Typography variant="body2">
        {translate('app.review.currentVerdict')}: <strong>{translate(`app.verdict.${evidence.verdict ?? 'pending'}`)}</strong>
        {evidence.reasonCode ? ` · ${labelOf(evidence.reasonCode) ?? evidence.reasonCode}` : ''}
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button
          variant={evidence.verdict === 'accepted' ? 'contained' : 'outlined'}
          color="success"
          startIcon={<CheckIcon />}
          disabled={disabled || isPending}
          onClick={() => judge('accepted')}
        >
          {translate('app.review.accept')}
        </Button>
        <Button
          variant={evidence.verdict === 'rejected' ? 'contained' : 'outlined'}
          color="error"
          startIcon={<CloseIcon />}
          disabled={disabled || isPending}
          onClick={() => setRejecting(true)}
        >
          {translate('app.review.reject')}
        </Button>
      </Stack>
      {rejecting && (
        <Stack spacing={1}>
          <TextField
            select
            size="small"
            required
            fullWidth
            label={translate('app.review.rejectReason')}
            value={reasonCode}
            onChange={(event) => setReasonCode(event.target.value)}
          >
            {choices.map((choice) => (
              <MenuItem key={choice.id} value={choice.id} sx={{ whiteSpace: 'normal' }}>
                {choice.name}
              </MenuItem>
            ))}
          </TextField>
          <Stack direction="row" spacing={1}>
            <Button variant="contained" color="error" disabled={!reasonCode || isPending} onClick={() => judge('rejected')}>
              {translate('app.review.confirmReject')}
            </Button>
            <Button onClick={() => setRejecting(false)}>{translate('ra.action.cancel')}</Button>
          </Stack>
        </Stack>
      )}
    </Stack>
  );
};
