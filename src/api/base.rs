//! The backend's base URL: a runtime setting in the served page, not a compile-time one.

/// The `<meta name>` in index.html whose `content` is the base URL.
pub const META_NAME: &str = "tidende:api";
/// Without the meta tag: the sample backend copied into the build.
pub const DEFAULT_BASE: &str = "api/";

pub fn with_trailing_slash(base: &str) -> String {
    let base = base.trim();
    if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    }
}

/// The base URL from the page: the meta's content resolved against the document's base
/// URI (so `api/` follows a sub-path deployment), as an absolute URL.
#[cfg(target_arch = "wasm32")]
pub fn from_document() -> String {
    let document = web_sys::window().and_then(|w| w.document());
    let configured = document
        .as_ref()
        .and_then(|d| {
            d.query_selector(&format!("meta[name=\"{META_NAME}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| DEFAULT_BASE.to_string());
    let base_uri = document.and_then(|d| d.base_uri().ok().flatten());
    let resolved = base_uri
        .and_then(|b| web_sys::Url::new_with_base(&configured, &b).ok())
        .map(|u| u.href())
        .unwrap_or(configured);
    with_trailing_slash(&resolved)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn from_document() -> String {
    DEFAULT_BASE.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_always_ends_in_a_slash() {
        assert_eq!(with_trailing_slash("api"), "api/");
        assert_eq!(with_trailing_slash("api/"), "api/");
        assert_eq!(
            with_trailing_slash(" https://cms.example.dk/v1 "),
            "https://cms.example.dk/v1/"
        );
    }
}
