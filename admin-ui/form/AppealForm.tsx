import { useCallback, useState } from 'react';
import type { ApiError, AppealApi } from './api';
import type { Catalog } from './catalog';
import { Done } from './Done';
import {
  accountIdOf,
  emptyDraft,
  isBlank,
  keptOf,
  ownerProofOf,
  payloadOf,
  selectionOf,
  withOwnerRefused,
  type Draft,
  type Errors,
} from './draft';
import { answerEdits, withoutKeys } from './hooks/answerEdits';
import { useRestoredFiles, useSavedDraftOffer } from './hooks/draftResume';
import { refusalOf, useFiling } from './hooks/filing';
import { stepChecks } from './hooks/stepChecks';
import { useStepFocus } from './hooks/stepFocus';
import { useI18n } from './i18n';
import { DraftSaveStatus, useDraftHistory, useDraftSaving } from './parts/draftSession';
import { useMaterialFiles } from './parts/materialFiles';
import { emptyOwnerCodeSession, OwnerCode, type OwnerCodeSession } from './parts/OwnerCode';
import { ProblemBanner } from './parts/ProblemBanner';
import { ProgressBar } from './parts/ProgressBar';
import { ResumeOffer } from './parts/ResumeOffer';
import { useDraftStore, type SavedDraft } from './parts/savedDraft';
import { StepButtons } from './parts/StepButtons';
import { Stepper, stepTitles } from './parts/Stepper';
import { FieldsStep } from './steps/FieldsStep';
import { KindStep } from './steps/KindStep';
import { MaterialsStep } from './steps/MaterialsStep';
import { ReviewStep } from './steps/ReviewStep';
import { SubjectStep } from './steps/SubjectStep';
import { isValidAccountId } from '../../server/src/contract/validators';

const lastStep = stepTitles.length - 1;

