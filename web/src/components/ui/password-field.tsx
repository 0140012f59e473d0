import { TextField, type TextFieldProps } from './text-field.tsx';

export type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'autoComplete'> & {
  /** `current`: the password one signs in with; `new`: one being set (password managers offer to save it). */
  purpose: 'current' | 'new';
};

/** A masked password input, marked for the browser's password manager as the current or a new password. */
export function PasswordField({ purpose, ...props }: PasswordFieldProps) {
  return <TextField type="password" autoComplete={`${purpose}-password`} {...props} />;
}
