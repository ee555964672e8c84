//! Articles in lists: the front page's index and the "Læs også" sidebar.

use serde::Deserialize;

use super::dates::Timestamp;
use super::decode::{DecodeError, Document};
use super::image::Image;
use super::lenient::{self, Lenient};
use super::page::Page;
use super::text::{Slug, Text};

/// An article as a list shows it: headline, kicker, time, thumbnail.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Teaser {
    pub slug: Slug,
    pub headline: Text,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub section: Option<String>,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub lead: Option<String>,
    pub published: Timestamp,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub image: Option<Image>,
}

/// `articles/index/{n}.json`: all articles, newest first, one page at a time.
pub type ArticleIndex = Page<Teaser>;

/// `related/{slug}.json`: the "Læs også" list beside an article.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RelatedReads {
    pub slug: Slug,
    pub items: Vec<Lenient<Teaser>>,
}

/// The sidebar shows a handful; more would push the other regions out of sight.
pub const MAX_RELATED: usize = 8;

impl RelatedReads {
    pub fn teasers(&self) -> impl Iterator<Item = &Teaser> {
        lenient::valid(&self.items)
            .filter(|t| t.slug != self.slug)
            .take(MAX_RELATED)
    }
}

impl Document for RelatedReads {
    fn check(&mut self) -> Result<Vec<String>, DecodeError> {
        let notes = lenient::skipped(&self.items, "items");
        lenient::require_some_valid(&self.items, &notes)?;
        Ok(notes)
    }
}
