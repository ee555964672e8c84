//! Spans of article text: marks become elements, checked links become links. Text is
//! always inserted as text: a `<script>` in the backend's JSON is shown, never run.

use leptos::prelude::*;

use crate::routes;

use crate::model::{Link, Mark, Span};

/// One span: its text wrapped in its marks, and in its link if it has one.
pub fn span_view(span: Span) -> AnyView {
    let mut view = span.text.into_any();
    for mark in span.marks.iter().rev() {
        view = match mark {
            Mark::Strong => view! { <strong>{view}</strong> }.into_any(),
            Mark::Em => view! { <em>{view}</em> }.into_any(),
            Mark::Code => view! { <code>{view}</code> }.into_any(),
        };
    }
    match span.href {
        None => view,
        Some(link) => link_view(link, view),
    }
}

/// A checked link around a view: site paths are routed by the app, other sites open as
/// plain links without giving them a handle on this page.
pub fn link_view(link: Link, inner: AnyView) -> AnyView {
    match link {
        Link::Site(path) => view! { <a href=routes::href(&path)>{inner}</a> }.into_any(),
        Link::External(url) => view! { <a href=url rel="noopener">{inner}</a> }.into_any(),
    }
}

pub fn spans_view(spans: Vec<Span>) -> impl IntoView {
    spans.into_iter().map(span_view).collect_view()
}
