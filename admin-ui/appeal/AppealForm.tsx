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
  ownerErrors,
  ownerProofErrorOf,
  ownerProofOf,
  payloadOf,
  selectionOf,
  stepOfError,
  tidyValue,
  withDocument,
  withFieldValue,
  withKind,
  withOwnerRefused,
  withOwnerVerified,
  type Draft,
  type Errors,
} from './draft';
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

/** The appeal form: five steps the customer can go back through, then the receipt. */
export function AppealForm({ api, catalog }: { api: AppealApi; catalog: Catalog }) {
  const { locale } = useI18n();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Errors>({});
  const materials = useMaterialFiles();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [result, setResult] = useState<SubmittedAppeal | null>(null);
  const [ownerSession, setOwnerSession] = useState<OwnerCodeSession>(emptyOwnerCodeSession);
  const updateOwnerSession = useCallback((update: (session: OwnerCodeSession) => OwnerCodeSession) => setOwnerSession(update), []);
  const panel = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  const selection = selectionOf(catalog, draft);
  const { kind, fields, slots } = selection;
  const sending = progress !== null;

  // After a step change the new step gets the focus, so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (!moved.current) return;
    panel.current?.focus({ preventScroll: true });
    panel.current?.scrollIntoView?.({ block: 'start' });
  }, [step, result]);

  const go = (next: number) => {
    moved.current = true;
    setProblem(null);
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
    go(step + 1);
  }

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
    setDraft((d) => withFieldValue(d, field, value));
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
    if (tidy !== value) setDraft((d) => withFieldValue(d, field, tidy));
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
    setDraft((d) => ({ ...d, contact: { ...d.contact, [key]: value } }));
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
            onEdit={go}
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
