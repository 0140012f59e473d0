import { Link, type RegisteredRouter, type ValidateLinkOptions } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { buttonClassName } from './ui/button.tsx';
import { FlashStatus } from './ui/flash-status.tsx';
import { PageHeading } from './ui/page-heading.tsx';

export type RecordDetailProps<TRouter extends RegisteredRouter, TOptions> = {
  /** The record's name: the page's heading. */
  name: string;
  lead: string;
  /** The 編集 button, for those who may edit the record: its text and the edit screen's route. */
  edit: { label: string; link: ValidateLinkOptions<TRouter, TOptions> } | null;
  /** The message the previous page left (`useFlash`). */
  flash: string | null;
  /** The record's parts, under the message. */
  children: ReactNode;
};

/**
 * The page of one record once it is loaded (a 社会資源, an 取組, a 地域づくり activity): its name as the
 * heading with the lead and the 編集 button, then the message left by the previous page and its parts.
 */
export function RecordDetail<TRouter extends RegisteredRouter, TOptions>(
  props: RecordDetailProps<TRouter, TOptions>,
): ReactNode;
export function RecordDetail({
  name,
  lead,
  edit,
  flash,
  children,
}: RecordDetailProps<RegisteredRouter, unknown>) {
  return (
    <>
      <PageHeading
        lead={lead}
        actions={
          edit ? (
            <Link {...edit.link} className={buttonClassName('outline', 'md')}>
              {edit.label}
            </Link>
          ) : null
        }
      >
        {name}
      </PageHeading>
      <div className="flex flex-col gap-8">
        <FlashStatus message={flash} />
        {children}
      </div>
    </>
  );
}
