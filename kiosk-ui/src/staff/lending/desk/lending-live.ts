import type { LendingMessage } from '../../../../../edge-server/src/api-types.js';

export type { LendingMessage };

type Listener = (message: LendingMessage) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;

/**
 * Listens to the `lending` messages of the live stream while anyone on the loan desk wants them. The app's
 * own stream does not pass these on, so the desk opens its own while it is shown and closes it after.
 * Returns the unsubscribe function.
 */
export function onLendingMessage(listener: Listener): () => void {
  listeners.add(listener);
  if (!source) {
    source = new EventSource('/api/events');
    source.addEventListener('lending', (e) => {
      const message = parse((e as MessageEvent<string>).data);
      if (message) for (const l of [...listeners]) l(message);
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      source?.close();
      source = null;
    }
  };
}

function parse(data: string): LendingMessage | null {
  try {
    const value = JSON.parse(data) as Partial<LendingMessage> | null;
    return value && (value.kind === 'capture' || value.kind === 'ready') ? (value as LendingMessage) : null;
  } catch {
    return null;
  }
}
