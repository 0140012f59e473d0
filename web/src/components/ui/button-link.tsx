import { createLink } from '@tanstack/react-router';
import type { ComponentProps } from 'react';
import { type ButtonVariant, buttonClassName } from './button.tsx';

function ButtonAnchor({
  variant = 'solid-fill',
  ...rest
}: ComponentProps<'a'> & { variant?: ButtonVariant }) {
  return <a className={buttonClassName(variant, 'md')} {...rest} />;
}

/**
 * A link to a route of the app drawn as a DADS button (a page's 「新規登録」, 「取込」…): the router's
 * `Link` (typed `to` and `params`) with the button look of `variant`; a `className` adds to the look.
 */
export const ButtonLink = createLink(ButtonAnchor);
