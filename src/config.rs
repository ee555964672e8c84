//! Runtime settings read from the served `index.html`, so a deployment can change them
//! without recompiling: the sub-path the site lives under (Trunk's `<base href>`). Natively,
//! the prerender names them instead: where the pages it writes will be served.

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
    site::get().1
}

/// Where the prerendered pages will be served: the site's public origin
/// (`https://tidende.example`, or `""` when the build was not told) and its sub-path.
#[cfg(not(target_arch = "wasm32"))]
pub mod site {
    use std::cell::RefCell;

    thread_local! {
        static SITE: RefCell<(String, String)> = RefCell::new((String::new(), "/".to_string()));
    }

    pub fn set(origin: &str, base_path: &str) {
        SITE.set((
            origin.trim_end_matches('/').to_string(),
            base_path.to_string(),
        ));
    }

    pub fn get() -> (String, String) {
        SITE.with_borrow(Clone::clone)
    }
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
    let (origin, base) = site::get();
    absolute_url(&origin, &base, path)
}

/// An absolute URL for `url`, which may be relative to the page's `<base href>` (media of
/// the sample backend: `api/media/x.svg`), for link previews and structured data.
#[cfg(target_arch = "wasm32")]
pub fn absolute(url: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| url.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn absolute(url: &str) -> String {
    let (origin, base) = site::get();
    resolve_against(&origin, &base, url)
}

/// `url` as seen from a page whose `<base href>` is `origin` + `base_path`: absolute URLs
/// stay, site paths get the origin, relative ones the origin and the sub-path.
pub fn resolve_against(origin: &str, base_path: &str, url: &str) -> String {
    let has_scheme = url
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.is_empty() && !scheme.contains('/'));
    if has_scheme || url.starts_with("//") {
        url.to_string()
    } else if url.starts_with('/') {
        format!("{}{url}", origin.trim_end_matches('/'))
    } else {
        format!(
            "{}{}/{url}",
            origin.trim_end_matches('/'),
            router_base(base_path)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{absolute_url, resolve_against, router_base};

    #[test]
    fn media_paths_resolve_like_the_browser_resolves_them() {
        let o = "https://tidende.example";
        assert_eq!(
            resolve_against(o, "/", "api/media/x.svg"),
            "https://tidende.example/api/media/x.svg"
        );
        assert_eq!(
            resolve_against(o, "/nyheder/", "api/media/x.svg"),
            "https://tidende.example/nyheder/api/media/x.svg"
        );
        assert_eq!(
            resolve_against(o, "/nyheder/", "/x.svg"),
            "https://tidende.example/x.svg"
        );
        assert_eq!(
            resolve_against(o, "/", "https://cdn.example/x.svg"),
            "https://cdn.example/x.svg"
        );
        // Without an origin: site-relative, which is what a build without SITE_URL gets.
        assert_eq!(
            resolve_against("", "/nyheder/", "api/x.svg"),
            "/nyheder/api/x.svg"
        );
    }

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
