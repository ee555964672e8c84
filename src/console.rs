//! Messages for developers, not readers: the browser's console in the app, standard error
//! in the prerender step. Components report through here, so they run on both sides.

#[cfg(target_arch = "wasm32")]
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// A panic in WebAssembly kills the page: say what and where in the console. By hand: the
/// console_error_panic_hook crate adds the JS stack, which names only wasm offsets here.
#[cfg(target_arch = "wasm32")]
pub fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Tidende: {info}").into());
    }));
}

#[cfg(not(target_arch = "wasm32"))]
pub fn report_panics() {}

#[cfg(target_arch = "wasm32")]
pub fn info(message: &str) {
    web_sys::console::info_1(&message.into());
}

#[cfg(not(target_arch = "wasm32"))]
pub fn warn(message: &str) {
    eprintln!("warning: {message}");
}

#[cfg(not(target_arch = "wasm32"))]
pub fn info(message: &str) {
    eprintln!("{message}");
}
