//! RFC 3339 date-times and full-dates from the backend.

use time::{Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::text::quoted_for_message;

/// A moment in time, from an RFC 3339 date-time with an offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timestamp {
    at: OffsetDateTime,
    raw: String,
}

impl Timestamp {
    pub fn parse(raw: &str) -> Result<Self, String> {
        rfc3339(raw)
            .map(|at| Self {
                at,
                raw: raw.to_string(),
            })
            .ok_or_else(|| {
                format!(
                    "{} is not an RFC 3339 date-time with offset",
                    quoted_for_message(raw)
                )
            })
    }

    pub fn at(&self) -> OffsetDateTime {
        self.at
    }

    /// The value as the backend sent it, which is valid RFC 3339: for `<time datetime>`.
    pub fn as_rfc3339(&self) -> &str {
        &self.raw
    }

    pub fn unix_seconds(&self) -> i64 {
        self.at.unix_timestamp()
    }
}

/// `2026-11-24T14:25:00+01:00`, `2018-05-31T08:14:00.5Z`: RFC 3339's date-time, read by hand.
/// The `time` crate's parser (its `parsing` feature, format descriptions and all) was a few
/// KB of wasm for this one format; `time` still does the calendar arithmetic.
fn rfc3339(raw: &str) -> Option<OffsetDateTime> {
    let b = raw.as_bytes();
    let digits = |from: usize, len: usize| -> Option<u32> {
        let s = b.get(from..from + len)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| s.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let at = |i: usize, c: u8| b.get(i).is_some_and(|x| x.eq_ignore_ascii_case(&c));
    // RFC 3339 allows a space for the `T` (section 5.6, NOTE).
    let separator = at(10, b'T') || at(10, b' ');
    if !(at(4, b'-') && at(7, b'-') && separator && at(13, b':') && at(16, b':')) {
        return None;
    }
    let date = time::Date::from_calendar_date(
        digits(0, 4)? as i32,
        Month::try_from(digits(5, 2)? as u8).ok()?,
        digits(8, 2)? as u8,
    )
    .ok()?;
    // A leap second (23:59:60) is the second before the next minute.
    let second = digits(17, 2)?.min(59);
    let mut i = 19;
    let mut nanos = 0u32;
    if at(i, b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            if i - start < 9 {
                nanos = nanos * 10 + u32::from(b[i] - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        nanos *= 10u32.pow(9u32.saturating_sub((i - start) as u32));
    }
    let time = Time::from_hms_nano(
        digits(11, 2)? as u8,
        digits(14, 2)? as u8,
        second as u8,
        nanos,
    )
    .ok()?;
    let offset = if at(i, b'Z') && b.len() == i + 1 {
        UtcOffset::UTC
    } else {
        let sign = match b.get(i)? {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        if b.len() != i + 6 || !at(i + 3, b':') {
            return None;
        }
        let (h, m) = (digits(i + 1, 2)?, digits(i + 4, 2)?);
        if h > 23 || m > 59 {
            return None;
        }
        UtcOffset::from_hms(sign * h as i8, sign * m as i8, 0).ok()?
    };
    Some(PrimitiveDateTime::new(date, time).assume_offset(offset))
}

/// A calendar day, from an RFC 3339 full-date (`2025-10-01`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(time::Date);

impl Date {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let bad = || format!("{} is not a date (YYYY-MM-DD)", quoted_for_message(raw));
        let b = raw.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(bad());
        }
        let year: i32 = raw[0..4].parse().map_err(|_| bad())?;
        let month: u8 = raw[5..7].parse().map_err(|_| bad())?;
        let day: u8 = raw[8..10].parse().map_err(|_| bad())?;
        let month = Month::try_from(month).map_err(|_| bad())?;
        time::Date::from_calendar_date(year, month, day)
            .map(Date)
            .map_err(|_| bad())
    }

    pub fn inner(self) -> time::Date {
        self.0
    }

    /// `YYYY-MM-DD`, for `<time datetime>`.
    pub fn iso(self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.0.year(),
            u8::from(self.0.month()),
            self.0.day()
        )
    }
}

// Natively: they use the time crate's own parser, serde_json or the prerender side as references.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn timestamps_need_an_offset() {
        let t = Timestamp::parse("2018-05-31T10:14:00+02:00").unwrap();
        assert_eq!(t.unix_seconds(), 1_527_754_440);
        assert_eq!(t.as_rfc3339(), "2018-05-31T10:14:00+02:00");
        assert!(Timestamp::parse("2018-05-31T08:14:00Z").is_ok());
        for bad in [
            "2018-05-31T10:14:00",
            "2018-05-31",
            "31. maj 2018",
            "",
            "2018-13-01T00:00:00Z",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_reader_agrees_with_the_time_crate() {
        use time::format_description::well_known::Rfc3339;
        let cases = [
            "2026-11-24T14:25:00+01:00",
            "2018-05-31T08:14:00Z",
            "2018-05-31t08:14:00z",
            "2024-02-29T23:59:59.123456789-12:30",
            "2024-02-29T23:59:59.1+14:00",
            "1999-12-31T00:00:00.0000000001Z",
            "2025-02-29T10:00:00Z",
            "2025-01-01T24:00:00Z",
            "2025-01-01T10:60:00Z",
            "2025-01-01T10:00:00+24:00",
            "2025-01-01T10:00:00+0100",
            "2025-01-01T10:00:00.Z",
            "2025-01-01 10:00:00Z",
            "2025-01-01T10:00:00Z ",
            "+2025-01-01T10:00:00Z",
            "2025-01-01T10:00:00",
        ];
        for raw in cases {
            let ours = rfc3339(raw).map(|t| t.unix_timestamp_nanos());
            let theirs = time::OffsetDateTime::parse(raw, &Rfc3339)
                .ok()
                .map(|t| t.unix_timestamp_nanos());
            assert_eq!(ours, theirs, "{raw}");
        }
    }

    #[test]
    fn dates_are_real_calendar_days() {
        assert_eq!(Date::parse("2025-10-01").unwrap().iso(), "2025-10-01");
        for bad in [
            "2025-02-30",
            "2025-1-01",
            "2025/10/01",
            "01-10-2025",
            "2025-10-01T00:00:00Z",
            "",
            "２０２５-10-01",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }
}
