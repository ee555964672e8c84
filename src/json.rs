//! JSON as the app reads it: a value, a parser, and the writer the prerender's data blocks
//! use.
//!
//! Why by hand rather than serde_json: the app only ever parses documents into a tree and
//! walks it (model/json.rs), and serde_json's generic deserializer, its float parsing and
//! the B-tree behind its objects were about 6 KB of the 150 KB brotli budget with
//! hydration (docs/perf.md, "Size"). This is one small non-generic parser. Numbers keep
//! the text they were written as (the contract has integers only; `as_u64` reads them), and
//! objects are a list of pairs: documents have a dozen keys, not thousands.
//!
//! It accepts exactly RFC 8259 JSON (the tests hold it to serde_json on the same inputs),
//! refuses nesting deeper than serde_json does (128), and never panics on any input.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A number as it was written (`42`, `-1.5e3`).
#[derive(Clone, Debug, PartialEq)]
pub struct Number(String);

impl Number {
    /// The number, if it is a non-negative integer that fits.
    pub fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }

    /// Whether it has a fraction or an exponent.
    pub fn is_f64(&self) -> bool {
        self.0.contains(['.', 'e', 'E'])
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<u64> for Number {
    fn from(n: u64) -> Self {
        Self(n.to_string())
    }
}

/// An object's members in their order; a key given twice keeps its last value, as
/// serde_json does.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn insert(&mut self, key: String, value: Value) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        let mut map = Map::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

static NULL: Value = Value::Null;

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The member `key` of an object; null for anything else, as serde_json's `value[key]`.
    pub fn get(&self, key: &str) -> &Value {
        self.as_object().and_then(|m| m.get(key)).unwrap_or(&NULL)
    }

    /// The value as compact JSON text.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        write(self, &mut out);
        out
    }
}

impl std::ops::Index<&str> for Map {
    type Output = Value;

    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

impl std::ops::Index<&str> for Value {
    type Output = Value;

    fn index(&self, key: &str) -> &Value {
        self.get(key)
    }
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.0),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.0.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write(v, out);
            }
            out.push('}');
        }
    }
}

/// `s` as a JSON string, quotes included.
pub fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Why a text is not JSON, and where (as serde_json says it: line and column, from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    message: &'static str,
    line: usize,
    column: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for Error {}

/// How deep arrays and objects may nest: what serde_json allows.
const MAX_DEPTH: usize = 128;

/// Parses one JSON text (surrounding whitespace allowed, nothing else).
pub fn from_slice(bytes: &[u8]) -> Result<Value, Error> {
    let mut parser = Parser { b: bytes, i: 0 };
    let value = parser.value(0)?;
    parser.space();
    if parser.i < bytes.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> Error {
        let before = &self.b[..self.i.min(self.b.len())];
        let line = 1 + before.iter().filter(|&&c| c == b'\n').count();
        let column = before.len()
            - before
                .iter()
                .rposition(|&c| c == b'\n')
                .map_or(0, |p| p + 1);
        Error {
            message,
            line,
            column: column + 1,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value, Error> {
        if self.b[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        self.space();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.literal(b"null", Value::Null),
            Some(b't') => self.literal(b"true", Value::Bool(true)),
            Some(b'f') => self.literal(b"false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') | Some(b'{') if depth >= MAX_DEPTH => {
                Err(self.error("recursion limit exceeded"))
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.space();
                if self.peek() == Some(b']') {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Value::Array(items));
                        }
                        None => return Err(self.error("EOF while parsing a list")),
                        _ => return Err(self.error("expected `,` or `]`")),
                    }
                }
            }
            Some(b'{') => {
                self.i += 1;
                let mut map = Map::new();
                self.space();
                if self.peek() == Some(b'}') {
                    self.i += 1;
                    return Ok(Value::Object(map));
                }
                loop {
                    self.space();
                    match self.peek() {
                        Some(b'"') => {}
                        None => return Err(self.error("EOF while parsing an object")),
                        _ => return Err(self.error("key must be a string")),
                    }
                    let key = self.string()?;
                    self.space();
                    if self.peek() != Some(b':') {
                        return Err(self.error("expected `:`"));
                    }
                    self.i += 1;
                    let value = self.value(depth + 1)?;
                    map.insert(key, value);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Value::Object(map));
                        }
                        None => return Err(self.error("EOF while parsing an object")),
                        _ => return Err(self.error("expected `,` or `}`")),
                    }
                }
            }
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Result<Value, Error> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        // ASCII only, so the slice is a str.
        let text = String::from_utf8_lossy(&self.b[start..self.i]).into_owned();
        Ok(Value::Number(Number(text)))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let Some(hex) = self.b.get(self.i..self.i + 4) else {
            self.i = self.b.len();
            return Err(self.error("unexpected end of hex escape"));
        };
        let mut n = 0;
        for &c in hex {
            let d = (c as char)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid escape"))?;
            n = n * 16 + d;
        }
        self.i += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, Error> {
        self.i += 1; // the opening quote
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return Err(self.error("EOF while parsing a string"));
                    };
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let first = self.hex4()?;
                            let code = match first {
                                0xD800..=0xDBFF => {
                                    if !self.b[self.i..].starts_with(b"\\u") {
                                        return Err(
                                            self.error("lone leading surrogate in hex escape")
                                        );
                                    }
                                    self.i += 2;
                                    let second = self.hex4()?;
                                    if !(0xDC00..=0xDFFF).contains(&second) {
                                        return Err(
                                            self.error("lone leading surrogate in hex escape")
                                        );
                                    }
                                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                                }
                                0xDC00..=0xDFFF => {
                                    return Err(self.error("lone trailing surrogate in hex escape"))
                                }
                                n => n,
                            };
                            char::from_u32(code)
                                .ok_or_else(|| self.error("invalid unicode code point"))?
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                0x00..=0x1F => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                c => out.push(c),
            }
        }
        String::from_utf8(out).map_err(|_| self.error("invalid unicode code point"))
    }
}

