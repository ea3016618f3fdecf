import type { HTMLAttributes, ReactNode } from 'react';

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
  control?: 'input' | 'textarea' | 'select' | 'checklist';
  type?: 'text' | 'email' | 'tel' | 'date';
  inputMode?: InputMode;
  autoComplete?: string;
  options?: { value: string; label: string }[];
  placeholder?: string;
  /** An error shown elsewhere (a group's) that also marks this field invalid. */
  groupError?: { id: string };
  /** Shown as a counter under a textarea; the limit itself is checked by the validator. */
  maxLength?: number;
  /** A control that qualifies the value, shown between the hint and the input (the document an ID number is on). */
  before?: ReactNode;
}

/** Ticked options as the catalog's comma-separated value; each box is labelled by its option. */
function ChecklistControl(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  describedBy?: string;
  invalid: boolean;
}) {
  const ticked = new Set(props.value.split(',').filter(Boolean));
  const toggle = (option: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(option);
    else next.delete(option);
    props.onChange(
      props.options
        .map((o) => o.value)
        .filter((v) => next.has(v))
        .join(','),
    );
  };
  return (
    <div className="checklist" id={props.id} role="group" aria-describedby={props.describedBy} aria-invalid={props.invalid || undefined}>
      {props.options.map((option) => (
        <label key={option.value} className="checklist-item">
          <input
            type="checkbox"
            name={`${props.id}-${option.value}`}
            checked={ticked.has(option.value)}
            onChange={(e) => toggle(option.value, e.target.checked)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
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
      {props.before}
      {control === 'checklist' ? (
        <ChecklistControl
          id={id}
          value={value}
          onChange={onChange}
          options={options}
          describedBy={describedBy}
          invalid={Boolean(error || props.groupError)}
        />
      ) : control === 'textarea' ? (
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