/** The appeal form: five steps the customer can go back through, then the receipt; kept as a draft as it is filled. */
export function AppealForm({ api, catalog }: { api: AppealApi; catalog: Catalog }) {
  const { t } = useI18n();
  const { offer, resumed, resume, startOver } = useSavedDraftOffer(useDraftStore());
  if (offer === undefined) {
    return (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (offer !== null) return <ResumeOffer savedAt={offer.form.savedAt} onResume={resume} onStartOver={startOver} />;
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
  const [ownerSession, setOwnerSession] = useState<OwnerCodeSession>(emptyOwnerCodeSession);
  const updateOwnerSession = useCallback((update: (session: OwnerCodeSession) => OwnerCodeSession) => setOwnerSession(update), []);
  const filing = useFiling(api, store);
  const { sending, result } = filing;

  const selection = selectionOf(catalog, draft);
  const { kind, fields, slots } = selection;
  const { subjectType, variant } = draft;
  // Each chosen file gets the submission's checks at once, for the appeal as chosen so far.
  const materials = useMaterialFiles(
    kind && subjectType
      ? (slotKey, file, others) => api.inspectFile({ kind: kind.key, subjectType, ...(variant ? { variant } : {}) }, slotKey, file, others)
      : undefined,
  );
  useRestoredFiles(catalog, resumed, materials);

  const saving = useDraftSaving(store, {
    active: result === null,
    blank: isBlank(draft) && Object.keys(materials.files).length === 0,
    form: { step, reached, draft: keptOf(draft, selection) },
    files: materials.filesOf(slots.map((slot) => slot.key)),
    filesVersion: materials.files,
  });
  const focus = useStepFocus(step, result);
  const checks = stepChecks(selection, draft, materials);
  const edits = answerEdits({ catalog, fields, draft, setDraft, errors, setErrors });

  const history = useDraftHistory({
    initial: resumed ? step : 0,
    active: result === null,
    // Back and Forward move the form, never past what has been validated.
    onStep: (wanted) => {
      if (sending) return step;
      const allowed = wanted <= step ? wanted : checks.validUpTo(step, Math.min(wanted, reached));
      focus.willMove();
      filing.clearProblem();
      setStep(allowed);
      return allowed;
    },
  });

  const go = (next: number) => {
    focus.willMove();
    filing.clearProblem();
    if (next !== step) history.push(next);
    setStep(next);
  };

  const showErrors = (found: Errors) => {
    setErrors((current) => ({ ...current, ...found }));
    focus.focusFirstError();
  };

  function next() {
    if (step === 3) {
      if (materials.isChecking) return;
      if (checks.markMissingSlots()) {
        showErrors({});
        return;
      }
    }
    const found = checks.errorsOfStep(step);
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    // An optional code the server refused may be left unverified: its mark goes once the step is passed.
    if (step === 2) setErrors((current) => withoutKeys(current, (k) => k === 'ownerProof'));
    setReached((r) => Math.max(r, step + 1));
    if (returnToReview) {
      // After a change the customer goes back to the review, unless the change makes a later step incomplete.
      const at = checks.validUpTo(step + 1, lastStep);
      if (at === lastStep) setReturnToReview(false);
      setReached((r) => Math.max(r, at));
      go(at);
      return;
    }
    go(step + 1);
  }

  const changeAnswer = (at: number, target: string) => {
    focus.willMove(target);
    setReturnToReview(true);
    go(at);
  };

  async function submit() {
    for (let at = 0; at < lastStep; at++) {
      const found = checks.errorsOfStep(at);
      if (Object.keys(found).length > 0) {
        go(at);
        showErrors(found);
        return;
      }
    }
    if (checks.markMissingSlots()) {
      go(3);
      return;
    }
    await filing.file(payloadOf(draft, selection, locale, Date.now()), materials.filesOf(slots.map((slot) => slot.key)), {
      onFiled: () => focus.willMove(),
      onRefused: showRefusal,
    });
  }

  function showRefusal(e: ApiError) {
    const refusal = refusalOf(
      e,
      slots.map((slot) => slot.key),
    );
    if (refusal.errors.ownerProof !== undefined) setDraft(withOwnerRefused);
    setErrors((current) => ({ ...current, ...refusal.errors }));
    materials.setErrors((current) => ({ ...current, ...refusal.slotErrors }));
    // The customer lands where the first problem can be fixed; the banner at the top says what went wrong.
    if (refusal.step !== undefined) {
      focus.willMove();
      setStep(refusal.step);
    }
  }

  const accountId = accountIdOf(draft, selection);
  const ownerVerified = ownerProofOf(draft, selection, Date.now()) !== undefined;
  const ownerCode = selection.ownerCode && (
    <OwnerCode
      api={api}
      rule={selection.ownerCode}
      accountId={accountId}
      accountValid={isValidAccountId(accountId)}
      verified={ownerVerified}
      error={errors.ownerProof}
      session={ownerSession}
      onSession={updateOwnerSession}
      onVerified={edits.ownerVerified}
      disabled={sending}
    />
  );

  if (result && kind && draft.subjectType) {
    return (
      <div ref={focus.panel} tabIndex={-1} className="panel">
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
      {filing.problem !== null && <ProblemBanner error={filing.problem} />}
      <div ref={focus.panel} tabIndex={-1} className="panel">
        {step === 0 && <KindStep catalog={catalog} value={draft.kind} error={errors.kind} onChange={edits.chooseKind} />}
        {step === 1 && kind && (
          <SubjectStep
            catalog={catalog}
            kind={kind}
            subjectType={draft.subjectType}
            variant={draft.variant}
            errors={errors}
            onSubjectType={edits.chooseSubjectType}
            onVariant={edits.chooseVariant}
          />
        )}
        {step === 2 && (
          <FieldsStep
            fields={fields}
            draft={draft}
            errors={errors}
            onField={edits.setField}
            onFieldBlur={edits.blurField}
            onDocument={edits.chooseDocument}
            documents={catalog.documents}
            onContact={edits.setContact}
            onContactBlur={edits.blurContact}
            onContactLocale={edits.setContactLocale}
            ownerCode={ownerCode}
          />
        )}
        {step === 3 && (
          <MaterialsStep
            slots={slots}
            materials={materials}
            disabled={sending}
            note={draft.subjectType && kind?.materialNotes?.[draft.subjectType]}
          />
        )}
        {step === 4 && kind && (
          <ReviewStep
            catalog={catalog}
            kind={kind}
            draft={draft}
            fields={fields}
            slots={slots}
            materials={materials}
            ownerCode={selection.ownerCode && { verified: ownerVerified }}
            onChange={changeAnswer}
            disabled={sending}
          />
        )}
      </div>
      {filing.progress !== null && <ProgressBar fraction={filing.progress} />}
      <StepButtons step={step} sending={sending} checking={materials.isChecking} onBack={() => go(step - 1)} />
    </form>
  );
}
