import type { ReactNode } from 'react';

/**
 * A long form's actions, the primary (submit) first. Below 1024 px (tablet, phone) the bar sticks
 * to the bottom of the screen while the form is in view, so the primary action stays under the
 * thumb without scrolling to the form's end; from 1024 px it sits after the last field. Its
 * buttons are DADS `md` buttons (48 px high), so they are 44 px touch targets.
 */
export function FormActions({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div
      className={`flex flex-wrap items-center gap-x-6 gap-y-3 max-lg:sticky max-lg:bottom-0 max-lg:z-10 max-lg:border-t max-lg:border-solid-gray-420 max-lg:bg-white max-lg:pt-3 max-lg:pb-[max(0.75rem,env(safe-area-inset-bottom))] print:hidden ${className ?? ''}`}
    >
      {children}
    </div>
  );
}
