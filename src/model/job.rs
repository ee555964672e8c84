//! Job listings: `jobs/{n}.json`.

use crate::json::Value;

use super::dates::{Date, Timestamp};
use super::decode::DecodeError;
use super::image::Image;
use super::json::{Obj, Path};
use super::link::Link;
use super::page::{Item, Page};
use super::text::Text;

#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    pub id: Text,
    pub company: Text,
    pub title: Text,
    pub location: String,
    pub url: Link,
    pub logo: Option<Image>,
    pub deadline: Option<Date>,
    pub published: Option<Timestamp>,
}

impl Item for Job {
    fn read(value: &Value, path: Path) -> Result<Self, DecodeError> {
        let obj = Obj::new(value, path)?;
        Ok(Self {
            id: obj.read("id", Text::read)?,
            company: obj.read("company", Text::read)?,
            title: obj.read("title", Text::read)?,
            location: obj.string("location")?,
            url: obj.parse("url", Link::parse)?,
            logo: obj.lenient("logo", Image::read),
            deadline: obj.lenient_parse("deadline", Date::parse),
            published: obj.lenient_parse("published", Timestamp::parse),
        })
    }
}

pub type JobPage = Page<Job>;
