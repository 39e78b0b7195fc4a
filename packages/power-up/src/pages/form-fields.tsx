import type { Child } from 'hono/jsx';
import type { FieldError, FormValues } from './form-values.js';

/** A field's element id: dotted names (`schedule.unit`) are valid ids, but a dash is easier to target in CSS. */
export const fieldId = (name: string): string => `f-${name.replace(/\./g, '-')}`;
const errorId = (name: string): string => `${fieldId(name)}-error`;

/** The errors of one field, joined. */
function errorOf(errors: readonly FieldError[], name: string): string | undefined {
  const messages = errors.filter((error) => error.field === name).map((error) => error.message);
  return messages.length === 0 ? undefined : messages.join(' ');
}

/** The value of a field as the form shows it. */
function valueOf(values: FormValues, name: string): string {
  const value = values[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

type FieldProps = {
  name: string;
  label: string;
  values: FormValues;
  errors: readonly FieldError[];
  hint?: string;
  type?: 'text' | 'date' | 'number' | 'time';
  required?: boolean;
  /** A select: value and label of each option. */
  options?: readonly { value: string; label: string }[];
  textarea?: boolean;
};

/**
 * One labelled field with its hint and its error right under the label, tied to the input (`aria-describedby`,
 * `aria-invalid`), so a screen reader reads the mistake with the field.
 */
export function Field(props: FieldProps) {
  const { name, values } = props;
  const error = errorOf(props.errors, name);
  const describedBy = [
    props.hint !== undefined ? `${fieldId(name)}-hint` : '',
    error !== undefined ? errorId(name) : '',
  ]
    .filter((id) => id !== '')
    .join(' ');
  const common = {
    id: fieldId(name),
    name,
    ...(describedBy !== '' && { 'aria-describedby': describedBy }),
    ...(error !== undefined && { 'aria-invalid': 'true' }),
    ...(props.required === true && { required: true }),
  };
  let control: Child;
  if (props.options !== undefined) {
    control = (
      <select {...common}>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === valueOf(values, name)}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (props.textarea === true) {
    control = <textarea {...common}>{valueOf(values, name)}</textarea>;
  } else {
    control = <input {...common} type={props.type ?? 'text'} value={valueOf(values, name)} />;
  }
  return (
    <div class={`field${error !== undefined ? ' has-error' : ''}`}>
      <label for={fieldId(name)}>{props.label}</label>
      {props.hint !== undefined && (
        <p class="muted hint" id={`${fieldId(name)}-hint`}>
          {props.hint}
        </p>
      )}
      {error !== undefined && (
        <p class="field-error" id={errorId(name)}>
          {error}
        </p>
      )}
      {control}
    </div>
  );
}

/** A group of checkboxes (one name, several values) in a fieldset whose legend is the label. */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  values: FormValues;
  errors: readonly FieldError[];
  options: readonly { value: string; label: string }[];
}) {
  const chosen = props.values[props.name];
  const list = Array.isArray(chosen) ? chosen : chosen === undefined ? [] : [chosen];
  const error = errorOf(props.errors, props.name);
  return (
    <fieldset
      class={`checkboxes${error !== undefined ? ' has-error' : ''}`}
      id={fieldId(props.name)}
      {...(error !== undefined && { 'aria-describedby': errorId(props.name) })}
    >
      <legend>{props.legend}</legend>
      {error !== undefined && (
        <p class="field-error" id={errorId(props.name)}>
          {error}
        </p>
      )}
      {props.options.map((option) => (
        <label class="inline">
          <input type="checkbox" name={props.name} value={option.value} checked={list.includes(option.value)} />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** What a post did (saved, removed), announced to screen readers as a status; nothing when there is no notice. */
export function Notice(props: { text: string | undefined }) {
  if (props.text === undefined) return null;
  return (
    <p class="notice" role="status">
      {props.text}
    </p>
  );
}

/**
 * Every error of a post, listed above the form with a link to its field (errors about no field of the form are
 * listed as they are): after a refused post, focus lands here and each mistake is one step away.
 */
export function ErrorSummary(props: { title: string; errors: readonly FieldError[]; labels: Record<string, string> }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{props.title}</h2>
      <ul>
        {props.errors.map((error) => (
          <li>
            {error.field === '' ? (
              error.message
            ) : (
              <a href={`#${fieldId(error.field)}`}>{`${props.labels[error.field] ?? error.field}: ${error.message}`}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
