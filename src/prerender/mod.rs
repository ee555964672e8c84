//! The prerender step (`make build` runs it after Trunk, `tools/prerender.sh` on its own):
//! every page the backend's lists lead to, rendered natively by the app's own components
//! into static HTML beside Trunk's output, each with the documents it was made from, so the
//! app in the browser hydrates it (docs/architecture/0001-prerender.md).
//!
//! A page whose documents fail is left to the client: its file is the shell, which renders
//! it in the browser as before, and the report names the page and the reason.

pub mod feeds;
pub mod findable;
pub mod plan;
pub mod render;
pub mod sitemaps;
pub mod source;
pub mod template;
pub mod xml;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::model::Label;
use crate::router::Route;
use crate::routes::Listing;
use plan::{Backend, Plan, Stop};
use source::Source;
use template::Template;

/// The shell as Trunk wrote it (tools/postbuild.cjs keeps it under this name): the page
/// for every route that is not prerendered.
pub const SHELL: &str = "shell.html";
/// The site's feed, named in every page's head (`feed.xml` is relative to `<base href>`).
const FEED_LINK: &str =
    r#"<link rel="alternate" type="application/rss+xml" title="Tidende" href="feed.xml">"#;
/// The route the 404 page is rendered for: any path no route matches.
const NOT_FOUND_ROUTE: &str = "/404";

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The build folder: Trunk's output, with `shell.html`.
    pub dist: PathBuf,
    /// The backend's base URL; else the one the shell's `tidende:api` meta names.
    pub api: Option<String>,
    /// The site's public origin, for canonical links and link previews.
    pub site_url: Option<String>,
    /// Render these routes (and the article index's pages) only.
    pub only: Vec<String>,
}

#[derive(Debug)]
pub struct Report {
    pub written: usize,
    /// Pages left to the client: route, reason.
    pub failed: Vec<(String, String)>,
    /// Lists whose walk stopped early.
    pub stops: Vec<Stop>,
    pub elapsed: Duration,
    pub requests: usize,
    pub bytes: u64,
    pub source: String,
    pub warnings: Vec<String>,
    /// Pages of an earlier run whose route the backend no longer lists.
    pub removed: Vec<PathBuf>,
    /// The feed and sitemaps written, or why they were not.
    pub findable: Result<findable::Written, String>,
}

impl Default for Report {
    fn default() -> Self {
        Self {
            written: 0,
            failed: Vec::new(),
            stops: Vec::new(),
            elapsed: Duration::ZERO,
            requests: 0,
            bytes: 0,
            source: String::new(),
            warnings: Vec::new(),
            removed: Vec::new(),
            findable: Ok(findable::Written::default()),
        }
    }
}

impl Report {
    /// What the build prints.
    pub fn lines(&self) -> Vec<String> {
        let secs = self.elapsed.as_secs_f64();
        let per_page = if self.written > 0 {
            secs * 1000.0 / self.written as f64
        } else {
            0.0
        };
        let mut lines = vec![format!(
            "prerender: {} pages written in {secs:.2} s ({per_page:.1} ms a page, {:.1} MB of HTML), {} documents read from {}",
            self.written,
            self.bytes as f64 / 1e6,
            self.requests,
            self.source,
        )];
        lines.extend(
            self.warnings
                .iter()
                .map(|w| format!("prerender: warning: {w}")),
        );
        match &self.findable {
            Ok(w) if !w.files.is_empty() => lines.push(format!(
                "prerender: feed.xml ({} articles) and {} section feeds, sitemap.xml ({} pages), sitemap-news.xml ({} of the last two days), robots.txt",
                w.feed_items, w.section_feeds, w.sitemap_urls, w.news_urls
            )),
            Ok(_) => {}
            Err(why) => lines.push(format!("prerender: error: {why}")),
        }
        if !self.removed.is_empty() {
            lines.push(format!(
                "prerender: {} page(s) of an earlier run removed, their routes no longer listed (the shell serves them now)",
                self.removed.len()
            ));
        }
        for stop in &self.stops {
            lines.push(format!(
                "prerender: the list \"{}\" stops at page {}: {}",
                stop.list, stop.page, stop.reason
            ));
        }
        if !self.failed.is_empty() {
            lines.push(format!(
                "prerender: {} page(s) left to the client (their file is the shell):",
                self.failed.len()
            ));
            for (route, reason) in &self.failed {
                lines.push(format!("prerender:   {route}: {reason}"));
            }
        }
        lines
    }
}

