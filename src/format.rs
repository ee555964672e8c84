//! Danish formatting: dates and times in Copenhagen time, reading time. Pure functions,
//! so native `cargo test` covers them; "now" is always passed in.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

use crate::model;

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// Copenhagen's offset from UTC at a given moment: +01:00, or +02:00 in summer time,
/// which (EU rule since 1996) runs from 01:00 UTC on the last Sunday of March to 01:00
/// UTC on the last Sunday of October. Written out because a time-zone database crate
/// (chrono-tz, jiff's bundled tzdb) costs hundreds of KB of wasm for one zone and one rule.
pub fn copenhagen_offset(at: OffsetDateTime) -> UtcOffset {
    let utc = at.to_offset(UtcOffset::UTC);
    let year = utc.year();
    let starts = last_sunday(year, Month::March)
        .with_time(Time::from_hms(1, 0, 0).unwrap_or(Time::MIDNIGHT));
    let ends = last_sunday(year, Month::October)
        .with_time(Time::from_hms(1, 0, 0).unwrap_or(Time::MIDNIGHT));
    let now = PrimitiveDateTime::new(utc.date(), utc.time());
    let hours = if now >= starts && now < ends { 2 } else { 1 };
    UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC)
}

fn last_sunday(year: i32, month: Month) -> Date {
    let last_day = time::util::days_in_month(month, year);
    let mut day = Date::from_calendar_date(year, month, last_day).unwrap_or(Date::MIN);
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day().unwrap_or(Date::MIN);
    }
    day
}

fn in_copenhagen(at: OffsetDateTime) -> OffsetDateTime {
    at.to_offset(copenhagen_offset(at))
}

/// "1. oktober 2025"
pub fn date_long(date: Date) -> String {
    format!(
        "{}. {} {}",
        date.day(),
        MONTHS[usize::from(u8::from(date.month())) - 1],
        date.year()
    )
}

/// "kl. 14.25": the Danish clock, hours and minutes separated by a full stop.
fn clock(at: OffsetDateTime) -> String {
    format!("kl. {:02}.{:02}", at.hour(), at.minute())
}

/// "24. november 2026 kl. 14.25", in Copenhagen time.
pub fn long_datetime(at: OffsetDateTime) -> String {
    let local = in_copenhagen(at);
    format!("{} {}", date_long(local.date()), clock(local))
}

/// As news lists show it: "i dag kl. 14.25", "i går kl. 09.10", else the date with time.
pub fn relative_datetime(at: OffsetDateTime, now: OffsetDateTime) -> String {
    let local = in_copenhagen(at);
    let today = in_copenhagen(now).date();
    if local.date() == today {
        format!("i dag {}", clock(local))
    } else if today.previous_day() == Some(local.date()) {
        format!("i går {}", clock(local))
    } else {
        long_datetime(at)
    }
}

/// "pr. 1. oktober 2025": when a new job starts.
pub fn start_date(date: model::Date) -> String {
    format!("pr. {}", date_long(date.inner()))
}

/// "Ansøgningsfrist 15. december 2026"
pub fn deadline(date: model::Date) -> String {
    format!("Ansøgningsfrist {}", date_long(date.inner()))
}

/// Words a reader gets through per minute; Danish news prose reads at about 200.
const WORDS_PER_MINUTE: usize = 200;

/// "Læsetid 3 min.": rounded up, never below one minute.
pub fn reading_time(words: usize) -> String {
    let minutes = words.div_ceil(WORDS_PER_MINUTE).max(1);
    format!("Læsetid {minutes} min.")
}

/// The byline: "Af Mette Kjær og Søren Røn", "Af A, B og C".
pub fn byline(names: &[&str]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(format!("Af {one}")),
        [init @ .., last] => Some(format!("Af {} og {last}", init.join(", "))),
    }
}

