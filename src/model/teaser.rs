//! Articles in lists: the front page's index and the "Læs også" sidebar.

use crate::json::Value;

use super::dates::Timestamp;
use super::decode::{DecodeError, Document};
use super::image::Image;
use super::json::{each, Obj, Path};
use super::label::Label;
use super::lenient::{self, Lenient};
use super::page::{Item, Page};
use super::text::{Slug, Text};

/// An article as a list shows it: headline, kicker, time, thumbnail.
#[derive(Clone, Debug, PartialEq)]
pub struct Teaser {
    pub slug: Slug,
    pub headline: Text,
    pub section: Option<Label>,
    pub lead: Option<String>,
    pub published: Timestamp,
    pub image: Option<Image>,
}

impl Item for Teaser {
    fn read(value: &Value, path: Path) -> Result<Self, DecodeError> {
        let obj = Obj::new(value, path)?;
        Ok(Self {
            slug: obj.parse("slug", Slug::parse)?,
            headline: obj.read("headline", Text::read)?,
            section: obj.lenient("section", Label::read),
            lead: obj.lenient_string("lead"),
            published: obj.parse("published", Timestamp::parse)?,
            image: obj.lenient("image", Image::read),
        })
    }
}

/// `articles/index/{n}.json`: all articles, newest first, one page at a time.
pub type ArticleIndex = Page<Teaser>;

/// `related/{slug}.json`: the "Læs også" list beside an article.
#[derive(Clone, Debug, PartialEq)]
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
    fn read(value: &Value) -> Result<Self, DecodeError> {
        let obj = Obj::new(value, Path::root())?;
        let (items, path) = obj.list("items")?;
        Ok(Self {
            slug: obj.parse("slug", Slug::parse)?,
            items: each(items, &path, Teaser::read),
        })
    }

    fn check(&mut self) -> Result<Vec<String>, DecodeError> {
        lenient::require_some_valid(&self.items, "items")?;
        Ok(lenient::skipped(&self.items))
    }
}
