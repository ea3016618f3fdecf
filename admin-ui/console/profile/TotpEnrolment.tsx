import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import type { TotpEnrolment as Enrolment } from '../authProvider';
import { groupedSecret, isSixDigits } from './twoFactorModel';

interface TotpEnrolmentProps {
  enrolment: Enrolment;
  /** Resolves once the code turned two-factor sign-in on; rejects with the refusal's text. */
  onEnable: (code: string) => Promise<void>;
  onCancel: () => void;
}

/** Scan the QR code (or type the secret) into an authenticator app, then prove it with the code the app shows. */
export const TotpEnrolment = ({ enrolment, onEnable, onCancel }: TotpEnrolmentProps) => {
  const translate = useTranslate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isSixDigits(code)) {
      setError(translate('app.login.codeFormat'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onEnable(code.replace(/\s+/g, ''));
    } catch (refusal) {
      setError(String((refusal as Error).message));
      setSaving(false);
    }
  };

  return (
    <Stack spacing={2} component="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="totp-enrolment-title">
      <Typography variant="subtitle1" component="h3" id="totp-enrolment-title">
        {translate('app.profile.enrolTitle')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ alignItems: { sm: 'flex-start' } }}>
        <Box
          component="img"
          src={enrolment.qrCode}
          alt={translate('app.profile.qrAlt')}
          sx={{ width: 200, height: 200, flexShrink: 0, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}
        />
        <Stack spacing={1.5} sx={{ minWidth: 0 }}>
          <Typography variant="body2">{translate('app.profile.scanStep')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.profile.secretStep')}
          </Typography>
          <Box
            component="code"
            aria-label={translate('app.profile.secretLabel')}
            sx={{
              fontFamily: 'monospace',
              fontSize: '1.05rem',
              letterSpacing: '0.05em',
              p: 1,
              bgcolor: 'action.hover',
              borderRadius: 1,
              wordBreak: 'break-all',
              userSelect: 'all',
            }}
          >
            {groupedSecret(enrolment.secret)}
          </Box>
          <Typography variant="body2">{translate('app.profile.codeStep')}</Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              label={translate('app.login.code')}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              error={error !== null}
              helperText={error ?? ' '}
              autoComplete="one-time-code"
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 7 } }}
              size="small"
              sx={{ width: 180 }}
            />
            <Button type="submit" variant="contained" disabled={saving}>
              {translate('app.profile.enable')}
            </Button>
            <Button onClick={onCancel} disabled={saving}>
              {translate('ra.action.cancel')}
            </Button>
          </Stack>
        </Stack>
      </Stack>
      <Alert severity="info">{translate('app.profile.appsHint')}</Alert>
    </Stack>
  );
};
