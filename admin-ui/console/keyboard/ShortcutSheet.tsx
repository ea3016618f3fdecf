import { Fragment } from 'react';
import {
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { keysShown, SHORTCUT_ACTIONS, SHORTCUTS, type ShortcutScope } from './shortcutModel';

const SCOPES: readonly ShortcutScope[] = ['global', 'list', 'ticket'];

/** The ticket page walks the queue with j/k too, so its section repeats next and previous. */
const actionsIn = (scope: ShortcutScope) =>
  SHORTCUT_ACTIONS.filter(
    (action) => SHORTCUTS[action].scope === scope || (scope === 'ticket' && (action === 'next' || action === 'previous')),
  );

const Key = ({ name }: { name: string }) => {
  const translate = useTranslate();
  return (
    <Box
      component="kbd"
      sx={{ px: 0.75, py: 0.25, border: 1, borderColor: 'divider', borderRadius: 1, fontFamily: 'monospace', bgcolor: 'action.hover' }}
    >
      {translate(`app.keyboard.key.${name}`, { _: name })}
    </Box>
  );
};

/** The `?` sheet: every shortcut, grouped by the page it works on. */
export const ShortcutSheet = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="shortcut-sheet-title" maxWidth="sm" fullWidth>
      <DialogTitle id="shortcut-sheet-title">{translate('app.keyboard.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('app.keyboard.intro')}
        </Typography>
        {SCOPES.map((scope) => (
          <Table key={scope} size="small" aria-labelledby={`shortcut-scope-${scope}`} sx={{ mb: 2 }}>
            <TableHead>
              <TableRow>
                <TableCell colSpan={2} id={`shortcut-scope-${scope}`} component="th" scope="colgroup">
                  <Typography variant="subtitle2" component="span">
                    {translate(`app.keyboard.scope.${scope}`)}
                  </Typography>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {actionsIn(scope).map((action) => (
                <TableRow key={action}>
                  <TableCell sx={{ width: '40%', whiteSpace: 'nowrap' }}>
                    {keysShown(action, scope).map((key, index) => (
                      <Fragment key={key}>
                        {index > 0 && ` ${translate('app.keyboard.or')} `}
                        <Key name={key} />
                      </Fragment>
                    ))}
                  </TableCell>
                  <TableCell>{translate(`app.keyboard.action.${action}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {translate('app.keyboard.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
