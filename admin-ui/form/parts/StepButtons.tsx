import { useI18n } from '../i18n';
import { stepTitles } from './Stepper';

const lastStep = stepTitles.length - 1;

interface StepButtonsProps {
  step: number;
  sending: boolean;
  checking: boolean;
  onBack: () => void;
}

/** Back (from the second step on) and Next, which on the last step is Submit. */
export function StepButtons({ step, sending, checking, onBack }: StepButtonsProps) {
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
