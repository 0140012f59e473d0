/**
 * After a client-side page change, focus goes to the new page's `<h1>` so screen-reader users
 * hear where they are. The router asks for it; the heading takes it when it mounts (the new
 * page may render after the navigation resolves), unless the user has moved focus meanwhile.
 */
let requested = false;

function focusIsFree(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active.tagName === 'H1';
}

/** Called by the router when the path changed: focus the current `<h1>` now, and the next one that mounts. */
export function requestHeadingFocus(): void {
  requested = true;
  const heading = document.querySelector<HTMLElement>('main h1');
  heading?.focus();
}

/** Called by a page heading when it mounts. */
export function takeHeadingFocus(heading: HTMLElement | null): void {
  if (!requested || !heading || !focusIsFree()) return;
  heading.focus();
}

/** The user acted (typed or clicked): stop pulling focus to headings. */
export function releaseHeadingFocus(): void {
  requested = false;
}
