import { createLink } from '@tanstack/react-router';
import type { ComponentProps } from 'react';
import { textLinkClassName } from './text-link.ts';

function TextAnchor({ className, ...rest }: ComponentProps<'a'>) {
  return <a className={className ? `${textLinkClassName} ${className}` : textLinkClassName} {...rest} />;
}

/**
 * A DADS text link to a route of the app: the router's `Link` (typed `to` and `params`) drawn as
 * underlined link text. A `className` adds to the look (so does the router's `active` class).
 */
export const RouteLink = createLink(TextAnchor);
