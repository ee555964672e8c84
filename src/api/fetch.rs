//! One GET of one document, bounded in time and size, decoded and validated.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, ReadableStreamReadResult, Response};

use super::error::ApiError;
use crate::model::{decode, Document};

/// Fetches `url` and decodes it as `T`. Never panics: every failure is an [`ApiError`].
/// What was skipped inside the document is reported in the console.
pub async fn get_document<T: Document>(
    url: &str,
    timeout_ms: u32,
    max_bytes: usize,
) -> Result<T, ApiError> {
    // Boxed, so the fetch state machine exists once in the wasm rather than once per
    // document type it is awaited for.
    let bytes: std::pin::Pin<Box<dyn std::future::Future<Output = _>>> =
        Box::pin(get_bytes(url.to_string(), timeout_ms, max_bytes));
    let bytes = bytes.await?;
    let decoded = decode::<T>(&bytes).map_err(|e| {
        log_warning(&format!("Tidende: {url}: {e}"));
        ApiError::Decode(e)
    })?;
    for note in &decoded.notes {
        log_warning(&format!("Tidende: {url}: {note}"));
    }
    Ok(decoded.value)
}

/// Fetches `url` as JSON, for reading one field of it (a page's `next`).
pub async fn get_json(
    url: &str,
    timeout_ms: u32,
    max_bytes: usize,
) -> Result<crate::json::Value, ApiError> {
    let bytes: std::pin::Pin<Box<dyn std::future::Future<Output = _>>> =
        Box::pin(get_bytes(url.to_string(), timeout_ms, max_bytes));
    let bytes = bytes.await?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    crate::json::from_slice(bytes)
        .map_err(|e| ApiError::Decode(crate::model::DecodeError::new("", e.to_string())))
}

/// The body of a successful response, at most `max_bytes` long: the one index.html
/// fetched early, if it did, else a request of its own.
async fn get_bytes(url: String, timeout_ms: u32, max_bytes: usize) -> Result<Vec<u8>, ApiError> {
    match early::take(&url) {
        Some(answer) => early::bytes(answer, &url, timeout_ms, max_bytes).await,
        None => request_bytes(url, timeout_ms, max_bytes).await,
    }
}

/// One AbortController
/// bounds the whole exchange (connecting, headers and every chunk of the body), so a
/// response that starts and then stalls is cut off as surely as one that never starts.
async fn request_bytes(
    url: String,
    timeout_ms: u32,
    max_bytes: usize,
) -> Result<Vec<u8>, ApiError> {
    let url = url.as_str();
    let controller = AbortController::new().map_err(|e| ApiError::Network(js_detail(&e)))?;
    let signal = controller.signal();
    let _deadline = gloo_timers::callback::Timeout::new(timeout_ms, move || controller.abort());
    let failed = |detail: String| {
        if signal.aborted() {
            ApiError::Timeout {
                after_ms: timeout_ms,
            }
        } else {
            ApiError::Network(detail)
        }
    };

    // The browser's fetch, called directly: a request builder crate (gloo-net) added a few
    // KB of wasm for one GET.
    let window = web_sys::window().ok_or_else(|| ApiError::Network("no window".into()))?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&signal));
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|e| failed(js_detail(&e)))?
        .dyn_into()
        .map_err(|e| ApiError::Network(js_detail(&e)))?;
    if !response.ok() {
        return Err(ApiError::Status {
            code: response.status(),
            url: url.to_string(),
        });
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max_bytes as u64) {
        return Err(ApiError::TooLarge { limit: max_bytes });
    }
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|e| ApiError::Network(js_detail(&e)))?;
    let mut body = Vec::with_capacity(declared.map_or(16 * 1024, |n| n as usize));
    loop {
        let chunk: ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(|e| failed(js_detail(&e)))?
            .unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            break;
        }
        let bytes = Uint8Array::new(&chunk.get_value());
        if body.len() + bytes.length() as usize > max_bytes {
            // Stop the download, not just the reading of it.
            let _ = reader.cancel();
            return Err(ApiError::TooLarge { limit: max_bytes });
        }
        let start = body.len();
        body.resize(start + bytes.length() as usize, 0);
        bytes.copy_to(&mut body[start..]);
    }
    Ok(body)
}

/// The first view's documents, fetched by index.html's inline script before the wasm
/// arrived, each taken over once: `window.__tidendeEarly[url]` is a promise of
/// `{status, body: ArrayBuffer}`. The same bounds apply as to a request of our own.
mod early {
    use js_sys::{Array, ArrayBuffer, Promise, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::{js_detail, ApiError};

    const STASH: &str = "__tidendeEarly";

    /// The early answer for `url`, removed so that a retry makes a request of its own.
    pub fn take(url: &str) -> Option<Promise> {
        let window = web_sys::window()?;
        let stash = Reflect::get(&window, &STASH.into()).ok()?;
        if !stash.is_object() {
            return None;
        }
        let key = JsValue::from_str(url);
        let answer = Reflect::get(&stash, &key)
            .ok()?
            .dyn_into::<Promise>()
            .ok()?;
        let _ = Reflect::delete_property(stash.unchecked_ref::<js_sys::Object>(), &key);
        Some(answer)
    }

    pub async fn bytes(
        answer: Promise,
        url: &str,
        timeout_ms: u32,
        max_bytes: usize,
    ) -> Result<Vec<u8>, ApiError> {
        // The early fetch cannot be aborted from here; race it against the same bound.
        let deadline = Promise::new(&mut |_resolve, reject| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    &reject,
                    timeout_ms as i32,
                );
            }
        });
        let answer = JsFuture::from(Promise::race(&Array::of2(&answer, &deadline)))
            .await
            .map_err(|e| {
                if e.is_undefined() {
                    ApiError::Timeout {
                        after_ms: timeout_ms,
                    }
                } else {
                    ApiError::Network(js_detail(&e))
                }
            })?;
        let status = Reflect::get(&answer, &"status".into())
            .ok()
            .and_then(|s| s.as_f64())
            .unwrap_or(0.0) as u16;
        if !(200..300).contains(&status) {
            return Err(ApiError::Status {
                code: status,
                url: url.to_string(),
            });
        }
        let body = Reflect::get(&answer, &"body".into())
            .ok()
            .and_then(|b| b.dyn_into::<ArrayBuffer>().ok())
            .ok_or_else(|| ApiError::Network("early answer without a body".into()))?;
        if body.byte_length() as usize > max_bytes {
            return Err(ApiError::TooLarge { limit: max_bytes });
        }
        Ok(Uint8Array::new(&body).to_vec())
    }
}

fn js_detail(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

fn log_warning(message: &str) {
    web_sys::console::warn_1(&message.into());
}
