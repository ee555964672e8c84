//! Images: where they are, how big they are, and what they show.

use crate::json::Value;

use super::decode::DecodeError;
use super::json::{Obj, Path};
use super::text::quoted_for_message;

/// Where a picture lives: an absolute http(s) URL, or a path relative to the API's base
/// URL (`media/nokia.svg`), so the sample backend and a CMS both carry their own media.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MediaSrc(String);

impl MediaSrc {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "{} is not an http(s) URL or a relative media path",
                quoted_for_message(raw)
            )
        };
        if raw.is_empty()
            || raw
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
        {
            return Err(bad());
        }
        let lower = raw.get(..8).unwrap_or(raw).to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            return super::link::Link::parse_external(raw)
                .map(|_| Self(raw.to_string()))
                .map_err(|_| bad());
        }
        // Relative: no scheme (no ':' before the first '/', '?' or '#'), not rooted, and no
        // way out of the base with '..'.
        let path = raw.split(['?', '#']).next().unwrap_or_default();
        let first_segment = path.split('/').next().unwrap_or_default();
        if raw.starts_with('/')
            || first_segment.contains(':')
            || path.split('/').any(|seg| seg.is_empty() || seg == "..")
        {
            return Err(bad());
        }
        Ok(Self(raw.to_string()))
    }

    /// The URL to load: absolute as is, relative joined to the API base (which ends in '/').
    pub fn resolve(&self, api_base: &str) -> String {
        let lower = self.0.get(..8).unwrap_or(&self.0).to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            self.0.clone()
        } else {
            format!("{api_base}{}", self.0)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A picture with its intrinsic size, so the page reserves its space before it loads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub src: MediaSrc,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

impl Image {
    pub fn read(value: &Value, path: Path) -> Result<Self, DecodeError> {
        let obj = Obj::new(value, path)?;
        Ok(Self {
            src: obj.parse("src", MediaSrc::parse)?,
            width: dimension(&obj, "width")?,
            height: dimension(&obj, "height")?,
            alt: obj.string("alt")?,
            caption: obj.lenient_string("caption"),
            credit: obj.lenient_string("credit"),
        })
    }
}

/// Width and height: at least 1, and small enough for any screen (20,000 px).
fn dimension(obj: &Obj, key: &str) -> Result<u32, DecodeError> {
    match obj.uint(key, 20_000)? {
        0 => Err(obj
            .path
            .field(key)
            .error("0 is not an image dimension (1 to 20000)")),
        n => Ok(n as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_sources() {
        let rel = MediaSrc::parse("media/nokia-withings.svg").unwrap();
        assert_eq!(rel.resolve("api/"), "api/media/nokia-withings.svg");
        assert_eq!(
            rel.resolve("https://cms.example.dk/v1/"),
            "https://cms.example.dk/v1/media/nokia-withings.svg"
        );
        let abs = MediaSrc::parse("https://cdn.example.dk/a.jpg").unwrap();
        assert_eq!(abs.resolve("api/"), "https://cdn.example.dk/a.jpg");
        for bad in [
            "",
            "/etc/passwd",
            "//evil.example/x.png",
            "../secret.png",
            "media/../../x",
            "javascript:alert(1)",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "media//x.png",
            "media/a b.png",
            "C:/x.png",
        ] {
            assert!(MediaSrc::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn images_need_a_real_size() {
        let read = |json: &str| {
            Image::read(
                &crate::json::from_slice(json.as_bytes()).unwrap(),
                Path::root(),
            )
        };
        let ok =
            read(r#"{"src":"media/a.svg","width":1200,"height":675,"alt":"Et kort"}"#).unwrap();
        assert_eq!((ok.width, ok.height), (1200, 675));
        for bad in [
            r#"{"src":"media/a.svg","width":0,"height":675,"alt":""}"#,
            r#"{"src":"media/a.svg","width":-5,"height":675,"alt":""}"#,
            r#"{"src":"media/a.svg","width":"1200","height":675,"alt":""}"#,
            r#"{"src":"media/a.svg","width":1200,"height":675}"#,
            r#"{"src":"media/a.svg","width":20001,"height":675,"alt":""}"#,
            r#"{"src":"javascript:x","width":1,"height":1,"alt":""}"#,
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
