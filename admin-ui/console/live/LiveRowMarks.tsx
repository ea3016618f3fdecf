import { Box, Tooltip } from '@mui/material';
import PeopleIcon from '@mui/icons-material/People';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Ticket } from '../types';
import { useTicketPresence } from './useTicketPresence';

/** In a list row: a dot when the customer acted since I last looked (my tickets), and who has the ticket open. */
export const LiveRowMarks = () => {
  const record = useRecordContext<Ticket>();
  const translate = useTranslate();
  const others = useTicketPresence(record ? Number(record.id) : undefined);
  if (!record) return null;
  const names = others.map((a) => a.name).join(', ');
  return (
    <>
      {record.unread && (
        <Tooltip title={translate('app.live.unread')}>
          <Box
            component="span"
            role="img"
            aria-label={translate('app.live.unread')}
            data-testid="unread-marker"
            sx={{
              display: 'inline-block',
              width: 8,
              height: 8,
              borderRadius: '50%',
              bgcolor: 'primary.main',
              ml: 0.75,
              verticalAlign: 'middle',
            }}
          />
        </Tooltip>
      )}
      {others.length > 0 && (
        <Tooltip title={translate('app.live.rowPresence', { names })}>
          <PeopleIcon
            titleAccess={translate('app.live.rowPresence', { names })}
            data-testid="row-presence"
            fontSize="inherit"
            color={others.some((a) => a.mode === 'replying') ? 'warning' : 'action'}
            sx={{ ml: 0.75, verticalAlign: 'middle' }}
          />
        </Tooltip>
      )}
    </>
  );
};
