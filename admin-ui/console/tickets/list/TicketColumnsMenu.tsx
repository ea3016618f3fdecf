import { useState } from 'react';
import { Button, Checkbox, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import { useStore, useTranslate } from 'react-admin';

/** The list's optional columns, by the source its DataTable column hides under, and the label it shows. */
export const OPTIONAL_COLUMNS = [
  { source: 'kind', label: 'resources.tickets.fields.kind' },
  { source: 'status', label: 'resources.tickets.fields.status' },
  { source: 'priority', label: 'resources.tickets.fields.priority' },
  { source: 'assigneeId', label: 'resources.tickets.fields.assigneeId' },
  { source: 'contact.name', label: 'resources.tickets.fields.contactName' },
  { source: 'contact.phone', label: 'app.triage.phone' },
  { source: 'accountUin', label: 'app.triage.accountUin' },
  { source: 'slaDueAt', label: 'resources.tickets.fields.slaDueAt' },
  { source: 'updatedAt', label: 'resources.tickets.fields.updatedAt' },
] as const;

/** Where react-admin's DataTable reads the hidden columns of the tickets list (its default store key). */
export const HIDDEN_COLUMNS_KEY = 'tickets.datatable';

/**
 * Shows or hides the list's columns, kept in the console's store so the agent's choice is there the next day. A menu
 * of our own: react-admin's ColumnsButton keeps an autofocused filter box mounted, which takes the list's focus.
 */
export const TicketColumnsMenu = () => {
  const translate = useTranslate();
  const [hidden, setHidden] = useStore<string[]>(HIDDEN_COLUMNS_KEY, []);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const toggle = (source: string) => setHidden(hidden.includes(source) ? hidden.filter((s) => s !== source) : [...hidden, source]);
  return (
    <>
      <Button
        size="small"
        startIcon={<ViewColumnIcon />}
        aria-haspopup="menu"
        aria-expanded={Boolean(anchor)}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {translate('ra.action.select_columns')}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {OPTIONAL_COLUMNS.map((column) => (
          <MenuItem
            key={column.source}
            role="menuitemcheckbox"
            aria-checked={!hidden.includes(column.source)}
            onClick={() => toggle(column.source)}
          >
            <ListItemIcon>
              <Checkbox
                edge="start"
                size="small"
                checked={!hidden.includes(column.source)}
                tabIndex={-1}
                disableRipple
                inputProps={{ 'aria-hidden': true }}
              />
            </ListItemIcon>
            <ListItemText>{translate(column.label)}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
