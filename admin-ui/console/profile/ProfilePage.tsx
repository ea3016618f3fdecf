import { Alert, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { Loading, Title, useGetIdentity, useTranslate } from 'react-admin';
import { mustEnrol, type TwoFactorState } from '../authProvider';
import { TwoFactorPanel } from './TwoFactorPanel';

/** The signed-in agent's own page: who they are, and their two-factor sign-in. */
export const ProfilePage = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  if (isPending || !identity) return <Loading />;
  const twoFactor = identity.twoFactor as TwoFactorState | undefined;
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 760 }}>
      <Title title="app.profile.title" />
      {mustEnrol({ twoFactor }) && (
        <Alert severity="warning" variant="filled">
          {translate('app.profile.enrolmentRequired')}
        </Alert>
      )}
      <Card>
        <CardHeader title={translate('app.profile.account')} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
        <CardContent sx={{ pt: 0 }}>
          <Typography variant="body1">{identity.fullName}</Typography>
          <Typography variant="body2" color="text.secondary">
            {String(identity.email)} · {translate(`app.role.${String(identity.role)}`)}
          </Typography>
        </CardContent>
      </Card>
      <Card>
        <CardHeader
          title={translate('app.profile.twoFactor')}
          subheader={translate('app.profile.twoFactorSubtitle')}
          slotProps={{ title: { variant: 'h6', component: 'h2' } }}
        />
        <CardContent sx={{ pt: 0 }}>
          <TwoFactorPanel email={String(identity.email)} state={twoFactor} />
        </CardContent>
      </Card>
    </Stack>
  );
};
