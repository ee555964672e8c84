//! Element-by-element decoding for lists and article bodies: one malformed job ad or an
//! unknown block type must not take the whole list or article down with it.

use super::decode::DecodeError;

/// One element of a list from the backend: decoded, or skipped with where and why.
pub type Lenient<T> = Result<T, DecodeError>;

/// The valid elements of a list.
pub fn valid<T>(list: &[Lenient<T>]) -> impl Iterator<Item = &T> {
    list.iter().filter_map(|item| item.as_ref().ok())
}

/// One line per skipped element, with its full path: `items[3].person: missing field`.
pub fn skipped<T>(list: &[Lenient<T>]) -> Vec<String> {
    list.iter()
        .filter_map(|item| item.as_ref().err().map(ToString::to_string))
        .collect()
}

/// A list whose every element was skipped is the wrong document, not an empty list: say
/// so, with the first reason, rather than show an empty region.
pub fn require_some_valid<T>(list: &[Lenient<T>], path: &str) -> Result<(), DecodeError> {
    if !list.is_empty() && list.iter().all(Result::is_err) {
        let first = skipped(list).into_iter().next().unwrap_or_default();
        return Err(DecodeError::new(
            path,
            format!("none of the {} entries is valid ({first})", list.len()),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_skipped_and_all_bad() {
        let list: Vec<Lenient<u8>> = vec![Ok(1), Err(DecodeError::new("items[1].n", "bad")), Ok(3)];
        assert_eq!(valid(&list).copied().collect::<Vec<_>>(), [1, 3]);
        assert_eq!(skipped(&list), ["items[1].n: bad"]);
        assert!(require_some_valid(&list, "items").is_ok());
        let bad: Vec<Lenient<u8>> = vec![Err(DecodeError::new("items[0]", "x"))];
        let e = require_some_valid(&bad, "items").unwrap_err();
        assert_eq!(
            e.to_string(),
            "items: none of the 1 entries is valid (items[0]: x)"
        );
        assert!(
            require_some_valid::<u8>(&[], "items").is_ok(),
            "an empty list is fine"
        );
    }
}
