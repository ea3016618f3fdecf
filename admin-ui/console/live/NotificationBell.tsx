import { useState, type MouseEvent } from 'react';
import { Badge, Divider, IconButton, ListItemText, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { useCreatePath, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { useCatalogText } from '../catalog/useCatalog';
import type { HelpdeskDataProvider } from '../dataProvider';
import { useLive } from './LiveProvider';
import { activityKey, type BellItem } from './liveModel';

const when: Intl.DateTimeFormatOptions = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' };

/** The app bar's bell: my tickets the customer acted on since I last looked; opening one marks it read. */
export const NotificationBell = () => {
  const { enabled, bell, refreshBell } = useLive();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const text = useCatalogText();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!enabled) return null;
  const count = bell?.count ?? 0;
  const label = translate('app.live.bell.label', { count: bell?.capped ? `${count}+` : count });

  const open = (item: BellItem) => {
    setAnchor(null);
    navigate(createPath({ resource: 'tickets', id: item.ticketId, type: 'show' }));
    dataProvider.markRead(item.ticketId).then(refreshBell, () => undefined);
  };

  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="menu"
          onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        >
          <Badge badgeContent={count} max={99} color="error">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { 'aria-label': translate('app.live.bell.title') } }}
      >
        <Typography variant="subtitle2" sx={{ px: 2, py: 1 }}>
          {translate('app.live.bell.title')}
        </Typography>
        <Divider />
        {count === 0 && <MenuItem disabled>{translate('app.live.bell.empty')}</MenuItem>}
        {bell?.items.map((item) => (
          <MenuItem key={item.ticketId} onClick={() => open(item)} sx={{ maxWidth: 420 }}>
            <ListItemText
              primary={`${item.reference} · ${text.kind(item.kind)}`}
              secondary={`${translate(activityKey(item.activity))} · ${new Date(item.at).toLocaleString(locale, when)}`}
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
