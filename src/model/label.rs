//! Tags and sections: a name as the backend writes it, and the slug of its page
//! (`/emne/{slug}`, `/sektion/{slug}`).

use crate::json::Value;

use super::decode::DecodeError;
use super::json::Path;
use super::text::Slug;

/// A tag ("Nokia") or a section ("Offentlig it"). The contract gives either the name alone
/// (a string, as before topic pages existed) or `{ "name", "slug" }`; a name alone gets
/// the slug derived the Danish way ([`Slug::derive`]), so a backend written before topic
/// pages links to the same pages as one that names its slugs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub name: String,
    pub slug: Slug,
}

impl Label {
    /// A label from its name; `None` when the name has nothing to make a slug of.
    pub fn named(name: &str) -> Option<Self> {
        let name = name.trim();
        Some(Self {
            slug: Slug::derive(name)?,
            name: name.to_string(),
        })
    }

    /// A tag or section as the contract gives it. Read without the field-by-field reader
    /// (model/json.rs): labels are extras, dropped when bad, so the error need not say which
    /// field was wrong, and every article and teaser reads some.
    pub fn read(value: &Value, path: Path) -> Result<Self, DecodeError> {
        let (name, slug) = match value {
            Value::String(name) => (name.as_str(), None),
            Value::Object(_) => (
                value.get("name").as_str().unwrap_or_default(),
                Some(value.get("slug").as_str().unwrap_or_default()),
            ),
            other => {
                return Err(path.invalid_type(other, "a name, or an object with a name and a slug"))
            }
        };
        let name = name.trim();
        let slug = match slug {
            Some(slug) => Slug::parse(slug).ok(),
            None => Slug::derive(name),
        };
        match slug {
            Some(slug) if !name.is_empty() => Ok(Self {
                name: name.to_string(),
                slug,
            }),
            _ => Err(path.error("needs a name with a letter or digit, and a slug if one is given")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    fn read(text: &str) -> Result<Label, DecodeError> {
        let value = json::from_slice(text.as_bytes()).expect("test JSON");
        Label::read(&value, Path::root())
    }

    #[test]
    fn a_name_alone_gets_the_danish_slug() {
        let label = read(r#""Sundheds-it""#).unwrap();
        assert_eq!(label.name, "Sundheds-it");
        assert_eq!(label.slug.as_str(), "sundheds-it");
        assert_eq!(read(r#""  Økonomi  ""#).unwrap().name, "Økonomi");
    }

    #[test]
    fn a_given_slug_is_kept_and_checked() {
        let label = read(r#"{"name": "Internet of Things", "slug": "iot"}"#).unwrap();
        assert_eq!(
            (label.name.as_str(), label.slug.as_str()),
            ("Internet of Things", "iot")
        );
        assert!(read(r#"{"name": "X", "slug": "Not A Slug"}"#).is_err());
        assert!(read(r#"{"name": " ", "slug": "x"}"#).is_err());
        assert!(read(r#"{"slug": "x"}"#).is_err());
    }

    #[test]
    fn names_without_letters_and_other_types_are_refused() {
        assert!(read(r#""—""#).is_err());
        assert!(read("5").is_err());
        assert!(read("[]").is_err());
    }
}
