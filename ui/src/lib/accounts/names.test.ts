import { describe, expect, test } from 'vitest';
import { accountHost, accountNames } from './names';

describe('account names', () => {
  test("an account is called by its server's host", () => {
    expect(accountHost('https://rss.example.com/api/greader.php')).toBe('rss.example.com');
    expect(accountHost('http://127.0.0.1:8080/i/api/greader.php'), 'with its port').toBe('127.0.0.1:8080');
    expect(accountHost('not an address'), 'an address that does not parse is shown whole').toBe('not an address');
  });

  test('accounts on one host take their user in front; the others stay short', () => {
    const names = accountNames([
      { id: 1, url: 'https://rss.example.com/api/greader.php', user: 'maryam' },
      { id: 2, url: 'https://rss.example.com/api/greader.php', user: 'ali' },
      { id: 3, url: 'https://miniflux.example.org', user: 'maryam' },
    ]);
    expect([...names.entries()]).toEqual([
      [1, 'maryam@rss.example.com'],
      [2, 'ali@rss.example.com'],
      [3, 'miniflux.example.org'],
    ]);
  });
});