/// Renders the site into `options.dist`. An `Err` is a build that cannot go on (no shell,
/// a folder it cannot write); a page that fails is in the report.
pub fn run(options: &Options) -> Result<Report, String> {
    let started = Instant::now();
    let dist = &options.dist;
    let shell_path = dist.join(SHELL);
    let shell = std::fs::read_to_string(&shell_path).map_err(|e| {
        format!(
            "{}: {e} (run trunk build and tools/postbuild.cjs shell first)",
            shell_path.display()
        )
    })?;
    let mut template = Template::parse(&shell, options.api.as_deref())
        .map_err(|e| format!("{}: {e}", shell_path.display()))?;
    let base_path = base_href(&shell).ok_or("the shell has no <base href>")?;
    let api = match &options.api {
        Some(api) => api.clone(),
        None => api_meta(&shell).ok_or("the shell has no tidende:api meta")?,
    };
    let mut report = Report::default();
    let origin = match &options.site_url {
        Some(url) => site_origin(url)?,
        None => {
            report.warnings.push(
                "SITE_URL is not set: canonical links, og:url and og:image are site-relative; \
                 link previews need absolute ones (make build SITE_URL=https://…)"
                    .into(),
            );
            String::new()
        }
    };
    crate::config::site::set(&origin, &base_path);
    // Every page names the site's feed, where there is one (it needs SITE_URL).
    if !origin.is_empty() {
        template.add_to_head(FEED_LINK);
    }
    let source = backend_source(dist, &api, &origin)?;
    report.source = source.describe();
    let mut backend = Backend::new(source);

    let plan = if options.only.is_empty() {
        Plan::whole_site(&mut backend)
    } else {
        Plan::only(&mut backend, &options.only)
    };
    crate::pages::search::topics::set(search_topics(&mut backend, &plan.listed));
    let mut routes = plan.routes.clone();
    if options.only.is_empty() {
        routes.push(NOT_FOUND_ROUTE.to_string());
    }
    for route in &routes {
        // A panic is a bug, not bad input (which is a failure in the report); still, it must
        // cost one page, not the build. The panic hook has printed it.
        let feed = section_feed_link(route, &origin, &plan.listed);
        let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            render::page(&mut backend, &template, &api, route, &feed)
        }));
        let (html, failure) = match rendered {
            Ok(Ok(html)) if route == crate::routes::SEARCH => {
                (crate::pages::search::topics::into_page(&html), None)
            }
            Ok(Ok(html)) => (html, None),
            Ok(Err(failure)) => (template.shell().to_string(), Some(failure.to_string())),
            Err(_) => (
                template.shell().to_string(),
                Some("the renderer panicked".to_string()),
            ),
        };
        let file = dist.join(file_for(route));
        write(&file, &html)?;
        report.bytes += html.len() as u64;
        match failure {
            None => report.written += 1,
            Some(failure) => report.failed.push((route.clone(), failure)),
        }
    }
    if options.only.is_empty() {
        report.removed = remove_stale(dist, &routes)?;
    }
    if origin.is_empty() {
        report.findable = Err(
            "feed.xml, sitemap.xml, sitemap-news.xml and robots.txt's Sitemap lines are not written: \
             they need absolute addresses, so the site's public origin (make build SITE_URL=https://…)"
                .into(),
        );
    } else {
        let site = format!("{origin}{}/", crate::config::router_base(&base_path));
        report.findable = Ok(findable::write(
            dist,
            &mut backend,
            &plan,
            &site,
            &api,
            crate::format::now(),
        )?);
    }
    report.stops = plan.stops;
    report.requests = backend.requests;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// How many topics the search page offers readers without script, beside every section.
const SEARCH_TOPICS: usize = 40;

