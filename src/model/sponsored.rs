//! The sponsored item: `sponsored/current.json`.

use serde::{Deserialize, Deserializer};

use super::decode::{DecodeError, Document};
use super::image::Image;
use super::lenient;
use super::link::Link;
use super::text::Text;

/// Paid content. Its "Annonce" label is the app's, not the backend's: no document can
/// turn it off.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SponsoredItem {
    pub sponsor: Text,
    pub headline: Text,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub teaser: Option<String>,
    #[serde(deserialize_with = "external_link")]
    pub url: Link,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub image: Option<Image>,
}

/// An advertiser's link always leaves the site: http(s) only.
fn external_link<'de, D: Deserializer<'de>>(d: D) -> Result<Link, D::Error> {
    Link::parse_external(&String::deserialize(d)?).map_err(serde::de::Error::custom)
}

impl Document for SponsoredItem {
    fn check(&mut self) -> Result<Vec<String>, DecodeError> {
        Ok(Vec::new())
    }
}
