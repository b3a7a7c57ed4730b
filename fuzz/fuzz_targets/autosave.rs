//! libFuzzer target `autosave`: see `kehoach_fuzz::autosave`. Run with `make fuzz`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kehoach_fuzz::autosave(data));
