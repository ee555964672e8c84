//! Where the prerender reads the backend's documents: the sample backend's files in the
//! build folder, or a backend at a URL over HTTP, with the app's own bounds (docs/api.md:
//! 10 s, 4 MiB) and the app's own errors, so a failure reads the same in the build's report
//! as in the browser's console.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::json::Value;

use crate::api::{ApiError, DEFAULT_TIMEOUT_MS, MAX_BODY_BYTES};
use crate::model::DecodeError;

pub enum Source {
    /// A folder laid out like the API (the sample backend copied into the build).
    Dir(PathBuf),
    /// A base URL ending in `/`.
    Http { base: String, agent: ureq::Agent },
}

impl Source {
    pub fn dir(path: impl Into<PathBuf>) -> Self {
        Self::Dir(path.into())
    }

    pub fn http(base: &str) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_millis(u64::from(DEFAULT_TIMEOUT_MS))))
            .http_status_as_error(false)
            .user_agent("Tidende-prerender")
            .build()
            .into();
        Self::Http {
            base: crate::api::base::with_trailing_slash(base),
            agent,
        }
    }

    /// Where it reads from, for the report.
    pub fn describe(&self) -> String {
        match self {
            Self::Dir(dir) => dir.display().to_string(),
            Self::Http { base, .. } => base.clone(),
        }
    }

    /// The document at `path` (relative to the API base), parsed as JSON. Its fields are
    /// validated where it is used, by the same model code the app runs.
    pub fn get(&self, path: &str) -> Result<Value, ApiError> {
        let bytes = match self {
            Self::Dir(dir) => read_file(dir, path)?,
            Self::Http { base, agent } => get_http(agent, &format!("{base}{path}"))?,
        };
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        crate::json::from_slice(bytes)
            .map_err(|e| ApiError::Decode(DecodeError::new("", e.to_string())))
    }
}

/// A path under the base: `next` links are checked to stay relative (model/page.rs), but a
/// `..` segment would still climb out of a folder, so it is refused here too.
fn safe_join(dir: &Path, path: &str) -> Option<PathBuf> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let ok = !path.is_empty()
        && !path.starts_with('/')
        && path
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != ".." && !s.contains('\\'));
    ok.then(|| dir.join(path))
}

fn read_file(dir: &Path, path: &str) -> Result<Vec<u8>, ApiError> {
    let not_found = || ApiError::Status {
        code: 404,
        url: format!("{}/{path}", dir.display()),
    };
    let file = safe_join(dir, path).ok_or_else(not_found)?;
    let handle = match std::fs::File::open(&file) {
        Ok(handle) => handle,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(not_found()),
        Err(e) => return Err(ApiError::Network(format!("{}: {e}", file.display()))),
    };
    if handle.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(not_found());
    }
    let mut bytes = Vec::new();
    handle
        .take(MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ApiError::Network(format!("{}: {e}", file.display())))?;
    if bytes.len() > MAX_BODY_BYTES {
        return Err(ApiError::TooLarge {
            limit: MAX_BODY_BYTES,
        });
    }
    Ok(bytes)
}

fn get_http(agent: &ureq::Agent, url: &str) -> Result<Vec<u8>, ApiError> {
    let mut response = agent.get(url).call().map_err(|e| http_error(e, url))?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(ApiError::Status {
            code: status,
            url: url.to_string(),
        });
    }
    response
        .body_mut()
        .with_config()
        .limit(MAX_BODY_BYTES as u64)
        .read_to_vec()
        .map_err(|e| http_error(e, url))
}

fn http_error(error: ureq::Error, url: &str) -> ApiError {
    match error {
        ureq::Error::Timeout(_) => ApiError::Timeout {
            after_ms: DEFAULT_TIMEOUT_MS,
        },
        ureq::Error::BodyExceedsLimit(_) => ApiError::TooLarge {
            limit: MAX_BODY_BYTES,
        },
        other => ApiError::Network(format!("{url}: {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_backend_folder() {
        let dir = Path::new("/srv/api");
        assert_eq!(
            safe_join(dir, "people/2.json"),
            Some(PathBuf::from("/srv/api/people/2.json"))
        );
        assert_eq!(
            safe_join(dir, "people/2.json?x=1"),
            Some(PathBuf::from("/srv/api/people/2.json"))
        );
        for bad in [
            "../secret.json",
            "a/../../b",
            "/etc/passwd",
            "",
            "a//b",
            "a\\..\\b",
            "./a",
        ] {
            assert_eq!(safe_join(dir, bad), None, "{bad}");
        }
    }

    #[test]
    fn the_sample_backend_reads_and_misses_like_a_server() {
        let source = Source::dir(concat!(env!("CARGO_MANIFEST_DIR"), "/public/api"));
        assert!(source.get("sponsored/current.json").is_ok());
        let missing = source.get("articles/findes-ikke.json").unwrap_err();
        assert!(missing.is_not_found(), "{missing}");
        assert!(source.get("media/gdpr.svg").unwrap_err().kind() == "decode");
        assert!(source.get("../Cargo.toml").unwrap_err().is_not_found());
    }
}
