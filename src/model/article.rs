//! The article: `articles/{slug}.json`.

use crate::json::Value;

use super::block::{word_count, Block};
use super::dates::Timestamp;
use super::decode::{DecodeError, Document};
use super::image::Image;
use super::json::{each, Obj, Path};
use super::label::Label;
use super::lenient::{self, Lenient};
use super::text::{quoted_for_message, Slug, Text};

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub slug: Slug,
    pub headline: Text,
    pub section: Option<Label>,
    pub lead: Option<String>,
    pub image: Option<Image>,
    pub authors: Vec<Author>,
    pub published: Timestamp,
    pub updated: Option<Timestamp>,
    pub body: Vec<Lenient<Block>>,
    pub tags: Vec<Label>,
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Author {
    pub name: Text,
    pub role: Option<String>,
}

impl Author {
    fn read(value: &Value, path: Path) -> Result<Self, DecodeError> {
        let obj = Obj::new(value, path)?;
        Ok(Self {
            name: obj.read("name", Text::read)?,
            role: obj.lenient_string("role"),
        })
    }
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
    fn read(value: &Value) -> Result<Self, DecodeError> {
        let obj = Obj::new(value, Path::root())?;
        let (body, body_path) = obj.list("body")?;
        Ok(Self {
            slug: obj.parse("slug", Slug::parse)?,
            headline: obj.read("headline", Text::read)?,
            section: obj.lenient("section", Label::read),
            lead: obj.lenient_string("lead"),
            image: obj.lenient("image", Image::read),
            authors: obj.extras("authors", Author::read),
            published: obj.parse("published", Timestamp::parse)?,
            updated: obj.lenient_parse("updated", Timestamp::parse),
            body: each(&body[..body.len().min(MAX_BLOCKS)], &body_path, Block::read),
            tags: obj.extras("tags", Label::read),
            description: obj.lenient_string("description"),
        })
        .map(|mut article: Article| {
            if body.len() > MAX_BLOCKS {
                article.body.push(Err(DecodeError::new(
                    "body",
                    format!("{} blocks, showing the first {MAX_BLOCKS}", body.len()),
                )));
            }
            article
        })
    }

    fn check(&mut self) -> Result<Vec<String>, DecodeError> {
        let mut notes = lenient::skipped(&self.body);
        notes.extend(self.body.iter().enumerate().filter_map(|(i, b)| match b {
            Ok(Block::Unknown(kind)) => Some(format!(
                "body[{i}]: unknown block type {}, skipped",
                quoted_for_message(kind)
            )),
            _ => None,
        }));
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
        assert_eq!(
            d.notes,
            [
                "body[2]: missing field `children`",
                r#"body[1]: unknown block type "video", skipped"#
            ]
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
                "invalid type: integer `7`",
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
    fn optional_extras_never_fail_the_article() {
        let doc = MINIMAL.replace(
            r#""future_field""#,
            r#""image": {"src": "javascript:x"}, "tags": ["a", 3], "authors": [{"name": ""}, {"name": "Mette"}], "lead": 5, "x""#,
        );
        let a = decode::<Article>(doc.as_bytes()).unwrap().value;
        assert_eq!((a.image, a.lead), (None, None));
        assert_eq!(a.tags, [Label::named("a").unwrap()]);
        assert_eq!(a.authors.len(), 1);
    }

    #[test]
    fn very_long_bodies_are_cut_and_reported() {
        let blocks =
            vec![r#"{"_type":"paragraph","children":[{"text":"a"}]}"#; MAX_BLOCKS + 5].join(",");
        let doc = format!(
            r#"{{"slug":"a","headline":"b","published":"2018-05-31T10:14:00+02:00","body":[{blocks}]}}"#
        );
        let d = decode::<Article>(doc.as_bytes()).unwrap();
        assert_eq!(d.value.blocks().count(), MAX_BLOCKS);
        assert!(
            d.notes.iter().any(|n| n.contains("10005 blocks")),
            "{:?}",
            d.notes.last()
        );
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
