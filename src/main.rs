//! Entry point of the WebAssembly build: mounts the app, nothing else.

fn main() {
    // A panic in WebAssembly kills the page; the hook at least names it in the console.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(tidende::App);
}
