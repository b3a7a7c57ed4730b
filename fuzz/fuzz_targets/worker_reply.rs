//! libFuzzer target `worker_reply`: see `kehoach_fuzz::worker_reply`. Run with `make fuzz`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kehoach_fuzz::worker_reply(data));
