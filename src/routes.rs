//! The app's URLs, in one place: readers see them, share them and reload them.

use leptos::prelude::use_context;

use crate::model::Slug;

/// The sub-path the site is deployed under (`""` at the root, `"/nyheder"`), provided by
/// the app. The router strips it from incoming URLs, but links must carry it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteBase(pub String);

/// A route path as an `href`: under the deployment's sub-path, if any.
///
/// Links are plain `<a href>`: `router.rs` follows a click on any anchor to a page of the
/// site; the header's `NavLink` adds `aria-current`.
pub fn href(path: &str) -> String {
    join(&use_context::<SiteBase>().unwrap_or_default().0, path)
}

/// `base` + `path`, with exactly one slash between; `base` is `""` or `/x` (no trailing /).
pub fn join(base: &str, path: &str) -> String {
    let base = base.trim_end_matches('/');
    if path.starts_with('/') {
        format!("{base}{path}")
    } else {
        format!("{base}/{path}")
    }
}

pub const FRONT: &str = "/";
pub const PEOPLE_NEWS: &str = "/navnenyt";
pub const JOBS: &str = "/job";
pub const SEARCH: &str = "/soeg";

/// Page `page` of a list at `list` ("/navnenyt"): the list itself for page 1, else
/// `/navnenyt/side/2` (the front page's: `/side/2`).
pub fn list_page(list: &str, page: u32) -> String {
    match (page, list) {
        (0 | 1, _) => list.to_string(),
        (_, "/") => format!("/side/{page}"),
        _ => format!("{list}/side/{page}"),
    }
}

/// The lists of articles that share a label: a tag's topic page, a section's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Listing {
    /// `/emne/{slug}`, from `topics/{slug}/{n}.json`.
    Topic,
    /// `/sektion/{slug}`, from `sections/{slug}/{n}.json`.
    Section,
}

impl Listing {
    pub const ALL: [Listing; 2] = [Listing::Topic, Listing::Section];

    /// Where its pages are on the site: "/emne".
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Topic => "/emne",
            Self::Section => "/sektion",
        }
    }

    /// Where its documents are under the API base (docs/api.md): "topics".
    pub fn documents(self) -> &'static str {
        match self {
            Self::Topic => "topics",
            Self::Section => "sections",
        }
    }

    /// The page of one label: `/emne/nokia`.
    pub fn path(self, slug: &Slug) -> String {
        format!("{}/{slug}", self.prefix())
    }

    /// Its page 1 under the API base: `topics/nokia/1.json`.
    pub fn first_document(self, slug: &Slug) -> String {
        format!("{}/{slug}/1.json", self.documents())
    }
}

/// An article's stable, readable address: `/artikel/{slug}`.
pub fn article(slug: &Slug) -> String {
    format!("/artikel/{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_carry_the_sub_path() {
        assert_eq!(join("", "/job"), "/job");
        assert_eq!(join("/nyheder", "/job"), "/nyheder/job");
        assert_eq!(join("/nyheder/", "/"), "/nyheder/");
        assert_eq!(join("/nyheder", "artikel/x"), "/nyheder/artikel/x");
    }

    #[test]
    fn list_pages() {
        assert_eq!(list_page(FRONT, 1), "/");
        assert_eq!(list_page(FRONT, 2), "/side/2");
        assert_eq!(list_page(PEOPLE_NEWS, 1), "/navnenyt");
        assert_eq!(list_page(JOBS, 3), "/job/side/3");
    }

    #[test]
    fn topic_and_section_paths() {
        let slug = Slug::parse("offentlig-it").unwrap();
        assert_eq!(Listing::Section.path(&slug), "/sektion/offentlig-it");
        assert_eq!(Listing::Topic.path(&slug), "/emne/offentlig-it");
        assert_eq!(
            list_page(&Listing::Topic.path(&slug), 2),
            "/emne/offentlig-it/side/2"
        );
        assert_eq!(
            Listing::Section.first_document(&slug),
            "sections/offentlig-it/1.json"
        );
    }

    #[test]
    fn article_paths() {
        let slug = Slug::parse("nokia-saelger-milliard-satsning-withings").unwrap();
        assert_eq!(
            article(&slug),
            "/artikel/nokia-saelger-milliard-satsning-withings"
        );
    }
}
