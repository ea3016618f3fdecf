import { Box, Button, CardContent, CircularProgress, Link, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, PasswordInput, required, TextInput, useLogin, useNotify, useTranslate } from 'react-admin';
import { errorCodeOf, type LoginParams } from '../authProvider';

type Credentials = Pick<LoginParams, 'email' | 'password'>;
type FormValues = Partial<LoginParams>;

// Codes the console words itself; any other refusal shows the server's message, as react-admin's LoginForm does.
const codeMessages: Record<string, string> = {
  TOTP_INVALID: 'app.login.codeInvalid',
  RECOVERY_CODE_INVALID: 'app.login.recoveryCodeInvalid',
};

const sixDigits = (value: string | undefined) => (value && !/^\d{6}$/.test(value.replace(/\s+/g, '')) ? 'app.login.codeFormat' : undefined);

/**
 * Email and password; when the server answers TOTP_REQUIRED (the password was right and two-factor sign-in is on),
 * a second step asks for the 6-digit code from the authenticator app, or one of the recovery codes.
 */
export const SignInForm = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [loading, setLoading] = useState(false);
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);

  const submit = (values: FormValues) => {
    const params: LoginParams = credentials
      ? {
          ...credentials,
          ...(withRecoveryCode ? { recoveryCode: values.recoveryCode?.trim() } : { totp: values.totp?.replace(/\s+/g, '') }),
        }
      : { email: values.email ?? '', password: values.password ?? '' };
    setLoading(true);
    login(params)
      .catch((error: unknown) => {
        const code = errorCodeOf(error);
        if (code === 'TOTP_REQUIRED') {
          setCredentials({ email: params.email, password: params.password });
          return;
        }
        const message = (code && codeMessages[code]) || (error as { message?: string } | undefined)?.message || 'ra.auth.sign_in_error';
        notify(message, { type: 'error', messageArgs: { _: message } });
      })
      .finally(() => setLoading(false));
  };

  const back = () => {
    setCredentials(null);
    setWithRecoveryCode(false);
  };

  return (
    <Form onSubmit={submit} mode="onChange" noValidate key={credentials ? `code-${String(withRecoveryCode)}` : 'password'}>
      <CardContent sx={{ width: 300, pb: 2 }}>
        {credentials ? (
          <>
            <Typography variant="subtitle1" component="h2">
              {translate('app.login.codeTitle')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate(withRecoveryCode ? 'app.login.recoveryCodeHint' : 'app.login.codeHint')}
            </Typography>
            {withRecoveryCode ? (
              <TextInput autoFocus source="recoveryCode" label="app.login.recoveryCode" autoComplete="off" validate={required()} />
            ) : (
              <TextInput
                autoFocus
                source="totp"
                label="app.login.code"
                autoComplete="one-time-code"
                inputProps={{ inputMode: 'numeric', maxLength: 7 }}
                validate={[required(), sixDigits]}
              />
            )}
          </>
        ) : (
          <>
            <TextInput autoFocus source="email" type="email" label="ra.auth.email" autoComplete="username" validate={required()} />
            <PasswordInput source="password" label="ra.auth.password" autoComplete="current-password" validate={required()} />
          </>
        )}
        <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
          {loading ? <CircularProgress size={19} thickness={3} /> : translate(credentials ? 'app.login.verify' : 'ra.auth.sign_in')}
        </Button>
        {credentials && (
          <Box sx={{ mt: 2, display: 'flex', justifyContent: 'space-between' }}>
            <Link component="button" type="button" variant="body2" onClick={back}>
              {translate('app.login.back')}
            </Link>
            <Link component="button" type="button" variant="body2" onClick={() => setWithRecoveryCode(!withRecoveryCode)}>
              {translate(withRecoveryCode ? 'app.login.useCode' : 'app.login.useRecoveryCode')}
            </Link>
          </Box>
        )}
      </CardContent>
    </Form>
  );
};