/// What the search page links to for readers without script: the sections, then the
/// topics with most articles (each with its articles, as its page 1 says).
fn search_topics(backend: &mut Backend, listed: &[(Listing, Label)]) -> Vec<(Listing, Label)> {
    let mut counted: Vec<(u64, Listing, Label)> = listed
        .iter()
        .map(|(listing, label)| {
            let total = backend
                .fetch(&listing.first_document(&label.slug))
                .ok()
                .and_then(|v| {
                    crate::model::decode_value::<crate::model::Page<crate::model::Teaser>>(&v).ok()
                })
                .map_or(0, |d| d.value.total_items);
            (total, *listing, label.clone())
        })
        .filter(|(total, _, _)| *total > 0)
        .collect();
    counted.sort_by(|a, b| {
        let key = |x: &(u64, Listing, Label)| (x.1 != Listing::Section, std::cmp::Reverse(x.0));
        key(a).cmp(&key(b)).then_with(|| a.2.name.cmp(&b.2.name))
    });
    let sections = counted.iter().filter(|x| x.1 == Listing::Section).count();
    counted
        .into_iter()
        .take(sections + SEARCH_TOPICS)
        .map(|(_, listing, label)| (listing, label))
        .collect()
}

/// A section page names its own feed too (findable.rs writes it), marked as the page's
/// own tags are, so the app takes it out with them when it takes the page over (its head
/// has no feed links of its own: they cost wasm, and feed readers and crawlers read the
/// page as served, where the link is).
fn section_feed_link(route: &str, origin: &str, listed: &[(Listing, Label)]) -> String {
    let Route::Listed { listing, slug, .. } = Route::of(route) else {
        return String::new();
    };
    let label = listed.iter().find(|(l, x)| *l == listing && x.slug == slug);
    match label {
        Some((Listing::Section, label)) if !origin.is_empty() => format!(
            r#"<link {} rel="alternate" type="application/rss+xml" title="{}" href="{}">"#,
            crate::pages::meta::MARK,
            xml::escape(&format!("Tidende – {}", label.name)),
            findable::section_feed(&slug)
        ),
        _ => String::new(),
    }
}

/// The file a route's page is written to: `/navnenyt` → `navnenyt.html`, served at
/// `/navnenyt` by hosts that add `.html` (Netlify, Cloudflare Pages; the nginx preview and
/// docs/deploy.md for the others).
pub fn file_for(route: &str) -> PathBuf {
    match route {
        "/" => PathBuf::from("index.html"),
        NOT_FOUND_ROUTE => PathBuf::from("404.html"),
        _ => PathBuf::from(format!("{}.html", route.trim_start_matches('/'))),
    }
}

/// After a whole-site run, a page an earlier run wrote whose route the backend no longer
/// lists (an article taken down, a list that got shorter, another backend) is removed with
/// its precompressed copies: its route then gets the shell, which asks the backend.
fn remove_stale(dist: &Path, routes: &[String]) -> Result<Vec<PathBuf>, String> {
    let current: std::collections::HashSet<PathBuf> = routes.iter().map(|r| file_for(r)).collect();
    let mut removed = Vec::new();
    for name in prerendered_pages(dist)? {
        if current.contains(&name) {
            continue;
        }
        let file = dist.join(&name);
        for suffix in ["", ".br", ".gz"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
        removed.push(name);
    }
    Ok(removed)
}

/// Every page in `dist` a prerender wrote (it carries the data block; the shell does not),
/// relative to `dist`, sorted. The backend's own files under `api/` are not pages.
pub(crate) fn prerendered_pages(dist: &Path) -> Result<Vec<PathBuf>, String> {
    let marker = format!("id=\"{}\"", crate::handover::DATA_ID);
    let mut pages = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let dir = dist.join(&rel);
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let name = rel.join(entry.file_name());
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                if name != Path::new("api") {
                    stack.push(name);
                }
                continue;
            }
            let html = name.extension().is_some_and(|e| e == "html");
            if html && std::fs::read_to_string(dist.join(&name)).is_ok_and(|h| h.contains(&marker))
            {
                pages.push(name);
            }
        }
    }
    pages.sort();
    Ok(pages)
}

fn write(file: &Path, html: &str) -> Result<(), String> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(file, html).map_err(|e| format!("{}: {e}", file.display()))
}

