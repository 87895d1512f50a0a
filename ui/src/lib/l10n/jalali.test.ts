import { describe, expect, test } from 'vitest';
import { gregorianToJalali, isoToJalali, jalaliText, jalaliToGregorian, jalaliToIso, parseJalali } from './jalali';

const DAY_MS = 24 * 60 * 60 * 1000;
const isoOf = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);

// Where a year's length decides the day: the Esfands around Nowruz.
const TABLE: [string, string, string][] = [
  ['1403/12/30', '2025-03-20', '1403 is a leap year: its Esfand has a 30th day'],
  ['1404/01/01', '2025-03-21', 'Nowruz 1404 is the day after the leap day'],
  ['1402/12/29', '2024-03-19', '1402 is a common year: Esfand 29 is its last day'],
  ['1403/01/01', '2024-03-20', 'Nowruz 1403 follows Esfand 29 of 1402'],
  ['1405/09/13', '2026-12-04', 'a day in Azar, the example the field shows'],
  ['1405/06/31', '2026-09-22', 'Shahrivar, the last 31-day month, has a 31st'],
  ['1405/07/01', '2026-09-23', 'Mehr starts the 30-day months'],
  ['1400/01/01', '2021-03-21', 'the first day of the round-trip range'],
  ['1410/12/29', '2032-03-19', 'the last day of the round-trip range: 1410 is a common year'],
];

describe('jalaliToIso', () => {
  for (const [jalali, iso, reason] of TABLE) {
    test(`${jalali} is ${iso}`, () => {
      expect(jalaliToIso(jalali), `${reason}`).toBe(iso);
    });
  }

  const variants: [string, string][] = [
    ['۱۴۰۵/۰۹/۱۳', 'Persian digits, as the field shows them'],
    ['١٤٠٥/٠٩/١٣', 'Arabic-Indic digits, as an Arabic keyboard types them'],
    ['1405/09/13', 'ASCII digits'],
    ['1405-09-13', 'hyphens between the parts'],
    ['۱۴۰۵-۰۹-۱۳', 'Persian digits with hyphens'],
    ['1405/9/13', 'a month without its leading zero'],
    ['۱۴۰۵/۹/۱۳', 'Persian digits, no leading zero'],
    ['۱۴۰5/0۹/١٣', 'the three digit scripts mixed in one date'],
    ['1405/09-13', 'one slash and one hyphen'],
    ['  1405/09/13  ', 'spaces around the date'],
    ['1405 / 09 / 13', 'spaces around the separators'],
    ['\u200e۱۴۰۵/۰۹/۱۳\u200e', 'a pasted date held between LRMs'],
    ['\u2068۱۴۰۵/۰۹/۱۳\u2069', 'a pasted date inside an FSI…PDI isolate (as Fluent writes placeables)'],
  ];
  for (const [text, reason] of variants) {
    test(`reads ${JSON.stringify(text)}`, () => {
      expect(jalaliToIso(text), `${reason} is read as 1405/09/13`).toBe('2026-12-04');
    });
  }

  test('a day without a leading zero', () => {
    expect(jalaliToIso('1405/1/2'), 'Farvardin 2, month and day each one digit').toBe('2026-03-22');
  });

  const invalid: [string, string][] = [
    ['', 'nothing typed'],
    ['   ', 'only spaces'],
    ['1405', 'a year alone'],
    ['1405/09', 'no day'],
    ['1405/09/', 'a day still being typed'],
    ['1405/13/01', 'there is no 13th month'],
    ['1405/00/10', 'there is no month 0'],
    ['1405/09/00', 'there is no day 0'],
    ['1405/07/31', 'Mehr has 30 days'],
    ['1405/01/32', 'Farvardin has 31 days'],
    ['1403/12/31', 'Esfand never has 31 days, not even in a leap year'],
    ['1404/12/30', '1404 is a common year: its Esfand has 29 days'],
    ['1402/12/30', '1402 is a common year: its Esfand has 29 days'],
    ['14050913', 'no separators: the parts cannot be told apart'],
    ['1405.09.13', 'dots are not a date separator here'],
    ['05/09/13', 'a two-digit year is ambiguous'],
    ['13/09/1405', 'day first: the field takes the year first'],
    ['1405/009/13', 'a three-digit month'],
    ['1405/09/13/1', 'a fourth part'],
    ['12345/01/01', 'a five-digit year'],
    ['0000/01/01', 'there is no year 0'],
    ['۱۴۰۵/۰۹/۱۳ب', 'a letter after the date'],
    ['abc', 'no digits at all'],
  ];
  for (const [text, reason] of invalid) {
    test(`refuses ${JSON.stringify(text)}`, () => {
      expect(jalaliToIso(text), reason).toBeNull();
    });
  }
});

