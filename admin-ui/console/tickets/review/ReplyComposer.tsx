import { useState } from 'react';
import { Button, Card, CardContent, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { useCreate, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { REPLY_BODY_ID } from '../../keyboard/useTicketPageShortcuts';
import { useReplyingSignal } from '../../live/useTicketPresence';
import { MacroPicker } from '../../macros/MacroPicker';
import type { MessageCreateRequest, Ticket, TicketMessage, WithVersion } from '../../types';
import { useStaleNotice } from './useTicketAction';

type ComposerKind = 'public_reply' | 'internal_note';

/** A reply the customer reads (and is told of), or a note only the desk sees. */
export const ReplyComposer = () => {
  const ticket = useRecordContext<Ticket>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const staleNotice = useStaleNotice();
  const [create, { isPending }] = useCreate<WithVersion<TicketMessage>>();
  const [kind, setKind] = useState<ComposerKind>('public_reply');
  const [body, setBody] = useState('');
  // Colleagues on the ticket see "replying" while the composer holds text.
  useReplyingSignal(ticket ? Number(ticket.id) : undefined, body.trim() !== '');
  if (!ticket) return null;
  const note = kind === 'internal_note';

  const send = () =>
    create(
      'messages',
      { data: { ticketId: ticket.id, kind, body: body.trim(), version: ticket.version } satisfies MessageCreateRequest },
      {
        onSuccess: () => {
          setBody('');
          notify(`app.composer.sent.${kind}`, { type: 'success' });
          refresh();
        },
        // The typed text is kept on any refusal, a stale page's included.
        onError: (error) => staleNotice(error) || notify((error as Error).message || 'ra.notification.http_error', { type: 'error' }),
      },
    );

  return (
    <Card component="section" aria-label={translate('app.composer.title')}>
      <CardContent>
        <Typography variant="h6" component="h3" gutterBottom>
          {translate('app.composer.title')}
        </Typography>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} alignItems="flex-start" flexWrap="wrap" useFlexGap>
            <ToggleButtonGroup
              exclusive
              size="small"
              value={kind}
              onChange={(_event, value: ComposerKind | null) => value && setKind(value)}
              aria-label={translate('app.composer.kind')}
            >
              <ToggleButton value="public_reply">{translate('app.composer.public_reply')}</ToggleButton>
              <ToggleButton value="internal_note">{translate('app.composer.internal_note')}</ToggleButton>
            </ToggleButtonGroup>
            <MacroPicker ticket={ticket} action="public_reply" onText={setBody} />
          </Stack>
          <TextField
            id={REPLY_BODY_ID}
            label={translate(note ? 'app.composer.noteBody' : 'app.composer.replyBody')}
            helperText={translate(note ? 'app.composer.noteHint' : 'app.composer.replyHint')}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            multiline
            minRows={3}
            sx={note ? { '& .MuiInputBase-root': { bgcolor: 'warning.light' } } : undefined}
          />
          <Stack direction="row" justifyContent="flex-end">
            <Button
              variant="contained"
              color={note ? 'warning' : 'primary'}
              endIcon={<SendIcon />}
              disabled={!body.trim() || isPending}
              onClick={send}
            >
              {translate(note ? 'app.composer.sendNote' : 'app.composer.sendReply')}
            </Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
};
