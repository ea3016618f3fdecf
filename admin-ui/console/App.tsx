import { Admin, CustomRoutes, Resource, type AuthProvider, type I18nProvider, type Store } from 'react-admin';
import { Route } from 'react-router-dom';
import accounts from './accounts';
import agents from './agents';
import { Dashboard } from './dashboard';
import type { HelpdeskDataProvider } from './dataProvider';
import holidays from './holidays';
import { PROFILE_PATH } from './authProvider';
import { AppLayout, AppTitle } from './layout/AppLayout';
import { consoleTheme } from './layout/consoleTheme';
import { LoginPage } from './layout/LoginPage';
import macros from './macros';
import notifications from './notifications';
import { ProfilePage } from './profile';
import rejectionReasons from './rejectionReasons';
import tickets from './tickets';

export interface AppProps {
  dataProvider: HelpdeskDataProvider;
  authProvider: AuthProvider;
  i18nProvider: I18nProvider;
  store: Store;
}

export const App = ({ dataProvider, authProvider, i18nProvider, store }: AppProps) => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={AppLayout}
    theme={consoleTheme}
    loginPage={LoginPage}
    dashboard={Dashboard}
    title={<AppTitle />}
    requireAuth
    disableTelemetry
  >
    {(permissions: string | undefined) => (
      <>
        <Resource name="tickets" {...tickets} />
        <Resource name="accounts" {...accounts} />
        <Resource name="notifications" {...notifications} />
        <CustomRoutes>
          <Route path={PROFILE_PATH} element={<ProfilePage />} />
        </CustomRoutes>
        {permissions === 'admin' && (
          <>
            <Resource name="macros" {...macros} />
            <Resource name="holidays" {...holidays} />
            <Resource name="rejection-reasons" {...rejectionReasons} />
            <Resource name="agents" {...agents} />
          </>
        )}
      </>
    )}
  </Admin>
);
