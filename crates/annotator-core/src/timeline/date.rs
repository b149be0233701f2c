//! A calendar date with the little arithmetic the timeline needs (days between dates,
//! weekdays), in the proleptic Gregorian calendar. Small on purpose: no time zones, no times.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` strictly.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(s[0..4].parse().ok()?, s[5..7].parse().ok()?, s[8..10].parse().ok()?)
    }

    /// A publication date as a CMS or a feed gives it: `YYYY-MM-DD`, or an ISO 8601 / RFC 3339
    /// timestamp (`2024-03-05T14:26:00`, `…Z`, `…+07:00`, or a space for the `T`). The
    /// calendar date is taken as written, not moved to another time zone: an article's
    /// "yesterday" counts from the day in its own dateline's zone.
    pub fn parse_publication(s: &str) -> Option<Date> {
        let s = s.trim();
        let (day, time) = match s.get(10..) {
            Some(rest) if !rest.is_empty() => (&s[..10], rest),
            _ => return Date::parse_iso(s),
        };
        let time = time.strip_prefix(['T', 't', ' '])?;
        let b = time.as_bytes();
        let clock = b.len() >= 5 && b[..2].iter().all(u8::is_ascii_digit) && b[2] == b':' && b[3..5].iter().all(u8::is_ascii_digit);
        let rest_ok = || b[5..].iter().all(|&c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b',' | b'Z' | b'z' | b'+' | b'-'));
        (clock && rest_ok()).then(|| Date::parse_iso(day)).flatten()
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date { year: (y + if m <= 2 { 1 } else { 0 }) as i32, month: m, day: d }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u32
    }

    pub fn iso(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_days() {
        for z in [-800_000i64, -1, 0, 1, 18_539, 20_000, 2_000_000] {
            assert_eq!(Date::from_days(z).to_days(), z);
        }
        assert_eq!(Date::parse_iso("2020-10-04").unwrap().add_days(-7).iso(), "2020-09-27");
    }

    #[test]
    fn weekdays() {
        assert_eq!(Date::parse_iso("2020-10-04").unwrap().weekday(), 6); // Sunday
        assert_eq!(Date::parse_iso("2019-11-19").unwrap().weekday(), 1); // Tuesday
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse_iso("2020-02-30").is_none());
        assert!(Date::parse_iso("2021-02-29").is_none());
        assert!(Date::parse_iso("2020-2-3").is_none());
        assert!(Date::parse_iso("2020-02-29").is_some());
        for stamp in ["1998-02-13", "1998-02-13T14:26:00", "1998-02-13T14:26:00Z", "1998-02-13 14:26", "1998-02-13T23:59:59.123+07:00"] {
            assert_eq!(Date::parse_publication(stamp).map(Date::iso).as_deref(), Some("1998-02-13"), "{stamp}");
        }
        for bad in ["1998-02-13T", "1998-02-13T1", "1998-02-1é", "1998-02-13Té", "1998-02-13Tnoon", "1998-02-13x14:26", "1998-02-30T10:00", "1998-02-13T1:2"] {
            assert!(Date::parse_publication(bad).is_none(), "{bad}");
        }
    }
}
