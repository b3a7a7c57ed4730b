//! The file worker's protocol, both sides of it: what the app asks (`xlsx`, `json`,
//! `import`) and how the worker answers, as text. The worker (`crates/xlsx`) and the app
//! both speak through this module, so the two ends cannot drift apart.
//!
//! # Messages
//! - The worker says [`READY`] once its wasm is loaded; then the app sends one request.
//! - A request is three parts on lines: the operation, the language code, the body —
//!   `xlsx\n<lang>\n<share code>`, `json\n<lang>\n<share code>` or
//!   `import\n<lang>\n<file text>` ([`request`], [`Request::parse`]).
//! - `xlsx` is answered with the workbook's bytes, or a message saying why not.
//! - `json` and `import` are answered with text: [`ok`]`(body)` = `ok\n<body>` (the JSON
//!   file; the imported scenario's share code), or [`problems`] = `err\n` then one
//!   `field<TAB>message` line per problem. [`read_reply`] reads either, and reads any other
//!   text (a crash, a plain message) as problems of the `file`.

use crate::lang::Lang;

/// What the worker posts once it is listening.
pub const READY: &str = "ready";
/// Largest file read for an import, bytes (a scenario is a few KB).
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;
/// The field of a problem with the file as a whole.
pub const FILE: &str = "file";

const OK: &str = "ok\n";
const ERR: &str = "err\n";

/// What the app asks the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// The workbook of a scenario (body: its share code).
    Xlsx,
    /// The JSON file of a scenario (body: its share code).
    Json,
    /// Read a scenario file (body: the file's text).
    Import,
    /// A room's export (body: `xlsx`, `json` or `csv`, a line break, then the room's saved
    /// text, `crate::room::write`): the workbook's bytes, or `ok` and the file's text.
    Room,
}

impl Op {
    /// Its word in a request.
    pub fn key(self) -> &'static str {
        match self {
            Op::Xlsx => "xlsx",
            Op::Json => "json",
            Op::Import => "import",
            Op::Room => "room",
        }
    }
}

/// A request, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request<'a> {
    /// The operation (`None`: a word this version does not know).
    pub op: Option<Op>,
    /// The language of the answer.
    pub lang: Lang,
    /// The body.
    pub body: &'a str,
}

impl<'a> Request<'a> {
    /// Reads a request; missing parts are empty (never fails, never panics).
    pub fn parse(text: &'a str) -> Request<'a> {
        let mut parts = text.splitn(3, '\n');
        let word = parts.next().unwrap_or_default();
        let op = [Op::Xlsx, Op::Json, Op::Import, Op::Room]
            .into_iter()
            .find(|o| o.key() == word);
        Request {
            op,
            lang: Lang::from_code(parts.next().unwrap_or_default()),
            body: parts.next().unwrap_or_default(),
        }
    }
}

/// A request as the text sent to the worker.
pub fn request(op: Op, lang: Lang, body: &str) -> String {
    format!("{}\n{}\n{body}", op.key(), lang.code())
}

/// The body of an `xlsx` request: the scenario's share code, a line break, and the chance
/// a target must be met with to count as met (the planner's setting).
pub fn xlsx_body(code: &str, chance: f64) -> String {
    format!("{code}\n{chance}")
}

/// Reads the body of an `xlsx` request: the share code and the chance asked for (the
/// default when it is missing or unreadable; see [`crate::verdict::asked_chance`]).
pub fn read_xlsx_body(body: &str) -> (&str, f64) {
    match body.split_once('\n') {
        Some((code, chance)) => (
            code.trim(),
            crate::verdict::asked_chance(chance.trim().parse().unwrap_or(f64::NAN)),
        ),
        None => (body.trim(), crate::goal::DEFAULT_CHANCE),
    }
}

/// One thing wrong with an imported file, placed by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// The scenario field (a [`crate::FieldPath`] such as `allocation.swim`, a field name
    /// the JSON reader reported, or [`FILE`] when the file itself cannot be read).
    pub field: String,
    /// The message in the user's language.
    pub message: String,
}

