import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { recoveryCodesFile, recoveryCodesFileName } from './twoFactorModel';

interface RecoveryCodesProps {
  codes: readonly string[];
  email: string;
  onDone: () => void;
}

/** The ten recovery codes, shown once right after enrolment: copy them or download them, then they are gone. */
export const RecoveryCodes = ({ codes, email, onDone }: RecoveryCodesProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const text = recoveryCodesFile(codes, email, translate('app.profile.recoveryFileHeading'));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      notify('app.profile.recoveryCopied', { type: 'info' });
    } catch {
      notify('app.profile.recoveryCopyFailed', { type: 'warning' });
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = recoveryCodesFileName;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack spacing={2} component="section" aria-labelledby="recovery-codes-title">
      <Alert severity="success">{translate('app.profile.enabled')}</Alert>
      <Typography variant="subtitle1" component="h3" id="recovery-codes-title">
        {translate('app.profile.recoveryTitle')}
      </Typography>
      <Alert severity="warning">{translate('app.profile.recoveryHint', { smart_count: codes.length })}</Alert>
      <Box
        component="ol"
        aria-label={translate('app.profile.recoveryTitle')}
        sx={{
          m: 0,
          p: 2,
          display: 'grid',
          gridTemplateColumns: 'repeat(2, max-content)',
          columnGap: 5,
          rowGap: 1,
          bgcolor: 'action.hover',
          borderRadius: 1,
          fontFamily: 'monospace',
          fontSize: '1.05rem',
          listStylePosition: 'inside',
        }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
          {translate('app.profile.recoveryCopy')}
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={download}>
          {translate('app.profile.recoveryDownload')}
        </Button>
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" onClick={onDone}>
          {translate('app.profile.recoveryDone')}
        </Button>
      </Stack>
    </Stack>
  );
};
