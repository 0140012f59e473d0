export type MenuButtonProps = {
  /** The id of the navigation the button shows and hides. */
  controls: string;
  expanded: boolean;
  onToggle: () => void;
  openLabel: string;
  closeLabel: string;
  className?: string;
};

/**
 * DADS hamburger menu button for narrow screens: an icon with a visible label, `aria-expanded` and
 * `aria-controls` so assistive technology knows what it opens. The icon turns into a cross while open.
 */
export function MenuButton({
  controls,
  expanded,
  onToggle,
  openLabel,
  closeLabel,
  className,
}: MenuButtonProps) {
  return (
    <button
      type="button"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
      className={`inline-flex min-h-11 min-w-11 shrink-0 cursor-pointer items-center gap-2 rounded-6 border border-solid-gray-420 bg-white px-3 py-1 text-oln-16B-100 whitespace-nowrap text-solid-gray-900 hover:bg-blue-50 hover:underline underline-offset-[3px] ${className ?? ''}`}
    >
      <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" className="fill-current">
        {expanded ? (
          <path d="M6.4 19 5 17.6l5.6-5.6L5 6.4 6.4 5l5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6Z" />
        ) : (
          <path d="M3 18v-2h18v2Zm0-5v-2h18v2Zm0-5V6h18v2Z" />
        )}
      </svg>
      {expanded ? closeLabel : openLabel}
    </button>
  );
}
