import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AdminContext, memoryStore, Notification, ResourceContextProvider, TestMemoryRouter, type AuthProvider } from 'react-admin';
import { TicketShow } from '../../admin-ui/console/tickets/TicketShow';
import { App } from '../../admin-ui/console/App';
import { createAuthProvider } from '../../admin-ui/console/authProvider';
import { createDataProvider } from '../../admin-ui/console/dataProvider';
import { createI18nProvider, type AppLocale } from '../../admin-ui/console/i18n/i18nProvider';
import { API } from './handlers';

interface RenderOptions {
  route?: string;
  /** Components that ask who is signed in (identity, role) need one; msw's /auth/me answers for it. */
  signedIn?: boolean;
  /** The console's language; zh-CN unless a test reads it in English. */
  locale?: AppLocale;
}

/** A component inside react-admin's contexts, talking to the msw server, in zh-CN (or the locale given). */
export const renderInAdmin = (ui: ReactNode, { route = '/', signedIn = false, locale }: RenderOptions = {}) =>
  render(
    <TestMemoryRouter initialEntries={[route]}>
      <AdminContext
        dataProvider={createDataProvider(API)}
        i18nProvider={createI18nProvider(locale)}
        store={memoryStore()}
        {...(signedIn ? { authProvider: createAuthProvider(API) as AuthProvider } : {})}
      >
        {ui}
      </AdminContext>
    </TestMemoryRouter>,
  );

/** The whole console, signed in or not according to the msw handlers. */
export const renderApp = ({ route = '/' }: { route?: string } = {}) =>
  render(
    <TestMemoryRouter initialEntries={[route]}>
      <App
        dataProvider={createDataProvider(API)}
        authProvider={createAuthProvider(API)}
        i18nProvider={createI18nProvider()}
        store={memoryStore()}
      />
    </TestMemoryRouter>,
  );

/** A ticket's page as a signed-in agent sees it, with the notifications its actions raise. */
export const renderTicketPage = (id: number, options: Omit<RenderOptions, 'route' | 'signedIn'> = {}) =>
  renderInAdmin(
    <ResourceContextProvider value="tickets">
      <TicketShow id={id} />
      <Notification />
    </ResourceContextProvider>,
    { route: `/tickets/${id}/show`, signedIn: true, ...options },
  );
