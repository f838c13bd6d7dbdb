/** Texts stand at most this long (the API's limit). */
const TEXT_LIMIT = 200_000;

/**
 * A text of an assessment with its visible label, and the API's length limit
 * said before the server has to: FIW's form and another index's use it.
 */
export function TextEditor(props: {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
  onText(value: string): void;
  rows?: number;
}) {
  const over = props.value.length > TEXT_LIMIT;
  return (
    <div class="text-editor">
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        rows={props.rows ?? 4}
        value={props.value}
        readOnly={props.disabled}
        aria-invalid={over || undefined}
        aria-describedby={over ? `${props.id}-error` : undefined}
        onInput={(e) => props.onText(e.currentTarget.value)}
      />
      {over && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.value.length.toLocaleString('en')} characters: the limit is {TEXT_LIMIT.toLocaleString('en')}. Shorten
          it to save.
        </p>
      )}
    </div>
  );
}
