//! One file per route: each fetches what its route needs and lays out the regions.

pub mod front;
pub mod not_found;
