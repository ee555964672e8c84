//! People news, "Navnenyt fra it-Danmark": `people/{n}.json`.

use crate::json::Value;

use super::dates::{Date, Timestamp};
use super::decode::DecodeError;
use super::image::Image;
use super::json::{Obj, Path};
use super::page::{Item, Page};
use super::text::Text;

/// Who starts where, and when: one entry of the people-news feed.
#[derive(Clone, Debug, PartialEq)]
pub struct PeopleNewsEntry {
    pub id: Text,
    pub person: Text,
    pub title: Text,
    pub company: Text,
    pub start_date: Date,
    pub summary: String,
    pub previous: Option<PreviousPosition>,
    pub photo: Option<Image>,
    pub label: Option<String>,
    pub published: Option<Timestamp>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PreviousPosition {
    pub title: Text,
    pub company: Text,
}

impl PreviousPosition {
    fn read(value: &Value, path: Path) -> Result<Self, DecodeError> {
        let obj = Obj::new(value, path)?;
        Ok(Self {
            title: obj.read("title", Text::read)?,
            company: obj.read("company", Text::read)?,
        })
    }
}

impl Item for PeopleNewsEntry {
    fn read(value: &Value, path: Path) -> Result<Self, DecodeError> {
        let obj = Obj::new(value, path)?;
        Ok(Self {
            id: obj.read("id", Text::read)?,
            person: obj.read("person", Text::read)?,
            title: obj.read("title", Text::read)?,
            company: obj.read("company", Text::read)?,
            start_date: obj.parse("start_date", Date::parse)?,
            summary: obj.string("summary")?,
            previous: obj.lenient("previous", PreviousPosition::read),
            photo: obj.lenient("photo", Image::read),
            label: obj.lenient_string("label"),
            published: obj.lenient_parse("published", Timestamp::parse),
        })
    }
}

impl PeopleNewsEntry {
    /// The label shown on the entry: the backend's, or "Nyt job".
    pub fn label(&self) -> &str {
        self.label
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .unwrap_or("Nyt job")
    }
}

pub type PeopleNewsPage = Page<PeopleNewsEntry>;
