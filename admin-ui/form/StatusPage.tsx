import { useEffect, useState } from 'react';
import { ApiError, tokenStore, type AppealApi, type AppealMessage, type AppealStatus, type AppealView } from './api';
import { findKind, slotsFor, type Catalog } from './catalog';
import { useI18n } from './i18n';
import { FormField } from './parts/FormField';
import { MaterialsPanel } from './parts/MaterialsPanel';
import { ProblemBanner } from './parts/ProblemBanner';

const openStatuses: readonly AppealStatus[] = ['new', 'triage', 'in_review', 'awaiting_customer'];

export function formatTime(value: string | null, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

interface StatusPageProps {
  api: AppealApi;
  catalog: Catalog;
  /** From ?ref=; the token never travels in the URL, it comes from this tab's sessionStorage. */
  initialReference?: string;
  /** The single-use token of a notice's link (#link=…); read from the address when not given. */
  initialLinkToken?: string;
}

/** The link token in the address's fragment, which is then taken out of the address and its history entry. */
function takeLinkToken(): string {
  try {
    const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('link') ?? '';
    if (token) history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  } catch {
    return '';
  }
}

/** The customer's view of a filed appeal: its status in words, the checklist, materials to send, messages. */
export function StatusPage({ api, catalog, initialReference = '', initialLinkToken }: StatusPageProps) {
  const { t } = useI18n();
  const [reference, setReference] = useState(initialReference);
  const [token, setToken] = useState(() => (initialReference ? tokenStore.get(initialReference) : ''));
  const [view, setView] = useState<AppealView | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [linkToken, setLinkToken] = useState(() => (initialReference ? (initialLinkToken ?? takeLinkToken()) : ''));
  const [lost, setLost] = useState(false);
  const [newToken, setNewToken] = useState('');

  /** A new access token from a code or a link: kept for this tab, shown once, and the appeal opened with it. */
  async function regained(ref: string, fresh: string) {
    tokenStore.set(ref, fresh);
    setReference(ref);
    setToken(fresh);
    setNewToken(fresh);
    setLost(false);
    setLinkToken('');
    await open(ref, fresh);
  }

  // A mail scanner may open the link: it is spent only when the customer presses the button.
  async function exchangeLink() {
    setLoading(true);
    setProblem(null);
    try {
      const answer = await api.exchangeStatusLink(initialReference.trim().toUpperCase(), linkToken);
      await regained(answer.reference, answer.accessToken);
    } catch (e) {
      setLinkToken('');
      setProblem(e);
    } finally {
      setLoading(false);
    }
  }

  async function open(ref = reference, code = token) {
    const cleanRef = ref.trim().toUpperCase();
    if (cleanRef === '' || code.trim() === '') return;
    setLoading(true);
    setProblem(null);
    try {
      const found = await api.view(cleanRef, code.trim());
      tokenStore.set(found.reference, code.trim());
      setView(found);
      try {
        history.replaceState(null, '', `/appeal/status?ref=${encodeURIComponent(found.reference)}`);
      } catch {
        // Not on the appeal page (tests): the address stays as it is.
      }
    } catch (e) {
      setProblem(e);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    if (initialReference && token && !linkToken) void open(initialReference, token);
    // Only once, for a reference and token this tab already knows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (view) {
    return (
      <AppealStatusView
        api={api}
        catalog={catalog}
        view={view}
        token={token.trim()}
        newToken={newToken}
        onChange={setView}
        onLeave={() => {
          setView(null);
          setToken('');
          setNewToken('');
          setReference('');
        }}
      />
    );
  }

  if (linkToken) {
    return (
      <section className="lookup" aria-labelledby="link-heading">
        <h2 id="link-heading" className="step-heading">
          {t('status.linkHeading')}
        </h2>
        <p className="intro">{t('status.linkIntro', { reference: initialReference })}</p>
        <div className="step-buttons">
          <button type="button" className="button button-primary" disabled={loading} onClick={() => void exchangeLink()}>
            {t('status.linkOpen')}
          </button>
          <button type="button" className="button button-quiet" disabled={loading} onClick={() => setLinkToken('')}>
            {t('status.lostCancel')}
          </button>
        </div>
      </section>
    );
  }

  if (lost) {
    return (
      <LostCode
        api={api}
        reference={reference}
        onReference={setReference}
        onRegained={(ref, fresh) => void regained(ref, fresh)}
        onCancel={() => setLost(false)}
      />
    );
  }

  return (
    <form
      className="lookup"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void open();
      }}
    >
      <h2 className="step-heading">{t('status.lookupHeading')}</h2>
      <p className="intro">{t('status.lookupIntro')}</p>
      {problem !== null && <ProblemBanner error={problem} />}
      <FormField
        id="lookup-reference"
        label={t('status.reference')}
        hint={t('status.referenceHint')}
        required
        value={reference}
        onChange={(value) => {
          setReference(value);
          if (!token) setToken(tokenStore.get(value.trim().toUpperCase()));
        }}
      />
      <FormField id="lookup-token" label={t('status.token')} hint={t('status.tokenHint')} required value={token} onChange={setToken} />
      <div className="step-buttons">
        <button type="submit" className="button button-primary" disabled={loading || reference.trim() === '' || token.trim() === ''}>
          {t('status.open')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setLost(true)}>
          {t('status.lostCode')}
        </button>
      </div>
    </form>
  );
}

