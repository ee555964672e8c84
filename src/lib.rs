//! Tidende: the reader-facing front end of a Danish IT-news site.
//!
//! Data flows one way: [`api`] fetches and decodes into [`model`] types, [`pages`] place
//! the regions a route needs, [`components`] render already-validated data.

#[cfg(feature = "alloc-stats")]
pub mod alloc_stats;
pub mod allocator;
pub mod api;
pub mod app;
pub mod components;
pub mod config;
pub mod console;
pub mod format;
pub mod handover;
pub mod json;
pub mod model;
pub mod pages;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
pub mod prerender;
pub mod router;
pub mod routes;
pub mod scroll;
pub mod watched;

pub use app::App;
