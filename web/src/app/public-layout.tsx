import type { ReactNode } from 'react';
import { Brand } from './brand.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { SkipLink } from './skip-link.tsx';

/** The frame of pages shown before sign-in: header with the app name and language switch, then main. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="border-b border-solid-gray-420 bg-white">
        <div className="mx-auto flex w-full max-w-[80rem] flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-8">
          <Brand linkHome={false} />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 px-4 py-10 sm:px-8">
        {children}
      </main>
    </div>
  );
}
