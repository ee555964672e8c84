//! From the bytes of a response to a validated document, or an error naming the field.

use crate::json::Value;
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

/// A document type of the contract: how to read it from JSON, and `check` for rules that
/// span fields, bounds, and the notes for the console about what was skipped.
pub trait Document: Sized {
    fn read(value: &Value) -> Result<Self, DecodeError>;
    fn check(&mut self) -> Result<Vec<String>, DecodeError>;
}

/// A decoded document and the notes on what was skipped inside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded<T> {
    pub value: T,
    pub notes: Vec<String>,
}

/// Decodes and validates one document. Any bytes at all are safe to pass: garbage,
/// truncated JSON, the wrong document, deep nesting (the parser stops at depth 128).
pub fn decode<T: Document>(bytes: &[u8]) -> Result<Decoded<T>, DecodeError> {
    // Some servers prepend a byte-order mark; JSON itself has none.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let json: Value =
        crate::json::from_slice(bytes).map_err(|e| DecodeError::new("", e.to_string()))?;
    decode_value(&json)
}

/// Validates one document already parsed as JSON (a prerendered page's handed-over data).
/// Not inlined: it is called from the fetch and from the handover, and one copy per
/// document type is enough (a second one cost about 7 KB of wasm).
#[inline(never)]
pub fn decode_value<T: Document>(json: &Value) -> Result<Decoded<T>, DecodeError> {
    let mut value = T::read(json)?;
    let notes = value.check()?;
    Ok(Decoded { value, notes })
}
