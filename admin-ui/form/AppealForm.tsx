import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, tokenStore, type AppealApi, type SubmittedAppeal } from './api';
import type { Catalog, CatalogField, Locale, SubjectType } from './catalog';
import { Done } from './Done';
import {
  accountIdOf,
  choiceErrors,
  documentOf,
  emptyDraft,
  fieldErrors,
  isBlank,
  keptOf,
  ownerErrors,
  ownerProofErrorOf,
  ownerProofOf,
  payloadOf,
  selectionOf,
  stepOfError,
  tidyValue,
  withContactPrefill,
  withDocument,
  withFieldValue,
  withKind,
  withOwnerRefused,
  withOwnerVerified,
  type Draft,
  type Errors,
} from './draft';
import { DraftSaveStatus, useDraftHistory, useDraftSaving } from './parts/draftSession';
import { ResumeOffer } from './parts/ResumeOffer';
import { loadFresh, useDraftStore, type SavedDraft } from './parts/savedDraft';
import { useI18n } from './i18n';
import { useMaterialFiles } from './parts/materialFiles';
import { emptyOwnerCodeSession, OwnerCode, type OwnerCodeSession } from './parts/OwnerCode';
import { ProblemBanner } from './parts/ProblemBanner';
import { ProgressBar } from './parts/ProgressBar';
import { Stepper, stepTitles } from './parts/Stepper';
import { FieldsStep } from './steps/FieldsStep';
import { KindStep } from './steps/KindStep';
import { MaterialsStep } from './steps/MaterialsStep';
import { ReviewStep } from './steps/ReviewStep';
import { SubjectStep } from './steps/SubjectStep';
import { unfilledRequired } from '../../server/src/catalog/slotRequirement';
import { isValidAccountId } from '../../server/src/catalog/identifiers';
import { contactProblems, fieldProblem } from './validation';

const lastStep = stepTitles.length - 1;

type ContactKey = 'name' | 'email' | 'phone';

const withoutKeys = (errors: Errors, drop: (key: string) => boolean): Errors =>
  Object.fromEntries(Object.entries(errors).filter(([key]) => !drop(key)));

