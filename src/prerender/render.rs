//! One page rendered natively: the app's own component tree (Leptos `ssr`) at one route,
//! from the documents the backend gave, into a whole HTML page.
//!
//! Which documents a page needs is not listed here a second time: the page is rendered,
//! says what it took and what it missed (`handover`), the missing ones are fetched, and it
//! is rendered again. Documents shared by every page (the sidebar's) are fetched once.

use leptos::prelude::*;

use super::plan::Backend;
use super::template::Template;
use crate::api::{Api, ApiError};
use crate::app::Site;
use crate::handover::{self, Rendering};
use crate::pages::meta;

/// Renders stop after this many passes: each pass fetches what the last one missed, and
/// a page asks for its documents in at most two rounds (the article, then its sidebar).
const MAX_PASSES: usize = 4;

/// Why a page could not be prerendered: each document it could not have, and why.
#[derive(Debug)]
pub struct Failure(pub Vec<(String, ApiError)>);

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let reasons: Vec<String> = self
            .0
            .iter()
            .map(|(path, e)| format!("{path}: {e}"))
            .collect();
        f.write_str(&reasons.join("; "))
    }
}

/// The whole page for `route`, or why there is none; `extra_head` goes after its tags.
pub fn page(
    backend: &mut Backend,
    template: &Template,
    api_base: &str,
    route: &str,
    extra_head: &str,
) -> Result<String, Failure> {
    for _ in 0..MAX_PASSES {
        let (body, head, rendering) = render(backend, api_base, route);
        if !rendering.missing.is_empty() {
            for path in &rendering.missing {
                // A failure is kept in the store; the next pass takes it and fails.
                let _ = backend.fetch(path);
            }
            continue;
        }
        if !rendering.failed.is_empty() {
            return Err(Failure(rendering.failed));
        }
        let (title, tags) = head.unwrap_or_default();
        return Ok(template.page(
            &format!("{}{extra_head}", meta::head_html(&title, &tags)),
            &body,
            &rendering.block_text(),
        ));
    }
    Err(Failure(vec![(
        route.to_string(),
        ApiError::Network(format!("still missing documents after {MAX_PASSES} passes")),
    )]))
}

type Head = Option<(String, Vec<meta::Tag>)>;

fn render(backend: &Backend, api_base: &str, route: &str) -> (String, Head, Rendering) {
    let rendering = Rendering::new(route, backend.store.clone());
    let api = Api::new(api_base);
    let ((body, head), rendering) = handover::render(rendering, || {
        let owner = Owner::new();
        let body = owner.with(|| view! { <Site api /> }.to_html());
        let head = meta::take_rendered_head();
        owner.unset_with_forced_cleanup();
        (body, head)
    });
    (body, head, rendering)
}