describe('isoToJalali', () => {
  for (const [jalali, iso, reason] of TABLE) {
    test(`${iso} is ${jalali}`, () => {
      const persian = jalali.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
      expect(isoToJalali(iso), `${reason}, in Persian digits`).toBe(persian);
      expect(isoToJalali(iso, 'latin'), `${reason}, in Latin digits`).toBe(jalali);
    });
  }

  test('Persian digits by default, zero-padded, year first', () => {
    expect(isoToJalali('2021-03-21'), 'Farvardin 1 pads month and day to two digits').toBe('۱۴۰۰/۰۱/۰۱');
    expect(isoToJalali('2026-12-04'), 'no ASCII digit is left').not.toMatch(/[0-9]/);
  });

  const invalid: [string, string][] = [
    ['', 'an empty filter shows an empty field'],
    ['2023-02-30', 'February has no 30th'],
    ['2026-13-01', 'there is no 13th month'],
    ['2026-12-4', 'not the "YYYY-MM-DD" a date input gives'],
    ['garbage', 'not a date at all'],
  ];
  for (const [iso, reason] of invalid) {
    test(`shows nothing for ${JSON.stringify(iso)}`, () => {
      expect(isoToJalali(iso), reason).toBe('');
    });
  }
});

describe('parseJalali and jalaliText', () => {
  test('the parts as typed, not yet checked against the calendar', () => {
    expect(parseJalali('۱۴۰۴/۱۲/۳۰'), 'a day to be checked against ICU next').toEqual({ year: 1404, month: 12, day: 30 });
    expect(parseJalali('1405/9'), 'too few parts is no day').toBeNull();
  });

  test('jalaliToGregorian refuses numbers that are no day', () => {
    expect(jalaliToGregorian({ year: 1405, month: 9.5, day: 1 }), 'a fractional month').toBeNull();
    expect(jalaliToGregorian({ year: Number.NaN, month: 1, day: 1 }), 'no year').toBeNull();
  });

  test('jalaliText writes the chosen digits', () => {
    expect(jalaliText({ year: 1405, month: 9, day: 3 }, 'latin'), 'Latin digits, zero-padded').toBe('1405/09/03');
    expect(jalaliText({ year: 1405, month: 9, day: 3 }), 'Persian digits unless told').toBe('۱۴۰۵/۰۹/۰۳');
  });
});

describe('every day of 1400 to 1410', () => {
  const first = Date.UTC(2021, 2, 21); // 1400/01/01
  const last = Date.UTC(2032, 2, 19); // 1410/12/29

  test('Gregorian → Jalali → Gregorian is the same day, and the Jalali days follow each other', () => {
    let previous = gregorianToJalali(isoOf(first - DAY_MS));
    expect(previous, 'the day before 1400/01/01 is the last of 1399, a leap year').toEqual({ year: 1399, month: 12, day: 30 });
    const yearLengths = new Map<number, number>();
    for (let at = first; at <= last; at += DAY_MS) {
      const iso = isoOf(at);
      const shown = isoToJalali(iso);
      expect(jalaliToIso(shown), `${iso} shown as ${shown} must read back as the same day`).toBe(iso);
      expect(jalaliToIso(isoToJalali(iso, 'latin')), `${iso} in Latin digits must read back too`).toBe(iso);
      const day = gregorianToJalali(iso)!;
      const next =
        day.day === 1
          ? day.month === 1
            ? previous!.year + 1 === day.year && previous!.month === 12
            : previous!.year === day.year && previous!.month + 1 === day.month
          : previous!.year === day.year && previous!.month === day.month && previous!.day + 1 === day.day;
      expect(next, `${iso} (${shown}) must be the day after ${jalaliText(previous!)}`).toBe(true);
      if (day.day === 1 && day.month > 1) {
        const length = day.month - 1 <= 6 ? 31 : 30;
        expect(previous!.day, `month ${day.month - 1} of ${day.year} has ${length} days`).toBe(length);
      }
      yearLengths.set(day.year, (yearLengths.get(day.year) ?? 0) + 1);
      previous = day;
    }
    const leap = [...yearLengths].filter(([, length]) => length === 366).map(([year]) => year);
    expect(leap, 'of 1400–1410, 1403 and 1408 have 366 days (Esfand 30)').toEqual([1403, 1408]);
    for (const [year, length] of yearLengths) {
      expect([365, 366], `year ${year} has ${length} days`).toContain(length);
    }
  });

  test('every Jalali day typed reads as a day, and only those', () => {
    let expected = first;
    for (let year = 1400; year <= 1410; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const text = jalaliText({ year, month, day });
          const iso = jalaliToIso(text);
          const exists = day <= (month <= 6 ? 31 : month <= 11 ? 30 : year === 1403 || year === 1408 ? 30 : 29);
          if (exists) {
            expect(iso, `${text} must be the day after the one before it`).toBe(isoOf(expected));
            expect(isoToJalali(iso!), `${text} must show as itself`).toBe(text);
            expected += DAY_MS;
          } else {
            expect(iso, `${text} is not in the calendar`).toBeNull();
          }
        }
      }
    }
    expect(isoOf(expected - DAY_MS), 'the days typed end on 1410/12/29').toBe('2032-03-19');
  });
});
