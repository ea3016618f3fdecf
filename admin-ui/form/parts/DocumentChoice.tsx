import { useI18n } from '../i18n';

interface DocumentChoiceProps {
  id: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}

/** Which identity document a number is on (resident ID, a travel permit, a passport), chosen beside the number. */
export function DocumentChoice({ id, value, options, onChange }: DocumentChoiceProps) {
  const { t } = useI18n();
  return (
    <div className="document-choice">
      <label htmlFor={id}>{t('fields.document')}</label>
      <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
