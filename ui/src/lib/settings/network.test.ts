import { describe, expect, test } from 'vitest';
import type { NetworkCheck, NetworkSettings } from '../backend';
import { networkToSave, policyUsesProxy, PROXY_KINDS, proxyProblem, ROUTE_POLICIES, sameNetwork, wayLines } from './network';

const manual = (proxyUrl: string, proxyUser = ''): NetworkSettings => ({ proxyKind: 'manual', proxyUrl, proxyUser, policy: 'iran' });

describe('the proxy address', () => {
  test('each scheme the backend takes passes, with or without a user', () => {
    for (const url of ['socks5h://127.0.0.1:1080', 'socks5://127.0.0.1:1080', 'http://127.0.0.1:8080', 'https://proxy.example:443', 'HTTP://h:8080']) {
      expect(proxyProblem(manual(url)), `${url} is a proxy address`).toBeNull();
    }
    expect(proxyProblem(manual('socks5h://me@127.0.0.1:1080')), 'a user in the address (the backend moves it to its field)').toBeNull();
    expect(proxyProblem(manual('  socks5h://127.0.0.1:1080  ')), 'spaces around a pasted address').toBeNull();
  });

  test('a manual proxy needs an address', () => {
    expect(proxyProblem(manual('')), 'nothing typed').toBe('missing');
    expect(proxyProblem(manual('   ')), 'only spaces').toBe('missing');
  });

  test('an address without one of the four schemes is named as such', () => {
    expect(proxyProblem(manual('127.0.0.1:1080')), 'host and port only').toBe('scheme');
    expect(proxyProblem(manual('localhost:1080')), 'parses as a "localhost:" scheme').toBe('scheme');
    expect(proxyProblem(manual('socks4://127.0.0.1:1080')), 'SOCKS4 is not supported').toBe('scheme');
    expect(proxyProblem(manual('vmess://abc')), 'a v2ray link is not the proxy port').toBe('scheme');
  });

  test('a password in the address is refused before the backend refuses it', () => {
    expect(proxyProblem(manual('socks5h://me:secret@127.0.0.1:1080')), 'user and password').toBe('password');
    expect(proxyProblem(manual('http://:secret@127.0.0.1:8080')), 'a password without a user').toBe('password');
  });

  test('what only the backend can judge is left to it', () => {
    expect(proxyProblem(manual('http://')), 'no host: the backend answers invalid-input').toBeNull();
  });

  test('without a manual proxy there is no address to check', () => {
    expect(proxyProblem({ proxyKind: 'none', proxyUrl: 'garbage', proxyUser: '', policy: 'direct' }), 'none').toBeNull();
    expect(proxyProblem({ proxyKind: 'system', proxyUrl: '', proxyUser: '', policy: 'iran' }), 'the system’s').toBeNull();
  });
});

describe('saving the network settings', () => {
  test('a manual proxy is sent trimmed', () => {
    expect(networkToSave(manual(' socks5h://127.0.0.1:1080 ', ' me ')), 'spaces around the address and user').toEqual({
      proxyKind: 'manual',
      proxyUrl: 'socks5h://127.0.0.1:1080',
      proxyUser: 'me',
      policy: 'iran',
    });
  });

  test('an address typed before another kind was chosen is not sent', () => {
    const form: NetworkSettings = { proxyKind: 'system', proxyUrl: 'socks5h://127.0.0.1:1080', proxyUser: 'me', policy: 'auto' };
    expect(networkToSave(form), 'the backend stores "" unless manual').toEqual({ proxyKind: 'system', proxyUrl: '', proxyUser: '', policy: 'auto' });
  });

  test('the form is unchanged until what it would save differs', () => {
    const saved = manual('socks5h://127.0.0.1:1080');
    expect(sameNetwork({ ...saved }, saved), 'as loaded').toBe(true);
    expect(sameNetwork({ ...saved, proxyUrl: 'socks5h://127.0.0.1:1080 ' }, saved), 'a trailing space saves the same').toBe(true);
    expect(sameNetwork({ ...saved, policy: 'auto' }, saved), 'another preset').toBe(false);
    expect(sameNetwork({ ...saved, proxyUser: 'me' }, saved), 'a user added').toBe(false);
    expect(sameNetwork({ ...saved, proxyKind: 'none' }, saved), 'the proxy turned off').toBe(false);
    const none: NetworkSettings = { proxyKind: 'none', proxyUrl: '', proxyUser: '', policy: 'direct' };
    expect(sameNetwork({ ...none, proxyUrl: 'http://x:1' }, none), 'an address typed, then the kind set back to none').toBe(true);
  });

  test('every kind and preset is offered, the Iran preset first', () => {
    expect([...PROXY_KINDS].sort(), 'the three kinds of the wire type').toEqual(['manual', 'none', 'system']);
    expect([...ROUTE_POLICIES].sort(), 'the four presets of the wire type').toEqual(['all-proxy', 'auto', 'direct', 'iran']);
    expect(ROUTE_POLICIES[0], 'the preset made for Iran leads').toBe('iran');
  });

  test('only the direct preset sends nothing through the proxy', () => {
    expect(policyUsesProxy('direct'), 'nothing through the proxy').toBe(false);
    for (const policy of ['iran', 'all-proxy', 'auto'] as const) expect(policyUsesProxy(policy), `${policy} uses the proxy`).toBe(true);
  });
});

describe('a test of an address', () => {
  test('one line per way, direct first, with why a way failed', () => {
    const check: NetworkCheck = {
      route: 'proxy',
      ways: [
        { way: 'proxy', error: null },
        { way: 'direct', error: { code: 'filtered', message: 'block page' } },
      ],
    };
    expect(wayLines(check), 'direct was filtered, the proxy reached it').toEqual([
      { way: 'direct', outcome: 'filtered' },
      { way: 'proxy', outcome: null },
    ]);
  });

  test('with no proxy the backend tries only the direct way; the proxy’s line says why', () => {
    const check: NetworkCheck = { route: 'direct', ways: [{ way: 'direct', error: null }] };
    expect(wayLines(check), 'the proxy way was not tried').toEqual([
      { way: 'direct', outcome: null },
      { way: 'proxy', outcome: 'no-proxy' },
    ]);
  });
});
