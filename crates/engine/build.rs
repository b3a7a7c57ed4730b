//! Writes the TypeScript declarations of the model's serde types (the scenario, the
//! projection, the uncertainty, the proposal, the goal-seek answer, the assumptions and the
//! catalogue rows) into `$OUT_DIR/model.d.ts`; `src/lib.rs` puts them into the package's
//! `.d.ts` with `typescript_custom_section`. They come from the model's own Rust types
//! (ts-rs derives behind the model's `typescript` feature, which only this build script
//! enables), so the declarations can never drift from what the engine returns.
//!
//! Only the roots are listed: every type they use is found by walking their fields.

use std::any::TypeId;
use std::collections::HashSet;
use std::fmt::Write as _;

use ts_rs::{Config, TS, TypeVisitor};

/// Collects declarations depth-first, each name once.
struct Collect<'a> {
    cfg: &'a Config,
    seen_types: HashSet<TypeId>,
    seen_names: HashSet<String>,
    out: String,
}

impl TypeVisitor for Collect<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Primitives, tuples and wrappers have no declaration of their own.
        if T::output_path().is_none() || !self.seen_types.insert(TypeId::of::<T>()) {
            return;
        }
        // `Band3<f64>` and `Band3<u64>` share one generic declaration.
        if self.seen_names.insert(T::ident(self.cfg)) {
            if let Some(docs) = T::docs() {
                self.out.push_str(&docs);
            }
            let _ = writeln!(self.out, "export {}\n", tidy(&T::decl(self.cfg)));
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// Puts each `}` that closes a brace opened on an earlier line at the start of its own
/// line. ts-rs ends a type with `last: T, };`, and wasm-bindgen's `.d.ts` writer indents by
/// the braces that open and close lines, so without this every type is indented deeper.
fn tidy(decl: &str) -> String {
    let mut out = String::with_capacity(decl.len() + 64);
    let mut opened: Vec<usize> = Vec::new();
    let mut line = 0;
    let (mut in_comment, mut in_string) = (false, false);
    let mut prev = '\0';
    for c in decl.chars() {
        if in_comment {
            in_comment = !(prev == '*' && c == '/');
        } else if in_string {
            in_string = !(c == '"' && prev != '\\');
        } else {
            match c {
                '"' => in_string = true,
                '*' if prev == '/' => in_comment = true,
                '{' => opened.push(line),
                // The guard pops every `}`; only those closing an earlier line move.
                '}' if opened.pop().is_some_and(|l| l < line) => {
                    let trimmed = out.trim_end_matches(' ').len();
                    out.truncate(trimmed);
                    if !out.ends_with('\n') {
                        out.push('\n');
                        line += 1;
                    }
                }
                _ => {}
            }
        }
        if c == '\n' {
            line += 1;
        }
        out.push(c);
        prev = c;
    }
    out
}

fn main() {
    // i64 / u64 cross as JS numbers (the engine speaks JSON; every amount is below 2^53,
    // see model::MAX_MONEY).
    let cfg = Config::new().with_large_int("number");
    let mut c = Collect {
        cfg: &cfg,
        seen_types: HashSet::new(),
        seen_names: HashSet::new(),
        out: String::new(),
    };
    c.visit::<model::Scenario>();
    c.visit::<model::Projection>();
    c.visit::<model::Uncertainty>();
    c.visit::<model::Objective>();
    c.visit::<model::Proposal>();
    c.visit::<model::GoalSeek>();
    c.visit::<model::Assumption>();
    c.visit::<model::data::LineDef>();
    c.visit::<model::data::RegionDef>();
    c.visit::<model::data::TargetDef>();
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let path = std::path::Path::new(&out_dir).join("model.d.ts");
    std::fs::write(&path, c.out).expect("OUT_DIR is writable");
    println!("cargo::rerun-if-changed=build.rs");
}
