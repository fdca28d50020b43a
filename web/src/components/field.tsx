/**
 * Labelled form controls: every input and select has a visible label, an optional hint and the
 * server's messages for that field, all tied to the control for assistive technology.
 */
import { useId, type ReactNode } from 'react';

interface FieldFrameProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly errors: readonly string[];
  readonly children: ReactNode;
}

function FieldFrame({ id, label, hint, errors, children }: FieldFrameProps) {
  return (
    <div className={errors.length > 0 ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {errors.length > 0 && (
        <ul className="field-errors" id={`${id}-errors`}>
          {errors.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function describedBy(id: string, hint: string | undefined, errors: readonly string[]) {
  const ids = [hint !== undefined ? `${id}-hint` : '', errors.length > 0 ? `${id}-errors` : ''];
  const joined = ids.filter((value) => value !== '').join(' ');
  return joined === '' ? undefined : joined;
}

/** Props of TextField. */
export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'password' | 'number' | 'datetime-local';
  readonly hint?: string | undefined;
  readonly errors?: readonly string[];
  readonly required?: boolean;
  readonly autoComplete?: string;
  readonly min?: number;
  readonly name?: string;
  /** The id of a `<datalist>` of suggestions. */
  readonly list?: string;
}

/** A labelled text, password or number input. */
export function TextField(props: TextFieldProps) {
  const id = useId();
  const errors = props.errors ?? [];
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} errors={errors}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        required={props.required}
        autoComplete={props.autoComplete ?? 'off'}
        min={props.min}
        list={props.list}
        spellCheck={false}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, props.hint, errors)}
      />
    </FieldFrame>
  );
}

/** One choice of a SelectField. */
export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** Props of SelectField. */
export interface SelectFieldProps {
  readonly label: string;
  readonly value: string;
  readonly options: readonly SelectOption[];
  readonly onChange: (value: string) => void;
  readonly hint?: string | undefined;
  readonly errors?: readonly string[];
}

/** A labelled drop-down list. */
export function SelectField(props: SelectFieldProps) {
  const id = useId();
  const errors = props.errors ?? [];
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} errors={errors}>
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, props.hint, errors)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Props of TextAreaField. */
export interface TextAreaFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string | undefined;
  readonly errors?: readonly string[];
  readonly required?: boolean;
  readonly rows?: number;
}

/** A labelled text area, for explanations longer than a line. */
export function TextAreaField(props: TextAreaFieldProps) {
  const id = useId();
  const errors = props.errors ?? [];
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} errors={errors}>
      <textarea
        id={id}
        value={props.value}
        rows={props.rows ?? 3}
        onChange={(event) => props.onChange(event.target.value)}
        required={props.required}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, props.hint, errors)}
      />
    </FieldFrame>
  );
}
