import { Alert, AlertTitle, Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { localize } from '../../catalog/catalogText';
import type { DecisionPreview } from '../../types';

interface ApprovalEffectProps {
  preview: DecisionPreview;
  locale: string;
}

/** What approving will do to the account, in the server's words, and whether a second person must confirm it. */
export const ApprovalEffect = ({ preview, locale }: ApprovalEffectProps) => {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="info" role="note" aria-label={translate('app.decision.effect')} data-effect={preview.effect.code}>
        <AlertTitle>{translate('app.decision.effect')}</AlertTitle>
        {localize(preview.effect.statement, locale) ?? localize(preview.effect.label, locale)}
        {preview.effect.outcome && (
          <Typography variant="body2" data-outcome sx={{ mt: 0.5 }}>
            {translate('app.decision.outcome', { outcome: localize(preview.effect.outcome, locale) })}
          </Typography>
        )}
      </Alert>
      {preview.notes?.length > 0 && (
        <Alert severity="info" role="note" aria-label={translate('app.decision.notes')}>
          <AlertTitle>{translate('app.decision.notes')}</AlertTitle>
          {preview.notes.map((note) => (
            <Typography key={note.code} variant="body2" data-code={note.code}>
              {localize(note.label, locale)}
            </Typography>
          ))}
        </Alert>
      )}
      {preview.fourEyes && (
        <Alert severity="warning" role="note" aria-label={translate('app.decision.fourEyes')}>
          <AlertTitle>{translate('app.decision.fourEyes')}</AlertTitle>
          {localize(preview.fourEyesReason ?? undefined, locale) ?? translate('app.decision.fourEyesDefault')}
        </Alert>
      )}
    </>
  );
};

/** Files nobody has judged yet: each needs a verdict before an approval can go ahead. */
export const UnreviewedFiles = ({ preview, locale }: ApprovalEffectProps) => {
  const translate = useTranslate();
  if (preview.unreviewedFiles.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle2" component="h3">
        {translate('app.decision.unreviewed', { smart_count: preview.unreviewedFiles.length })}
      </Typography>
      <List dense disablePadding aria-label={translate('app.decision.unreviewedList')}>
        {preview.unreviewedFiles.map((file) => (
          <ListItem key={file.evidenceId} disableGutters data-evidence-id={file.evidenceId}>
            <ListItemText sx={{ my: 0 }} primary={localize(file.slotLabel, locale) ?? file.slot} secondary={file.originalName} />
          </ListItem>
        ))}
      </List>
    </Box>
  );
};
