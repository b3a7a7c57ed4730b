//! `kehoach`: the model on the command line, for analysts and tests. Runs, shares, opens,
//! optimises and goal-seeks scenarios; prints aligned tables with Vietnamese number
//! formatting, or JSON with `--json` (see docs/cli.md). Never panics on input: every
//! problem is a message on stderr and a non-zero exit code.

use std::io::{Read, Write};
use std::process::ExitCode;

use model::data::{self, LINES, TARGETS};
use model::field::{FieldPath, Param};
use model::money::{fmt_dec, fmt_int, fmt_money_short};
use model::{Lang, Money, Projection, Scenario};

/// Version of the `--json` output shapes (docs/cli.md).
const JSON_VERSION: u32 = 1;
/// Largest scenario file read, bytes.
const MAX_INPUT: u64 = 4 * 1024 * 1024;

/// Exit code: bad input (file, JSON, scenario, link).
const EXIT_INPUT: u8 = 1;
/// Exit code: the command line itself is wrong.
const EXIT_USAGE: u8 = 2;
/// Exit code: the question has no answer (a goal unreachable within the caps).
const EXIT_NO_ANSWER: u8 = 3;

/// Why a command stopped.
enum Failure {
    Usage(String),
    Input(String),
    NoAnswer(String),
}

impl Failure {
    fn code(&self) -> u8 {
        match self {
            Failure::Usage(_) => EXIT_USAGE,
            Failure::Input(_) => EXIT_INPUT,
            Failure::NoAnswer(_) => EXIT_NO_ANSWER,
        }
    }

    fn text(&self) -> &str {
        match self {
            Failure::Usage(t) | Failure::Input(t) | Failure::NoAnswer(t) => t,
        }
    }
}

type Outcome = Result<String, (String, Failure)>;

fn main() -> ExitCode {
    // args_os: a non-UTF-8 argument must not panic.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let lang = early_lang(&args);
    match cli(&args, lang) {
        Ok(out) => {
            // A closed pipe (`kehoach run x | head`) is not an error worth a panic.
            let _ = std::io::stdout().lock().write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err((out, f)) => {
            let _ = std::io::stdout().lock().write_all(out.as_bytes());
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "kehoach: {}", f.text());
            if let Failure::Usage(_) = f {
                let _ = writeln!(
                    err,
                    "{}",
                    lang.pick(
                        "Gõ `kehoach help` để xem cách dùng.",
                        "Run `kehoach help` for usage."
                    )
                );
            }
            ExitCode::from(f.code())
        }
    }
}

/// The language asked for anywhere on the line, so even usage errors speak it.
fn early_lang(args: &[String]) -> Lang {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--lang" {
            if let Some(v) = it.next() {
                return Lang::from_code(v);
            }
        } else if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::from_code(v);
        }
    }
    Lang::Vi
}

// ---------------------------------------------------------------------------------------
// Arguments.

/// A parsed command line: positional arguments and `--flag [value]` options.
struct Args {
    positional: Vec<String>,
    json: bool,
    lang: Lang,
    draws: Option<u32>,
    objective: Option<String>,
    target: Option<String>,
    year: Option<i32>,
}

/// Parses the words after the command, allowing only `allowed` options.
fn parse(words: &[String], allowed: &[&str], lang: Lang) -> Result<Args, Failure> {
    let mut a = Args {
        positional: Vec::new(),
        json: false,
        lang,
        draws: None,
        objective: None,
        target: None,
        year: None,
    };
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        i += 1;
        if w == "-" || !w.starts_with("--") {
            a.positional.push(w.clone());
            continue;
        }
        let (name, inline) = match w.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (w.as_str(), None),
        };
        if !allowed.contains(&name) {
            return Err(Failure::Usage(match lang {
                Lang::Vi => format!("tùy chọn không hợp lệ ở đây: {name}"),
                Lang::En => format!("option not valid here: {name}"),
            }));
        }
        if name == "--json" {
            if inline.is_some() {
                return Err(Failure::Usage(
                    lang.pick("--json không nhận giá trị", "--json takes no value")
                        .into(),
                ));
            }
            a.json = true;
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => match words.get(i) {
                Some(v) => {
                    i += 1;
                    v.clone()
                }
                None => {
                    return Err(Failure::Usage(match lang {
                        Lang::Vi => format!("{name} cần một giá trị"),
                        Lang::En => format!("{name} needs a value"),
                    }));
                }
            },
        };
        let bad = |what: &str| {
            Failure::Usage(match lang {
                Lang::Vi => format!("{name}: “{value}” không phải {what}"),
                Lang::En => format!("{name}: “{value}” is not {what}"),
            })
        };
        match name {
            "--lang" => match value.as_str() {
                "vi" | "en" => a.lang = Lang::from_code(&value),
                _ => return Err(bad(lang.pick("vi hoặc en", "vi or en"))),
            },
            "--draws" => {
                a.draws =
                    Some(value.parse::<u32>().map_err(|_| {
                        bad(lang.pick("một số nguyên không âm", "a whole number ≥ 0"))
                    })?);
            }
            "--objective" => a.objective = Some(value),
            "--target" => a.target = Some(value),
            "--year" => {
                a.year = Some(
                    value
                        .parse::<i32>()
                        .map_err(|_| bad(lang.pick("một năm", "a year")))?,
                );
            }
            _ => {}
        }
    }
    Ok(a)
}

