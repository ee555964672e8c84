//! RFC 3339 date-times and full-dates from the backend.

use time::format_description::well_known::Rfc3339;
use time::{Month, OffsetDateTime};

use super::text::quoted_for_message;

/// A moment in time, from an RFC 3339 date-time with an offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timestamp {
    at: OffsetDateTime,
    raw: String,
}

impl Timestamp {
    pub fn parse(raw: &str) -> Result<Self, String> {
        OffsetDateTime::parse(raw, &Rfc3339)
            .map(|at| Self {
                at,
                raw: raw.to_string(),
            })
            .map_err(|_| {
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

#[cfg(test)]
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
