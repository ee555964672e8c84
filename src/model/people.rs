//! People news, "Navnenyt fra it-Danmark": `people/{n}.json`.

use serde::Deserialize;

use super::dates::{Date, Timestamp};
use super::image::Image;
use super::lenient;
use super::page::Page;
use super::text::Text;

/// Who starts where, and when: one entry of the people-news feed.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PeopleNewsEntry {
    pub id: Text,
    pub person: Text,
    pub title: Text,
    pub company: Text,
    pub start_date: Date,
    pub summary: String,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub previous: Option<PreviousPosition>,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub photo: Option<Image>,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub label: Option<String>,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub published: Option<Timestamp>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PreviousPosition {
    pub title: Text,
    pub company: Text,
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
