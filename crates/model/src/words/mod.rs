//! The catalogue of words: every sentence kehoach shows, in Vietnamese and English side by
//! side, in one place. Nothing outside this directory picks between languages (a check in
//! `make test`, `scripts/check-structure.sh`, enforces it).
//!
//! Each catalogue is an enum made by [`words!`]: one variant per sentence, both languages
//! next to each other, so a missing translation cannot compile. The texts live in two
//! constant tables per enum; `get` is inlined, so a call site with a known entry compiles
//! to the two texts themselves (as cheap as an inline choice) and a binary keeps only the
//! entries it uses:
//! - [`common::Common`] — what the model, the app, the CLI and the exports all say (units,
//!   grades, categories, figure labels, error messages);
//! - [`ui::Ui`] — the app's screens;
//! - [`cli::Cli`] — the `kehoach` command-line tool;
//! - [`doc::Doc`] — the exported files (XLSX, the plan document, print);
//! - [`office::Office`] — the plan as a state document (print sheet, Word file), money as
//!   planners type it, money that buys nothing, the workshop screen, the phone's reading view.
//! - [`advice::AdviceWords`] — the app's honest figures: horizons, target chances,
//!   proposals and what they change, undo.
//!
//! A sentence with values in it is a template: `{0}`, `{1}`, … are replaced by
//! [`fill`], so each language puts the values where its grammar wants them.

pub mod advice;
pub mod cli;
pub mod common;
pub mod doc;
pub mod figure;
pub mod link;
pub mod office;
pub mod room;
pub mod ui;

pub use advice::AdviceWords;
pub use cli::Cli;
pub use common::Common;
pub use doc::Doc;
pub use figure::FigureWords;
pub use link::ModelWords;
pub use office::Office;
pub use ui::Ui;

/// Declares a catalogue of words: an enum whose variants each carry a Vietnamese and an
/// English text, with `get(lang)`, `vi()`, `en()` and `fill(lang, args)`.
///
/// ```
/// model::words! {
///     /// Example words.
///     pub enum Example {
///         /// The greeting.
///         Hello => "Xin chào", "Hello";
///         Named => "Chào {0}", "Hello {0}";
///     }
/// }
/// use model::Lang;
/// assert_eq!(Example::Hello.get(Lang::Vi), "Xin chào");
/// assert_eq!(Example::Named.fill(Lang::En, &["Lan"]), "Hello Lan");
/// ```
#[macro_export]
macro_rules! words {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $key:ident => $vi:expr, $en:expr; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(missing_docs)]
        $vis enum $name {
            $( $(#[$vmeta])* $key, )*
        }

        impl $name {
            const VI: &'static [&'static str] = &[$($vi),*];
            const EN: &'static [&'static str] = &[$($en),*];

            /// Every entry, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            /// The text in a language.
            // Inlined so that, with the entry known at the call site, the compiler reads
            // both texts out of the tables and keeps only the texts that are used: a binary
            // carries neither the tables nor the entries it never shows.
            #[inline(always)]
            pub fn get(self, lang: $crate::Lang) -> &'static str {
                let table = match lang {
                    $crate::Lang::Vi => Self::VI,
                    $crate::Lang::En => Self::EN,
                };
                table.get(self as usize).copied().unwrap_or("")
            }

            /// The Vietnamese text.
            #[inline(always)]
            pub fn vi(self) -> &'static str {
                self.get($crate::Lang::Vi)
            }

            /// The English text.
            #[inline(always)]
            pub fn en(self) -> &'static str {
                self.get($crate::Lang::En)
            }

            /// The text with `{0}`, `{1}`, … replaced by `args`.
            #[inline(always)]
            pub fn fill(self, lang: $crate::Lang, args: &[&str]) -> String {
                $crate::words::fill(self.get(lang), args)
            }
        }
    };
}

