//! Live heap bytes and allocations of the wasm, for the benchmark's memory case
//! (docs/perf.md, "Memory"): built only with `--features alloc-stats`, never shipped.
//!
//! Why: the wasm's linear memory only grows, in 64 KiB pages, so `memory.buffer` hides a
//! leak of a few hundred bytes per navigation for hundreds of navigations, and a heap
//! snapshot cannot see inside it. Counting what the allocator hands out and takes back
//! shows every byte. By hand: a counting wrapper of the app's allocator is a few lines,
//! and the crates that do it bring what the benchmark does not need.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use wasm_bindgen::prelude::wasm_bindgen;

use crate::allocator::TALC;

struct Counting;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);
static LIVE_ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the app's allocator unchanged; the counters only
// observe the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(layout.size(), Relaxed);
        LIVE_ALLOCATIONS.fetch_add(1, Relaxed);
        // SAFETY: the caller's contract is passed on as is.
        unsafe { TALC.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(layout.size(), Relaxed);
        LIVE_ALLOCATIONS.fetch_sub(1, Relaxed);
        // SAFETY: as above.
        unsafe { TALC.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE_BYTES.fetch_add(new_size, Relaxed);
        LIVE_BYTES.fetch_sub(layout.size(), Relaxed);
        // SAFETY: as above.
        unsafe { TALC.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// `[live bytes, live allocations]`, read by bench/run.cjs as
/// `window.wasmBindings.tidendeAllocStats()`.
#[wasm_bindgen(js_name = tidendeAllocStats)]
pub fn alloc_stats() -> Vec<f64> {
    vec![
        LIVE_BYTES.load(Relaxed) as f64,
        LIVE_ALLOCATIONS.load(Relaxed) as f64,
    ]
}
