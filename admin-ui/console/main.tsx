import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { localStorageStore } from 'react-admin';
import { App } from './App';
import { createAuthProvider } from './authProvider';
import { createDataProvider } from './dataProvider';
import { createI18nProvider } from './i18n/i18nProvider';

const root = document.getElementById('root');
if (!root) throw new Error('The console needs an element with id "root".');

createRoot(root).render(
  <StrictMode>
    <App
      dataProvider={createDataProvider('/api')}
      authProvider={createAuthProvider('/api')}
      i18nProvider={createI18nProvider()}
      store={localStorageStore(undefined, 'helpdesk-console')}
    />
  </StrictMode>,
);
