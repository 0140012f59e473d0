import { type KeyboardEvent, type ReactNode, useRef } from 'react';

export type TabItem<K extends string> = { key: K; label: string };

export type TabsProps<K extends string> = {
  /** The name of the tab list, read out with it. */
  label: string;
  /** Prefix of the tab and panel ids, unique on the page. */
  idPrefix: string;
  tabs: readonly TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  /** The selected tab's content; the other panels stay empty (and hidden) until chosen. */
  children: ReactNode;
};

/**
 * WAI-ARIA tabs with automatic activation: Left / Right move between tabs (wrapping), Home / End
 * go to the first / last, Tab moves into the panel. Only the selected tab is in the tab order.
 */
export function Tabs<K extends string>({
  label,
  idPrefix,
  tabs,
  selected,
  onSelect,
  children,
}: TabsProps<K>) {
  const refs = useRef(new Map<K, HTMLButtonElement>());

  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    const tab = tabs[target];
    if (!tab) return;
    onSelect(tab.key);
    refs.current.get(tab.key)?.focus();
  };

  return (
    <div className="flex flex-col gap-6">
      <div
        role="tablist"
        aria-label={label}
        className="flex flex-wrap gap-1 border-b-2 border-solid-gray-420 print:hidden"
      >
        {tabs.map((tab, index) => {
          const active = tab.key === selected;
          return (
            <button
              key={tab.key}
              ref={(element) => {
                if (element) refs.current.set(tab.key, element);
                else refs.current.delete(tab.key);
              }}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${tab.key}`}
              aria-selected={active}
              aria-controls={`${idPrefix}-panel-${tab.key}`}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(tab.key)}
              onKeyDown={(event) => move(event, index)}
              className={`-mb-0.5 min-h-12 cursor-pointer rounded-t-8 border-b-4 px-4 py-2 text-oln-16B-100 underline-offset-[3px] hover:bg-blue-50 hover:underline ${
                active
                  ? 'border-blue-900 bg-blue-50 text-solid-gray-900'
                  : 'border-transparent text-blue-1000'
              }`}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${idPrefix}-panel-${tab.key}`}
          aria-labelledby={`${idPrefix}-tab-${tab.key}`}
          hidden={tab.key !== selected}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the APG tabs pattern makes a panel focusable when it may start with text
          tabIndex={0}
        >
          {tab.key === selected ? children : null}
        </div>
      ))}
    </div>
  );
}
