//! Reading the contract's documents out of parsed JSON, with the path of every fault.
//!
//! Why by hand rather than `#[derive(Deserialize)]` + serde_path_to_error: the derive
//! code, instantiated for each field type and wrapped again for path tracking, was a sixth
//! of the wasm (measured with twiggy). These few functions over a parsed tree (crate::json) give the
//! same errors ("items[3].person: missing field `person`") at a fraction of the size.

use crate::json::{Map, Value};

use super::decode::DecodeError;
use super::text::quoted_for_message;

/// Where a value sits in its document: `""` (the document), `items[3].person`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(String);

impl Path {
    pub fn root() -> Self {
        Self(String::new())
    }

    pub fn field(&self, name: &str) -> Self {
        if self.0.is_empty() {
            Self(name.to_string())
        } else {
            Self(format!("{}.{name}", self.0))
        }
    }

    pub fn index(&self, i: usize) -> Self {
        Self(format!("{}[{i}]", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn error(&self, message: impl Into<String>) -> DecodeError {
        DecodeError::new(self.0.clone(), message)
    }

    /// serde's wording, which developers know: "invalid type: integer `42`, expected a string".
    pub fn invalid_type(&self, found: &Value, expected: &str) -> DecodeError {
        let found = match found {
            Value::Null => "null".to_string(),
            Value::Bool(b) => format!("boolean `{b}`"),
            Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
            Value::Number(n) => format!("integer `{n}`"),
            Value::String(s) => format!("string {}", quoted_for_message(s)),
            Value::Array(_) => "sequence".to_string(),
            Value::Object(_) => "map".to_string(),
        };
        self.error(format!("invalid type: {found}, expected {expected}"))
    }
}

/// A function that reads one `T` at a path: what the lists and optional fields take.
pub type Reader<T> = fn(&Value, Path) -> Result<T, DecodeError>;

/// A JSON object being read, and where it is.
pub struct Obj<'a> {
    map: &'a Map,
    pub path: Path,
}

impl<'a> Obj<'a> {
    pub fn new(value: &'a Value, path: Path) -> Result<Self, DecodeError> {
        match value {
            Value::Object(map) => Ok(Self { map, path }),
            other => Err(path.invalid_type(other, "an object")),
        }
    }

    /// A field that must be there (and not null).
    pub fn required(&self, key: &str) -> Result<(&'a Value, Path), DecodeError> {
        match self.map.get(key) {
            Some(Value::Null) | None => Err(self.path.error(format!("missing field `{key}`"))),
            Some(value) => Ok((value, self.path.field(key))),
        }
    }

    /// A field that may be absent or null.
    pub fn optional(&self, key: &str) -> Option<(&'a Value, Path)> {
        match self.map.get(key) {
            Some(Value::Null) | None => None,
            Some(value) => Some((value, self.path.field(key))),
        }
    }

    /// A required string.
    pub fn string(&self, key: &str) -> Result<String, DecodeError> {
        let (value, path) = self.required(key)?;
        string(value, path)
    }

    /// A required field read with `read`.
    pub fn read<T>(&self, key: &str, read: Reader<T>) -> Result<T, DecodeError> {
        let (value, path) = self.required(key)?;
        read(value, path)
    }

    /// A required string checked by `parse` (slugs, links, dates).
    pub fn parse<T>(
        &self,
        key: &str,
        parse: fn(&str) -> Result<T, String>,
    ) -> Result<T, DecodeError> {
        let (value, path) = self.required(key)?;
        let text = string(value, path.clone())?;
        parse(&text).map_err(|message| path.error(message))
    }

    /// An optional extra whose fault must not fail its parent (a thumbnail, a logo, a
    /// lead): missing, null or malformed all read as `None`.
    pub fn lenient<T>(&self, key: &str, read: Reader<T>) -> Option<T> {
        self.optional(key)
            .and_then(|(value, path)| read(value, path).ok())
    }

    /// An optional string, leniently.
    pub fn lenient_string(&self, key: &str) -> Option<String> {
        self.lenient(key, string)
    }

    /// An optional string checked by `parse`, leniently.
    pub fn lenient_parse<T>(&self, key: &str, parse: fn(&str) -> Result<T, String>) -> Option<T> {
        self.optional(key)
            .and_then(|(value, _)| value.as_str())
            .and_then(|text| parse(text).ok())
    }

    /// A required unsigned integer at most `max`.
    pub fn uint(&self, key: &str, max: u64) -> Result<u64, DecodeError> {
        let (value, path) = self.required(key)?;
        match value.as_u64() {
            Some(n) if n <= max => Ok(n),
            Some(n) => Err(path.error(format!("{n} is larger than {max}"))),
            None => Err(path.invalid_type(value, "an unsigned integer")),
        }
    }

    /// A required list.
    pub fn list(&self, key: &str) -> Result<(&'a [Value], Path), DecodeError> {
        let (value, path) = self.required(key)?;
        match value {
            Value::Array(items) => Ok((items, path)),
            other => Err(path.invalid_type(other, "a sequence")),
        }
    }

    /// A list of extras (tags, authors): the elements that read, anything else dropped,
    /// and a non-list read as empty.
    pub fn extras<T>(&self, key: &str, read: Reader<T>) -> Vec<T> {
        match self.optional(key) {
            Some((Value::Array(items), path)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| read(v, path.index(i)).ok())
                .collect(),
            _ => Vec::new(),
        }
    }
}

pub fn string(value: &Value, path: Path) -> Result<String, DecodeError> {
    match value {
        Value::String(s) => Ok(s.clone()),
        other => Err(path.invalid_type(other, "a string")),
    }
}

/// Each element of a list read with `read`: the ones that fail are kept as their error.
pub fn each<T>(items: &[Value], path: &Path, read: Reader<T>) -> Vec<Result<T, DecodeError>> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| read(v, path.index(i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    fn json(text: &str) -> Value {
        crate::json::from_slice(text.as_bytes()).unwrap()
    }

    #[test]
    fn paths_and_errors_read_like_serde() {
        let doc = json(r#"{"items": [{"person": 42}], "page": "one", "next": null}"#);
        let obj = Obj::new(&doc, Path::root()).unwrap();
        let (items, path) = obj.list("items").unwrap();
        let first = Obj::new(&items[0], path.index(0)).unwrap();
        let e = first.string("person").unwrap_err();
        assert_eq!(
            e.to_string(),
            "items[0].person: invalid type: integer `42`, expected a string"
        );
        assert_eq!(
            first.string("title").unwrap_err().to_string(),
            "items[0]: missing field `title`"
        );
        assert_eq!(obj.uint("page", 10).unwrap_err().path, "page");
        assert!(obj.optional("next").is_none(), "null is absent");
        assert_eq!(
            obj.required("next").unwrap_err().message,
            "missing field `next`"
        );
        let e = Obj::new(&json("[1]"), Path::root()).err().unwrap();
        assert_eq!(e.to_string(), "invalid type: sequence, expected an object");
    }

    #[test]
    fn lenient_reads_never_fail() {
        let doc = json(r#"{"a": 5, "tags": ["x", 3, "y"], "t": "not-a-list"}"#);
        let obj = Obj::new(&doc, Path::root()).unwrap();
        assert_eq!(obj.lenient_string("a"), None);
        assert_eq!(obj.lenient_string("missing"), None);
        assert_eq!(obj.extras("tags", string), ["x", "y"]);
        assert!(obj.extras("t", string).is_empty());
    }
}
