//! Entry point of the WebAssembly build: takes over the page the prerender made, or renders
//! from nothing where there is none (a route the build did not know, `trunk serve`).

fn main() {
    // A panic in WebAssembly kills the page; the hook at least names it in the console.
    tidende::console::report_panics();
    #[cfg(feature = "hydrate")]
    if tidende::handover::prerendered_here() {
        leptos::mount::hydrate_body(tidende::App);
        tidende::handover::mark_live("hydrated");
        return;
    }
    leptos::mount::mount_to_body(tidende::App);
    tidende::handover::mark_live("rendered");
}
