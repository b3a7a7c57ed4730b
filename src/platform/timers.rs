//! Timers for components and hooks: run something once after a delay, cancelled when the
//! guard is dropped (an effect's cleanup).

use gloo::timers::callback::Timeout;

/// A pending call; dropping it cancels the call.
#[must_use = "the call is cancelled when the guard is dropped"]
pub struct Guard(#[allow(dead_code)] Timeout);

/// Calls `f` once after `ms` milliseconds, unless the guard is dropped first.
pub fn after(ms: u32, f: impl FnOnce() + 'static) -> Guard {
    Guard(Timeout::new(ms, f))
}
