import type { ReactNode } from 'react';
import { AppBar, Layout, Logout, Navigate, UserMenu, useGetIdentity, useLocation, useTranslate } from 'react-admin';
import { mustEnrol, PROFILE_PATH } from '../authProvider';
import { DocumentTitle } from '../common/DocumentTitle';
import { AppMenu } from './AppMenu';
import { ProfileMenuItem } from './ProfileMenuItem';

// The default app bar already offers the language switch (LocalesMenuButton) when two locales exist.
const AppUserMenu = () => (
  <UserMenu>
    <ProfileMenuItem />
    <Logout />
  </UserMenu>
);
const HelpdeskAppBar = () => <AppBar userMenu={<AppUserMenu />} />;

/** An agent whose role needs two-factor sign-in sees only their profile until they have enrolled. */
const EnrolmentFirst = ({ children }: { children: ReactNode }) => {
  const { identity } = useGetIdentity();
  const { pathname } = useLocation();
  if (mustEnrol(identity) && pathname !== PROFILE_PATH) return <Navigate to={PROFILE_PATH} replace />;
  return <>{children}</>;
};

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu} appBar={HelpdeskAppBar}>
    <DocumentTitle />
    <EnrolmentFirst>{children}</EnrolmentFirst>
  </Layout>
);

export const AppTitle = () => {
  const translate = useTranslate();
  return <>{translate('app.title')}</>;
};
