import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, withDefaults } from './settings.svelte';

describe('withDefaults', () => {
  test('an older backend without repairHalfSpaces means repair is on', () => {
    expect(withDefaults({ language: 'en', theme: 'dark' }), 'the missing field defaults to true').toEqual({
      language: 'en',
      theme: 'dark',
      repairHalfSpaces: true,
    });
  });

  test('a stored false stays false', () => {
    expect(withDefaults({ language: 'fa', theme: 'light', repairHalfSpaces: false }).repairHalfSpaces, 'the user turned it off').toBe(false);
  });

  test('nothing stored is the defaults', () => {
    expect(withDefaults({}), 'first start').toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.repairHalfSpaces, 'repair is on by default').toBe(true);
  });
});
