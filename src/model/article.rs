//! The article: `articles/{slug}.json`.

use serde::Deserialize;

use super::block::{word_count, Block};
use super::dates::Timestamp;
use super::decode::{DecodeError, Document};
use super::image::Image;
use super::lenient::{self, Lenient};
use super::text::{Slug, Text};

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Article {
    pub slug: Slug,
    pub headline: Text,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub section: Option<String>,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub lead: Option<String>,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub image: Option<Image>,
    #[serde(default, deserialize_with = "lenient::extras")]
    pub authors: Vec<Author>,
    pub published: Timestamp,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub updated: Option<Timestamp>,
    pub body: Vec<Lenient<Block>>,
    #[serde(default, deserialize_with = "lenient::extras")]
    pub tags: Vec<String>,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Author {
    pub name: Text,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub role: Option<String>,
}

/// Beyond this many blocks the rest is dropped (and reported): the page must stay usable
/// whatever the backend sends. Real articles have tens of blocks.
pub const MAX_BLOCKS: usize = 10_000;

impl Article {
    /// The blocks to render: valid and of a known type.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        lenient::valid(&self.body).filter(|b| !matches!(b, Block::Unknown(_)))
    }

    pub fn word_count(&self) -> usize {
        let words = |s: &str| s.split_whitespace().count();
        words(self.headline.as_str())
            + self.lead.as_deref().map_or(0, words)
            + self.blocks().map(word_count).sum::<usize>()
    }

    /// For search engines and link previews: the description, else the lead.
    pub fn summary(&self) -> Option<&str> {
        self.description
            .as_deref()
            .or(self.lead.as_deref())
            .filter(|s| !s.trim().is_empty())
    }
}

impl Document for Article {
    fn check(&mut self) -> Result<Vec<String>, DecodeError> {
        let mut notes = lenient::skipped(&self.body, "body");
        notes.extend(self.body.iter().enumerate().filter_map(|(i, b)| match b {
            Lenient::Valid(Block::Unknown(kind)) => {
                Some(format!("body[{i}]: unknown block type {kind:?}, skipped"))
            }
            _ => None,
        }));
        if self.body.len() > MAX_BLOCKS {
            notes.push(format!(
                "body: {} blocks, showing the first {MAX_BLOCKS}",
                self.body.len()
            ));
            self.body.truncate(MAX_BLOCKS);
        }
        Ok(notes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decode::decode;

    const MINIMAL: &str = r#"{
        "slug": "nokia",
        "headline": "Nokia sælger",
        "published": "2018-05-31T10:14:00+02:00",
        "body": [
            {"_type": "paragraph", "children": [{"text": "Første afsnit."}]},
            {"_type": "video", "src": "x"},
            {"_type": "paragraph"},
            {"_type": "heading", "text": "Mellemrubrik"}
        ],
        "future_field": {"anything": true}
    }"#;

    #[test]
    fn decodes_skips_and_reports() {
        let d = decode::<Article>(MINIMAL.as_bytes()).unwrap();
        assert_eq!(d.value.blocks().count(), 2);
        assert_eq!(d.notes.len(), 2, "{:?}", d.notes);
        assert!(
            d.notes[0].starts_with("body[2]: paragraph block: missing field `children`"),
            "{:?}",
            d.notes
        );
        assert_eq!(
            d.notes[1],
            r#"body[1]: unknown block type "video", skipped"#
        );
        assert_eq!(d.value.word_count(), 2 + 2 + 1);
    }

    #[test]
    fn missing_or_bad_required_fields_name_their_path() {
        let cases = [
            (
                MINIMAL.replace(r#""headline": "Nokia sælger","#, ""),
                "",
                "missing field `headline`",
            ),
            (
                MINIMAL.replace("Nokia sælger", " "),
                "headline",
                "must not be empty",
            ),
            (
                MINIMAL.replace("2018-05-31T10:14:00+02:00", "i går"),
                "published",
                "RFC 3339",
            ),
            (
                MINIMAL.replace(r#""slug": "nokia""#, r#""slug": 7"#),
                "slug",
                "invalid type",
            ),
            (
                MINIMAL.replace(r#""body": ["#, r#""body": 3, "x": ["#),
                "body",
                "invalid type",
            ),
        ];
        for (doc, path, message) in cases {
            let e = decode::<Article>(doc.as_bytes()).unwrap_err();
            assert_eq!(e.path, path, "{e}");
            assert!(e.message.contains(message), "{e}");
        }
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bytes in [
            &b""[..],
            b"\xff\xfe\x00",
            b"{",
            b"[]",
            b"null",
            b"<html>",
            b"{}{}",
        ] {
            assert!(decode::<Article>(bytes).is_err());
        }
    }

    #[test]
    fn a_byte_order_mark_is_tolerated() {
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), MINIMAL.as_bytes()].concat();
        assert!(decode::<Article>(&with_bom).is_ok());
    }
}
