// The sync accounts, loaded when the library changes and shared by the
// sources pane (a group of feeds per account), Settings, Accounts, and the
// sync (which syncs the accounts after the feeds when there are any). Every
// account sync of the window goes through `syncAccountsNow`, so each
// account's latest outcome is known here, even one the library does not
// record (a password Barg no longer has).
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { Latest } from '../async/latest';
import {
  listAccounts,
  syncAccounts,
  toBackendError,
  type Account,
  type AccountSyncResult,
  type AddedAccount,
  type ErrorCode,
} from '../backend';
import { accountNames } from './names';

let list = $state.raw<Account[]>([]);
let names = $state.raw<Map<number, string>>(new Map());
let loaded = $state(false);
let errorCode = $state<string | null>(null);
/** Accounts being synced now. */
const syncing = new SvelteSet<number>();
/** Each account's outcome in the latest sync of this session: null when it worked. */
const outcomes = new SvelteMap<number, ErrorCode | null>();
/** Accounts added in this session whose password is kept only until Barg closes. */
const inSession = new SvelteSet<number>();

export const accountList = {
  get all(): Account[] {
    return list;
  },
  /** Each account's name in the interface (see `accountNames`). */
  get names(): Map<number, string> {
    return names;
  },
  /** True once the first list arrived. */
  get loaded(): boolean {
    return loaded;
  },
  get errorCode(): string | null {
    return errorCode;
  },
};

// Only the newest request's answer is kept: an older one arriving late would show a stale state.
const loads = new Latest();

export async function loadAccounts(): Promise<void> {
  const ticket = loads.next();
  try {
    const accounts = await listAccounts();
    if (!ticket.current) return;
    list = accounts;
    names = accountNames(accounts);
    loaded = true;
    errorCode = null;
  } catch (reason) {
    if (ticket.current) errorCode = toBackendError(reason).code;
  }
}

/** Whether the account is being synced. */
export function isSyncing(id: number): boolean {
  return syncing.has(id);
}

/** Why the account's latest sync failed (this session's, else the library's record); null when it worked. */
export function accountErrorCode(account: Pick<Account, 'id' | 'lastErrorCode'>): ErrorCode | null {
  return outcomes.has(account.id) ? (outcomes.get(account.id) ?? null) : account.lastErrorCode;
}

/**
 * Syncs one account, or every account with `accountId` null; resolves to one
 * result per account and reloads the list (last sync, feeds, pending
 * changes). Rejects as `syncAccounts` does.
 */
export async function syncAccountsNow(accountId: number | null): Promise<AccountSyncResult[]> {
  const ids = accountId === null ? list.map((account) => account.id) : [accountId];
  for (const id of ids) syncing.add(id);
  try {
    const results = await syncAccounts(accountId);
    for (const result of results) outcomes.set(result.accountId, result.error?.code ?? null);
    return results;
  } catch (reason) {
    const code = toBackendError(reason).code;
    if (code !== 'cancelled') for (const id of ids) outcomes.set(id, code);
    throw reason;
  } finally {
    for (const id of ids) syncing.delete(id);
    await loadAccounts();
  }
}

/** An account was just added: where its password is kept. */
export function noteAdded(added: AddedAccount): void {
  if (added.kept === 'session') inSession.add(added.id);
}

/** An account's password was given again: where it is kept now. */
export function notePasswordKept(id: number, kept: 'store' | 'session'): void {
  if (kept === 'session') inSession.add(id);
  else inSession.delete(id);
}

/** Whether the account's password is kept only until Barg closes (known for accounts added in this session). */
export function passwordInSession(id: number): boolean {
  return inSession.has(id);
}

/** An account was removed: what was known of it goes with it. */
export function forgetAccount(id: number): void {
  outcomes.delete(id);
  inSession.delete(id);
}
