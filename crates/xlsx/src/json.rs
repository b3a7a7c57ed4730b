//! The scenario file (JSON, docs/scenario.md): written pretty for "export JSON", read back
//! for "import" with every problem placed by field, in the user's language. It lives in the
//! file worker so that no JSON reader or writer for scenarios is part of the app's first
//! load.

pub use model::worker::{ImportProblem, MAX_IMPORT_BYTES};
use model::{Lang, Scenario};

/// Reads an exported scenario file (the JSON of docs/scenario.md). On failure, every
/// problem found, each with its field and a message in `lang`.
pub fn parse_import(text: &str, lang: Lang) -> Result<Scenario, Vec<ImportProblem>> {
    let file_problem = |message: String| vec![ImportProblem::file(message)];
    if text.len() > MAX_IMPORT_BYTES {
        return Err(file_problem(
            lang.pick(
                "Tệp quá lớn để là một kịch bản (tối đa 1 MB).",
                "The file is too large to be a scenario (at most 1 MB).",
            )
            .into(),
        ));
    }
    let text = text.trim_start_matches('\u{FEFF}');
    if text.trim().is_empty() {
        return Err(file_problem(
            lang.pick("Tệp trống.", "The file is empty.").into(),
        ));
    }
    let scenario: Scenario = match serde_json::from_str(text) {
        Ok(s) => Scenario::migrated(s),
        Err(e) => return Err(vec![json_problem(text, &e, lang)]),
    };
    let problems = scenario.problems();
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(problems
            .iter()
            .take(50)
            .map(|p| ImportProblem {
                field: p.field(),
                message: p.message(lang),
            })
            .collect())
    }
}

/// A serde error as a message in the user's language, with the field when serde names one.
fn json_problem(text: &str, e: &serde_json::Error, lang: Lang) -> ImportProblem {
    use serde_json::error::Category;
    let detail = e.to_string();
    let (line, column) = (e.line(), e.column());
    let field = backticked(&detail).unwrap_or_else(|| model::worker::FILE.to_string());
    let message = match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => match lang {
            Lang::Vi => format!(
                "Tệp không phải JSON hợp lệ (dòng {line}, cột {column}). Hãy chọn tệp .json do ứng dụng xuất ra."
            ),
            Lang::En => format!(
                "The file is not valid JSON (line {line}, column {column}). Choose a .json file this app exported."
            ),
        },
        Category::Data => {
            if detail.starts_with("unknown field") {
                match lang {
                    Lang::Vi => {
                        format!("Trường “{field}” không có trong định dạng kịch bản (dòng {line}).")
                    }
                    Lang::En => {
                        format!("“{field}” is not a field of the scenario format (line {line}).")
                    }
                }
            } else if detail.starts_with("missing field") {
                match lang {
                    Lang::Vi => format!("Thiếu trường bắt buộc “{field}”."),
                    Lang::En => format!("The required field “{field}” is missing."),
                }
            } else {
                let what = where_in(text, line);
                match lang {
                    Lang::Vi => format!("Giá trị sai kiểu ở dòng {line}, cột {column}{what}."),
                    Lang::En => {
                        format!("A value has the wrong type at line {line}, column {column}{what}.")
                    }
                }
            }
        }
    };
    ImportProblem { field, message }
}

/// The first `name` between backticks in a serde message.
fn backticked(detail: &str) -> Option<String> {
    let start = detail.find('`')? + 1;
    let len = detail[start..].find('`')?;
    let name: String = detail[start..start + len].chars().take(60).collect();
    (!name.is_empty()).then_some(name)
}

/// `: <the line's text>` (short), to show the user where the bad value is.
fn where_in(text: &str, line: usize) -> String {
    let Some(l) = text.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let l = l.trim();
    let shown: String = l.chars().take(60).collect();
    if shown.is_empty() {
        String::new()
    } else if l.chars().count() > 60 {
        format!(": {shown}…")
    } else {
        format!(": {shown}")
    }
}

/// The scenario as the JSON file the export button writes (pretty, documented in
/// docs/scenario.md); [`parse_import`] reads it back to the identical scenario.
pub fn export_json(s: &Scenario) -> String {
    let mut text = serde_json::to_string_pretty(s).unwrap_or_default();
    text.push('\n');
    text
}
