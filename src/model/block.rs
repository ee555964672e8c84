//! The blocks of an article body, in the manner of Portable Text: typed blocks holding
//! spans of text with marks. Never an HTML string.

use serde::{Deserialize, Deserializer};

use super::image::Image;
use super::link::{lenient_link, Link};
use super::text::{Slug, Text};

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
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Span {
    pub text: String,
    #[serde(default, deserialize_with = "known_marks")]
    pub marks: Vec<Mark>,
    #[serde(default, deserialize_with = "lenient_link")]
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
}

/// Marks this app renders; others (a CMS's "underline", "highlight") are ignored.
fn known_marks<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Mark>, D::Error> {
    let raw = Option::<Vec<serde_json::Value>>::deserialize(d)?.unwrap_or_default();
    let mut marks = Vec::new();
    for mark in raw.iter().filter_map(|v| v.as_str()) {
        let mark = match mark {
            "strong" => Mark::Strong,
            "em" => Mark::Em,
            "code" => Mark::Code,
            _ => continue,
        };
        if !marks.contains(&mark) {
            marks.push(mark);
        }
    }
    Ok(marks)
}

// The wire shapes of the known blocks: decoded only once `_type` says which one applies.

#[derive(Deserialize)]
struct ParagraphWire {
    children: Vec<Span>,
}

#[derive(Deserialize)]
struct HeadingWire {
    text: Text,
    #[serde(default)]
    level: Option<i64>,
}

#[derive(Deserialize)]
struct QuoteWire {
    text: Text,
    #[serde(default)]
    attribution: Option<String>,
}

#[derive(Deserialize)]
struct ListWire {
    #[serde(default)]
    style: Option<String>,
    items: Vec<Vec<Span>>,
}

#[derive(Deserialize)]
struct RelatedLinkWire {
    slug: Slug,
    headline: Text,
    #[serde(default)]
    label: Option<String>,
}

#[derive(Deserialize)]
struct SourceWire {
    text: Text,
    #[serde(default, deserialize_with = "lenient_link")]
    href: Option<Link>,
}

fn variant<T: serde::de::DeserializeOwned, E: serde::de::Error>(
    kind: &str,
    value: serde_json::Value,
) -> Result<T, E> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        if path == "." {
            E::custom(format!("{kind} block: {}", e.into_inner()))
        } else {
            E::custom(format!("{kind} block: {path}: {}", e.into_inner()))
        }
    })
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        let kind = match value.get("_type") {
            Some(serde_json::Value::String(kind)) => kind.clone(),
            Some(_) => return Err(serde::de::Error::custom("`_type` is not a string")),
            None => return Err(serde::de::Error::custom("missing field `_type`")),
        };
        Ok(match kind.as_str() {
            "paragraph" => {
                Block::Paragraph(variant::<ParagraphWire, D::Error>(&kind, value)?.children)
            }
            "heading" => {
                let h: HeadingWire = variant(&kind, value)?;
                // The article's headline is the page's one h1; sub-headings are h2 or h3.
                let level = match h.level {
                    Some(n) if n >= 3 => 3,
                    _ => 2,
                };
                Block::Heading {
                    level,
                    text: h.text,
                }
            }
            "image" => Block::Image(variant(&kind, value)?),
            "quote" => {
                let q: QuoteWire = variant(&kind, value)?;
                Block::Quote {
                    text: q.text,
                    attribution: q.attribution.filter(|a| !a.trim().is_empty()),
                }
            }
            "list" => {
                let l: ListWire = variant(&kind, value)?;
                Block::List {
                    style: if l.style.as_deref() == Some("number") {
                        ListStyle::Number
                    } else {
                        ListStyle::Bullet
                    },
                    items: l.items,
                }
            }
            "related_link" => {
                let r: RelatedLinkWire = variant(&kind, value)?;
                Block::RelatedLink {
                    label: r
                        .label
                        .filter(|l| !l.trim().is_empty())
                        .unwrap_or_else(|| "Læs også".to_string()),
                    slug: r.slug,
                    headline: r.headline,
                }
            }
            "source" => {
                let s: SourceWire = variant(&kind, value)?;
                Block::Source {
                    text: s.text,
                    href: s.href,
                }
            }
            _ => Block::Unknown(super::text::truncate_for_message(&kind)),
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

    fn block(json: &str) -> Result<Block, serde_json::Error> {
        serde_json::from_str(json)
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
    }

    #[test]
    fn unknown_types_are_kept_as_unknown() {
        assert_eq!(
            block(r#"{"_type":"video","src":"x"}"#).unwrap(),
            Block::Unknown("video".into())
        );
    }

    #[test]
    fn malformed_blocks_say_what_is_wrong() {
        let e = block(r#"{"_type":"paragraph","children":[{"txt":"a"}]}"#).unwrap_err();
        assert!(
            e.to_string()
                .contains("paragraph block: children[0]: missing field `text`"),
            "{e}"
        );
        let e = block(r#"{"children":[]}"#).unwrap_err();
        assert!(e.to_string().contains("missing field `_type`"), "{e}");
        let e = block(r#"{"_type":"related_link","slug":"Bad Slug","headline":"x"}"#).unwrap_err();
        assert!(e.to_string().contains("slug"), "{e}");
    }

    #[test]
    fn bad_span_links_keep_their_text() {
        let b = block(
            r#"{"_type":"paragraph","children":[{"text":"klik","href":"javascript:alert(1)"}]}"#,
        )
        .unwrap();
        assert_eq!(b, Block::Paragraph(vec![Span::plain("klik")]));
    }

    #[test]
    fn counts_words() {
        let b = block(r#"{"_type":"paragraph","children":[{"text":"Et to "},{"text":"tre"}]}"#)
            .unwrap();
        assert_eq!(word_count(&b), 3);
    }
}
