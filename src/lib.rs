//! kehoach — the Yew app (placeholder until the shell lands).
