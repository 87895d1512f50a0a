// The library's sources, loaded once per library change and shared by every
// view that needs them: the sources pane, the first-start offer of feeds, and
// the background refresh (which reads each feed's last fetch).
import { sourcesReloaded } from '../articles/reading.svelte';
import { Latest } from '../async/latest';
import { listSources, toBackendError, type Source } from '../backend';

let list = $state.raw<Source[]>([]);
let loaded = $state(false);
let errorCode = $state<string | null>(null);

export const sourceList = {
  get all(): Source[] {
    return list;
  },
  /** True once the first list arrived. */
  get loaded(): boolean {
    return loaded;
  },
  get errorCode(): string | null {
    return errorCode;
  },
};

// Only the newest request's answer is kept: an older one arriving late would show stale counts.
const loads = new Latest();

export async function loadSources(): Promise<void> {
  const ticket = loads.next();
  try {
    const sources = await listSources();
    if (!ticket.current) return;
    list = sources;
    loaded = true;
    errorCode = null;
    sourcesReloaded();
  } catch (reason) {
    if (ticket.current) errorCode = toBackendError(reason).code;
  }
}