/// Where the documents come from: a backend at a URL over HTTP, or, for a base relative to
/// the site (the sample backend, `api/`), the files in the build itself.
fn backend_source(dist: &Path, api: &str, origin: &str) -> Result<Source, String> {
    if api.starts_with("https://") || api.starts_with("http://") {
        return Ok(Source::http(api));
    }
    if api.starts_with('/') {
        return if origin.is_empty() {
            Err(format!(
                "the backend is the site path {api}: give SITE_URL (or API=https://…) so the prerender can reach it"
            ))
        } else {
            Ok(Source::http(&format!("{origin}{api}")))
        };
    }
    if api.contains(':') || api.split('/').any(|s| s == "..") {
        return Err(format!("{api}: not a backend the prerender can read"));
    }
    Ok(Source::dir(dist.join(api)))
}

/// `https://tidende.example` from `https://tidende.example/`; anything else is refused.
fn site_origin(url: &str) -> Result<String, String> {
    let trimmed = url.trim().trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', ' ', '"', '<']) => {
            Ok(trimmed.to_string())
        }
        _ => Err(format!(
            "SITE_URL={url}: give the site's origin, e.g. https://tidende.example (the sub-path comes from the build)"
        )),
    }
}

/// The value of `attr=` in the first tag that starts with `tag_start` and contains `marker`.
fn attribute(html: &str, tag_start: &str, marker: &str, attr: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = html[from..].find(tag_start) {
        let start = from + i;
        let end = start + html[start..].find('>')?;
        let tag = &html[start..end];
        from = end;
        if !tag.contains(marker) {
            continue;
        }
        let value = &tag[tag.find(&format!("{attr}="))? + attr.len() + 1..];
        return Some(match value.strip_prefix('"') {
            Some(quoted) => quoted.split('"').next()?.to_string(),
            None => value.split(char::is_whitespace).next()?.to_string(),
        });
    }
    None
}

fn base_href(shell: &str) -> Option<String> {
    attribute(shell, "<base", "href", "href")
}

fn api_meta(shell: &str) -> Option<String> {
    attribute(shell, "<meta", "tidende:api", "content")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_files_the_hosts_serve_at_the_route() {
        assert_eq!(file_for("/"), PathBuf::from("index.html"));
        assert_eq!(file_for("/side/2"), PathBuf::from("side/2.html"));
        assert_eq!(file_for("/artikel/a-b"), PathBuf::from("artikel/a-b.html"));
        assert_eq!(
            file_for("/navnenyt/side/3"),
            PathBuf::from("navnenyt/side/3.html")
        );
        assert_eq!(file_for(NOT_FOUND_ROUTE), PathBuf::from("404.html"));
    }

    #[test]
    fn the_shell_names_its_sub_path_and_backend() {
        let shell = r#"<base href=/nyheder/><meta content=api/ name=tidende:api>"#;
        assert_eq!(base_href(shell).as_deref(), Some("/nyheder/"));
        assert_eq!(api_meta(shell).as_deref(), Some("api/"));
        let quoted =
            r#"<base href="/"><meta name="tidende:api" content="https://cms.example.dk/v1/">"#;
        assert_eq!(base_href(quoted).as_deref(), Some("/"));
        assert_eq!(
            api_meta(quoted).as_deref(),
            Some("https://cms.example.dk/v1/")
        );
    }

    #[test]
    fn the_site_url_is_an_origin() {
        assert_eq!(
            site_origin("https://tidende.example/").unwrap(),
            "https://tidende.example"
        );
        assert_eq!(
            site_origin("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        for bad in [
            "tidende.example",
            "https://tidende.example/nyheder",
            "ftp://x",
            "https://",
        ] {
            assert!(site_origin(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn backends_are_read_where_they_are() {
        let dist = Path::new("dist");
        assert!(
            matches!(backend_source(dist, "api/", ""), Ok(Source::Dir(d)) if d == Path::new("dist/api/"))
        );
        assert!(matches!(
            backend_source(dist, "https://cms.example.dk/v1/", ""),
            Ok(Source::Http { .. })
        ));
        assert!(backend_source(dist, "/cms/", "").is_err());
        assert!(matches!(
            backend_source(dist, "/cms/", "https://tidende.example"),
            Ok(Source::Http { .. })
        ));
        assert!(backend_source(dist, "../x/", "").is_err());
        assert!(backend_source(dist, "javascript:x", "").is_err());
    }
}
