import { Button, Paper, Stack } from '@mui/material';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import { useRecordContext, useTranslate } from 'react-admin';
import { useTicketQueue } from '../../keyboard/useTicketQueue';
import type { Ticket } from '../../types';
import { TicketActions } from './TicketActions';

/**
 * The ticket's actions in a bar that stays in view while the agent scrolls through the materials and the
 * conversation; it sits below the app bar's height, so the app bar sliding back never covers it.
 */
export const StickyActions = () => {
  const ticket = useRecordContext<Ticket>();
  const translate = useTranslate();
  const queue = useTicketQueue(ticket?.id);
  if (!ticket) return null;
  return (
    <Paper
      elevation={3}
      data-testid="sticky-actions"
      sx={{ position: 'sticky', top: { xs: 56, sm: 48 }, zIndex: (theme) => theme.zIndex.appBar - 1, px: 2, py: 1.5 }}
    >
      <Stack direction="row" spacing={1} alignItems="flex-start">
        <Stack sx={{ flex: 1 }}>
          <TicketActions />
        </Stack>
        <Button endIcon={<NavigateNextIcon />} onClick={() => void queue.next()} sx={{ flexShrink: 0 }}>
          {translate('app.keyboard.nextTicket')}
        </Button>
      </Stack>
    </Paper>
  );
};
