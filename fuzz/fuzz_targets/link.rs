//! libFuzzer target `link`: see `kehoach_fuzz::link`. Run with `make fuzz`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kehoach_fuzz::link(data));
