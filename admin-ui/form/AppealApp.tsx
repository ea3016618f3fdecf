import { useCallback, useEffect, useState } from 'react';
import { AppealForm } from './AppealForm';
import type { AppealApi } from './api';
import type { Catalog, Locale } from './catalog';
import { I18nContext, useI18n, useI18nState } from './i18n';
import { ObjectionPage } from './ObjectionPage';
import { StatusPage } from './StatusPage';

export interface AppealAppProps {
  api: AppealApi;
  /** location.pathname: /appeal is the form, /appeal/status the status page, /appeal/object the owner's objection. */
  pathname: string;
  /** location.search, for ?ref= on the status page and ?token= on the objection page. */
  search?: string;
  locale?: Locale;
}

export const isStatusPath = (pathname: string) => /^\/appeal\/status\/?$/.test(pathname);
export const isObjectionPath = (pathname: string) => /^\/appeal\/object\/?$/.test(pathname);

type Route = 'form' | 'status' | 'objection';

const routeOf = (pathname: string): Route => (isObjectionPath(pathname) ? 'objection' : isStatusPath(pathname) ? 'status' : 'form');

/** The public appeal pages: a header with the language switch, then the form, the status page or the objection page. */
export function AppealApp({ api, pathname, search = '', locale }: AppealAppProps) {
  const i18n = useI18nState(locale);
  const params = new URLSearchParams(search);
  return (
    <I18nContext.Provider value={i18n}>
      <Page api={api} route={routeOf(pathname)} reference={params.get('ref') ?? undefined} token={params.get('token') ?? undefined} />
    </I18nContext.Provider>
  );
}

function Page({ api, route, reference, token }: { api: AppealApi; route: Route; reference?: string; token?: string }) {
  const { t, locale, setLocale } = useI18n();
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  const status = route === 'status';
  return (
    <div className="page">
      <header className="topbar">
        <a className="brand" href="/appeal">
          {t('app.title')}
        </a>
        <nav className="topbar-links">
          {route !== 'objection' && <a href={status ? '/appeal' : '/appeal/status'}>{status ? t('nav.newAppeal') : t('nav.status')}</a>}
          <button
            type="button"
            className="language"
            lang={other}
            aria-label={t('app.switchLanguageLabel')}
            onClick={() => setLocale(other)}
          >
            {t('app.switchLanguage')}
          </button>
        </nav>
      </header>
      <main className="content">
        {/* The one h1 of every page; each step, the receipt and the status page are its h2. */}
        <h1 className="page-title">{t(status ? 'app.statusTitle' : 'app.title')}</h1>
        {/* The objection page needs no catalog, and asks nothing of the server until its button is pressed. */}
        {route === 'objection' ? (
          <ObjectionPage api={api} token={token} />
        ) : (
          <CatalogPages api={api} status={status} reference={reference} />
        )}
      </main>
    </div>
  );
}

function CatalogPages({ api, status, reference }: { api: AppealApi; status: boolean; reference?: string }) {
  const { t } = useI18n();
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    setFailed(false);
    api.catalog().then(setCatalog, () => setFailed(true));
  }, [api]);
  useEffect(load, [load]);

  return (
    <>
      {!status && <p className="subtitle">{t('app.subtitle')}</p>}
      {failed ? (
        <div className="banner banner-error" role="alert">
          <p className="banner-title">{t('app.loadFailed')}</p>
          <button type="button" className="button button-secondary" onClick={load}>
            {t('app.retry')}
          </button>
        </div>
      ) : !catalog ? (
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      ) : status ? (
        <StatusPage api={api} catalog={catalog} initialReference={reference} />
      ) : (
        <AppealForm api={api} catalog={catalog} />
      )}
    </>
  );
}