/// Exactly one positional argument (the file or the link).
fn one_input(a: &Args, what_vi: &str, what_en: &str) -> Result<String, Failure> {
    match a.positional.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(Failure::Usage(match a.lang {
            Lang::Vi => format!("thiếu {what_vi}"),
            Lang::En => format!("missing {what_en}"),
        })),
        [_, extra, ..] => Err(Failure::Usage(match a.lang {
            Lang::Vi => format!("thừa đối số: {extra}"),
            Lang::En => format!("unexpected argument: {extra}"),
        })),
    }
}

// ---------------------------------------------------------------------------------------
// Commands.

fn cli(args: &[String], lang: Lang) -> Outcome {
    let fail = |f: Failure| (String::new(), f);
    let Some(cmd) = args.first() else {
        return Ok(help(lang));
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "help" | "--help" | "-h" => Ok(help(lang)),
        "--version" | "-V" | "version" => Ok(format!(
            "kehoach {} (scenario schema {}, link format {}, JSON output {})\n",
            env!("CARGO_PKG_VERSION"),
            model::SCHEMA_VERSION,
            model::codec::LINK_VERSION,
            JSON_VERSION
        )),
        "run" => {
            let a = parse(rest, &["--json", "--draws", "--lang"], lang).map_err(fail)?;
            cmd_run(&a).map_err(fail)
        }
        "link" => {
            let a = parse(rest, &["--lang"], lang).map_err(fail)?;
            cmd_link(&a).map_err(fail)
        }
        "open" => {
            let a = parse(rest, &["--lang"], lang).map_err(fail)?;
            cmd_open(&a).map_err(fail)
        }
        "assumptions" => {
            let a = parse(rest, &["--json", "--lang"], lang).map_err(fail)?;
            cmd_assumptions(&a).map_err(fail)
        }
        "optimize" | "optimise" => {
            let a = parse(rest, &["--json", "--objective", "--lang"], lang).map_err(fail)?;
            cmd_optimize(&a)
        }
        "goal" => {
            let a = parse(rest, &["--json", "--target", "--year", "--lang"], lang).map_err(fail)?;
            cmd_goal(&a)
        }
        other => Err(fail(Failure::Usage(match lang {
            Lang::Vi => format!("không có lệnh “{other}”"),
            Lang::En => format!("no command “{other}”"),
        }))),
    }
}

fn help(lang: Lang) -> String {
    match lang {
        Lang::Vi => "\
kehoach — mô phỏng kế hoạch ngân sách bảo vệ trẻ em (bản dòng lệnh)

Cách dùng:
  kehoach run <kịch-bản.json> [--json] [--draws N] [--lang vi|en]
      Tính kết quả: số trẻ được tiếp cận, được hỗ trợ, số ca tử vong do đuối nước
      tránh được, các mục tiêu quốc gia; khoảng bất định p10–p90 từ N lần rút
      (mặc định 1.000; 0 = bỏ qua).
  kehoach link <kịch-bản.json>
      In đoạn liên kết chia sẻ #s=… của kịch bản.
  kehoach open <liên-kết>
      Đọc liên kết (mã, #s=…, hoặc cả URL) và in kịch bản dạng JSON.
  kehoach optimize <kịch-bản.json> --objective deaths|supported|mixed [--json]
      Đề xuất phân bổ tốt nhất trong ngân sách, giữ các tuyến bị khóa, mức sàn, trần.
  kehoach goal <kịch-bản.json> --target <mã mục tiêu> --year <năm> [--json]
      Ngân sách nhỏ nhất để đạt một mục tiêu quốc gia vào một năm.
  kehoach assumptions <kịch-bản.json> [--json]
      Liệt kê mọi giả định (số liệu địa phương, chi phí, hiệu quả) và nguồn.
  kehoach help

Dùng “-” thay cho tên tệp (hoặc liên kết) để đọc từ đầu vào chuẩn.
Mã thoát: 0 thành công · 1 đầu vào sai · 2 dòng lệnh sai · 3 không có lời giải.
Mã mục tiêu: {targets}
"
        .to_string(),
        Lang::En => "\
kehoach — child-protection budget planning simulator (command line)

Usage:
  kehoach run <scenario.json> [--json] [--draws N] [--lang vi|en]
      Projects the plan: children reached and supported, child drowning deaths
      averted, national targets; p10–p90 uncertainty from N draws
      (default 1,000; 0 = skip).
  kehoach link <scenario.json>
      Prints the scenario's share-link fragment #s=….
  kehoach open <link>
      Reads a link (the code, #s=…, or a whole URL) and prints the scenario JSON.
  kehoach optimize <scenario.json> --objective deaths|supported|mixed [--json]
      Proposes the best allocation within the budget, keeping locks, floors, ceilings.
  kehoach goal <scenario.json> --target <target id> --year <year> [--json]
      The least budget that meets a national target by a year.
  kehoach assumptions <scenario.json> [--json]
      Lists every assumption (region figures, costs, effects) with its source.
  kehoach help

Use “-” for the file (or link) to read standard input.
Exit codes: 0 success · 1 bad input · 2 bad command line · 3 no answer.
Target ids: {targets}
"
        .to_string(),
    }
    .replace(
        "{targets}",
        &target_ids(lang.pick("Mã mục tiêu: ", "Target ids: ").chars().count()),
    )
}

/// The target ids of the catalogue, wrapped under a label of `indent` columns.
fn target_ids(indent: usize) -> String {
    let mut out = String::new();
    let mut col = indent;
    for (i, t) in TARGETS.iter().enumerate() {
        let last = i + 1 == TARGETS.len();
        let word = format!("{}{}", t.id, if last { "." } else { "," });
        if col + word.len() + 1 > 80 && col > indent {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = indent;
        } else if i > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(&word);
        col += word.len();
    }
    out
}

/// Reads a file, or standard input for "-", within [`MAX_INPUT`].
fn read_input(path: &str, lang: Lang) -> Result<String, Failure> {
    let mut buf = Vec::new();
    let result = if path == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT + 1)
            .read_to_end(&mut buf)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_INPUT + 1).read_to_end(&mut buf))
    };
    let name = if path == "-" {
        lang.pick("đầu vào chuẩn", "standard input").to_string()
    } else {
        path.to_string()
    };
    if let Err(e) = result {
        return Err(Failure::Input(match lang {
            Lang::Vi => format!("không đọc được {name}: {}", io_reason(&e, lang)),
            Lang::En => format!("cannot read {name}: {}", io_reason(&e, lang)),
        }));
    }
    if buf.len() as u64 > MAX_INPUT {
        return Err(Failure::Input(match lang {
            Lang::Vi => format!("{name} quá lớn (tối đa 4 MB)"),
            Lang::En => format!("{name} is too large (at most 4 MB)"),
        }));
    }
    String::from_utf8(buf).map_err(|_| {
        Failure::Input(match lang {
            Lang::Vi => format!("{name} không phải văn bản UTF-8"),
            Lang::En => format!("{name} is not UTF-8 text"),
        })
    })
}

fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => lang.pick("không có tệp này", "no such file").into(),
        std::io::ErrorKind::PermissionDenied => {
            lang.pick("không có quyền đọc", "permission denied").into()
        }
        _ => e.to_string(),
    }
}

/// Reads a scenario file and parses it, without validating.
fn load_unchecked(path: &str, lang: Lang) -> Result<Scenario, Failure> {
    let text = read_input(path, lang)?;
    let name = display_name(path);
    serde_json::from_str(&text)
        .map(Scenario::migrated)
        .map_err(|e| {
            Failure::Input(match lang {
                Lang::Vi => format!(
                    "{name}: không phải tệp kịch bản JSON hợp lệ (dòng {}, cột {}): {}",
                    e.line(),
                    e.column(),
                    json_reason(&e)
                ),
                Lang::En => format!(
                    "{name}: not a valid scenario JSON file (line {}, column {}): {}",
                    e.line(),
                    e.column(),
                    json_reason(&e)
                ),
            })
        })
}

/// Reads and validates a scenario file.
fn load(path: &str, lang: Lang) -> Result<Scenario, Failure> {
    let s = load_unchecked(path, lang)?;
    s.validate().map_err(|e| scenario_failure(path, &e, lang))?;
    Ok(s)
}

fn display_name(path: &str) -> &str {
    if path == "-" { "stdin" } else { path }
}

/// A scenario problem as a message naming the file and the field.
fn scenario_failure(path: &str, e: &model::ScenarioError, lang: Lang) -> Failure {
    let name = display_name(path);
    Failure::Input(match lang {
        Lang::Vi => format!(
            "{name}: kịch bản không hợp lệ — {} [{}]",
            e.message(lang),
            e.field()
        ),
        Lang::En => format!(
            "{name}: the scenario is not valid — {} [{}]",
            e.message(lang),
            e.field()
        ),
    })
}

/// serde_json's message without its trailing " at line L column C".
fn json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    // Serialising our own plain data types cannot fail; say so rather than panic if it did.
    match serde_json::to_string_pretty(v) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

fn cmd_link(a: &Args) -> Result<String, Failure> {
    let path = one_input(a, "tệp kịch bản", "a scenario file")?;
    let s = load(&path, a.lang)?;
    Ok(format!("{}\n", model::fragment(&s)))
}

fn cmd_open(a: &Args) -> Result<String, Failure> {
    let arg = one_input(a, "liên kết", "a link")?;
    let text = if arg == "-" {
        read_input("-", a.lang)?
    } else {
        arg
    };
    let s = model::decode(&text).map_err(|e| Failure::Input(e.message(a.lang)))?;
    Ok(to_json(&s))
}

