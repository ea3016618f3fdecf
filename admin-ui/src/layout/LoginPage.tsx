import { Box, Typography } from '@mui/material';
import {
  LocalesMenuButton,
  Login,
  LoginForm,
  PasswordInput,
  required,
  TextInput,
  useTranslate,
} from 'react-admin';
import { DocumentTitle } from '../common/DocumentTitle';

/** Sign-in with email and password; a refused sign-in shows the server's own message (LoginForm notifies it). */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <DocumentTitle />
      <Box sx={{ px: 2 }}>
        <Typography variant="h6" component="h1" align="center">
          {translate('app.login.title')}
        </Typography>
        <Typography variant="body2" align="center" color="text.secondary">
          {translate('app.login.subtitle')}
        </Typography>
      </Box>
      <LoginForm>
        <TextInput
          autoFocus
          source="email"
          type="email"
          label="ra.auth.email"
          autoComplete="username"
          validate={required()}
        />
        <PasswordInput source="password" label="ra.auth.password" autoComplete="current-password" validate={required()} />
      </LoginForm>
      <Box sx={{ textAlign: 'center', pb: 2 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
