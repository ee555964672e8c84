//! What can go wrong when fetching a document: a Danish sentence for the reader, and the
//! detail for the console.

use std::fmt;

use crate::model::DecodeError;

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The request never got an answer: offline, DNS, CORS, connection refused.
    Network(String),
    /// No complete answer within the bound; the request was aborted.
    Timeout { after_ms: u32 },
    /// The backend answered with an error status.
    Status { code: u16, url: String },
    /// The body was larger than the bound; reading stopped there.
    TooLarge { limit: usize },
    /// The body is not the document the contract describes.
    Decode(DecodeError),
}

impl ApiError {
    /// A short Danish sentence for the reader.
    pub fn reader_message(&self) -> &'static str {
        match self {
            ApiError::Network(_) => {
                "Vi kunne ikke få forbindelse. Tjek din internetforbindelse, og prøv igen."
            }
            ApiError::Timeout { .. } => "Det tog for lang tid at hente indholdet.",
            ApiError::Status {
                code: 404 | 410, ..
            } => "Indholdet findes ikke.",
            ApiError::Status { code, .. } if *code >= 500 => {
                "Der er en fejl hos os. Prøv igen om lidt."
            }
            ApiError::Status { .. } => "Indholdet kunne ikke hentes.",
            ApiError::TooLarge { .. } | ApiError::Decode(_) => {
                "Indholdet kunne ikke vises, fordi det er i et forkert format."
            }
        }
    }

    /// A 404 or 410: the thing asked for does not exist (an article page says so).
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            ApiError::Status {
                code: 404 | 410,
                ..
            }
        )
    }

    /// A short name for the kind of error, for `data-error` attributes and tests.
    pub fn kind(&self) -> &'static str {
        match self {
            ApiError::Network(_) => "network",
            ApiError::Timeout { .. } => "timeout",
            ApiError::Status { .. } => "status",
            ApiError::TooLarge { .. } => "too-large",
            ApiError::Decode(_) => "decode",
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Network(detail) => write!(f, "network error: {detail}"),
            ApiError::Timeout { after_ms } => write!(f, "no complete answer after {after_ms} ms"),
            ApiError::Status { code, url } => write!(f, "HTTP {code} from {url}"),
            ApiError::TooLarge { limit } => write!(f, "body larger than {limit} bytes"),
            ApiError::Decode(e) => write!(f, "not a valid document: {e}"),
        }
    }
}

impl std::error::Error for ApiError {}

impl From<DecodeError> for ApiError {
    fn from(e: DecodeError) -> Self {
        ApiError::Decode(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_danish_message_and_a_detail() {
        let errors = [
            ApiError::Network("TypeError: Failed to fetch".into()),
            ApiError::Timeout { after_ms: 10_000 },
            ApiError::Status {
                code: 404,
                url: "api/x.json".into(),
            },
            ApiError::Status {
                code: 503,
                url: "api/x.json".into(),
            },
            ApiError::Status {
                code: 403,
                url: "api/x.json".into(),
            },
            ApiError::TooLarge { limit: 4 },
            ApiError::Decode(DecodeError::new(
                "items[3].person",
                "missing field `person`",
            )),
        ];
        for e in &errors {
            assert!(e.reader_message().ends_with('.'), "{e:?}");
            assert!(!e.to_string().is_empty());
        }
        assert!(errors[2].is_not_found() && !errors[3].is_not_found());
        assert_eq!(
            errors[3].reader_message(),
            "Der er en fejl hos os. Prøv igen om lidt."
        );
        assert!(errors[6].to_string().contains("items[3].person"));
    }
}
