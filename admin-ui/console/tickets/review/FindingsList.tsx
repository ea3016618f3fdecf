import { List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import WarningIcon from '@mui/icons-material/Warning';
import type { ReactElement } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { localize } from '../../catalog/catalogText';
import type { Finding, Severity } from '../../types';
import { bySeverity } from './reviewModel';

export const severityIcon: Record<Severity, ReactElement> = {
  pass: <CheckCircleIcon color="success" fontSize="small" />,
  warn: <WarningIcon color="warning" fontSize="small" />,
  fail: <ErrorIcon color="error" fontSize="small" />,
};

/** What the checks found on a file, worst first, in the console's language. */
export const FindingsList = ({ findings, label }: { findings: readonly Finding[]; label: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (findings.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.review.noFindings')}
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label={label}>
      {bySeverity(findings).map((finding, index) => (
        <ListItem key={`${finding.code}-${index}`} disableGutters data-severity={finding.severity}>
          <ListItemIcon sx={{ minWidth: 32 }} aria-label={translate(`app.severity.${finding.severity}`)} role="img">
            {severityIcon[finding.severity]}
          </ListItemIcon>
          <ListItemText primary={localize(finding.message, locale) ?? finding.code} />
        </ListItem>
      ))}
    </List>
  );
};
