import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, useTranslate } from 'react-admin';
import { DocumentTitle } from '../common/DocumentTitle';
import { SignInForm } from './SignInForm';

/** Sign-in with email and password, then the code when two-factor sign-in is on; refusals show the server's message. */
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
      <SignInForm />
      <Box sx={{ textAlign: 'center', pb: 2 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