fn cmd_run(a: &Args) -> Result<String, Failure> {
    let path = one_input(a, "tệp kịch bản", "a scenario file")?;
    let s = load(&path, a.lang)?;
    let invalid = |e: model::ScenarioError| Failure::Input(e.message(a.lang));
    let p = model::evaluate(&s).map_err(invalid)?;
    let draws = a.draws.unwrap_or(model::mc::DEFAULT_DRAWS);
    let u = if draws == 0 {
        None
    } else {
        Some(model::simulate(&s, draws).map_err(invalid)?)
    };
    if a.json {
        #[derive(serde::Serialize)]
        struct RunJson<'a> {
            version: u32,
            scenario: &'a Scenario,
            projection: &'a Projection,
            uncertainty: Option<&'a model::Uncertainty>,
        }
        return Ok(to_json(&RunJson {
            version: JSON_VERSION,
            scenario: &s,
            projection: &p,
            uncertainty: u.as_ref(),
        }));
    }
    Ok(render_run(&s, &p, u.as_ref(), a.lang))
}

fn cmd_assumptions(a: &Args) -> Result<String, Failure> {
    let path = one_input(a, "tệp kịch bản", "a scenario file")?;
    let s = load(&path, a.lang)?;
    let rows = model::assumptions(&s);
    if a.json {
        #[derive(serde::Serialize)]
        struct AssumptionsJson<'a> {
            version: u32,
            region: &'a str,
            assumptions: &'a [model::Assumption],
        }
        return Ok(to_json(&AssumptionsJson {
            version: JSON_VERSION,
            region: &s.region,
            assumptions: &rows,
        }));
    }
    let lang = a.lang;
    let mut out = heading(&s, lang);
    let mut group = String::new();
    let mut table = Table::new(&[
        (lang.pick("Giả định", "Assumption"), Align::Left),
        (lang.pick("Giá trị", "Value"), Align::Right),
        (lang.pick("Đơn vị", "Unit"), Align::Left),
        (lang.pick("Độ tin cậy", "Confidence"), Align::Left),
    ]);
    // Sources, with the keys that share one grouped together.
    let mut notes: Vec<(Vec<String>, &str)> = Vec::new();
    for r in &rows {
        let g = r.group(lang);
        if g != group {
            table.section(&g);
            group = g;
        }
        let mark = if r.edited { " *" } else { "" };
        match notes.iter_mut().find(|(keys, src)| {
            *src == r.source && keys[0].split('.').nth(1) == r.key.split('.').nth(1)
        }) {
            Some((keys, _)) => keys.push(r.key.clone()),
            None => notes.push((vec![r.key.clone()], r.source)),
        }
        table.row(vec![
            format!("  {}{mark}", r.label(lang)),
            r.display(lang),
            unit_cell(r, lang),
            r.confidence.label(lang).to_string(),
        ]);
    }
    out.push_str(&table.render());
    if rows.iter().any(|r| r.edited) {
        out.push_str(lang.pick(
            "\n* đã sửa trong kịch bản này\n",
            "\n* changed in this scenario\n",
        ));
    }
    out.push_str(lang.pick("\nNguồn:\n", "\nSources:\n"));
    for (keys, source) in notes {
        out.push_str(&format!("  [{}] {source}\n", keys.join(", ")));
    }
    Ok(out)
}

/// The unit column: nothing for shares (the value says %), "/ unit" for costs (the value
/// says đ).
fn unit_cell(r: &model::Assumption, lang: Lang) -> String {
    match r.unit {
        model::Unit::Share => String::new(),
        model::Unit::DongPerUnit => {
            let unit = r.line.and_then(data::line).map_or("", |l| l.unit(lang));
            format!("/ {unit}")
        }
        _ => r.unit_label(lang),
    }
}

// ---------------------------------------------------------------------------------------
// Optimiser and goal seek: thin wrappers over the model.