interface LostCodeProps {
  api: AppealApi;
  reference: string;
  onReference: (reference: string) => void;
  onRegained: (reference: string, token: string) => void;
  onCancel: () => void;
}

/** "Lost your access code?": a one-time code to the appeal's own contact, then a new access code. */
function LostCode({ api, reference, onReference, onRegained, onCancel }: LostCodeProps) {
  const { t } = useI18n();
  const [channel, setChannel] = useState<'email' | 'sms'>('email');
  const [sent, setSent] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const ref = reference.trim().toUpperCase();

  async function run(step: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await step();
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }
  const send = () =>
    run(async () => {
      await api.requestAccessCode(ref, channel);
      setSent(true);
    });
  const verify = () =>
    run(async () => {
      const answer = await api.verifyAccessCode(ref, code.trim());
      onRegained(answer.reference, answer.accessToken);
    });

  const wrongCode = problem instanceof ApiError && problem.code === 'CODE_INVALID' ? problem : null;
  const spent = problem instanceof ApiError && problem.code === 'CODE_EXPIRED';
  return (
    <form
      className="lookup"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void (sent ? verify() : send());
      }}
    >
      <h2 className="step-heading">{t('status.lostHeading')}</h2>
      <p className="intro">{t('status.lostIntro')}</p>
      {wrongCode ? (
        <p className="banner banner-error" role="alert">
          {wrongCode.attemptsLeft === undefined ? t('owner.wrong') : t('owner.invalid', { attempts: wrongCode.attemptsLeft })}
        </p>
      ) : spent ? (
        <p className="banner banner-error" role="alert">
          {t('owner.expired')}
        </p>
      ) : (
        problem !== null && <ProblemBanner error={problem} />
      )}
      <FormField
        id="lost-reference"
        label={t('status.reference')}
        hint={t('status.referenceHint')}
        required
        value={reference}
        onChange={onReference}
      />
      <FormField
        id="lost-channel"
        label={t('status.lostChannel')}
        control="select"
        value={channel}
        onChange={(value) => setChannel(value === 'sms' ? 'sms' : 'email')}
        options={[
          { value: 'email', label: t('status.lostEmail') },
          { value: 'sms', label: t('status.lostSms') },
        ]}
      />
      {sent && (
        <>
          <p className="banner banner-ok" role="status">
            {t('status.lostSent')}
          </p>
          <FormField
            id="lost-code"
            label={t('status.lostCodeLabel')}
            hint={t('status.lostCodeHint')}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={setCode}
          />
        </>
      )}
      <div className="step-buttons">
        {sent ? (
          <>
            <button type="submit" className="button button-primary" disabled={busy || !/^\d{6}$/.test(code.trim())}>
              {t('status.lostVerify')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy || ref === ''} onClick={() => void send()}>
              {t('status.lostSend')}
            </button>
          </>
        ) : (
          <button type="submit" className="button button-primary" disabled={busy || ref === ''}>
            {t('status.lostSend')}
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('status.lostCancel')}
        </button>
      </div>
    </form>
  );
}

interface AppealStatusViewProps {
  api: AppealApi;
  catalog: Catalog;
  view: AppealView;
  token: string;
  /** A token just regained, shown this once. */
  newToken?: string;
  onChange: (view: AppealView) => void;
  onLeave: () => void;
}

