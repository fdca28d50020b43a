/** An in-app link: a real `<a href>` that navigates without reloading on a plain click. */
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../router';

/** Props of Link: anchor attributes with the target path in `to`. */
export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  readonly to: string;
}

/** A link to another page of the app; modified clicks (new tab, new window) behave as usual. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || event.button !== 0 || modified) return;
    event.preventDefault();
    navigate(to);
  }
  return <a href={to} onClick={handleClick} {...rest} />;
}
