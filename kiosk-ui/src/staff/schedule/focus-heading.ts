import type { LitElement } from 'lit';

/** A sessions view that can put the focus on its heading once its data is drawn. */
export interface HeadingFocus {
  focusHeading(): Promise<void>;
}

/** Wait for `loaded` (a Task's `taskComplete`; a failure is drawn too) and focus the view's heading. */
export async function focusHeadingWhen(view: LitElement, loaded: Promise<unknown>): Promise<void> {
  await loaded.catch(() => undefined);
  await view.updateComplete;
  view.renderRoot.querySelector<HTMLElement>('h2[tabindex]')?.focus();
}
