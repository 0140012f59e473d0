import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The ids that tie a field's support and error text to its control. */
export function describedBy(
  ids: { supportId?: string; errorId?: string },
  hasError: boolean,
): string | undefined {
  const list = [hasError ? ids.errorId : undefined, ids.supportId].filter((id): id is string => Boolean(id));
  return list.length > 0 ? list.join(' ') : undefined;
}

/** 「※必須」 as text, so it is read out and does not depend on colour. */
export function RequiredMark() {
  const { t } = useTranslation();
  return <span className="ml-2 text-oln-16N-100 text-error-2">{t('common.required')}</span>;
}

export function FieldLabel({
  htmlFor,
  required,
  children,
}: {
  htmlFor: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <label htmlFor={htmlFor} className="block text-std-17B-170 text-solid-gray-800">
      {children}
      {required ? <RequiredMark /> : null}
    </label>
  );
}

export function SupportText({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-std-16N-170 text-solid-gray-700">
      {children}
    </p>
  );
}

export function ErrorText({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-dns-16N-130 text-error-2">
      {children}
    </p>
  );
}
