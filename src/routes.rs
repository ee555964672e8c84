//! The app's URLs, in one place: readers see them, share them and reload them.

use crate::model::Slug;

pub const FRONT: &str = "/";
pub const PEOPLE_NEWS: &str = "/navnenyt";
pub const JOBS: &str = "/job";

/// An article's stable, readable address: `/artikel/{slug}`.
pub fn article(slug: &Slug) -> String {
    format!("/artikel/{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_paths() {
        let slug = Slug::parse("nokia-saelger-milliard-satsning-withings").unwrap();
        assert_eq!(
            article(&slug),
            "/artikel/nokia-saelger-milliard-satsning-withings"
        );
    }
}
