import type { ReactNode } from 'react';
import {
  AppBar,
  Layout,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  Navigate,
  UserMenu,
  useGetIdentity,
  useLocation,
  useTranslate,
} from 'react-admin';
import { mustEnrol, PROFILE_PATH } from '../authProvider';
import { DocumentTitle } from '../common/DocumentTitle';
import { KeyboardShortcuts } from '../keyboard/KeyboardShortcuts';
import { LiveProvider } from '../live/LiveProvider';
import { NotificationBell } from '../live/NotificationBell';
import { AppMenu } from './AppMenu';
import { ProfileMenuItem } from './ProfileMenuItem';

// The default app bar already offers the language switch (LocalesMenuButton) when two locales exist.
// The button shows the agent's name, so its accessible name starts with it (WCAG 2.5.3, label in name).
const AppUserMenu = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const menu = translate('ra.auth.user_menu');
  return (
    <UserMenu label={identity?.fullName ? `${identity.fullName} · ${menu}` : menu}>
      <ProfileMenuItem />
      <Logout />
    </UserMenu>
  );
};
// react-admin's own toolbar (language switch, loading indicator), after the bell.
const AppBarTools = () => (
  <>
    <NotificationBell />
    <LocalesMenuButton />
    <LoadingIndicator />
  </>
);
const HelpdeskAppBar = () => <AppBar userMenu={<AppUserMenu />} toolbar={<AppBarTools />} />;

/** An agent whose role needs two-factor sign-in sees only their profile until they have enrolled. */
const EnrolmentFirst = ({ children }: { children: ReactNode }) => {
  const { identity } = useGetIdentity();
  const { pathname } = useLocation();
  if (mustEnrol(identity) && pathname !== PROFILE_PATH) return <Navigate to={PROFILE_PATH} replace />;
  return <>{children}</>;
};

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <LiveProvider>
    <Layout menu={AppMenu} appBar={HelpdeskAppBar}>
      <DocumentTitle />
      <KeyboardShortcuts />
      <EnrolmentFirst>{children}</EnrolmentFirst>
    </Layout>
  </LiveProvider>
);

export const AppTitle = () => {
  const translate = useTranslate();
  return <>{translate('app.title')}</>;
};
