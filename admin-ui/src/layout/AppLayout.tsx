import type { ReactNode } from 'react';
import { Layout, useTranslate } from 'react-admin';
import { DocumentTitle } from '../common/DocumentTitle';
import { AppMenu } from './AppMenu';

// The default app bar already offers the language switch (LocalesMenuButton) when two locales exist.
export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu}>
    <DocumentTitle />
    {children}
  </Layout>
);

export const AppTitle = () => {
  const translate = useTranslate();
  return <>{translate('app.title')}</>;
};
