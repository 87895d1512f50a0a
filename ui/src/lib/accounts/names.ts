// What an account is called where the interface names it: its server's host
// («rss.example.com»), with the user in front when two accounts share a host.
import type { Account } from '../backend';

/** The host of an account's address; the address itself when it does not parse. */
export function accountHost(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Each account's name: its host, or `user@host` when another account has the same host. */
export function accountNames(accounts: readonly Pick<Account, 'id' | 'url' | 'user'>[]): Map<number, string> {
  const hosts = new Map<string, number>();
  for (const account of accounts) {
    const host = accountHost(account.url);
    hosts.set(host, (hosts.get(host) ?? 0) + 1);
  }
  return new Map(
    accounts.map((account) => {
      const host = accountHost(account.url);
      return [account.id, (hosts.get(host) ?? 0) > 1 && account.user !== '' ? `${account.user}@${host}` : host];
    }),
  );
}
