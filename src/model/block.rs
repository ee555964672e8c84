//! The blocks of an article body, in the manner of Portable Text: typed blocks holding
//! spans of text with marks. Never an HTML string.

use crate::json::Value;

use super::decode::DecodeError;
use super::image::Image;
use super::json::{each, Obj, Path};
use super::link::Link;
use super::text::{truncate_for_message, Slug, Text};

/// One block of an article body. `Unknown` keeps the `_type` of a block this app does not
/// know yet: it is skipped when rendering, so a CMS can introduce blocks ahead of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Vec<Span>),
    Heading {
        level: u8,
        text: Text,
    },
    Image(Image),
    Quote {
        text: Text,
        attribution: Option<String>,
    },
    List {
        style: ListStyle,
        items: Vec<Vec<Span>>,
    },
    /// An inline "Læs også: …" card linking to another article.
    RelatedLink {
        label: String,
        slug: Slug,
        headline: Text,
    },
    /// The source line: "Det skriver nyhedsbureauet Reuters."
    Source {
        text: Text,
        href: Option<Link>,
    },
    Unknown(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListStyle {
    Bullet,
    Number,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Strong,
    Em,
    Code,
}

/// A run of text with marks and an optional, checked link.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub marks: Vec<Mark>,
    pub href: Option<Link>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            marks: Vec::new(),
            href: None,
        }
    }

    pub fn read(value: &Value, path: Path) -> Result<Self, DecodeError> {
        let obj = Obj::new(value, path)?;
        // Marks this app renders; others (a CMS's "underline") are ignored.
        let mut marks = Vec::new();
        for mark in obj.extras("marks", super::json::string) {
            let mark = match mark.as_str() {
                "strong" => Mark::Strong,
                "em" => Mark::Em,
                "code" => Mark::Code,
                _ => continue,
            };
            if !marks.contains(&mark) {
                marks.push(mark);
            }
        }
        Ok(Self {
            text: obj.string("text")?,
            marks,
            // A bad target drops the link and keeps the text: a hostile link can neither
            // run nor take the paragraph down with it.
            href: obj.lenient_parse("href", Link::parse),
        })
    }
}

fn spans(value: &Value, path: Path) -> Result<Vec<Span>, DecodeError> {
    match value {
        Value::Array(items) => each(items, &path, Span::read).into_iter().collect(),
        other => Err(path.invalid_type(other, "a sequence")),
    }
}

impl Block {
    pub fn read(value: &Value, path: Path) -> Result<Self, DecodeError> {
        let obj = Obj::new(value, path)?;
        let kind = obj.string("_type")?;
        Ok(match kind.as_str() {
            "paragraph" => Block::Paragraph(obj.read("children", spans)?),
            "heading" => Block::Heading {
                // The article's headline is the page's one h1; sub-headings are h2 or h3.
                level: match obj.optional("level").and_then(|(v, _)| v.as_u64()) {
                    Some(n) if n >= 3 => 3,
                    _ => 2,
                },
                text: obj.read("text", Text::read)?,
            },
            "image" => Block::Image(Image::read(value, obj.path.clone())?),
            "quote" => Block::Quote {
                text: obj.read("text", Text::read)?,
                attribution: obj
                    .lenient_string("attribution")
                    .filter(|a| !a.trim().is_empty()),
            },
            "list" => {
                let (items, path) = obj.list("items")?;
                Block::List {
                    style: if obj.lenient_string("style").as_deref() == Some("number") {
                        ListStyle::Number
                    } else {
                        ListStyle::Bullet
                    },
                    items: each(items, &path, spans)
                        .into_iter()
                        .collect::<Result<_, _>>()?,
                }
            }
            "related_link" => Block::RelatedLink {
                label: obj
                    .lenient_string("label")
                    .filter(|l| !l.trim().is_empty())
                    .unwrap_or_else(|| "Læs også".to_string()),
                slug: obj.parse("slug", Slug::parse)?,
                headline: obj.read("headline", Text::read)?,
            },
            "source" => Block::Source {
                text: obj.read("text", Text::read)?,
                href: obj.lenient_parse("href", Link::parse),
            },
            _ => Block::Unknown(truncate_for_message(&kind)),
        })
    }
}