fn cmd_optimize(a: &Args) -> Outcome {
    let fail = |f: Failure| (String::new(), f);
    let lang = a.lang;
    let path = one_input(a, "tệp kịch bản", "a scenario file").map_err(fail)?;
    let Some(name) = a.objective.as_deref() else {
        return Err(fail(Failure::Usage(
            lang.pick(
                "thiếu --objective deaths|supported|mixed",
                "missing --objective deaths|supported|mixed",
            )
            .into(),
        )));
    };
    let objective = objective_from(name).ok_or_else(|| {
        fail(Failure::Usage(match lang {
            Lang::Vi => format!(
                "--objective: “{name}” không hợp lệ (deaths, supported, mixed hoặc mixed:N)"
            ),
            Lang::En => {
                format!("--objective: “{name}” is not valid (deaths, supported, mixed or mixed:N)")
            }
        }))
    })?;
    // The optimiser repairs an over-budget allocation, so only the JSON and the ids are
    // checked here; every other problem comes back from `optimize`.
    let s = load_unchecked(&path, lang).map_err(fail)?;
    let p = model::optimize(&s, objective).map_err(|e| {
        fail(if e.path() == FieldPath::Param(Param::PerDeath) {
            // The weight comes from the command line, not the file.
            Failure::Usage(format!("--objective: {}", e.message(lang)))
        } else {
            scenario_failure(&path, &e, lang)
        })
    })?;
    if a.json {
        #[derive(serde::Serialize)]
        struct OptimizeJson<'a> {
            version: u32,
            proposal: &'a model::Proposal,
        }
        return Ok(to_json(&OptimizeJson {
            version: JSON_VERSION,
            proposal: &p,
        }));
    }
    let mut out = heading(&s, lang);
    out.push_str(&format!(
        "{}: {}\n{}: {} · {}: {} · {}: {}\n\n",
        lang.pick("Mục tiêu tối ưu", "Objective"),
        p.objective.label(lang),
        lang.pick("Ngân sách mỗi năm", "Budget a year"),
        money(p.budget, lang),
        lang.pick("Đề xuất phân bổ", "Proposed"),
        money(p.allocated, lang),
        lang.pick("Còn lại", "Unallocated"),
        money(p.unallocated, lang),
    ));
    let mut t = Table::new(&[
        (
            lang.pick("Tuyến chương trình", "Programme line"),
            Align::Left,
        ),
        (lang.pick("Hiện tại/năm", "Current"), Align::Right),
        (lang.pick("Đề xuất/năm", "Proposed"), Align::Right),
        (lang.pick("Thay đổi", "Change"), Align::Right),
        (lang.pick("Ràng buộc", "Constraint"), Align::Left),
    ]);
    for def in LINES {
        let now = s.alloc(def.id);
        let new = p.allocation.get(def.id).copied().unwrap_or_default();
        let change = new.saturating_sub(now);
        let change = if change.0 == 0 {
            "—".to_string()
        } else if change.0 > 0 {
            format!("+{}", money(change, lang))
        } else {
            money(change, lang)
        };
        t.row(vec![
            clip(def.name(lang), 50),
            money(now, lang),
            money(new, lang),
            change,
            constraint_cell(&s, def.id, lang),
        ]);
    }
    out.push_str(&t.render());
    out.push('\n');
    if let model::Objective::Weighted { .. } = p.objective {
        // The headline figures below speak for the single objectives; the mix needs its score.
        out.push_str(&format!(
            "{}: {} → {}\n",
            p.objective.label(lang),
            fmt_dec(p.before, 1, lang),
            fmt_dec(p.after, 1, lang)
        ));
    }
    if let (Ok(before), Ok(after)) = (model::evaluate(&s), model::evaluate(&p.scenario)) {
        let (b, a2) = (&before.headline, &after.headline);
        out.push_str(&format!(
            "{}: {} → {}\n{}: {} → {}\n",
            lang.pick("Tử vong do đuối nước tránh được", "Drowning deaths averted"),
            fmt_dec(b.deaths_averted, 1, lang),
            fmt_dec(a2.deaths_averted, 1, lang),
            lang.pick("Trẻ em được hỗ trợ", "Children supported"),
            count(b.children_supported, lang),
            count(a2.children_supported, lang),
        ));
    }
    Ok(out)
}

/// `deaths`, `supported`, `mixed` (or `mixed:N`), and the model's own names.
fn objective_from(name: &str) -> Option<model::Objective> {
    let n = name.trim().to_ascii_lowercase();
    if n == "mixed" {
        return Some(model::Objective::weighted());
    }
    match n
        .strip_prefix("mixed:")
        .or_else(|| n.strip_prefix("mixed="))
    {
        Some(w) => model::Objective::from_name(&format!("weighted:{w}")),
        None => model::Objective::from_name(&n),
    }
}

fn constraint_cell(s: &Scenario, id: &str, lang: Lang) -> String {
    let c = s.constraint(id);
    let mut parts = Vec::new();
    if c.locked {
        parts.push(lang.pick("khóa", "locked").to_string());
    }
    if let Some(f) = c.floor {
        parts.push(format!("{} {}", lang.pick("sàn", "floor"), money(f, lang)));
    }
    if let Some(ce) = c.ceiling {
        parts.push(format!(
            "{} {}",
            lang.pick("trần", "ceiling"),
            money(ce, lang)
        ));
    }
    parts.join(", ")
}

