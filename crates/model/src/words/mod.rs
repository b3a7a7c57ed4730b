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
            /// The English texts, one after the other in one string between two markers,
            /// so that the app's build can move them out of the first load into the wasm
            /// loaded when the page is idle ([`idle_text`](crate::words::idle_text)).
            const EN_BLOB: &'static str = concat!("\u{1}KHIDLE[", $($en,)* "]KHIDLE\u{1}");
            /// Where each English text starts in `EN_BLOB`, and where the last one ends.
            const EN_STARTS: &'static [u16] = &$crate::words::starts::<{ [$($en),*].len() + 1 }>(&[$($en),*]);

            /// Every entry, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            /// The English text of entry `i` (one function per catalogue, so a call site
            /// stays as small as it was when it read a table).
            #[inline(never)]
            fn en_at(i: usize) -> &'static str {
                $crate::words::idle_text(Self::EN_BLOB, Self::EN_STARTS, i)
            }

            /// The text in a language.
            // Inlined so that, with the entry known at the call site, the compiler reads
            // the Vietnamese text out of its table and keeps only the texts that are used.
            #[inline(always)]
            pub fn get(self, lang: $crate::Lang) -> &'static str {
                match lang {
                    $crate::Lang::Vi => Self::VI.get(self as usize).copied().unwrap_or(""),
                    $crate::Lang::En => Self::en_at(self as usize),
                }
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

/// Length of the marker before the first English text of a catalogue.
const IDLE_HEAD: usize = "\u{1}KHIDLE[".len();

/// Where each text starts in a catalogue's English string (after its marker), and where
/// the last one ends: `N` = number of texts + 1. Fails to compile past 64 KB.
pub const fn starts<const N: usize>(texts: &[&str]) -> [u16; N] {
    let mut out = [0u16; N];
    let mut at = IDLE_HEAD;
    let mut i = 0;
    while i < texts.len() {
        assert!(
            at <= u16::MAX as usize,
            "a catalogue's English texts exceed 64 KB"
        );
        out[i] = at as u16;
        at += texts[i].len();
        i += 1;
    }
    assert!(
        at <= u16::MAX as usize,
        "a catalogue's English texts exceed 64 KB"
    );
    out[i] = at as u16;
    out
}

/// How many times the English words had to be fetched on the spot (see [`idle_text`]).
static IDLE_LOADS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

thread_local! {
    static ENGLISH_READS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// How many English texts this thread has read so far: the first screen in Vietnamese
/// reads none, so that it never waits for the idle wasm (tests/render.rs checks it).
pub fn english_reads() -> u32 {
    ENGLISH_READS.with(std::cell::Cell::get)
}

/// Text `i` of a catalogue's English string.
///
/// The app's build (crates/split) moves every catalogue's English string into the wasm
/// the page loads when idle: until then its bytes are zero in memory. Its first byte is
/// never zero in the source, so a zero means "not loaded yet", and [`load_idle_words`],
/// which the split always puts in the idle wasm, loads it on the spot (its first call
/// goes through the split's placeholder, which instantiates the idle wasm: its data
/// segments write the texts back). Vietnamese, the first screen's language, is never
/// moved. Natively, in the engine package and in an unsplit build nothing is moved.
pub fn idle_text(blob: &'static str, starts: &[u16], i: usize) -> &'static str {
    ENGLISH_READS.with(|n| n.set(n.get().wrapping_add(1)));
    if std::hint::black_box(blob.as_bytes()).first() == Some(&0) {
        // Called through a pointer the optimisers cannot see through, so that neither
        // LLVM nor wasm-opt inlines it into this, its only caller: the split must find it.
        let load: fn(&'static str) -> u32 = std::hint::black_box(load_idle_words);
        load(blob);
    }
    match (starts.get(i), starts.get(i + 1)) {
        (Some(&a), Some(&b)) => blob.get(usize::from(a)..usize::from(b)).unwrap_or(""),
        _ => "",
    }
}

/// Brings the English words into memory (see [`idle_text`]); the split keeps this function
/// in the idle wasm by its name, whatever the profile says, and the build fails if it is
/// missing. Returns how many times it ran.
#[inline(never)]
pub fn load_idle_words(blob: &'static str) -> u32 {
    let first = std::hint::black_box(blob.as_bytes())
        .first()
        .copied()
        .unwrap_or(0);
    IDLE_LOADS.fetch_add(
        1 + u32::from(first == 0),
        std::sync::atomic::Ordering::Relaxed,
    )
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
        // The English half is read out of one marked string per catalogue: no text carries
        // a piece of a marker or of its neighbour.
        for w in Ui::ALL {
            assert!(
                !w.en().contains("KHIDLE") && !w.en().contains('\u{1}'),
                "{w:?}"
            );
        }
        assert_eq!(Ui::ALL.last().map(|w| w.en().is_empty()), Some(false));
        assert_eq!(
            starts::<3>(&["ab", "çd"]),
            [IDLE_HEAD as u16, IDLE_HEAD as u16 + 2, IDLE_HEAD as u16 + 5]
        );
    }
}