/** The appeal form: five steps the customer can go back through, then the receipt; kept as a draft as it is filled. */
export function AppealForm({ api, catalog }: { api: AppealApi; catalog: Catalog }) {
  const { t } = useI18n();
  const store = useDraftStore();
  // undefined while the saved draft is looked for; null once there is none or the customer has decided.
  const [offer, setOffer] = useState<SavedDraft | null | undefined>(undefined);
  const [resumed, setResumed] = useState<SavedDraft | null>(null);
  useEffect(() => {
    let current = true;
    void loadFresh(store, Date.now()).then((saved) => current && setOffer(saved ?? null));
    return () => {
      current = false;
    };
  }, [store]);

  if (offer === undefined) {
    return (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (offer !== null) {
    return (
      <ResumeOffer
        savedAt={offer.form.savedAt}
        onResume={() => {
          setResumed(offer);
          setOffer(null);
        }}
        onStartOver={() => {
          void store.clear().catch(() => undefined);
          setOffer(null);
        }}
      />
    );
  }
  return <AppealSteps api={api} catalog={catalog} resumed={resumed} />;
}

function AppealSteps({ api, catalog, resumed }: { api: AppealApi; catalog: Catalog; resumed: SavedDraft | null }) {
  const { locale } = useI18n();
  const store = useDraftStore();
  const [step, setStep] = useState(resumed?.form.step ?? 0);
  const [reached, setReached] = useState(resumed?.form.reached ?? 0);
  const [returnToReview, setReturnToReview] = useState(false);
  const [draft, setDraft] = useState<Draft>(resumed?.form.draft ?? emptyDraft);
  const [errors, setErrors] = useState<Errors>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [result, setResult] = useState<SubmittedAppeal | null>(null);
  const [ownerSession, setOwnerSession] = useState<OwnerCodeSession>(emptyOwnerCodeSession);
  const updateOwnerSession = useCallback((update: (session: OwnerCodeSession) => OwnerCodeSession) => setOwnerSession(update), []);
  const panel = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  /** Where the focus goes after the next step change instead of the step's top: the answer a Change link is for. */
  const focusTarget = useRef<string | null>(null);

  const selection = selectionOf(catalog, draft);
  const { kind, fields, slots } = selection;
  const sending = progress !== null;
  const { subjectType, variant } = draft;
  // Each chosen file gets the submission's checks at once, for the appeal as chosen so far.
  const materials = useMaterialFiles(
    kind && subjectType ? (slotKey, file, others) => api.inspectFile({ kind: kind.key, subjectType, ...(variant ? { variant } : {}) }, slotKey, file, others) : undefined,
  );

  // The chosen files come back from the draft through the same checks as a new choice.
  useEffect(() => {
    if (!resumed) return;
    const restorable = selectionOf(catalog, resumed.form.draft).slots;
    for (const slot of restorable) {
      const file = resumed.files[slot.key];
      if (file) void materials.pick(slot, file);
    }
    // Once, for the draft the form started from.
  }, []);

  const saving = useDraftSaving(store, {
    active: result === null,
    blank: isBlank(draft) && Object.keys(materials.files).length === 0,
    form: { step, reached, draft: keptOf(draft, selection) },
    files: materials.filesOf(slots.map((slot) => slot.key)),
    filesVersion: materials.files,
  });

  // After a step change the new step gets the focus, so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (!moved.current) return;
    const target = focusTarget.current && panel.current?.querySelector<HTMLElement>(focusTarget.current);
    focusTarget.current = null;
    if (target) {
      target.focus();
      target.scrollIntoView?.({ block: 'center' });
      return;
    }
    panel.current?.focus({ preventScroll: true });
    panel.current?.scrollIntoView?.({ block: 'start' });
  }, [step, result]);

  /** The furthest step from `from` towards `to` that the customer may stand on: every step before it valid. */
  const validUpTo = (from: number, to: number): number => {
    for (let at = from; at < to; at++) {
      if (Object.keys(errorsOfStep(at)).length > 0) return at;
      if (at === 3 && unfilledRequired(slots, (key) => Boolean(materials.files[key])).length > 0) return at;
    }
    return to;
  };

  const history = useDraftHistory({
    initial: resumed ? step : 0,
    active: result === null,
    // Back and Forward move the form, never past what has been validated.
    onStep: (wanted) => {
      if (sending) return step;
      const allowed = wanted <= step ? wanted : validUpTo(step, Math.min(wanted, reached));
      moved.current = true;
      setProblem(null);
      setStep(allowed);
      return allowed;
    },
  });

  const go = (next: number) => {
    moved.current = true;
    setProblem(null);
    if (next !== step) history.push(next);
    setStep(next);
  };

  const showErrors = (found: Errors) => {
    setErrors((current) => ({ ...current, ...found }));
    // Wait for the render that marks the fields, then focus the first one.
    requestAnimationFrame(() =>
      panel.current?.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input, .owner-code.has-error button:not(:disabled)')?.focus(),
    );
  };

  function errorsOfStep(at: number): Errors {
    if (at === 0) return kind ? {} : { kind: 'choose' };
    if (at === 1) return choiceErrors(kind, draft);
    if (at === 2) return { ...fieldErrors(fields, draft), ...ownerErrors(selection, draft, Date.now()) };
    return {};
  }

  /** Required slots without a file are marked; true when there were any. */
  function markMissingSlots(): boolean {
    const missing = unfilledRequired(slots, (key) => Boolean(materials.files[key]));
    if (missing.length === 0) return false;
    materials.setErrors((current) => ({
      ...current,
      ...Object.fromEntries(missing.filter((slot) => !current[slot.key]).map((slot) => [slot.key, { code: 'missing' as const }])),
    }));
    return true;
  }

  function next() {
    if (step === 3) {
      if (materials.isChecking) return;
      if (markMissingSlots()) {
        showErrors({});
        return;
      }
    }
    const found = errorsOfStep(step);
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    // An optional code the server refused may be left unverified: its mark goes once the step is passed.
    if (step === 2) setErrors((current) => withoutKeys(current, (k) => k === 'ownerProof'));
    setReached((r) => Math.max(r, step + 1));
    if (returnToReview) {
      // After a change the customer goes back to the review, unless the change makes a later step incomplete.
      const at = validUpTo(step + 1, lastStep);
      if (at === lastStep) setReturnToReview(false);
      setReached((r) => Math.max(r, at));
      go(at);
      return;
    }
    go(step + 1);
  }

  const changeAnswer = (at: number, focus: string) => {
    focusTarget.current = focus;
    setReturnToReview(true);
    go(at);
  };

  async function submit() {
    for (let at = 0; at < lastStep; at++) {
      const found = errorsOfStep(at);
      if (Object.keys(found).length > 0) {
        go(at);
        showErrors(found);
        return;
      }
    }
    if (markMissingSlots()) {
      go(3);
      return;
    }
    setProblem(null);
    setProgress(0);
    try {
      const filed = await api.submit(payloadOf(draft, selection, locale, Date.now()), materials.filesOf(slots.map((slot) => slot.key)), setProgress);
      tokenStore.set(filed.reference, filed.accessToken);
      void store.clear().catch(() => undefined);
      moved.current = true;
      setResult(filed);
    } catch (e) {
      setProblem(e);
      if (e instanceof ApiError) showServerErrors(e);
    } finally {
      setProgress(null);
    }
  }

  function showServerErrors(e: ApiError) {
    const slotKeys = slots.map((slot) => slot.key);
    const steps: number[] = [];
    const formErrors: Errors = {};
    const slotErrors: Record<string, { code: 'server'; text: string }> = {};
    for (const [key, value] of Object.entries(e.errors)) {
      const at = stepOfError(key, slotKeys);
      if (at === undefined) continue;
      steps.push(at);
      if (at === 3) slotErrors[key] = { code: 'server', text: value };
      // The proof was refused: it is forgotten, and the code step says why in the page's language.
      else if (key === 'ownerProof') formErrors[key] = ownerProofErrorOf(e.code);
      else formErrors[key] = value;
    }
    if (formErrors.ownerProof !== undefined) setDraft(withOwnerRefused);
    setErrors((current) => ({ ...current, ...formErrors }));
    materials.setErrors((current) => ({ ...current, ...slotErrors }));
    // The customer lands where the first problem can be fixed; the banner at the top says what went wrong.
    if (steps.length > 0) {
      moved.current = true;
      setStep(Math.min(...steps));
    }
  }

  const setField = (field: CatalogField, value: string) => {
    setDraft((d) => withContactPrefill(withFieldValue(d, field, value), fields));
    const key = `fields.${field.key}`;
    // A field already marked is checked again as the customer types, so the mark goes as soon as it is right.
    if (errors[key]) {
      const problem = fieldProblem(field, value, undefined, documentOf(field, draft.fields));
      setErrors((current) => (problem ? { ...current, [key]: problem } : withoutKeys(current, (k) => k === key)));
    }
  };

  const blurField = (field: CatalogField) => {
    const value = draft.fields[field.key] ?? '';
    const tidy = tidyValue(field, value);
    if (tidy !== value) setDraft((d) => withContactPrefill(withFieldValue(d, field, tidy), fields));
    const key = `fields.${field.key}`;
    // An untouched empty field is not an error yet; it becomes one when the customer tries to go on.
    const problem = tidy.trim() === '' && !errors[key] ? null : fieldProblem(field, tidy, undefined, documentOf(field, draft.fields));
    setErrors((current) => (problem ? { ...current, [key]: problem } : withoutKeys(current, (k) => k === key)));
  };

  // A number already typed is judged again by the newly chosen document's rule.
  const chooseDocument = (field: CatalogField, document: string) => {
    const next = withDocument(draft, field, document);
    setDraft((d) => withDocument(d, field, document));
    const key = `fields.${field.key}`;
    const value = draft.fields[field.key] ?? '';
    const problem = value.trim() === '' && !errors[key] ? null : fieldProblem(field, value, undefined, documentOf(field, next.fields));
    setErrors((current) => (problem ? { ...current, [key]: problem } : withoutKeys(current, (k) => k === key)));
  };

  const checkContact = (contact: Draft['contact'], key: ContactKey, force: boolean) => {
    const found = contactProblems(contact);
    setErrors((current) => {
      const own = found[key];
      // A field is marked when the customer leaves it wrong, and stays marked only while it is still wrong.
      const mark = own && (force || current[`contact.${key}`] !== undefined);
      let nextErrors = withoutKeys(current, (k) => k === `contact.${key}`);
      if (mark) nextErrors = { ...nextErrors, [`contact.${key}`]: own };
      // "email or phone" clears as soon as either is given, and is only raised again on Next.
      if (!found.contact) nextErrors = withoutKeys(nextErrors, (k) => k === 'contact');
      return nextErrors;
    });
  };

  const setContact = (key: ContactKey, value: string) => {
    const contact = { ...draft.contact, [key]: value };
    // A name or phone the customer types is theirs: the prefill from the fields above stops for it.
    setDraft((d) => ({ ...d, contact: { ...d.contact, [key]: value }, ...(key !== 'email' && { typed: { ...d.typed, [key]: true } }) }));
    checkContact(contact, key, false);
  };

  const blurContact = (key: ContactKey) => {
    const value = draft.contact[key].trim();
    const contact = { ...draft.contact, [key]: value };
    if (value !== draft.contact[key]) setDraft((d) => ({ ...d, contact: { ...d.contact, [key]: value } }));
    checkContact(contact, key, value !== '');
  };

  const chooseKind = (key: string) => {
    setDraft((d) => withKind(catalog, d, key));
    setErrors((current) => withoutKeys(current, (k) => k === 'kind' || k === 'subjectType' || k === 'variant'));
  };

  const chooseSubjectType = (subjectType: SubjectType) => {
    setDraft((d) => ({ ...d, subjectType }));
    setErrors((current) => withoutKeys(current, (k) => k === 'subjectType'));
  };

  const chooseVariant = (variant: string) => {
    setDraft((d) => ({ ...d, variant }));
    setErrors((current) => withoutKeys(current, (k) => k === 'variant'));
  };

  const ownerVerified = (accountId: string, verified: { proof: string; expiresInSeconds: number }) => {
    setDraft((d) => withOwnerVerified(d, accountId, verified.proof, verified.expiresInSeconds, Date.now()));
    setErrors((current) => withoutKeys(current, (k) => k === 'ownerProof'));
  };

  const accountId = accountIdOf(draft, selection);
  const ownerCode = selection.ownerCode && (
    <OwnerCode
      api={api}
      rule={selection.ownerCode}
      accountId={accountId}
      accountValid={isValidAccountId(accountId)}
      verified={ownerProofOf(draft, selection, Date.now()) !== undefined}
      error={errors.ownerProof}
      session={ownerSession}
      onSession={updateOwnerSession}
      onVerified={ownerVerified}
      disabled={sending}
    />
  );

  const setContactLocale = (contactLocale: Locale) => setDraft((d) => ({ ...d, contact: { ...d.contact, locale: contactLocale } }));

  if (result && kind && draft.subjectType) {
    return (
      <div ref={panel} tabIndex={-1} className="panel">
        <Done api={api} kind={kind} slots={slots} result={result} />
      </div>
    );
  }

  return (
    <form
      className="appeal-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (sending) return;
        if (step < lastStep) next();
        else void submit();
      }}
    >
      <Stepper current={step} onGo={go} disabled={sending} />
      <DraftSaveStatus {...saving} />
      {problem !== null && <ProblemBanner error={problem} />}
      <div ref={panel} tabIndex={-1} className="panel">
        {step === 0 && <KindStep catalog={catalog} value={draft.kind} error={errors.kind} onChange={chooseKind} />}
        {step === 1 && kind && (
          <SubjectStep
            catalog={catalog}
            kind={kind}
            subjectType={draft.subjectType}
            variant={draft.variant}
            errors={errors}
            onSubjectType={chooseSubjectType}
            onVariant={chooseVariant}
          />
        )}
        {step === 2 && (
          <FieldsStep
            fields={fields}
            draft={draft}
            errors={errors}
            onField={setField}
            onFieldBlur={blurField}
            onDocument={chooseDocument}
            documents={catalog.documents}
            onContact={setContact}
            onContactBlur={blurContact}
            onContactLocale={setContactLocale}
            ownerCode={ownerCode}
          />
        )}
        {step === 3 && (
          <MaterialsStep slots={slots} materials={materials} disabled={sending} note={draft.subjectType && kind?.materialNotes?.[draft.subjectType]} />
        )}
        {step === 4 && kind && (
          <ReviewStep
            catalog={catalog}
            kind={kind}
            draft={draft}
            fields={fields}
            slots={slots}
            materials={materials}
            ownerCode={selection.ownerCode && { verified: ownerProofOf(draft, selection, Date.now()) !== undefined }}
            onChange={changeAnswer}
            disabled={sending}
          />
        )}
      </div>
      {progress !== null && <ProgressBar fraction={progress} />}
      <StepButtons step={step} sending={sending} checking={materials.isChecking} onBack={() => go(step - 1)} />
    </form>
  );
}

function StepButtons({ step, sending, checking, onBack }: { step: number; sending: boolean; checking: boolean; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <div className="step-buttons">
      {step > 0 && (
        <button type="button" className="button button-secondary" onClick={onBack} disabled={sending}>
          {t('action.back')}
        </button>
      )}
      <button type="submit" className="button button-primary" disabled={sending || checking}>
        {step < lastStep ? t('action.next') : t('action.submit')}
      </button>
    </div>
  );
}
