import { Alert, AlertTitle, Box, Chip, List, ListItem, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import { localize } from '../../catalog/catalogText';
import type { Blocker } from '../../types';
import { blockerLabel } from './decisionModel';

interface BlockerListProps {
  blockers: readonly Blocker[];
  locale: string;
  /** The alert's heading (an i18n key). */
  title: string;
  /** Mark each blocker as one a supervisor may override or not (the decision dialog does, to a supervisor). */
  showOverridable?: boolean;
  onClose?: () => void;
}

/** Everything that stands in an approval's way, worded by the server, as one alert. */
export const BlockerList = ({ blockers, locale, title, showOverridable = true, onClose }: BlockerListProps) => {
  const translate = useTranslate();
  if (blockers.length === 0) return null;
  return (
    <Alert severity="error" role="alert" onClose={onClose}>
      <AlertTitle>{translate(title)}</AlertTitle>
      <List dense disablePadding aria-label={translate(title)}>
        {blockers.map((blocker, index) => (
          <ListItem
            key={`${blocker.code}-${blocker.precondition ?? ''}-${index}`}
            disableGutters
            data-code={blocker.code}
            data-overridable={blocker.overridable}
            sx={{ alignItems: 'flex-start', gap: 1 }}
          >
            <ListItemText
              sx={{ my: 0.25 }}
              primary={localize(blocker.label, locale) ?? localize(blockerLabel(blocker.code), locale) ?? blocker.code}
              secondary={blocker.detail ? localize(blocker.detail, locale) : undefined}
            />
            {showOverridable && (
              <Box sx={{ flexShrink: 0, pt: 0.25 }}>
                <Chip
                  size="small"
                  variant="outlined"
                  color={blocker.overridable ? 'warning' : 'error'}
                  label={translate(blocker.overridable ? 'app.decision.overridable' : 'app.decision.notOverridable')}
                />
              </Box>
            )}
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};
