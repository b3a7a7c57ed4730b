//! libFuzzer target `pack`: see `kehoach_fuzz::pack`. Run with `make fuzz`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kehoach_fuzz::pack(data));
