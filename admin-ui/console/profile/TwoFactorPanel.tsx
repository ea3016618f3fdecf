import { Alert, Button, Chip, Link, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useAuthProvider, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { errorCodeOf, type HelpdeskAuthProvider, type TotpEnrolment as Enrolment, type TwoFactorState } from '../authProvider';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpEnrolment } from './TotpEnrolment';
import { isSixDigits } from './twoFactorModel';

type Phase = { step: 'status' } | { step: 'enrolling'; enrolment: Enrolment } | { step: 'codes'; codes: string[] };

const refusalKeys: Record<string, string> = {
  TOTP_INVALID: 'app.login.codeInvalid',
  TOTP_NOT_STARTED: 'app.profile.notStarted',
};

/** Two-factor sign-in on one's own profile: enrol (QR code, secret, first code), recovery codes once, or turn it off. */
export const TwoFactorPanel = ({ email, state }: { email: string; state: TwoFactorState | undefined }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const authProvider = useAuthProvider<HelpdeskAuthProvider>();
  const { refetch } = useGetIdentity();
  const [phase, setPhase] = useState<Phase>({ step: 'status' });
  const [busy, setBusy] = useState(false);
  const refusal = (error: unknown) => {
    const key = refusalKeys[errorCodeOf(error) ?? ''];
    return key ? translate(key) : String((error as Error).message);
  };

  const start = async () => {
    setBusy(true);
    try {
      setPhase({ step: 'enrolling', enrolment: await authProvider!.startTotpEnrolment() });
    } catch (error) {
      notify(refusal(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const enable = async (code: string) => {
    try {
      const codes = await authProvider!.enableTotp(code);
      setPhase({ step: 'codes', codes });
    } catch (error) {
      throw new Error(refusal(error), { cause: error });
    }
  };
  const done = () => {
    setPhase({ step: 'status' });
    void refetch();
  };

  if (phase.step === 'enrolling')
    return <TotpEnrolment enrolment={phase.enrolment} onEnable={enable} onCancel={() => setPhase({ step: 'status' })} />;
  if (phase.step === 'codes') return <RecoveryCodes codes={phase.codes} email={email} onDone={done} />;

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body1">{translate('app.profile.status')}</Typography>
        {state?.enabled ? (
          <Chip color="success" size="small" label={translate('app.profile.on')} />
        ) : (
          <Chip color={state?.required ? 'warning' : 'default'} size="small" label={translate('app.profile.off')} />
        )}
      </Stack>
      {state?.enabled ? (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate('app.profile.recoveryLeft', { smart_count: state.recoveryCodesLeft })}
          </Typography>
          <DisableTwoFactor onDisabled={() => void refetch()} refusal={refusal} required={state.required} />
        </>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate('app.profile.explain')}
          </Typography>
          <div>
            <Button variant="contained" onClick={() => void start()} disabled={busy}>
              {translate('app.profile.setUp')}
            </Button>
          </div>
        </>
      )}
    </Stack>
  );
};

/** Turning it off takes a current code from the app, or a recovery code when the device is lost. */
const DisableTwoFactor = ({
  onDisabled,
  refusal,
  required,
}: {
  onDisabled: () => void;
  refusal: (error: unknown) => string;
  required: boolean;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const authProvider = useAuthProvider<HelpdeskAuthProvider>();
  const [open, setOpen] = useState(false);
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!withRecoveryCode && !isSixDigits(value)) {
      setError(translate('app.login.codeFormat'));
      return;
    }
    try {
      await authProvider!.disableTotp(withRecoveryCode ? { recoveryCode: value.trim() } : { code: value.replace(/\s+/g, '') });
      notify('app.profile.disabled', { type: 'info' });
      onDisabled();
    } catch (caught) {
      setError(refusal(caught));
    }
  };

  if (!open) {
    return (
      <div>
        <Button color="error" variant="outlined" onClick={() => setOpen(true)}>
          {translate('app.profile.turnOff')}
        </Button>
      </div>
    );
  }
  return (
    <Stack spacing={1.5} component="form" onSubmit={(event) => void submit(event)} noValidate>
      {required && <Alert severity="warning">{translate('app.profile.turnOffRequired')}</Alert>}
      <Typography variant="body2">{translate(withRecoveryCode ? 'app.login.recoveryCodeHint' : 'app.profile.turnOffHint')}</Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          size="small"
          label={translate(withRecoveryCode ? 'app.login.recoveryCode' : 'app.login.code')}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={error !== null}
          helperText={error ?? ' '}
          autoComplete={withRecoveryCode ? 'off' : 'one-time-code'}
        />
        <Button type="submit" color="error" variant="contained">
          {translate('app.profile.turnOff')}
        </Button>
        <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
      </Stack>
      <div>
        <Link component="button" type="button" variant="body2" onClick={() => setWithRecoveryCode(!withRecoveryCode)}>
          {translate(withRecoveryCode ? 'app.login.useCode' : 'app.login.useRecoveryCode')}
        </Link>
      </div>
    </Stack>
  );
};
