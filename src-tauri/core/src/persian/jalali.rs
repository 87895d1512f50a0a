//! Conversions between the Gregorian and the Solar Hijri (Jalali) calendar,
//! by ICU4X's `Persian` calendar, which follows the official (astronomical)
//! calendar rather than the 2820-year rule that goes wrong from 2025-03-20.

use icu_calendar::cal::Persian;
use icu_calendar::{Date, Iso};

/// A calendar date: year, month (1–12), day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearMonthDay {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl YearMonthDay {
    /// Days from 1970-01-01 to this date read as a (proleptic) Gregorian
    /// date, by Howard Hinnant's days-from-civil algorithm: the basis of
    /// every Unix time computed from a calendar date.
    pub fn gregorian_unix_days(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }
}

impl std::fmt::Display for YearMonthDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("«{0}» is not a date in the form YYYY-MM-DD")]
    Malformed(String),
    #[error("{0} does not exist in the {1} calendar")]
    NoSuchDay(String, &'static str),
}

/// Parses `YYYY-MM-DD` (digits of any script).
pub fn parse_ymd(text: &str) -> Result<YearMonthDay, DateError> {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| super::fold::fold_char(c).unwrap_or(c))
        .collect();
    let mut parts = ascii.split(['-', '/']);
    let malformed = || DateError::Malformed(text.to_owned());
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(malformed());
    };
    Ok(YearMonthDay {
        year: y.parse().map_err(|_| malformed())?,
        month: m.parse().map_err(|_| malformed())?,
        day: d.parse().map_err(|_| malformed())?,
    })
}

/// Validates that a parsed date is a real day: ICU clamps neither, but
/// rejects months and days out of range for that year.
fn check_day(
    given: YearMonthDay,
    built: YearMonthDay,
    calendar: &'static str,
) -> Result<(), DateError> {
    if given == built {
        Ok(())
    } else {
        Err(DateError::NoSuchDay(given.to_string(), calendar))
    }
}

/// Gregorian → Jalali: `2025-03-20` → `1403-12-30`.
pub fn to_jalali(gregorian: YearMonthDay) -> Result<YearMonthDay, DateError> {
    let no_such_day = || DateError::NoSuchDay(gregorian.to_string(), "Gregorian");
    let iso = Date::try_new_iso(gregorian.year, gregorian.month, gregorian.day)
        .map_err(|_| no_such_day())?;
    check_day(gregorian, ymd_of_iso(&iso), "Gregorian")?;
    let persian = iso.to_calendar(Persian);
    Ok(YearMonthDay {
        year: persian.era_year().year,
        month: persian.month().ordinal,
        day: persian.day_of_month().0,
    })
}

/// Jalali → Gregorian: `1403-12-30` → `2025-03-20`; `1402-12-30` is an error
/// (1402 was not a leap year).
pub fn to_gregorian(jalali: YearMonthDay) -> Result<YearMonthDay, DateError> {
    let no_such_day = || DateError::NoSuchDay(jalali.to_string(), "Jalali");
    let persian =
        Date::try_new_persian(jalali.year, jalali.month, jalali.day).map_err(|_| no_such_day())?;
    let built = YearMonthDay {
        year: persian.era_year().year,
        month: persian.month().ordinal,
        day: persian.day_of_month().0,
    };
    check_day(jalali, built, "Jalali")?;
    Ok(ymd_of_iso(&persian.to_calendar(Iso)))
}

fn ymd_of_iso(iso: &Date<Iso>) -> YearMonthDay {
    YearMonthDay {
        year: iso.era_year().year,
        month: iso.month().ordinal,
        day: iso.day_of_month().0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(text: &str) -> YearMonthDay {
        parse_ymd(text).expect("a well-formed date")
    }

    #[test]
    fn gregorian_to_jalali_matches_the_official_calendar() {
        let cases = [
            (
                "2025-03-20",
                "1403-12-30",
                "last day of leap year 1403 (the ptime trap)",
            ),
            ("2025-03-21", "1404-01-01", "Nowruz 1404"),
            (
                "2024-03-19",
                "1402-12-29",
                "last day of 1402, not a leap year",
            ),
            (
                "2021-12-28",
                "1400-10-07",
                "۷ دی ۱۴۰۰, the sample story's date",
            ),
            ("1979-02-11", "1357-11-22", "a historical date"),
        ];
        for (gregorian, jalali, why) in cases {
            assert_eq!(
                to_jalali(ymd(gregorian)).unwrap().to_string(),
                jalali,
                "{why}"
            );
            assert_eq!(
                to_gregorian(ymd(jalali)).unwrap().to_string(),
                gregorian,
                "{why}, back"
            );
        }
    }

    #[test]
    fn gregorian_days_count_from_the_unix_epoch() {
        assert_eq!(ymd("1970-01-01").gregorian_unix_days(), 0);
        assert_eq!(
            ymd("2021-12-28").gregorian_unix_days() * 86_400,
            1_640_649_600
        );
        assert_eq!(
            ymd("2000-03-01").gregorian_unix_days(),
            11_017,
            "after a leap day of a 400-year century"
        );
        assert_eq!(ymd("1969-12-31").gregorian_unix_days(), -1);
    }

    #[test]
    fn days_that_do_not_exist_are_errors() {
        assert!(
            to_gregorian(ymd("1402-12-30")).is_err(),
            "1402 was not a leap year"
        );
        assert!(
            to_gregorian(ymd("1403-13-01")).is_err(),
            "there is no 13th month"
        );
        assert!(
            to_jalali(ymd("2023-02-29")).is_err(),
            "2023 was not a leap year"
        );
        assert!(to_jalali(ymd("2024-04-31")).is_err(), "April has 30 days");
    }

    #[test]
    fn dates_parse_in_any_digit_script_and_reject_junk() {
        assert_eq!(
            parse_ymd("۱۴۰۳-۱۲-۳۰").unwrap(),
            YearMonthDay {
                year: 1403,
                month: 12,
                day: 30
            }
        );
        for junk in [
            "",
            "2025",
            "2025-03",
            "2025-03-20-01",
            "year-03-20",
            "2025-3-x",
        ] {
            assert!(parse_ymd(junk).is_err(), "«{junk}» is not a date");
        }
    }
}
