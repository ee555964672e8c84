//! Text fields that must not be empty, and article slugs.

use std::fmt;

use crate::json::Value;

use super::decode::DecodeError;
use super::json::{string, Path};

/// Text that is not empty or only whitespace: headlines, names, titles.
/// Shown as text, never as HTML, so a `<` in it stays a `<`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text(String);

impl Text {
    pub fn new(s: impl Into<String>) -> Result<Self, &'static str> {
        let s = s.into();
        if s.trim().is_empty() {
            Err("must not be empty")
        } else {
            Ok(Self(s))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Text {
    /// A required non-empty text field.
    pub fn read(value: &Value, path: Path) -> Result<Self, DecodeError> {
        let s = string(value, path.clone())?;
        Text::new(s).map_err(|m| path.error(m))
    }
}

/// An article's stable, readable name in URLs: `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 120
/// characters. The pattern keeps it safe in a path segment and in a file name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slug(String);

pub const MAX_SLUG_LEN: usize = 120;

impl Slug {
    pub fn parse(s: &str) -> Result<Self, String> {
        let well_formed = !s.is_empty()
            && s.len() <= MAX_SLUG_LEN
            && s.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if well_formed {
            Ok(Self(s.to_string()))
        } else {
            Err(format!(
                "{} is not a slug (lower-case a-z, 0-9 and single hyphens, at most {MAX_SLUG_LEN} characters)",
                quoted_for_message(s)
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Slug {
    /// The slug of a name the backend gives without one (a tag, a section), the Danish
    /// way: "Sundhedsteknologi" → `sundhedsteknologi`, "IoT" → `iot`, "Økonomi & Løn" →
    /// `oekonomi-loen`, "Årets it-chef" → `aarets-it-chef`. Other letters lose their accents
    /// (é → e), anything else separates words. `None` for a name with no letter or digit.
    pub fn derive(name: &str) -> Option<Self> {
        let mut out = String::with_capacity(name.len());
        let mut gap = false;
        for c in name.chars().map(lower) {
            let ascii: &str = match c {
                'a'..='z' | '0'..='9' => {
                    if gap && !out.is_empty() {
                        out.push('-');
                    }
                    gap = false;
                    out.push(c);
                    continue;
                }
                'æ' | 'ä' => "ae",
                'ø' | 'ö' => "oe",
                'å' => "aa",
                'ü' => "ue",
                'ß' => "ss",
                'à' | 'á' | 'â' | 'ã' => "a",
                'ç' => "c",
                'è' | 'é' | 'ê' | 'ë' => "e",
                'ì' | 'í' | 'î' | 'ï' => "i",
                'ñ' => "n",
                'ò' | 'ó' | 'ô' | 'õ' => "o",
                'ù' | 'ú' | 'û' => "u",
                'ý' | 'ÿ' => "y",
                _ => {
                    gap = true;
                    continue;
                }
            };
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push_str(ascii);
        }
        // Cut at a word boundary if too long, never in the middle of the rule.
        if out.len() > MAX_SLUG_LEN {
            out.truncate(MAX_SLUG_LEN);
            while out.ends_with('-') {
                out.pop();
            }
        }
        Slug::parse(&out).ok()
    }
}

/// Lower case for the letters a slug keeps: ASCII and Latin-1 (À–Þ, which holds Æ, Ø and
/// Å). By hand, because `char::to_lowercase` brings all of Unicode's case tables into the
/// wasm (some 10 KB) for letters a slug drops anyway.
fn lower(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 32).unwrap_or(c),
        _ => c,
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Error messages quote the bad value, but a hostile backend may send megabytes of it.
pub(crate) fn truncate_for_message(s: &str) -> String {
    const MAX: usize = 80;
    match s.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// `s`, shortened as above, in double quotes with `"`, `\` and control characters escaped,
/// for messages. By hand rather than `{:?}`: Debug's escaping tables are about 2 KB of wasm
/// for a console message.
pub(crate) fn quoted_for_message(s: &str) -> String {
    let mut out = String::from("\"");
    for c in truncate_for_message(s).chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_slugs_the_danish_way() {
        let slug = |s: &str| Slug::derive(s).map(|s| s.to_string());
        for (name, want) in [
            ("Sundhedsteknologi", "sundhedsteknologi"),
            ("IoT", "iot"),
            ("Økonomi & Løn", "oekonomi-loen"),
            ("Årets it-chef", "aarets-it-chef"),
            ("Kunstig intelligens (AI)", "kunstig-intelligens-ai"),
            ("  5G  ", "5g"),
            ("Café-kultur", "cafe-kultur"),
            ("Mobil", "mobil"),
            ("Straße", "strasse"),
            ("C++ / Rust", "c-rust"),
            ("ÆØÅ", "aeoeaa"),
        ] {
            assert_eq!(slug(name).as_deref(), Some(want), "{name}");
        }
        for nothing in ["", "   ", "—", "&&&", "🙂"] {
            assert_eq!(slug(nothing), None, "{nothing:?}");
        }
        let long = "ord ".repeat(100);
        let cut = Slug::derive(&long).unwrap();
        assert!(cut.as_str().len() <= MAX_SLUG_LEN && !cut.as_str().ends_with('-'));
    }

    #[test]
    fn text_refuses_empty_and_blank() {
        assert!(Text::new("").is_err());
        assert!(Text::new(" \n\t").is_err());
        assert_eq!(Text::new("Nokia sælger").unwrap().as_str(), "Nokia sælger");
    }

    #[test]
    fn text_keeps_markup_as_plain_characters() {
        let t = Text::read(
            &Value::String("<script>alert(1)</script>".into()),
            Path::root(),
        )
        .unwrap();
        assert_eq!(t.as_str(), "<script>alert(1)</script>");
        let e =
            Text::read(&Value::String("  ".into()), Path::root().field("headline")).unwrap_err();
        assert_eq!(e.to_string(), "headline: must not be empty");
    }

    #[test]
    fn slugs() {
        for ok in ["nokia", "nokia-saelger-withings", "5g", "a-1-b"] {
            assert!(Slug::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "Nokia",
            "nokia--x",
            "-nokia",
            "nokia-",
            "nøkia",
            "a/b",
            "../x",
            "a b",
            &"a".repeat(121),
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        let msg = Slug::parse(&"X".repeat(10_000)).unwrap_err();
        assert!(msg.len() < 300, "{}", msg.len());
    }
}