/// The current time, from the browser's clock.
#[cfg(target_arch = "wasm32")]
pub fn now() -> OffsetDateTime {
    let ms = js_sys::Date::now();
    OffsetDateTime::from_unix_timestamp_nanos((ms * 1_000_000.0) as i128)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> OffsetDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    OffsetDateTime::from_unix_timestamp(secs).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

// Natively: they use the time crate's own parser, serde_json or the prerender side as references.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use time::format_description::well_known::Rfc3339;

    fn at(s: &str) -> OffsetDateTime {
        OffsetDateTime::parse(s, &Rfc3339).unwrap()
    }

    #[test]
    fn long_datetime_is_danish_in_copenhagen_time() {
        assert_eq!(
            long_datetime(at("2026-11-24T13:25:00Z")),
            "24. november 2026 kl. 14.25"
        );
        assert_eq!(
            long_datetime(at("2018-05-31T10:14:00+02:00")),
            "31. maj 2018 kl. 10.14"
        );
        // New Year in Copenhagen is still the old year in UTC.
        assert_eq!(
            long_datetime(at("2025-12-31T23:30:00Z")),
            "1. januar 2026 kl. 00.30"
        );
    }

    #[test]
    fn summer_time_switches_on_the_last_sundays_at_one_utc() {
        // 2026: last Sunday of March is the 29th, of October the 25th.
        assert_eq!(
            long_datetime(at("2026-03-29T00:59:00Z")),
            "29. marts 2026 kl. 01.59"
        );
        assert_eq!(
            long_datetime(at("2026-03-29T01:00:00Z")),
            "29. marts 2026 kl. 03.00"
        );
        assert_eq!(
            long_datetime(at("2026-10-25T00:59:00Z")),
            "25. oktober 2026 kl. 02.59"
        );
        assert_eq!(
            long_datetime(at("2026-10-25T01:00:00Z")),
            "25. oktober 2026 kl. 02.00"
        );
        assert_eq!(
            copenhagen_offset(at("2026-07-01T12:00:00Z")).whole_hours(),
            2
        );
        assert_eq!(
            copenhagen_offset(at("2026-01-15T12:00:00Z")).whole_hours(),
            1
        );
    }

    #[test]
    fn relative_datetime_says_today_and_yesterday() {
        let now = at("2026-11-24T15:00:00+01:00");
        assert_eq!(
            relative_datetime(at("2026-11-24T14:25:00+01:00"), now),
            "i dag kl. 14.25"
        );
        assert_eq!(
            relative_datetime(at("2026-11-23T09:10:00+01:00"), now),
            "i går kl. 09.10"
        );
        assert_eq!(
            relative_datetime(at("2026-11-22T09:10:00+01:00"), now),
            "22. november 2026 kl. 09.10"
        );
        // Just after midnight in Copenhagen, 23:30 UTC the day before is "i dag".
        let now = at("2026-11-25T00:10:00+01:00");
        assert_eq!(
            relative_datetime(at("2026-11-24T23:05:00Z"), now),
            "i dag kl. 00.05"
        );
    }

    #[test]
    fn dates_and_deadlines() {
        let d = model::Date::parse("2025-10-01").unwrap();
        assert_eq!(start_date(d), "pr. 1. oktober 2025");
        assert_eq!(
            deadline(model::Date::parse("2026-12-15").unwrap()),
            "Ansøgningsfrist 15. december 2026"
        );
    }

    #[test]
    fn reading_time_rounds_up() {
        assert_eq!(reading_time(0), "Læsetid 1 min.");
        assert_eq!(reading_time(200), "Læsetid 1 min.");
        assert_eq!(reading_time(201), "Læsetid 2 min.");
        assert_eq!(reading_time(1_000), "Læsetid 5 min.");
    }

    #[test]
    fn bylines() {
        assert_eq!(byline(&[]), None);
        assert_eq!(byline(&["Mette Kjær"]).unwrap(), "Af Mette Kjær");
        assert_eq!(byline(&["A", "B", "C"]).unwrap(), "Af A, B og C");
    }
}
