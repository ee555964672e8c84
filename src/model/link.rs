//! Link targets from the backend, checked before anything renders them.

use super::text::quoted_for_message;

/// A link target that is safe to put in an `href`: an absolute http(s) URL, or a path on
/// this site. Anything else (`javascript:`, `data:`, `//host`, `/\host`, control
/// characters, credentials in the URL) cannot be represented.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    /// `https://…` or `http://…`: opens the other site.
    External(String),
    /// `/artikel/…`: a path on this site, routed by the app.
    Site(String),
}

impl Link {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "{} is not an http(s) URL or a site path",
                quoted_for_message(raw)
            )
        };
        // Browsers drop tabs and newlines inside URLs ("java\tscript:"), and other
        // control or space characters have no business in a link: refuse them all.
        if raw.is_empty() || raw.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(bad());
        }
        // A backslash is read as a slash by browsers, so "/\evil" is "//evil".
        if raw.contains('\\') {
            return Err(bad());
        }
        if let Some(rest) = raw.strip_prefix('/') {
            return if rest.starts_with('/') {
                Err(bad())
            } else {
                Ok(Link::Site(raw.to_string()))
            };
        }
        let lower = raw.get(..8).unwrap_or(raw).to_ascii_lowercase();
        let authority_start = if lower.starts_with("https://") {
            8
        } else if lower.starts_with("http://") {
            7
        } else {
            return Err(bad());
        };
        let authority = raw[authority_start..]
            .split(['/', '?', '#'])
            .next()
            .unwrap_or_default();
        if authority.is_empty() || authority.contains('@') {
            return Err(bad());
        }
        Ok(Link::External(raw.to_string()))
    }

    /// Only absolute http(s) URLs: for advertisers' links, which must leave the site.
    pub fn parse_external(raw: &str) -> Result<Self, String> {
        match Link::parse(raw)? {
            Link::External(url) => Ok(Link::External(url)),
            Link::Site(_) => Err(format!(
                "{} is not an absolute http(s) URL",
                quoted_for_message(raw)
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Link::External(s) | Link::Site(s) => s,
        }
    }

    pub fn is_external(&self) -> bool {
        matches!(self, Link::External(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_http_https_and_site_paths() {
        assert_eq!(
            Link::parse("https://www.withings.com/").unwrap(),
            Link::External("https://www.withings.com/".into())
        );
        assert!(Link::parse("HTTP://example.dk").unwrap().is_external());
        assert_eq!(
            Link::parse("/artikel/nokia").unwrap(),
            Link::Site("/artikel/nokia".into())
        );
        assert!(Link::parse("/").is_ok());
    }

    #[test]
    fn refuses_script_data_and_tricks() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//evil.example",
            "/\\evil.example",
            "https://",
            "https:///x",
            "https://user:pw@evil.example/",
            "mailto:a@b.dk",
            "artikel/relative",
            "",
            "https://exa mple.dk",
            "https://example.dk/\u{0}",
        ] {
            assert!(Link::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn external_only_refuses_site_paths() {
        assert!(Link::parse_external("/artikel/x").is_err());
        assert!(Link::parse_external("https://www.de-cix.net/da/").is_ok());
    }
}
