//! The wasm's memory allocator: Talc instead of Rust's default for wasm (dlmalloc), which
//! is faster and, with in-place reallocation off, smaller: about 0.4 KB of the 150 KB brotli
//! budget (docs/perf.md, "Size"). Made for single-threaded WebAssembly, as this app is.
//! The benchmark's counting allocator (alloc_stats.rs) passes on to the same one.

#[cfg(target_arch = "wasm32")]
#[cfg_attr(not(feature = "alloc-stats"), global_allocator)]
pub static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
