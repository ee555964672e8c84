//! Client-side navigation: which page a path shows, and following links without reloading.
//!
//! Written by hand rather than with leptos_router: the site has four flat routes, one
//! parameter and numbered list pages, and the router's nested matching, route views, forms and query maps cost
//! about 10 KB of a 150 KB brotli budget (docs/perf.md, "Size"). What it did here is a
//! match on the path, a click listener and a popstate listener.
//!
//! The current path lives as long as the app; pages watch it through triggers of their own
//! (`Watched`), which go with them.

#[cfg(target_arch = "wasm32")]
use leptos::ev;
use leptos::prelude::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

use crate::model::Slug;
use crate::routes::{self, Listing};
use crate::watched::Watched;

/// A page of the site, from a route path (the URL path without the deployment's sub-path).
/// The lists (front page, people news, jobs) have further pages: `/navnenyt/side/2`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Front {
        page: u32,
    },
    /// `/artikel/{slug}`, with the segment as written: the page says 404 if it is no slug.
    Article(String),
    PeopleNews {
        page: u32,
    },
    Jobs {
        page: u32,
    },
    /// `/soeg?q=…`: the search (src/search.js reads the query from the address).
    Search,
    /// `/emne/{slug}` and `/sektion/{slug}`: the articles of a tag or of a section.
    Listed {
        listing: Listing,
        slug: Slug,
        page: u32,
    },
    NotFound,
}

/// The kind of page, without its parameter: a change of article (or of a list's page)
/// keeps the page (and its sidebar) and only swaps what it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Front,
    Article,
    PeopleNews,
    Jobs,
    Search,
    Listed(Listing),
    NotFound,
}

impl Route {
    pub fn of(path: &str) -> Self {
        // "/job/" is "/job"; the front page keeps its slash.
        let path = match path.strip_suffix('/') {
            Some(p) if !p.is_empty() => p,
            _ => path,
        };
        if let Some(segment) = path.strip_prefix("/artikel/") {
            return if !segment.is_empty() && !segment.contains('/') {
                Self::Article(segment.to_string())
            } else {
                Self::NotFound
            };
        }
        let (list, page) = match path.rsplit_once("/side/") {
            Some((list, n)) => match list_page_number(n) {
                Some(page) => (list, page),
                None => return Self::NotFound,
            },
            None => (path, 1),
        };
        match list {
            "" | "/" => Self::Front { page },
            routes::PEOPLE_NEWS => Self::PeopleNews { page },
            routes::JOBS => Self::Jobs { page },
            routes::SEARCH if page == 1 => Self::Search,
            _ => Listing::ALL
                .into_iter()
                .find_map(|listing| {
                    let segment = list.strip_prefix(listing.prefix())?.strip_prefix('/')?;
                    let slug = Slug::parse(segment).ok()?;
                    Some(Self::Listed {
                        listing,
                        slug,
                        page,
                    })
                })
                .unwrap_or(Self::NotFound),
        }
    }

    pub fn kind(&self) -> PageKind {
        match self {
            Self::Front { .. } => PageKind::Front,
            Self::Article(_) => PageKind::Article,
            Self::PeopleNews { .. } => PageKind::PeopleNews,
            Self::Jobs { .. } => PageKind::Jobs,
            Self::Search => PageKind::Search,
            Self::Listed { listing, .. } => PageKind::Listed(*listing),
            Self::NotFound => PageKind::NotFound,
        }
    }

    /// The article's slug, if this is an article page and the segment is a valid slug.
    pub fn slug(&self) -> Option<Slug> {
        match self {
            Self::Article(segment) => Slug::parse(segment).ok(),
            _ => None,
        }
    }

    /// The page number of a list's page; 1 for every other page.
    pub fn page(&self) -> u32 {
        match self {
            Self::Front { page }
            | Self::PeopleNews { page }
            | Self::Jobs { page }
            | Self::Listed { page, .. } => *page,
            _ => 1,
        }
    }

    /// The path of page 1 of the list this is a page of ("/emne/nokia"); `None` off lists.
    pub fn list_root(&self) -> Option<String> {
        match self {
            Self::Front { .. } => Some(routes::FRONT.to_string()),
            Self::PeopleNews { .. } => Some(routes::PEOPLE_NEWS.to_string()),
            Self::Jobs { .. } => Some(routes::JOBS.to_string()),
            Self::Listed { listing, slug, .. } => Some(listing.path(slug)),
            Self::Article(_) | Self::Search | Self::NotFound => None,
        }
    }

    /// The route's path, as the site links to it (`None` for "not found", which has none).
    pub fn path(&self) -> Option<String> {
        match self {
            Self::Front { page } => Some(routes::list_page(routes::FRONT, *page)),
            Self::Article(segment) => Some(format!("/artikel/{segment}")),
            Self::PeopleNews { page } => Some(routes::list_page(routes::PEOPLE_NEWS, *page)),
            Self::Jobs { page } => Some(routes::list_page(routes::JOBS, *page)),
            Self::Listed { page, .. } => Some(routes::list_page(&self.list_root()?, *page)),
            Self::Search => Some(routes::SEARCH.to_string()),
            Self::NotFound => None,
        }
    }
}

