//! Runtime settings read from the served `index.html`, so a deployment can change them
//! without recompiling: the sub-path the site lives under (Trunk's `<base href>`).

/// The router's base path for a site served under `base_path` (the path of the page's
/// `<base href>`): `""` at the root, `"/nyheder"` under `/nyheder/`.
pub fn router_base(base_path: &str) -> String {
    let trimmed = base_path.trim_end_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else if trimmed.starts_with('/') {
        trimmed.to_string()
    } else {
        format!("/{trimmed}")
    }
}

/// The path of the page's `<base href>` (Trunk writes the public URL there), `/` without one.
/// Not `document.baseURI`: without a `<base>` element that is the page's own URL, and a
/// deep link would become the router's base.
#[cfg(target_arch = "wasm32")]
pub fn document_base_path() -> String {
    let document = web_sys::window().and_then(|w| w.document());
    let has_base = document
        .as_ref()
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .is_some();
    if !has_base {
        return "/".to_string();
    }
    document
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_else(|| "/".to_string())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn document_base_path() -> String {
    "/".to_string()
}

/// An absolute URL of a page of this site: origin, deployment sub-path, route path.
pub fn absolute_url(origin: &str, base_path: &str, path: &str) -> String {
    format!(
        "{}{}{path}",
        origin.trim_end_matches('/'),
        router_base(base_path)
    )
}

/// The absolute URL of a route path on the running site, for canonical links and Open
/// Graph tags.
#[cfg(target_arch = "wasm32")]
pub fn page_url(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    absolute_url(&origin, &document_base_path(), path)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn page_url(path: &str) -> String {
    path.to_string()
}

#[cfg(test)]
mod tests {
    use super::{absolute_url, router_base};

    #[test]
    fn absolute_urls_include_the_sub_path() {
        assert_eq!(
            absolute_url("https://tidende.dk", "/", "/artikel/x"),
            "https://tidende.dk/artikel/x"
        );
        assert_eq!(
            absolute_url("https://example.dk/", "/nyheder/", "/job"),
            "https://example.dk/nyheder/job"
        );
    }

    #[test]
    fn root_deployment_has_empty_base() {
        assert_eq!(router_base("/"), "");
        assert_eq!(router_base(""), "");
    }

    #[test]
    fn sub_path_deployment_keeps_leading_slash_only() {
        assert_eq!(router_base("/nyheder/"), "/nyheder");
        assert_eq!(router_base("/nyheder"), "/nyheder");
        assert_eq!(router_base("nyheder/"), "/nyheder");
        assert_eq!(router_base("/a/b/"), "/a/b");
    }
}
