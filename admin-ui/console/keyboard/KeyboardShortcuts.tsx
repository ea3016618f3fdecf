import { useState } from 'react';
import { useCreatePath, useLocation, useNavigate } from 'react-admin';
import { scopeOfPath } from './shortcutModel';
import { focusTicketSearch } from './searchField';
import { ShortcutSheet } from './ShortcutSheet';
import { useShortcuts } from './useShortcuts';

/** The console-wide shortcuts: `?` shows the sheet, `/` goes to the ticket search. Mounted once, in the layout. */
export const KeyboardShortcuts = () => {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  useShortcuts(null, {
    help: () => setOpen(true),
    search: () => {
      const elsewhere = scopeOfPath(pathname) !== 'list';
      if (elsewhere) navigate(createPath({ resource: 'tickets', type: 'list' }));
      focusTicketSearch({ afterNavigation: elsewhere });
    },
  });
  return <ShortcutSheet open={open} onClose={() => setOpen(false)} />;
};