/// `2`, `3`, …: page 1 is the list's own path, and a number is written one way only, so
/// every page has one address.
fn list_page_number(segment: &str) -> Option<u32> {
    let digits = !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit());
    if !digits || segment.starts_with('0') {
        return None;
    }
    segment.parse().ok().filter(|n| *n >= 2)
}

/// The route path of a URL path under `base` (`""` or `"/nyheder"`); `None` when the URL
/// is outside the site, and a link to it is not ours to follow.
pub fn route_path(base: &str, url_path: &str) -> Option<String> {
    if base.is_empty() {
        return Some(url_path.to_string());
    }
    let rest = url_path.strip_prefix(base)?;
    if rest.is_empty() {
        Some("/".to_string())
    } else if rest.starts_with('/') {
        Some(rest.to_string())
    } else {
        None
    }
}

/// Where the reader is: the route path, for the app's life. Read it through `watch`, once
/// per component: what a page subscribes to is then the page's own (see `Watched`).
#[derive(Clone, Copy)]
pub struct Location {
    path: Watched<String>,
}

impl Location {
    fn new(path: String) -> Self {
        Self {
            path: Watched::new(path),
        }
    }

    /// The route path as a signal for the current owner (a page, the header).
    pub fn watch(&self) -> Signal<String> {
        self.path.watch()
    }

    pub fn path_untracked(&self) -> String {
        self.path.get().unwrap_or_default()
    }

    /// The address bar follows what the page shows (a list that grew by "Vis flere" is now
    /// at its last page), without a navigation: nothing re-renders, focus and scroll stay.
    pub fn replace(&self, path: &str) {
        let base = use_context::<routes::SiteBase>().unwrap_or_default().0;
        replace_url(&routes::join(&base, path));
        self.path.update_quietly(|p| *p = path.to_string());
    }
}

/// The location the app provides; outside the app (a component test), one read from where
/// the page is that does not follow navigation.
pub fn use_location() -> Location {
    use_context::<Location>()
        .unwrap_or_else(|| Location::new(initial_path("").unwrap_or_else(|| "/".to_string())))
}

/// Starts following the reader's location under `base`, and provides it as context.
/// The listeners are removed when the current owner goes (a test mounting the app twice).
pub fn start(base: String) -> Location {
    let location = Location::new(initial_path(&base).unwrap_or_else(|| "/".to_string()));
    provide_context(location);
    listen(base, location);
    location
}

/// Where the current path comes from: the browser's location, or natively the route the
/// prerender is rendering. With `handover`, the one place the two sides differ.
#[cfg(target_arch = "wasm32")]
fn initial_path(base: &str) -> Option<String> {
    browser_path(base)
}

#[cfg(not(target_arch = "wasm32"))]
fn initial_path(_base: &str) -> Option<String> {
    crate::handover::route()
}

#[cfg(not(target_arch = "wasm32"))]
fn listen(_base: String, _location: Location) {}

#[cfg(not(target_arch = "wasm32"))]
fn replace_url(_url: &str) {}