fn cmd_goal(a: &Args) -> Outcome {
    let fail = |f: Failure| (String::new(), f);
    let lang = a.lang;
    let path = one_input(a, "tệp kịch bản", "a scenario file").map_err(fail)?;
    let Some(target) = a.target.as_deref() else {
        return Err(fail(Failure::Usage(match lang {
            Lang::Vi => format!("thiếu --target (một trong: {})", target_list()),
            Lang::En => format!("missing --target (one of: {})", target_list()),
        })));
    };
    let s = load(&path, lang).map_err(fail)?;
    let g = model::goal_seek(&s, target, a.year).map_err(|e| {
        fail(match e {
            // The target and the year come from the command line, not the file.
            model::ScenarioError::UnknownTarget(_) => Failure::Usage(format!(
                "{} ({}: {})",
                e.message(lang),
                lang.pick("các mã", "ids"),
                target_list()
            )),
            model::ScenarioError::YearOutsidePlan { .. } => Failure::Usage(e.message(lang)),
            _ => scenario_failure(&path, &e, lang),
        })
    })?;
    let label = data::target(g.target).map_or(g.target, |t| t.label(lang));
    let out = if a.json {
        #[derive(serde::Serialize)]
        struct GoalJson<'a> {
            version: u32,
            goal: &'a model::GoalSeek,
        }
        to_json(&GoalJson {
            version: JSON_VERSION,
            goal: &g,
        })
    } else {
        let mut out = heading(&s, lang);
        out.push_str(&format!(
            "{}: {label} ({} {}; {}: {})\n{}: {}\n\n",
            lang.pick("Mục tiêu", "Target"),
            lang.pick("năm", "year"),
            g.year,
            lang.pick("ngưỡng", "threshold"),
            pct(g.threshold, lang),
            lang.pick("Phân bổ hiện tại đạt", "The current allocation achieves"),
            pct(g.current, lang),
        ));
        match &g.outcome {
            model::GoalOutcome::Reached {
                budget,
                value,
                allocation,
                ..
            } => {
                out.push_str(&format!(
                    "{}: {} ({})\n{}: {}\n\n",
                    lang.pick("Ngân sách tối thiểu mỗi năm", "Least budget a year"),
                    money(*budget, lang),
                    model::fmt_dong(*budget, lang),
                    lang.pick("Khi đó đạt", "It achieves"),
                    pct(*value, lang),
                ));
                let mut t = Table::new(&[
                    (
                        lang.pick("Tuyến chương trình", "Programme line"),
                        Align::Left,
                    ),
                    (lang.pick("Phân bổ/năm", "A year"), Align::Right),
                ]);
                for def in LINES {
                    let m = allocation.get(def.id).copied().unwrap_or_default();
                    if m.0 > 0 {
                        t.row(vec![clip(def.name(lang), 50), money(m, lang)]);
                    }
                }
                out.push_str(&t.render());
            }
            model::GoalOutcome::Unreachable { best, budget } => {
                out.push_str(&match lang {
                    Lang::Vi => format!(
                        "Không thể đạt mục tiêu trong giới hạn của các tuyến: tốt nhất {} với {} mỗi năm.\n",
                        pct(*best, lang),
                        money(*budget, lang)
                    ),
                    Lang::En => format!(
                        "The target cannot be met within the lines' caps: at best {} with {} a year.\n",
                        pct(*best, lang),
                        money(*budget, lang)
                    ),
                });
            }
        }
        out
    };
    if g.outcome.reached() {
        Ok(out)
    } else {
        Err((
            out,
            Failure::NoAnswer(match lang {
                Lang::Vi => format!("không thể đạt “{label}” vào năm {}", g.year),
                Lang::En => format!("“{label}” cannot be met by {}", g.year),
            }),
        ))
    }
}

fn target_list() -> String {
    TARGETS.iter().map(|t| t.id).collect::<Vec<_>>().join(", ")
}

// ---------------------------------------------------------------------------------------
// Human output.

fn heading(s: &Scenario, lang: Lang) -> String {
    let region = data::region(&s.region)
        .map(|r| r.name(lang))
        .unwrap_or_else(|| s.region.clone());
    let years = if s.start_year == s.end_year {
        s.start_year.to_string()
    } else {
        format!("{}–{}", s.start_year, s.end_year)
    };
    let mut out = String::new();
    if !s.name.is_empty() {
        out.push_str(&format!(
            "{}: {}\n",
            lang.pick("Kịch bản", "Scenario"),
            s.name
        ));
    }
    out.push_str(&format!(
        "{}: {region} · {}: {years}\n\n",
        lang.pick("Địa phương", "Region"),
        lang.pick("Kỳ kế hoạch", "Plan years"),
    ));
    out
}

fn money(m: Money, lang: Lang) -> String {
    fmt_money_short(m, lang)
}

fn opt_money(m: Option<Money>, lang: Lang) -> String {
    m.map_or_else(|| "—".to_string(), |m| money(m, lang))
}

fn pct(x: f64, lang: Lang) -> String {
    if x.is_finite() {
        format!("{} %", fmt_dec(x * 100.0, 1, lang))
    } else {
        "—".into()
    }
}

fn count(n: u64, lang: Lang) -> String {
    fmt_int(i64::try_from(n).unwrap_or(i64::MAX), lang)
}

