//! The content contract (docs/api.md) as Rust types, and their validation.
//!
//! Validation lives in the types: a [`Slug`], [`Text`], [`Link`] or [`Timestamp`] cannot
//! hold a bad value, because reading one refuses it, and the error names the field's path
//! ([`json`]). Lists and article bodies decode element by element ([`Lenient`]), so one
//! bad job ad or an unknown block type is skipped and reported instead of failing the
//! document.

pub mod article;
pub mod block;
pub mod dates;
pub mod decode;
pub mod image;
pub mod job;
pub mod json;
pub mod label;
pub mod lenient;
pub mod link;
pub mod page;
pub mod people;
pub mod sponsored;
pub mod teaser;
pub mod text;

pub use article::{Article, Author};
pub use block::{Block, ListStyle, Mark, Span};
pub use dates::{Date, Timestamp};
pub use decode::{decode, decode_value, DecodeError, Decoded, Document};
pub use image::{Image, MediaSrc};
pub use job::{Job, JobPage};
pub use label::Label;
pub use lenient::Lenient;
pub use link::Link;
pub use page::{Item, Page};
pub use people::{PeopleNewsEntry, PeopleNewsPage, PreviousPosition};
pub use sponsored::SponsoredItem;
pub use teaser::{ArticleIndex, RelatedReads, Teaser};
pub use text::{Slug, Text};
