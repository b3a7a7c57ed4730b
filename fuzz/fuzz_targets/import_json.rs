//! libFuzzer target `import_json`: see `kehoach_fuzz::import_json`. Run with `make fuzz`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kehoach_fuzz::import_json(data));
