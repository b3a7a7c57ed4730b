//! The `kehoach` command-line tool.

crate::words! {
    /// Words of the command-line tool.
    pub enum Cli {
        Usage => "Cách dùng", "Usage";
    }
}
