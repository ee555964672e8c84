//! Messages for developers, not readers: the browser's console in the app, standard error
//! in the prerender step. Components report through here, so they run on both sides.

#[cfg(target_arch = "wasm32")]
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

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
