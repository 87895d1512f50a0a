import { describe, expect, test } from 'vitest';
import type { NetworkCheck, NetworkSettings, Source } from '../backend';
import {
  folderRouteChoice,
  NETWORK_DEFAULTS,
  networkToSave,
  policyUsesProxy,
  PROXY_KINDS,
  proxyProblem,
  ROUTE_CHOICES,
  ROUTE_POLICIES,
  routedFolders,
  sameNetwork,
  wayLines,
  withFolderRoute,
} from './network';

const rest = { folderRoutes: {}, textOnly: false } as const;

const manual = (proxyUrl: string, proxyUser = ''): NetworkSettings => ({ proxyKind: 'manual', proxyUrl, proxyUser, policy: 'iran', ...rest });

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
    expect(proxyProblem({ proxyKind: 'none', proxyUrl: 'garbage', proxyUser: '', policy: 'direct', ...rest }), 'none').toBeNull();
    expect(proxyProblem({ proxyKind: 'system', proxyUrl: '', proxyUser: '', policy: 'iran', ...rest }), 'the system’s').toBeNull();
  });
});

describe('saving the network settings', () => {
  test('a manual proxy is sent trimmed', () => {
    expect(networkToSave(manual(' socks5h://127.0.0.1:1080 ', ' me ')), 'spaces around the address and user').toEqual({
      proxyKind: 'manual',
      proxyUrl: 'socks5h://127.0.0.1:1080',
      proxyUser: 'me',
      policy: 'iran',
      folderRoutes: {},
      textOnly: false,
    });
  });

  test('an address typed before another kind was chosen is not sent', () => {
    const form: NetworkSettings = { proxyKind: 'system', proxyUrl: 'socks5h://127.0.0.1:1080', proxyUser: 'me', policy: 'auto', ...rest };
    expect(networkToSave(form), 'the backend stores "" unless manual').toEqual({
      proxyKind: 'system',
      proxyUrl: '',
      proxyUser: '',
      policy: 'auto',
      ...rest,
    });
  });

  test('the form is unchanged until what it would save differs', () => {
    const saved = manual('socks5h://127.0.0.1:1080');
    expect(sameNetwork({ ...saved }, saved), 'as loaded').toBe(true);
    expect(sameNetwork({ ...saved, proxyUrl: 'socks5h://127.0.0.1:1080 ' }, saved), 'a trailing space saves the same').toBe(true);
    expect(sameNetwork({ ...saved, policy: 'auto' }, saved), 'another preset').toBe(false);
    expect(sameNetwork({ ...saved, proxyUser: 'me' }, saved), 'a user added').toBe(false);
    expect(sameNetwork({ ...saved, proxyKind: 'none' }, saved), 'the proxy turned off').toBe(false);
    const none: NetworkSettings = { proxyKind: 'none', proxyUrl: '', proxyUser: '', policy: 'direct', ...rest };
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

describe('text only', () => {
  test('is off until turned on, and is saved with the rest', () => {
    expect(NETWORK_DEFAULTS.textOnly, 'a new library fetches pages and images').toBe(false);
    const saved = manual('socks5h://127.0.0.1:1080');
    const form = { ...saved, textOnly: true };
    expect(sameNetwork(form, saved), 'turning it on is a change to save').toBe(false);
    expect(networkToSave(form).textOnly, 'the switch goes to the backend').toBe(true);
  });
});

describe('the routes of folders', () => {
  function source(folder: string | null, kind: Source['kind'] = 'feed'): Pick<Source, 'kind' | 'folder'> {
    return { kind, folder };
  }

  test('every folder a feed is filed in is offered once, in alphabetical order', () => {
    const sources = [source('خبر'), source('Tech'), source('خبر'), source(null), source('  ورزش '), source('علم')];
    expect(routedFolders(sources, 'fa'), 'one select per folder, names trimmed as the sources pane shows them').toEqual([
      'خبر',
      'علم',
      'ورزش',
      'Tech',
    ]);
    expect(routedFolders(sources, 'en'), 'the English order').toEqual(['Tech', 'خبر', 'علم', 'ورزش']);
  });

  test('with no folders there is nothing to offer', () => {
    expect(routedFolders([], 'fa'), 'an empty library').toEqual([]);
    expect(routedFolders([source(null), source('   ')], 'fa'), 'feeds in no folder').toEqual([]);
    expect(routedFolders([source('کتاب', 'file')], 'fa'), 'only feeds are routed').toEqual([]);
  });

  test('a folder without a route follows the preset', () => {
    expect(folderRouteChoice(manual(''), 'خبر'), 'no key').toBe('default');
    const settings = { ...manual(''), folderRoutes: { خبر: 'proxy' as const } };
    expect(folderRouteChoice(settings, 'خبر'), 'its own route').toBe('proxy');
    expect(ROUTE_CHOICES[0], 'the default is offered first').toBe('default');
  });

  test('choosing a route sets the folder’s key, the default takes it out', () => {
    const saved: NetworkSettings = { ...manual(''), folderRoutes: { خارجی: 'proxy', old: 'direct' } };
    const chosen = withFolderRoute(saved, 'خبر', 'auto');
    expect(chosen.folderRoutes, 'a new key, the others kept').toEqual({ خارجی: 'proxy', old: 'direct', خبر: 'auto' });
    expect(saved.folderRoutes, 'the saved settings are not changed in place').toEqual({ خارجی: 'proxy', old: 'direct' });
    expect(sameNetwork(chosen, saved), 'a folder route chosen is a change to save').toBe(false);
    const back = withFolderRoute(chosen, 'خبر', 'default');
    expect(back.folderRoutes, 'no key rather than a null route').toEqual({ خارجی: 'proxy', old: 'direct' });
    expect(sameNetwork(back, saved), 'set back to the default, nothing to save').toBe(true);
    expect(networkToSave(withFolderRoute(saved, 'خارجی', 'direct')).folderRoutes, 'sent with the settings').toEqual({
      خارجی: 'direct',
      old: 'direct',
    });
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
