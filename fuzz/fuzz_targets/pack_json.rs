//! libFuzzer target `pack_json`: see `kehoach_fuzz::pack_json`. Run with `make fuzz`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kehoach_fuzz::pack_json(data));
