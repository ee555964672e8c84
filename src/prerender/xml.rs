//! What the feeds and sitemaps share: text escaped for XML, and RFC 822 dates (RSS's).

use time::{Month, OffsetDateTime, UtcOffset, Weekday};

/// `text` for XML character data or an attribute value. Characters XML 1.0 cannot carry at
/// all (most control characters) are dropped: a feed reader would refuse the whole file.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `Thu, 31 May 2018 08:14:00 +0000`: the date format RSS 2.0 asks for (RFC 822 with a
/// four-digit year), in UTC. By hand: the `time` crate's formatting is not otherwise needed.
pub fn rfc822(at: OffsetDateTime) -> String {
    let utc = at.to_offset(UtcOffset::UTC);
    let day = match utc.weekday() {
        Weekday::Monday => "Mon",
        Weekday::Tuesday => "Tue",
        Weekday::Wednesday => "Wed",
        Weekday::Thursday => "Thu",
        Weekday::Friday => "Fri",
        Weekday::Saturday => "Sat",
        Weekday::Sunday => "Sun",
    };
    let month = match utc.month() {
        Month::January => "Jan",
        Month::February => "Feb",
        Month::March => "Mar",
        Month::April => "Apr",
        Month::May => "May",
        Month::June => "Jun",
        Month::July => "Jul",
        Month::August => "Aug",
        Month::September => "Sep",
        Month::October => "Oct",
        Month::November => "Nov",
        Month::December => "Dec",
    };
    format!(
        "{day}, {:02} {month} {} {:02}:{:02}:{:02} +0000",
        utc.day(),
        utc.year(),
        utc.hour(),
        utc.minute(),
        utc.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;

    #[test]
    fn text_cannot_become_markup() {
        assert_eq!(
            escape("Nokia & Withings <b>\"'"),
            "Nokia &amp; Withings &lt;b&gt;&quot;&apos;"
        );
        assert_eq!(escape("a\u{1}b\u{0}c\tæøå"), "abc\tæøå");
    }

    #[test]
    fn dates_read_as_rss_wants_them() {
        let at = Timestamp::parse("2018-05-31T10:14:00+02:00").unwrap().at();
        assert_eq!(rfc822(at), "Thu, 31 May 2018 08:14:00 +0000");
        let at = Timestamp::parse("2026-01-01T00:30:00+01:00").unwrap().at();
        assert_eq!(rfc822(at), "Wed, 31 Dec 2025 23:30:00 +0000");
    }
}