impl ImportProblem {
    /// A problem with the file as a whole.
    pub fn file(message: impl Into<String>) -> ImportProblem {
        ImportProblem {
            field: FILE.into(),
            message: message.into(),
        }
    }
}

/// A successful text answer.
pub fn ok(body: &str) -> String {
    format!("{OK}{body}")
}

/// The answer listing problems. Tabs and line breaks inside a field or message become
/// spaces, so each problem stays one line.
pub fn problems(list: &[ImportProblem]) -> String {
    let clean = |t: &str| t.replace(['\t', '\n', '\r'], " ");
    let mut out = String::from(ERR);
    for p in list {
        out.push_str(&clean(&p.field));
        out.push('\t');
        out.push_str(&clean(&p.message));
        out.push('\n');
    }
    out
}

/// Reads a text answer: the body of [`ok`], or the problems of [`problems`] (any other
/// text becomes one problem of the [`FILE`] per line).
pub fn read_reply(reply: &str) -> Result<&str, Vec<ImportProblem>> {
    if let Some(body) = reply.strip_prefix(OK) {
        return Ok(body);
    }
    let body = reply.strip_prefix(ERR).unwrap_or(reply);
    Err(body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| match l.split_once('\t') {
            Some((field, message)) => ImportProblem {
                field: field.to_string(),
                message: message.to_string(),
            },
            None => ImportProblem::file(l),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_xlsx_body_carries_the_chance_asked_for() {
        for c in crate::goal::CHANCES {
            assert_eq!(read_xlsx_body(&xlsx_body("AXja", c)), ("AXja", c));
        }
        // An older app sends the code alone; nonsense reads as the default.
        assert_eq!(
            read_xlsx_body("AXja"),
            ("AXja", crate::goal::DEFAULT_CHANCE)
        );
        assert_eq!(
            read_xlsx_body("AXja\nlots"),
            ("AXja", crate::goal::DEFAULT_CHANCE)
        );
    }

    #[test]
    fn requests_round_trip() {
        for op in [Op::Xlsx, Op::Json, Op::Import, Op::Room] {
            for lang in [Lang::Vi, Lang::En] {
                let body = "a\nb\tc";
                let text = request(op, lang, body);
                assert_eq!(
                    Request::parse(&text),
                    Request {
                        op: Some(op),
                        lang,
                        body
                    }
                );
            }
        }
        assert_eq!(request(Op::Json, Lang::En, "X"), "json\nen\nX");
        let odd = Request::parse("pdf");
        assert_eq!((odd.op, odd.lang, odd.body), (None, Lang::Vi, ""));
    }

    #[test]
    fn replies_are_read_by_field() {
        assert_eq!(read_reply(&ok("AXja\n")), Ok("AXja\n"));
        assert_eq!(read_reply("ok\nAXja\n"), Ok("AXja\n"));
        let p = read_reply("err\nregion\tKhông có địa phương “x”.\nallocation.swim\tâm\n")
            .expect_err("problems");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].field, "region");
        assert_eq!(p[1].message, "âm");
        let odd = read_reply("the worker crashed").expect_err("problem");
        assert_eq!(odd, vec![ImportProblem::file("the worker crashed")]);
        assert_eq!(read_reply("err\n"), Err(Vec::new()));
    }

    #[test]
    fn problems_stay_one_line_each() {
        let list = vec![
            ImportProblem {
                field: "a\tb".into(),
                message: "line\nbreak\r".into(),
            },
            ImportProblem::file("x"),
        ];
        let text = problems(&list);
        assert_eq!(text, "err\na b\tline break \nfile\tx\n");
        let back = read_reply(&text).expect_err("problems");
        assert_eq!(back[0].field, "a b");
        assert_eq!(back[1], ImportProblem::file("x"));
    }
}