// Natively: they use the time crate's own parser, serde_json or the prerender side as references.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Value, Error> {
        from_slice(s.as_bytes())
    }

    #[test]
    fn documents_read_as_their_tree() {
        let v =
            parse(r#" {"a": [1, -2.5e3, true, null, "x\"\u00e6\ud83d\ude00"], "a": {"b": {}}} "#)
                .unwrap();
        assert_eq!(
            v["a"]["b"],
            Value::Object(Map::new()),
            "the last of two equal keys"
        );
        let v = parse(r#"{"n": [1, -2.5e3, true, null, "x\"\u00e6\ud83d\ude00ø"]}"#).unwrap();
        let Value::Array(items) = &v["n"] else {
            panic!()
        };
        assert_eq!(items[0].as_u64(), Some(1));
        assert!(matches!(&items[1], Value::Number(n) if n.is_f64() && n.to_string() == "-2.5e3"));
        assert_eq!(items[2], Value::Bool(true));
        assert_eq!(items[4].as_str(), Some("x\"æ😀ø"));
        assert_eq!(v["missing"], Value::Null);
    }

    #[test]
    fn what_is_not_json_is_an_error_with_its_place() {
        let e = parse("{\n  \"a\": tru }").unwrap_err();
        assert_eq!(e.to_string(), "expected value at line 2 column 8");
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "-",
            ".5",
            "1e",
            "+1",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\u{1}\"",
            "[1] 2",
            "{1:2}",
            "nul",
            "\"abc",
            "NaN",
            "[\"\\u12\"]",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert!(from_slice(b"\"\xff\"").is_err(), "invalid UTF-8");
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(
            parse(&deep).unwrap_err().message,
            "recursion limit exceeded"
        );
        assert!(parse(&("[".repeat(128) + &"]".repeat(128))).is_ok());
    }

    #[test]
    fn it_agrees_with_serde_json() {
        let cases = [
            r#"{"slug":"nokia","published":"2018-05-31T10:14:00+02:00","body":[{"_type":"paragraph","children":[{"text":"Æ\tø\n"}]}]}"#,
            "[1, 2.0, 18446744073709551616, 18446744073709551615]",
            "\"\\/\\b\\f\\n\\r\\t\"",
            "  [ ]  ",
            "{\"a\" : [ { } , [ ] ] }",
            "[1,2",
            "{\"a\" 1}",
            "[true false]",
            "\"\\ud83d\\ude00\"",
        ];
        for case in cases {
            let ours = parse(case);
            let theirs = serde_json::from_str::<serde_json::Value>(case);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{case}");
            if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
                let ours_back: serde_json::Value = serde_json::from_str(&ours.to_json()).unwrap();
                assert_eq!(ours_back, theirs, "{case}");
            }
        }
        let big = parse("[18446744073709551615, 18446744073709551616, -1, 1.0]").unwrap();
        let Value::Array(n) = big else { panic!() };
        let as_u64: Vec<_> = n.iter().map(Value::as_u64).collect();
        assert_eq!(as_u64, [Some(u64::MAX), None, None, None]);
    }

    #[test]
    fn writing_round_trips() {
        let text = r#"{"a":"\"\\\n\r\t\u0001 æ","b":[1,-2.5,true,false,null],"c":{}}"#;
        let v = parse(text).unwrap();
        assert_eq!(v.to_json(), text);
        assert_eq!(parse(&v.to_json()).unwrap(), v);
    }
}