function AppealStatusView({ api, catalog, view, token, newToken, onChange, onLeave }: AppealStatusViewProps) {
  const { t, text, locale } = useI18n();
  const kind = findKind(catalog, view.kind);
  const variant = kind?.variants.find((v) => v.key === view.variant);
  const slotDefs = kind ? slotsFor(kind, view.subjectType, view.variant ?? undefined) : [];
  const isOpen = openStatuses.includes(view.status);
  const requested = view.checklist.slots.filter((slot) => view.requestedSlots.includes(slot.key));
  const days = kind?.slaBusinessDays ?? 3;

  return (
    <div className="status-view">
      {newToken && (
        <p className="banner banner-ok" role="status">
          {t('status.newToken', { token: newToken })}
        </p>
      )}
      <section className={`status-card status-${view.status}`} aria-labelledby="status-word">
        <p className="status-reference">{t('status.referenceLine', { reference: view.reference })}</p>
        <p className="status-label">{t('status.current')}</p>
        <h2 id="status-word" className="status-word">
          {t(`status.${view.status}`)}
        </h2>
        <p className="status-next">{t(`next.${view.status}`, { days, effect: text(view.outcome ?? kind?.effect.label) })}</p>
        <dl className="status-facts">
          <div>
            <dt>{t('status.kind')}</dt>
            <dd>
              {kind ? text(kind.label) : view.kind}
              {variant ? ` · ${text(variant.label)}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('status.submittedAt')}</dt>
            <dd>{formatTime(view.submittedAt, locale)}</dd>
          </div>
          <div>
            <dt>{t('status.updatedAt')}</dt>
            <dd>{formatTime(view.updatedAt, locale)}</dd>
          </div>
        </dl>
      </section>

      {requested.length > 0 && isOpen && (
        <section className="requested" aria-labelledby="requested-heading">
          <h3 id="requested-heading">{t('status.requestedHeading')}</h3>
          <ul>
            {requested.map((slot) => (
              <li key={slot.key}>{text(slot.label)}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="materials-heading">
        <h3 id="materials-heading">{t('status.materials')}</h3>
        {!isOpen && <p className="note">{t('status.closedNote')}</p>}
        <MaterialsPanel
          api={api}
          reference={view.reference}
          token={token}
          checklist={view.checklist}
          slotDefs={slotDefs}
          editable={(slot) => isOpen && (slot.requested || slot.state !== 'ok')}
          replaceable={isOpen}
          onUpdated={onChange}
          inspectFor={{ kind: view.kind, subjectType: view.subjectType, ...(view.variant ? { variant: view.variant } : {}) }}
        />
      </section>

      <Messages api={api} view={view} token={token} onSent={(message) => onChange({ ...view, messages: [...view.messages, message] })} />

      <Withdrawal api={api} view={view} token={token} onWithdrawn={onChange} />

      <p>
        <button type="button" className="button button-quiet" onClick={onLeave}>
          {t('status.other')}
        </button>
      </p>
    </div>
  );
}

/** Seed 002 "审核期间您可以撤销申请": offered until the appeal is decided, and only after a second, explicit click. */
function Withdrawal({
  api,
  view,
  token,
  onWithdrawn,
}: {
  api: AppealApi;
  view: AppealView;
  token: string;
  onWithdrawn: (view: AppealView) => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  async function withdraw() {
    setSending(true);
    setProblem(null);
    try {
      const next = await api.withdraw(view.reference, token);
      setConfirming(false);
      setDone(true);
      onWithdrawn(next);
    } catch (e) {
      setProblem(e);
    } finally {
      setSending(false);
    }
  }

  if (done && view.status === 'withdrawn') {
    return (
      <p className="banner banner-ok" role="status">
        {t('withdraw.done')}
      </p>
    );
  }
  if (!view.mayWithdraw) return null;
  return (
    <section aria-labelledby="withdraw-heading" className="withdraw">
      <h3 id="withdraw-heading">{t('withdraw.heading')}</h3>
      <p className="note">{t('withdraw.intro')}</p>
      {problem !== null && <ProblemBanner error={problem} />}
      {confirming ? (
        <div role="group" aria-labelledby="withdraw-confirm" className="step-buttons">
          <p id="withdraw-confirm">
            <strong>{t('withdraw.confirm', { reference: view.reference })}</strong>
          </p>
          <button type="button" className="button button-danger" disabled={sending} onClick={() => void withdraw()}>
            {t('withdraw.yes')}
          </button>
          <button type="button" className="button button-quiet" disabled={sending} onClick={() => setConfirming(false)}>
            {t('withdraw.no')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          {t('withdraw.button')}
        </button>
      )}
    </section>
  );
}

function Messages({
  api,
  view,
  token,
  onSent,
}: {
  api: AppealApi;
  view: AppealView;
  token: string;
  onSent: (message: AppealMessage) => void;
}) {
  const { t, locale } = useI18n();
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [sent, setSent] = useState(false);

  async function send() {
    if (body.trim() === '') return;
    setSending(true);
    setProblem(null);
    setSent(false);
    try {
      onSent(await api.sendMessage(view.reference, token, body.trim()));
      setBody('');
      setSent(true);
    } catch (e) {
      setProblem(e);
    } finally {
      setSending(false);
    }
  }

  const bodyError = problem instanceof ApiError ? problem.errors.body : undefined;
  return (
    <section aria-labelledby="messages-heading" className="messages">
      <h3 id="messages-heading">{t('status.messages')}</h3>
      {view.messages.length === 0 ? (
        <p className="note">{t('status.noMessages')}</p>
      ) : (
        <ol className="thread">
          {view.messages.map((message) => (
            <li key={message.id} className={`message message-${message.kind === 'public_reply' ? 'desk' : 'customer'}`}>
              <p className="message-meta">
                <strong>{message.kind === 'public_reply' ? t('status.fromDesk') : t('status.fromYou')}</strong>
                <span> · {formatTime(message.createdAt, locale)}</span>
              </p>
              <p className="message-body">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form
        className="message-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        {problem !== null && <ProblemBanner error={problem} />}
        <FormField
          id="message-body"
          label={t('status.writeLabel')}
          control="textarea"
          value={body}
          onChange={setBody}
          error={bodyError}
          maxLength={5000}
        />
        {sent && (
          <p className="banner banner-ok" role="status">
            {t('status.sent')}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={sending || body.trim() === ''}>
          {t('status.send')}
        </button>
      </form>
    </section>
  );
}