/// A piece of a template: text as it is, or the index of a value to put there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text to write as it is.
    Text(&'a str),
    /// `{n}`: the n-th value.
    Value(usize),
}

/// Splits a template into its text and its `{0}`…`{9}` places, in order; any other brace
/// is text. The app uses it to put markup (a bold figure) where a template puts a value.
pub fn pieces(template: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = template;
    let mut pending: Option<usize> = None;
    std::iter::from_fn(move || {
        if let Some(n) = pending.take() {
            return Some(Piece::Value(n));
        }
        if rest.is_empty() {
            return None;
        }
        let mut from = 0;
        while let Some(i) = rest[from..].find('{').map(|i| i + from) {
            let b = rest.as_bytes();
            if i + 2 < b.len() && b[i + 1].is_ascii_digit() && b[i + 2] == b'}' {
                let text = &rest[..i];
                let n = usize::from(b[i + 1] - b'0');
                rest = &rest[i + 3..];
                if text.is_empty() {
                    return Some(Piece::Value(n));
                }
                pending = Some(n);
                return Some(Piece::Text(text));
            }
            from = i + 1;
        }
        let text = rest;
        rest = "";
        Some(Piece::Text(text))
    })
}

/// Replaces `{0}`…`{9}` in `template` by `args` (a missing argument leaves the
/// placeholder out); any other brace is kept as it is. Cheaper in wasm than `format!`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let extra: usize = args.iter().map(|a| a.len()).sum();
    let mut out = String::with_capacity(template.len() + extra);
    for piece in pieces(template) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Value(n) => out.push_str(args.get(n).copied().unwrap_or_default()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn fill_puts_values_where_the_language_wants_them() {
        assert_eq!(fill("{1} của {0}", &["A", "B"]), "B của A");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("{x} {0", &["a"]), "{x} {0");
        assert_eq!(fill("{0}{0}{5}", &["ab"]), "abab");
        assert_eq!(fill("é{0}ồ", &["ư"]), "éưồ");
        assert_eq!(fill("{0}", &["x"]), "x");
        assert_eq!(fill("{", &[]), "{");
        assert_eq!(fill("a{1}}", &["x", "y"]), "ay}");
        assert_eq!(
            pieces("còn {0} của {1}.").collect::<Vec<_>>(),
            [
                Piece::Text("còn "),
                Piece::Value(0),
                Piece::Text(" của "),
                Piece::Value(1),
                Piece::Text(".")
            ]
        );
        assert_eq!(pieces("").count(), 0);
    }

    #[test]
    fn every_catalogue_has_both_languages_for_every_entry() {
        fn check(all: &[(&str, &str)]) {
            for (vi, en) in all {
                assert!(!vi.is_empty() && !en.is_empty(), "{vi:?} / {en:?}");
                // Same placeholders in both languages.
                for d in 0..10 {
                    let p = format!("{{{d}}}");
                    assert_eq!(vi.contains(&p), en.contains(&p), "{p} in {vi:?} / {en:?}");
                }
            }
        }
        check(
            &Common::ALL
                .iter()
                .map(|w| (w.vi(), w.en()))
                .collect::<Vec<_>>(),
        );
        check(&Ui::ALL.iter().map(|w| (w.vi(), w.en())).collect::<Vec<_>>());
        check(
            &Cli::ALL
                .iter()
                .map(|w| (w.vi(), w.en()))
                .collect::<Vec<_>>(),
        );
        check(
            &Doc::ALL
                .iter()
                .map(|w| (w.vi(), w.en()))
                .collect::<Vec<_>>(),
        );
        check(
            &Office::ALL
                .iter()
                .map(|w| (w.vi(), w.en()))
                .collect::<Vec<_>>(),
        );
        check(
            &AdviceWords::ALL
                .iter()
                .map(|w| (w.vi(), w.en()))
                .collect::<Vec<_>>(),
        );
        assert_eq!(Common::Year.get(Lang::En), "Year");
    }
}