#[cfg(target_arch = "wasm32")]
fn replace_url(url: &str) {
    // The scroll position then belongs to the new address (scroll.rs).
    crate::scroll::follow(|| {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn listen(base: String, location: Location) {
    let on_pop = {
        let base = base.clone();
        window_event_listener(ev::popstate, move |_| {
            if let Some(path) = browser_path(&base) {
                location.path.set(path);
            }
        })
    };
    let on_click = window_event_listener(ev::click, move |event| follow(&base, location, &event));
    on_cleanup(move || {
        on_pop.remove();
        on_click.remove();
    });
}

/// The route path of the browser's current URL.
#[cfg(target_arch = "wasm32")]
pub fn current_path(base: &str) -> Option<String> {
    browser_path(base)
}

#[cfg(target_arch = "wasm32")]
fn browser_path(base: &str) -> Option<String> {
    let pathname = web_sys::window()?.location().pathname().ok()?;
    route_path(base, &pathname)
}

/// A click on a link to a page of the site: the page changes without a reload, and the new
/// page starts at the top. Everything else is left to the browser: other sites, new tabs
/// and windows (modifier keys, `target`), downloads, and anchors within the page.
#[cfg(target_arch = "wasm32")]
fn follow(base: &str, location: Location, event: &web_sys::MouseEvent) {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return;
    }
    let Some(anchor) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
    else {
        return;
    };
    let opens_elsewhere = anchor
        .get_attribute("target")
        .is_some_and(|t| !t.is_empty() && t != "_self");
    let external = anchor
        .get_attribute("rel")
        .is_some_and(|r| r.split_ascii_whitespace().any(|r| r == "external"));
    if opens_elsewhere || external || anchor.has_attribute("download") {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let here = window.location();
    // The anchor's `href` property is the resolved URL (the attribute may be relative).
    let Some(href) = js_sys::Reflect::get(&anchor, &"href".into())
        .ok()
        .and_then(|h| h.as_string())
    else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    if Some(url.origin()) != here.origin().ok() {
        return;
    }
    let Some(path) = route_path(base, &url.pathname()) else {
        return;
    };
    let same_page =
        Some(url.pathname()) == here.pathname().ok() && Some(url.search()) == here.search().ok();
    if same_page && !url.hash().is_empty() {
        return;
    }
    event.prevent_default();
    if !same_page {
        let target = format!("{}{}{}", url.pathname(), url.search(), url.hash());
        crate::scroll::follow(|| {
            if let Ok(history) = window.history() {
                let _ =
                    history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target));
            }
        });
        location.path.set(path);
    }
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_their_pages() {
        assert_eq!(Route::of("/"), Route::Front { page: 1 });
        assert_eq!(Route::of(""), Route::Front { page: 1 });
        assert_eq!(Route::of("/navnenyt"), Route::PeopleNews { page: 1 });
        assert_eq!(Route::of("/navnenyt/"), Route::PeopleNews { page: 1 });
        assert_eq!(Route::of("/job"), Route::Jobs { page: 1 });
        assert_eq!(
            Route::of("/artikel/nokia-er-tilbage"),
            Route::Article("nokia-er-tilbage".into())
        );
        for unknown in [
            "/artikel",
            "/artikel/",
            "/artikel/a/b",
            "/jobs",
            "/job/1",
            "/x",
        ] {
            assert_eq!(Route::of(unknown), Route::NotFound, "{unknown}");
        }
    }

    #[test]
    fn topics_and_sections_are_lists_named_by_a_slug() {
        let nokia = Slug::parse("nokia").unwrap();
        assert_eq!(
            Route::of("/emne/nokia/side/2"),
            Route::Listed {
                listing: Listing::Topic,
                slug: nokia.clone(),
                page: 2
            }
        );
        assert_eq!(
            Route::of("/sektion/nokia/").kind(),
            PageKind::Listed(Listing::Section)
        );
        assert_eq!(
            Route::of("/sektion/nokia/side/3").list_root().as_deref(),
            Some("/sektion/nokia")
        );
        for unknown in [
            "/emne",
            "/emne/",
            "/emne/Nokia",
            "/emne/nokia/x",
            "/emne/nokia/side/1",
            "/sektionx/nokia",
            "/emnenokia",
        ] {
            assert_eq!(Route::of(unknown), Route::NotFound, "{unknown}");
        }
    }

    #[test]
    fn lists_have_numbered_pages_with_one_address_each() {
        assert_eq!(Route::of("/side/2"), Route::Front { page: 2 });
        assert_eq!(Route::of("/navnenyt/side/3"), Route::PeopleNews { page: 3 });
        assert_eq!(Route::of("/job/side/12/"), Route::Jobs { page: 12 });
        for unknown in [
            "/navnenyt/side/1",
            "/navnenyt/side/0",
            "/navnenyt/side/02",
            "/navnenyt/side/",
            "/navnenyt/side/-2",
            "/navnenyt/side/2x",
            "/navnenyt/side/99999999999",
            "/artikel/x/side/2",
            "/x/side/2",
            "/side/2/side/3",
        ] {
            assert_eq!(Route::of(unknown), Route::NotFound, "{unknown}");
        }
        for path in [
            "/",
            "/side/2",
            "/navnenyt",
            "/navnenyt/side/7",
            "/job/side/2",
            "/artikel/a-b",
            "/emne/nokia",
            "/emne/kunstig-intelligens/side/2",
            "/sektion/offentlig-it",
            "/soeg",
        ] {
            assert_eq!(Route::of(path).path().as_deref(), Some(path), "{path}");
        }
        assert_eq!(Route::NotFound.path(), None);
        assert_eq!(Route::of("/job/side/4").page(), 4);
        assert_eq!(Route::of("/artikel/a").page(), 1);
    }

    #[test]
    fn an_article_path_has_a_slug_only_if_it_is_one() {
        assert!(Route::of("/artikel/nokia-er-tilbage").slug().is_some());
        assert!(Route::of("/artikel/Nokia%20er").slug().is_none());
        assert_eq!(Route::of("/artikel/Nokia%20er").kind(), PageKind::Article);
        assert_eq!(Route::of("/navnenyt/side/2").kind(), PageKind::PeopleNews);
        assert!(Route::of("/job").slug().is_none());
    }

    #[test]
    fn route_paths_drop_the_sub_path_and_refuse_what_is_outside() {
        assert_eq!(route_path("", "/job").as_deref(), Some("/job"));
        assert_eq!(
            route_path("/nyheder", "/nyheder/job").as_deref(),
            Some("/job")
        );
        assert_eq!(route_path("/nyheder", "/nyheder/").as_deref(), Some("/"));
        assert_eq!(route_path("/nyheder", "/nyheder").as_deref(), Some("/"));
        assert_eq!(route_path("/nyheder", "/nyhederne/job"), None);
        assert_eq!(route_path("/nyheder", "/job"), None);
    }
}
