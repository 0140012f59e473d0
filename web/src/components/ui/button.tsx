import type { ComponentProps } from 'react';

export type ButtonVariant = 'solid-fill' | 'outline' | 'text';
export type ButtonSize = 'md' | 'sm';

const base =
  'inline-flex items-center justify-center gap-2 sm:whitespace-nowrap underline-offset-[3px] cursor-pointer aria-disabled:cursor-not-allowed disabled:cursor-not-allowed';

const variants: Record<ButtonVariant, string> = {
  'solid-fill':
    'border-4 border-double border-transparent bg-blue-900 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200 disabled:bg-solid-gray-300 disabled:text-solid-gray-800 aria-disabled:bg-solid-gray-300 aria-disabled:text-solid-gray-800',
  outline:
    'border border-current bg-white text-blue-900 hover:bg-blue-200 hover:text-blue-1000 hover:underline active:bg-blue-300 active:text-blue-1200 disabled:text-solid-gray-536',
  text: 'text-blue-900 underline hover:bg-blue-50 hover:text-blue-1000 active:bg-blue-100 disabled:text-solid-gray-536',
};

const sizes: Record<ButtonSize, string> = {
  md: 'min-h-12 min-w-24 rounded-8 px-4 py-2 text-oln-16B-100',
  // 44 px high below 1024 px (a finger on a tablet or phone), 36 px at the desk
  sm: 'min-h-11 lg:min-h-9 min-w-20 rounded-6 px-3 py-0.5 text-oln-16B-100',
};

/** DADS button look, for buttons and for router links that act as buttons. */
export function buttonClassName(variant: ButtonVariant = 'solid-fill', size: ButtonSize = 'md'): string {
  return `${base} ${variants[variant]} ${sizes[size]}`;
}

export type ButtonProps = ComponentProps<'button'> & { variant?: ButtonVariant; size?: ButtonSize };

/** A DADS button. `type` defaults to "button" so a button never submits a form by accident. */
export function Button({
  variant = 'solid-fill',
  size = 'md',
  className,
  type = 'button',
  ...rest
}: ButtonProps) {
  return <button type={type} className={`${buttonClassName(variant, size)} ${className ?? ''}`} {...rest} />;
}
