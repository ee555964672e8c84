//! The sponsored item: `sponsored/current.json`.

use crate::json::Value;

use super::decode::{DecodeError, Document};
use super::image::Image;
use super::json::{Obj, Path};
use super::link::Link;
use super::text::Text;

/// Paid content. Its "Annonce" label is the app's, not the backend's: no document can
/// turn it off.
#[derive(Clone, Debug, PartialEq)]
pub struct SponsoredItem {
    pub sponsor: Text,
    pub headline: Text,
    pub teaser: Option<String>,
    /// Always an absolute http(s) URL: an advertiser's link leaves the site.
    pub url: Link,
    pub image: Option<Image>,
}

impl Document for SponsoredItem {
    fn read(value: &Value) -> Result<Self, DecodeError> {
        let obj = Obj::new(value, Path::root())?;
        Ok(Self {
            sponsor: obj.read("sponsor", Text::read)?,
            headline: obj.read("headline", Text::read)?,
            teaser: obj.lenient_string("teaser"),
            url: obj.parse("url", Link::parse_external)?,
            image: obj.lenient("image", Image::read),
        })
    }

    fn check(&mut self) -> Result<Vec<String>, DecodeError> {
        Ok(Vec::new())
    }
}
