//! Element-by-element decoding for lists and article bodies.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use super::decode::DecodeError;

/// One element of a list from the backend: either it decoded, or it is skipped with what
/// was wrong. One malformed job ad or an unknown block type must not take the whole list
/// or article down with it.
#[derive(Clone, Debug, PartialEq)]
pub enum Lenient<T> {
    Valid(T),
    Skipped(Fault),
}

/// Where inside an element decoding failed (`""` for the element itself), and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Fault {
    pub path: String,
    pub message: String,
}

impl<T> Lenient<T> {
    pub fn valid(&self) -> Option<&T> {
        match self {
            Lenient::Valid(t) => Some(t),
            Lenient::Skipped(_) => None,
        }
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Buffer the element, then decode it on its own, so its error stays its own.
        let value = serde_json::Value::deserialize(d)?;
        Ok(match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(t) => Lenient::Valid(t),
            Err(e) => {
                let path = e.path().to_string();
                Lenient::Skipped(Fault {
                    path: if path == "." { String::new() } else { path },
                    message: e.into_inner().to_string(),
                })
            }
        })
    }
}

/// For an optional field whose fault must not fail its parent (a teaser's thumbnail, a
/// job's logo): a missing, null or malformed value is `None`.
pub fn optional<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(value.and_then(|v| serde_json::from_value(v).ok()))
}

/// For a list of extras (tags, authors): keeps the elements that decode, drops the rest,
/// and treats anything that is not a list as empty.
pub fn extras<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Array(items) => items
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect(),
        _ => Vec::new(),
    })
}

/// The valid elements of a list.
pub fn valid<T>(list: &[Lenient<T>]) -> impl Iterator<Item = &T> {
    list.iter().filter_map(Lenient::valid)
}

/// One line per skipped element, with its full path: `items[3].person: missing field`.
pub fn skipped<T>(list: &[Lenient<T>], field: &str) -> Vec<String> {
    list.iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            Lenient::Valid(_) => None,
            Lenient::Skipped(Fault { path, message }) => Some(match path.chars().next() {
                None => format!("{field}[{i}]: {message}"),
                Some('[') => format!("{field}[{i}]{path}: {message}"),
                Some(_) => format!("{field}[{i}].{path}: {message}"),
            }),
        })
        .collect()
}

/// A list whose every element was skipped is the wrong document, not an empty list: say
/// so, with the first reason, rather than show an empty region.
pub fn require_some_valid<T>(list: &[Lenient<T>], skipped: &[String]) -> Result<(), DecodeError> {
    if !list.is_empty() && skipped.len() == list.len() {
        return Err(DecodeError::new(
            "items",
            format!(
                "none of the {} entries is valid ({})",
                list.len(),
                skipped.first().map(String::as_str).unwrap_or_default()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        name: String,
    }

    #[derive(Debug, Deserialize)]
    struct Extras {
        #[serde(default, deserialize_with = "optional")]
        first: Option<Item>,
        #[serde(default, deserialize_with = "extras")]
        tags: Vec<String>,
    }

    #[test]
    fn optional_and_extra_fields_never_fail_their_parent() {
        let e: Extras = serde_json::from_str(r#"{"first":{"name":5},"tags":["a",3,"b"]}"#).unwrap();
        assert!(e.first.is_none());
        assert_eq!(e.tags, ["a", "b"]);
        let e: Extras = serde_json::from_str(r#"{"first":null,"tags":"a"}"#).unwrap();
        assert!(e.first.is_none() && e.tags.is_empty());
        let e: Extras = serde_json::from_str(r#"{"first":{"name":"x"}}"#).unwrap();
        assert_eq!(e.first, Some(Item { name: "x".into() }));
    }

    #[test]
    fn bad_elements_are_skipped_with_their_path() {
        let list: Vec<Lenient<Item>> =
            serde_json::from_str(r#"[{"name":"a"},{"name":3},{},"x",{"name":"b","extra":1}]"#)
                .unwrap();
        let names: Vec<_> = valid(&list).map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        let why = skipped(&list, "items");
        assert_eq!(why.len(), 3);
        assert!(
            why[0].starts_with("items[1].name: invalid type: integer"),
            "{}",
            why[0]
        );
        assert!(
            why[1].starts_with("items[2]: missing field `name`"),
            "{}",
            why[1]
        );
        assert!(
            why[2].starts_with("items[3]: invalid type: string"),
            "{}",
            why[2]
        );
    }
}
