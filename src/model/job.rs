//! Job listings: `jobs/{n}.json`.

use serde::Deserialize;

use super::dates::{Date, Timestamp};
use super::image::Image;
use super::lenient;
use super::link::Link;
use super::page::Page;
use super::text::Text;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Job {
    pub id: Text,
    pub company: Text,
    pub title: Text,
    pub location: String,
    pub url: Link,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub logo: Option<Image>,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub deadline: Option<Date>,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub published: Option<Timestamp>,
}

pub type JobPage = Page<Job>;
