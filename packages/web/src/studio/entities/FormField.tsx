import type { ComponentChildren, VNode } from 'preact';
import { useId } from 'preact/hooks';

/** What a field's control carries so that its hint and error are read with it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

/**
 * A labelled form field: the visible label is the control's accessible name,
 * and the hint and the API's message for the field sit outside the label and
 * are tied to the control by aria-describedby, so the name stays the label.
 */
export function FormField(props: {
  label: ComponentChildren;
  error?: string | undefined;
  hint?: string;
  children: (control: FieldControlProps) => VNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div class="form-field">
      <label for={id}>{props.label}</label>
      {props.children({
        id,
        ...(props.error ? { 'aria-invalid': 'true' as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {props.hint && (
        <p id={hintId} class="field-hint subtle">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} class="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** The messages that belong to no one field, at the top of a form (announced when they appear). */
export function FormProblems({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div class="form-problems field-error" role="alert">
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The line that says a change was made, announced when it appears; empty until then. */
export function FormDone({ done }: { done: string | null | undefined }) {
  return (
    <p role="status" class="form-done">
      {done ?? ''}
    </p>
  );
}

/** An edition typed as a year: a numeric keyboard on phones, the width of four digits. */
export function EditionInput(props: { control: FieldControlProps; value: string; onValue(value: string): void }) {
  return (
    <input
      {...props.control}
      inputMode="numeric"
      class="edition-input"
      value={props.value}
      onInput={(e) => props.onValue(e.currentTarget.value)}
    />
  );
}
