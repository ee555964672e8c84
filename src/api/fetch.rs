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

/// The body of a successful response, at most `max_bytes` long.
async fn get_bytes(url: String, timeout_ms: u32, max_bytes: usize) -> Result<Vec<u8>, ApiError> {
    request_bytes(url, timeout_ms, max_bytes).await
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
