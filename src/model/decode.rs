//! From the bytes of a response to a validated document, or an error naming the field.

use serde::de::DeserializeOwned;
use std::fmt;

/// A document from the backend that does not fit the contract: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// The field's path, e.g. `items[3].person`; empty for the document as a whole.
    pub path: String,
    pub message: String,
}

impl DecodeError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for DecodeError {}

/// A document type of the contract. `check` runs after decoding: rules that span fields,
/// bounds, and the notes for the console about what was skipped.
pub trait Document: DeserializeOwned {
    fn check(&mut self) -> Result<Vec<String>, DecodeError>;
}

/// A decoded document and the notes on what was skipped inside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded<T> {
    pub value: T,
    pub notes: Vec<String>,
}

/// Decodes and validates one document. Any bytes at all are safe to pass: garbage,
/// truncated JSON, the wrong document, deep nesting (serde_json stops at depth 128).
pub fn decode<T: Document>(bytes: &[u8]) -> Result<Decoded<T>, DecodeError> {
    // Some servers prepend a byte-order mark; JSON itself has none.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Parse to a `Value` first, then decode the document from it: the same `Value`
    // deserializer then serves the document and the elements that `Lenient` decodes on
    // their own, so each type's decoding exists once in the wasm instead of twice.
    let json: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| DecodeError::new("", e.to_string()))?;
    let mut value: T = serde_path_to_error::deserialize(json).map_err(|e| {
        let path = e.path().to_string();
        DecodeError::new(
            if path == "." { String::new() } else { path },
            e.into_inner().to_string(),
        )
    })?;
    let notes = value.check()?;
    Ok(Decoded { value, notes })
}
