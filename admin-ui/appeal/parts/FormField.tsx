import type { HTMLAttributes } from 'react';

type InputMode = HTMLAttributes<HTMLInputElement>['inputMode'];

export interface FormFieldProps {
  id: string;
  label: string;
  hint?: string;
  required?: boolean;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  control?: 'input' | 'textarea' | 'select';
  type?: 'text' | 'email' | 'tel';
  inputMode?: InputMode;
  autoComplete?: string;
  options?: { value: string; label: string }[];
  placeholder?: string;
  /** An error shown elsewhere (a group's) that also marks this field invalid. */
  groupError?: { id: string };
  /** Shown as a counter under a textarea; the limit itself is checked by the validator. */
  maxLength?: number;
}

/** A labelled input with its hint and inline error, both tied to it by aria-describedby. */
export function FormField(props: FormFieldProps) {
  const { id, label, hint, required, error, value, onChange, onBlur, control = 'input', options = [] } = props;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : '', props.groupError?.id ?? ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    value,
    onBlur,
    'aria-invalid': error || props.groupError ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
  };
  return (
    <div className={`field${error || props.groupError ? ' has-error' : ''}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {control === 'textarea' ? (
        <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : control === 'select' ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
          spellCheck={false}
          placeholder={props.placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {control === 'textarea' && props.maxLength !== undefined && (
        <p className="counter" aria-hidden="true">
          {value.length} / {props.maxLength}
        </p>
      )}
      {error && (
        <p className="error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
