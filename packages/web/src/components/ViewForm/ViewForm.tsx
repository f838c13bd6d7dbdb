import type { ComponentChildren } from 'preact';
import { useNavigate } from '../../app/navigation.js';
import { hrefOf, readUrl } from '../../app/url-state.js';

/**
 * A GET form that changes the view: without JavaScript the browser submits
 * it as a normal address; with it, the address is read back through the URL
 * state (so empty and default fields drop out) and the app navigates in
 * place. Changing a select submits at once.
 */
export function ViewForm({
  action,
  class: className,
  children,
}: {
  action: string;
  class?: string;
  children: ComponentChildren;
}) {
  const navigate = useNavigate();
  const go = (form: HTMLFormElement) => {
    const search = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string') search.append(k, v);
    const { view } = readUrl(action, search);
    navigate(view ? hrefOf(view) : `${action}?${search.toString()}`);
  };
  return (
    <form
      class={className}
      method="get"
      action={action}
      onSubmit={(ev) => {
        ev.preventDefault();
        go(ev.currentTarget);
      }}
      onChange={(ev) => {
        if ((ev.target as Element).tagName === 'SELECT') go(ev.currentTarget);
      }}
    >
      {children}
    </form>
  );
}