/// The number of words in a block, for the reading time.
pub fn word_count(block: &Block) -> usize {
    fn words(s: &str) -> usize {
        s.split_whitespace().count()
    }
    fn span_words(spans: &[Span]) -> usize {
        spans.iter().map(|s| words(&s.text)).sum()
    }
    match block {
        Block::Paragraph(spans) => span_words(spans),
        Block::Heading { text, .. } | Block::Quote { text, .. } | Block::Source { text, .. } => {
            words(text.as_str())
        }
        Block::List { items, .. } => items.iter().map(|i| span_words(i)).sum(),
        Block::RelatedLink { headline, .. } => words(headline.as_str()),
        Block::Image(_) | Block::Unknown(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(json: &str) -> Result<Block, DecodeError> {
        Block::read(
            &crate::json::from_slice(json.as_bytes()).unwrap(),
            Path::root().field("body").index(3),
        )
    }

    #[test]
    fn decodes_every_known_block() {
        assert_eq!(
            block(r#"{"_type":"paragraph","children":[{"text":"Hej "},{"text":"verden","marks":["strong","blink"]}]}"#).unwrap(),
            Block::Paragraph(vec![
                Span::plain("Hej "),
                Span { text: "verden".into(), marks: vec![Mark::Strong], href: None }
            ])
        );
        assert!(matches!(
            block(r#"{"_type":"heading","text":"Tidligere Samsung-chef ryger ud"}"#).unwrap(),
            Block::Heading { level: 2, .. }
        ));
        assert!(matches!(
            block(r#"{"_type":"heading","text":"x","level":1}"#).unwrap(),
            Block::Heading { level: 2, .. }
        ));
        assert!(matches!(
            block(r#"{"_type":"heading","text":"x","level":6}"#).unwrap(),
            Block::Heading { level: 3, .. }
        ));
        assert!(matches!(
            block(r#"{"_type":"list","style":"number","items":[[{"text":"a"}]]}"#).unwrap(),
            Block::List {
                style: ListStyle::Number,
                ..
            }
        ));
        assert!(matches!(
            block(r#"{"_type":"related_link","slug":"nokia","headline":"Nokia"}"#).unwrap(),
            Block::RelatedLink { ref label, .. } if label == "Læs også"
        ));
        assert!(matches!(
            block(r#"{"_type":"source","text":"Det skriver nyhedsbureauet Reuters."}"#).unwrap(),
            Block::Source { href: None, .. }
        ));
        assert!(matches!(
            block(r#"{"_type":"quote","text":"Citat","attribution":" "}"#).unwrap(),
            Block::Quote {
                attribution: None,
                ..
            }
        ));
        assert!(matches!(
            block(r#"{"_type":"image","src":"media/a.svg","width":4,"height":3,"alt":"Et kort"}"#)
                .unwrap(),
            Block::Image(Image { width: 4, .. })
        ));
    }

    #[test]
    fn unknown_types_are_kept_as_unknown() {
        assert_eq!(
            block(r#"{"_type":"video","src":"x"}"#).unwrap(),
            Block::Unknown("video".into())
        );
    }

    #[test]
    fn malformed_blocks_say_where_and_what() {
        let e = block(r#"{"_type":"paragraph","children":[{"txt":"a"}]}"#).unwrap_err();
        assert_eq!(e.to_string(), "body[3].children[0]: missing field `text`");
        let e = block(r#"{"children":[]}"#).unwrap_err();
        assert_eq!(e.to_string(), "body[3]: missing field `_type`");
        let e = block(r#"{"_type":"related_link","slug":"Bad Slug","headline":"x"}"#).unwrap_err();
        assert_eq!(e.path, "body[3].slug");
        let e = block(r#"{"_type":"list","items":[[{"text":"a"}], "b"]}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "body[3].items[1]: invalid type: string \"b\", expected a sequence"
        );
    }

    #[test]
    fn bad_span_links_keep_their_text() {
        let b = block(
            r#"{"_type":"paragraph","children":[{"text":"klik","href":"javascript:alert(1)"}]}"#,
        )
        .unwrap();
        assert_eq!(b, Block::Paragraph(vec![Span::plain("klik")]));
        let b = block(r#"{"_type":"paragraph","children":[{"text":"klik","href":42}]}"#).unwrap();
        assert_eq!(b, Block::Paragraph(vec![Span::plain("klik")]));
    }

    #[test]
    fn counts_words() {
        let b = block(r#"{"_type":"paragraph","children":[{"text":"Et to "},{"text":"tre"}]}"#)
            .unwrap();
        assert_eq!(word_count(&b), 3);
    }
}
