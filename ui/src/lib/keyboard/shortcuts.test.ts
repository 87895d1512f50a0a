import { describe, expect, test } from 'vitest';
import { isTypingTarget, KEY_CAPS, PREFIX_TIMEOUT_MS, SHORTCUT_HELP, ShortcutReader, type KeyInput } from './shortcuts';

function key(code: string, key: string, modifiers: Partial<KeyInput> = {}): KeyInput {
  return { code, key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...modifiers };
}

describe('ShortcutReader', () => {
  test('single keys by code, on the English and on the Persian layout', () => {
    const cases: [KeyInput, string][] = [
      [key('KeyJ', 'j'), 'next'],
      [key('KeyJ', 'ت'), 'next'],
      [key('KeyK', 'k'), 'previous'],
      [key('KeyK', 'ن'), 'previous'],
      [key('KeyO', 'خ'), 'open'],
      [key('Enter', 'Enter'), 'open'],
      [key('NumpadEnter', 'Enter'), 'open'],
      [key('KeyB', 'ذ'), 'bookmark'],
      [key('KeyM', 'پ'), 'toggle-read'],
      [key('Slash', '/'), 'search'],
      [key('KeyR', 'ق'), 'refresh'],
    ];
    for (const [input, action] of cases) {
      expect(new ShortcutReader().read(input, 0), `${input.code} (${input.key})`).toBe(action);
    }
  });

  test('the key value alone does not trigger: «j» typed on another key is not next', () => {
    expect(new ShortcutReader().read(key('KeyT', 'j'), 0), 'a layout that puts j elsewhere').toBeNull();
  });

  test('? is Shift+Slash on both layouts', () => {
    expect(new ShortcutReader().read(key('Slash', '?', { shiftKey: true }), 0)).toBe('help');
    expect(new ShortcutReader().read(key('Slash', '؟', { shiftKey: true }), 0), 'Persian layout').toBe('help');
    expect(new ShortcutReader().read(key('Minus', '?', { shiftKey: true }), 0), 'a layout with ? elsewhere').toBe('help');
  });

  test('modifier keys leave the browser and system shortcuts alone', () => {
    const reader = new ShortcutReader();
    expect(reader.read(key('KeyJ', 'j', { ctrlKey: true }), 0)).toBeNull();
    expect(reader.read(key('KeyB', 'b', { metaKey: true }), 0)).toBeNull();
    expect(reader.read(key('KeyM', 'm', { altKey: true }), 0)).toBeNull();
    expect(reader.read(key('KeyJ', 'J', { shiftKey: true }), 0), 'Shift+J is not j').toBeNull();
  });

  test('g then a, u or b goes to a list', () => {
    for (const [code, fa, action] of [
      ['KeyA', 'ش', 'go-all'],
      ['KeyU', 'ع', 'go-unread'],
      ['KeyB', 'ذ', 'go-bookmarks'],
    ]) {
      const reader = new ShortcutReader();
      expect(reader.read(key('KeyG', 'ل'), 1000), 'g waits for the next key').toBe('pending');
      expect(reader.read(key(code, fa), 1500), `g ${code}`).toBe(action);
    }
  });

  test('b without g is bookmark; after g it is Bookmarks; the prefix is used once', () => {
    const reader = new ShortcutReader();
    expect(reader.read(key('KeyB', 'b'), 0)).toBe('bookmark');
    reader.read(key('KeyG', 'g'), 10);
    expect(reader.read(key('KeyB', 'b'), 20)).toBe('go-bookmarks');
    expect(reader.read(key('KeyB', 'b'), 30), 'the next b is a bookmark again').toBe('bookmark');
  });

  test('g expires', () => {
    const reader = new ShortcutReader();
    reader.read(key('KeyG', 'g'), 0);
    expect(reader.read(key('KeyB', 'b'), PREFIX_TIMEOUT_MS + 1), 'too late: a plain b').toBe('bookmark');
  });

  test('g then an unrelated key is that key', () => {
    const reader = new ShortcutReader();
    reader.read(key('KeyG', 'g'), 0);
    expect(reader.read(key('KeyJ', 'j'), 10)).toBe('next');
  });
});

describe('isTypingTarget', () => {
  const cases: [Parameters<typeof isTypingTarget>[0], boolean, string][] = [
    [{ tagName: 'INPUT', type: 'search' }, true, 'the search box'],
    [{ tagName: 'INPUT', type: 'text' }, true, 'a text field'],
    [{ tagName: 'INPUT', type: 'date' }, true, 'a date field takes digits'],
    [{ tagName: 'input' }, true, 'an input without a type is text'],
    [{ tagName: 'TEXTAREA' }, true, 'a text area'],
    [{ tagName: 'SELECT' }, true, 'a select takes letters to jump to options'],
    [{ tagName: 'DIV', isContentEditable: true }, true, 'editable content'],
    [{ tagName: 'INPUT', type: 'checkbox' }, false, 'a checkbox'],
    [{ tagName: 'INPUT', type: 'range' }, false, 'a slider'],
    [{ tagName: 'BUTTON' }, false, 'a button'],
    [{ tagName: 'DIV' }, false, 'the list'],
    [null, false, 'nothing focused'],
  ];
  for (const [target, expected, reason] of cases) {
    test(reason, () => {
      expect(isTypingTarget(target), reason).toBe(expected);
    });
  }
});

describe('the shortcuts sheet', () => {
  test('every key it lists has a key cap in both layouts', () => {
    for (const line of SHORTCUT_HELP) {
      for (const code of line.keys.flat()) {
        expect(KEY_CAPS[code], `${line.action}: ${code}`).toBeDefined();
      }
    }
  });

  test('r (refresh the feeds) is listed', () => {
    expect(SHORTCUT_HELP.find((line) => line.action === 'refresh')?.keys, 'r, by its key code').toEqual([['KeyR']]);
  });

  test('the key caps it shows are the keys the reader answers to', () => {
    const reader = new ShortcutReader();
    for (const line of SHORTCUT_HELP.filter((l) => l.action !== 'help')) {
      for (const sequence of line.keys) {
        let result: string | null = null;
        sequence.forEach((code, step) => (result = reader.read(key(code, KEY_CAPS[code].en), step)));
        expect(result, `${sequence.join(' ')} → ${line.action}`).toBe(line.action);
      }
    }
  });
});
