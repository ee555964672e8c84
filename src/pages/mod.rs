//! One file per route: each fetches what its route needs and lays out the regions.

pub mod article;
pub mod front;
pub mod jobs;
pub mod json_ld;
pub mod list_docs;
pub mod list_page;
pub mod listed;
pub mod meta;
pub mod not_found;
pub mod people;
pub mod remote;
pub mod search;
pub mod shared;
pub mod sidebar;
