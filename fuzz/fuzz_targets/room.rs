//! libFuzzer target `room`: see `kehoach_fuzz::room`. Run with `make fuzz`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kehoach_fuzz::room(data));