fn render_run(s: &Scenario, p: &Projection, u: Option<&model::Uncertainty>, lang: Lang) -> String {
    let mut out = heading(s, lang);
    let budget = s.min_year_budget();
    let allocated = s.allocated();
    out.push_str(&format!(
        "{}: {} · {}: {} · {}: {}\n\n",
        lang.pick("Ngân sách mỗi năm", "Budget a year"),
        money(budget, lang),
        lang.pick("Đã phân bổ", "Allocated"),
        money(allocated, lang),
        lang.pick("Còn lại", "Unallocated"),
        money(budget.saturating_sub(allocated), lang),
    ));

    // Lines.
    let mut t = Table::new(&[
        (
            lang.pick("Tuyến chương trình", "Programme line"),
            Align::Left,
        ),
        (lang.pick("Phân bổ/năm", "A year"), Align::Right),
        (lang.pick("Đạt được", "Reach"), Align::Right),
        (lang.pick("Đơn vị", "Unit"), Align::Left),
        (lang.pick("Trẻ được hỗ trợ", "Supported"), Align::Right),
        (
            lang.pick("Tử vong tránh được", "Deaths averted"),
            Align::Right,
        ),
        (lang.pick("Bão hòa", "Saturation"), Align::Right),
    ]);
    let mut unfunded = 0;
    for (def, l) in LINES.iter().zip(&p.lines) {
        if l.annual.0 <= 0 {
            unfunded += 1;
            continue;
        }
        t.row(vec![
            clip(def.name(lang), 50),
            money(l.annual, lang),
            count(l.reach_total, lang),
            clip(def.unit(lang), 28),
            count(l.children_supported, lang),
            if def.drowning.is_some() {
                fmt_dec(l.deaths_averted, 1, lang)
            } else {
                "—".into()
            },
            pct(l.saturation, lang),
        ]);
    }
    out.push_str(&t.render());
    if unfunded > 0 {
        out.push_str(&match lang {
            Lang::Vi => format!("({unfunded} tuyến không được phân bổ)\n"),
            Lang::En if unfunded == 1 => "(1 line has no allocation)\n".to_string(),
            Lang::En => format!("({unfunded} lines have no allocation)\n"),
        });
    }
    if p.years.len() > 1 {
        out.push_str(lang.pick(
            "Đạt được: tổng số đơn vị trong cả kỳ kế hoạch.\n",
            "Reach: units over the whole plan.\n",
        ));
    }
    out.push('\n');

    // Years.
    let mut y = Table::new(&[
        (lang.pick("Năm", "Year"), Align::Left),
        (
            lang.pick("Tử vong (không KH)", "Deaths (no plan)"),
            Align::Right,
        ),
        (lang.pick("Tử vong (có KH)", "Deaths (plan)"), Align::Right),
        (lang.pick("Tránh được", "Averted"), Align::Right),
        (lang.pick("Tỷ suất/100.000", "Rate/100,000"), Align::Right),
        (lang.pick("Trẻ biết bơi", "Can swim"), Align::Right),
        (lang.pick("Xã PHTE", "Child-friendly"), Align::Right),
        (lang.pick("Trẻ được hỗ trợ", "Supported"), Align::Right),
    ]);
    for r in &p.years {
        y.row(vec![
            r.year.to_string(),
            fmt_dec(r.deaths_baseline, 1, lang),
            fmt_dec(r.deaths, 1, lang),
            fmt_dec(r.deaths_averted, 1, lang),
            fmt_dec(r.rate, 2, lang),
            pct(r.swim_share, lang),
            pct(r.child_friendly_share, lang),
            count(r.children_supported, lang),
        ]);
    }
    out.push_str(&y.render());
    out.push('\n');

    // Headline with uncertainty.
    let h = &p.headline;
    let mut k = Table::new(&[
        (lang.pick("Cả kỳ kế hoạch", "Over the plan"), Align::Left),
        (lang.pick("Giá trị", "Value"), Align::Right),
        ("p10", Align::Right),
        ("p50", Align::Right),
        ("p90", Align::Right),
    ]);
    let band_f = |b: &model::Band3, d: u32| {
        vec![
            fmt_dec(b.p10, d, lang),
            fmt_dec(b.p50, d, lang),
            fmt_dec(b.p90, d, lang),
        ]
    };
    let band_u =
        |b: &model::Band3<u64>| vec![count(b.p10, lang), count(b.p50, lang), count(b.p90, lang)];
    let band_p = |b: &model::Band3| vec![pct(b.p10, lang), pct(b.p50, lang), pct(b.p90, lang)];
    let none = || vec![String::new(), String::new(), String::new()];
    let mut kpi = |label: &str, value: String, band: Vec<String>| {
        let mut row = vec![label.to_string(), value];
        row.extend(band);
        k.row(row);
    };
    kpi(
        lang.pick("Tử vong do đuối nước tránh được", "Drowning deaths averted"),
        fmt_dec(h.deaths_averted, 1, lang),
        u.map_or_else(none, |u| band_f(&u.deaths_averted, 1)),
    );
    kpi(
        lang.pick("Tử vong dự kiến (có kế hoạch)", "Expected deaths (plan)"),
        fmt_dec(h.deaths, 1, lang),
        u.map_or_else(none, |u| band_f(&u.deaths, 1)),
    );
    kpi(
        lang.pick(
            "Tỷ suất tử vong năm cuối /100.000",
            "Final-year death rate /100,000",
        ),
        fmt_dec(h.rate_final, 2, lang),
        u.map_or_else(none, |u| band_f(&u.rate_final, 2)),
    );
    kpi(
        lang.pick(
            "Trẻ 6–15 biết bơi (năm cuối)",
            "Aged 6–15 able to swim (final)",
        ),
        pct(h.swim_share_final, lang),
        u.map_or_else(none, |u| band_p(&u.swim_share_final)),
    );
    kpi(
        lang.pick(
            "Xã phù hợp với trẻ em (năm cuối)",
            "Child-friendly communes (final)",
        ),
        pct(h.child_friendly_share_final, lang),
        u.map_or_else(none, |u| band_p(&u.child_friendly_share_final)),
    );
    kpi(
        lang.pick("Trẻ em được tiếp cận", "Children reached"),
        count(h.children_reached, lang),
        u.map_or_else(none, |u| band_u(&u.children_reached)),
    );
    kpi(
        lang.pick("Trẻ em được hỗ trợ", "Children supported"),
        count(h.children_supported, lang),
        u.map_or_else(none, |u| band_u(&u.children_supported)),
    );
    kpi(
        lang.pick("Tổng chi cả kỳ", "Spend over the plan"),
        money(h.spend_total, lang),
        none(),
    );
    kpi(
        lang.pick("Chi phí / ca tử vong tránh được", "Cost per death averted"),
        opt_money(h.cost_per_death_averted, lang),
        u.map_or_else(none, |u| {
            vec![
                opt_money(u.cost_per_death_averted.p10, lang),
                opt_money(u.cost_per_death_averted.p50, lang),
                opt_money(u.cost_per_death_averted.p90, lang),
            ]
        }),
    );
    kpi(
        lang.pick("Chi phí / trẻ được tiếp cận", "Cost per child reached"),
        opt_money(h.cost_per_child_reached, lang),
        none(),
    );
    kpi(
        lang.pick("Chi phí / trẻ được hỗ trợ", "Cost per child supported"),
        opt_money(h.cost_per_child_supported, lang),
        none(),
    );
    out.push_str(&k.render());
    if let Some(u) = u {
        out.push_str(&match lang {
            Lang::Vi => format!(
                "p10–p90: {} lần rút Monte Carlo, hạt giống {}.\n",
                fmt_int(i64::from(u.draws), lang),
                u.seed
            ),
            Lang::En => format!(
                "p10–p90: {} Monte Carlo draws, seed {}.\n",
                fmt_int(i64::from(u.draws), lang),
                u.seed
            ),
        });
    }
    out.push('\n');

    // Targets.
    let mut tt = Table::new(&[
        (
            lang.pick("Mục tiêu quốc gia", "National target"),
            Align::Left,
        ),
        (lang.pick("Năm", "Year"), Align::Left),
        (lang.pick("Kết quả", "Result"), Align::Left),
        (lang.pick("Đạt được", "Achieved"), Align::Right),
        (lang.pick("Không có KH", "No plan"), Align::Right),
        (lang.pick("Xác suất đạt", "Chance"), Align::Right),
    ]);
    for (def, t) in TARGETS.iter().zip(&p.targets) {
        let result = if !t.assessable {
            lang.pick("ngoài kỳ KH", "outside plan")
        } else if t.met {
            lang.pick("ĐẠT", "MET")
        } else {
            lang.pick("không đạt", "missed")
        };
        let chance = u
            .and_then(|u| u.targets.iter().find(|c| c.id == t.id))
            .filter(|c| c.assessable)
            .map_or_else(|| "—".to_string(), |c| pct(c.probability, lang));
        tt.row(vec![
            clip(def.label(lang), 50),
            t.year.to_string(),
            result.to_string(),
            pct(t.value, lang),
            pct(t.baseline_value, lang),
            chance,
        ]);
    }
    out.push_str(&tt.render());
    out
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

// ---------------------------------------------------------------------------------------
// Tables.

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
}

