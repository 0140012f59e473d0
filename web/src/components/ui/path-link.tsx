import { useNavigate } from '@tanstack/react-router';
import type { ComponentProps, MouseEvent } from 'react';
import { textLinkClassName } from './text-link.ts';

export type PathLinkProps = Omit<ComponentProps<'a'>, 'href'> & {
  /** An app path such as `/cases/<id>`, for screens owned by another feature. */
  href: string;
};

/**
 * A link to a screen of another feature whose route this feature does not import: a real `<a href>`
 * (open in a new tab works), navigating inside the app on a plain click.
 */
export function PathLink({ href, className, onClick, ...rest }: PathLinkProps) {
  const navigate = useNavigate();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void navigate({ href });
  };
  return <a href={href} onClick={follow} className={className ?? textLinkClassName} {...rest} />;
}
