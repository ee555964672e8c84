//! One file per route: each fetches what its route needs and lays out the regions.

pub mod article;
pub mod front;
pub mod jobs;
pub mod meta;
pub mod not_found;
pub mod paging;
pub mod people;
pub mod remote;
pub mod shared;
pub mod sidebar;