/// A plain-text table whose columns line up (widths counted in characters).
struct Table {
    headers: Vec<String>,
    aligns: Vec<Align>,
    /// `Err(title)` is a section heading spanning the table.
    rows: Vec<Result<Vec<String>, String>>,
}

impl Table {
    fn new(cols: &[(&str, Align)]) -> Table {
        Table {
            headers: cols.iter().map(|(h, _)| (*h).to_string()).collect(),
            aligns: cols.iter().map(|(_, a)| *a).collect(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(Ok(cells));
    }

    fn section(&mut self, title: &str) {
        self.rows.push(Err(title.to_string()));
    }

    fn render(&self) -> String {
        let width = |s: &str| s.chars().count();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for r in self.rows.iter().flatten() {
            for (i, c) in r.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(width(c));
                }
            }
        }
        let line = |cells: &[String]| {
            let mut s = String::new();
            for (i, w) in widths.iter().enumerate() {
                let c = cells.get(i).map_or("", String::as_str);
                let pad = " ".repeat(w.saturating_sub(width(c)));
                if i > 0 {
                    s.push_str("  ");
                }
                match self.aligns.get(i).copied().unwrap_or(Align::Left) {
                    Align::Left => {
                        s.push_str(c);
                        s.push_str(&pad);
                    }
                    Align::Right => {
                        s.push_str(&pad);
                        s.push_str(c);
                    }
                }
            }
            s.truncate(s.trim_end().len());
            s.push('\n');
            s
        };
        let total: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
        let mut out = line(&self.headers);
        out.push_str(&"─".repeat(total));
        out.push('\n');
        for r in &self.rows {
            match r {
                Ok(cells) => out.push_str(&line(cells)),
                Err(title) => {
                    out.push_str(title);
                    out.push('\n');
                }
            }
        }
        out
    }
}
