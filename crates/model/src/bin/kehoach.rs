//! `kehoach`: the model on the command line, for analysts and tests. Runs, shares, opens,
//! optimises and goal-seeks scenarios; prints aligned tables with Vietnamese number
//! formatting, or JSON with `--json` (see docs/cli.md). Never panics on input: every
//! problem is a message on stderr and a non-zero exit code.

use std::io::{Read, Write};
use std::process::ExitCode;

use model::advice::{Advice, ResultKind, ZeroReason};
use model::data::{self, TARGETS};
use model::field::{FieldPath, Param};
use model::figures::Figure;
use model::fmt::{NONE, count, fmt_dec, fmt_dong, fmt_int, money, pct, rate};
use model::words::{Cli, Common};
use model::{Lang, Projection, Scenario, Verdict};

/// Version of the `--json` output shapes (docs/cli.md).
const JSON_VERSION: u32 = 2;
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
                let _ = writeln!(err, "{}", Cli::SeeHelp.get(lang));
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
    horizon: model::Horizon,
    evidence: model::optimize::Evidence,
    keep_targets: bool,
    keep_supported: bool,
    chance: Option<f64>,
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
        horizon: model::Horizon::default(),
        evidence: model::optimize::Evidence::default(),
        keep_targets: false,
        keep_supported: false,
        chance: None,
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
            return Err(Failure::Usage(Cli::OptionNotHere.fill(lang, &[name])));
        }
        if name == "--json" {
            if inline.is_some() {
                return Err(Failure::Usage(Cli::JsonTakesNoValue.get(lang).into()));
            }
            a.json = true;
            continue;
        }
        if name == "--keep-targets" || name == "--keep-supported" {
            if inline.is_some() {
                return Err(Failure::Usage(Cli::FlagTakesNoValue.fill(lang, &[name])));
            }
            if name == "--keep-targets" {
                a.keep_targets = true;
            } else {
                a.keep_supported = true;
            }
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
                    return Err(Failure::Usage(Cli::OptionNeedsValue.fill(lang, &[name])));
                }
            },
        };
        let bad =
            |what: Cli| Failure::Usage(Cli::BadValue.fill(lang, &[name, &value, what.get(lang)]));
        match name {
            "--lang" => match value.as_str() {
                "vi" | "en" => a.lang = Lang::from_code(&value),
                _ => return Err(bad(Cli::ViOrEn)),
            },
            "--draws" => {
                a.draws = Some(value.parse::<u32>().map_err(|_| bad(Cli::WholeNumber))?);
            }
            "--objective" => a.objective = Some(value),
            "--target" => a.target = Some(value),
            "--year" => {
                a.year = Some(value.parse::<i32>().map_err(|_| bad(Cli::AYear))?);
            }
            "--horizon" => {
                a.horizon =
                    model::Horizon::from_name(&value).ok_or_else(|| bad(Cli::HorizonValues))?;
            }
            "--evidence" => {
                a.evidence = model::optimize::Evidence::from_name(&value)
                    .ok_or_else(|| bad(Cli::EvidenceValues))?;
            }
            "--chance" => {
                let x: f64 = value
                    .trim_end_matches('%')
                    .replace(',', ".")
                    .trim()
                    .parse()
                    .map_err(|_| bad(Cli::ChanceValues))?;
                let x = if x > 1.0 { x / 100.0 } else { x };
                if !(0.5..=0.99).contains(&x) {
                    return Err(bad(Cli::ChanceValues));
                }
                a.chance = Some(x);
            }
            _ => {}
        }
    }
    Ok(a)
}

/// Exactly one positional argument (the file or the link).
fn one_input(a: &Args, what: Cli) -> Result<String, Failure> {
    match a.positional.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(Failure::Usage(
            Cli::Missing.fill(a.lang, &[what.get(a.lang)]),
        )),
        [_, extra, ..] => Err(Failure::Usage(
            Cli::UnexpectedArgument.fill(a.lang, &[extra]),
        )),
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
            let a = parse(
                rest,
                &["--json", "--draws", "--horizon", "--chance", "--lang"],
                lang,
            )
            .map_err(fail)?;
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
            let a = parse(
                rest,
                &[
                    "--json",
                    "--objective",
                    "--horizon",
                    "--evidence",
                    "--keep-targets",
                    "--keep-supported",
                    "--chance",
                    "--lang",
                ],
                lang,
            )
            .map_err(fail)?;
            cmd_optimize(&a)
        }
        "goal" => {
            let a = parse(
                rest,
                &["--json", "--target", "--year", "--chance", "--lang"],
                lang,
            )
            .map_err(fail)?;
            cmd_goal(&a)
        }
        other => Err(fail(Failure::Usage(Cli::NoCommand.fill(lang, &[other])))),
    }
}

fn help(lang: Lang) -> String {
    let indent = Cli::TargetIdsLabel.get(lang).chars().count();
    Cli::Help.fill(lang, &[&target_ids(indent)])
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
        Cli::StandardInput.get(lang).to_string()
    } else {
        path.to_string()
    };
    if let Err(e) = result {
        return Err(Failure::Input(
            Cli::CannotRead.fill(lang, &[&name, &io_reason(&e, lang)]),
        ));
    }
    if buf.len() as u64 > MAX_INPUT {
        return Err(Failure::Input(Cli::TooLarge.fill(lang, &[&name])));
    }
    String::from_utf8(buf).map_err(|_| Failure::Input(Cli::NotUtf8.fill(lang, &[&name])))
}

fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => Cli::NoSuchFile.get(lang).into(),
        std::io::ErrorKind::PermissionDenied => Cli::PermissionDenied.get(lang).into(),
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
            Failure::Input(Cli::NotScenarioJson.fill(
                lang,
                &[
                    name,
                    &e.line().to_string(),
                    &e.column().to_string(),
                    &json_reason(&e),
                ],
            ))
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
    Failure::Input(Cli::InvalidScenario.fill(lang, &[name, &e.message(lang), &e.field()]))
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
    let path = one_input(a, Cli::ScenarioFile)?;
    let s = load(&path, a.lang)?;
    Ok(format!("{}\n", model::fragment(&s)))
}

fn cmd_open(a: &Args) -> Result<String, Failure> {
    let arg = one_input(a, Cli::ALink)?;
    let text = if arg == "-" {
        read_input("-", a.lang)?
    } else {
        arg
    };
    let s = model::decode(&text).map_err(|e| Failure::Input(e.message(a.lang)))?;
    Ok(to_json(&s))
}

fn cmd_run(a: &Args) -> Result<String, Failure> {
    let path = one_input(a, Cli::ScenarioFile)?;
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
    let asked = a.chance.unwrap_or(model::goal::DEFAULT_CHANCE);
    Ok(render_run(&s, &p, u.as_ref(), asked, a.horizon, a.lang))
}

fn cmd_assumptions(a: &Args) -> Result<String, Failure> {
    let path = one_input(a, Cli::ScenarioFile)?;
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
        (Common::Assumption.get(lang), Align::Left),
        (Common::Value.get(lang), Align::Right),
        (Common::Unit.get(lang), Align::Left),
        (Common::Confidence.get(lang), Align::Left),
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
        out.push_str("\n* ");
        out.push_str(Common::ChangedInScenario.get(lang));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(Cli::Sources.get(lang));
    out.push('\n');
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
    let path = one_input(a, Cli::ScenarioFile).map_err(fail)?;
    let Some(name) = a.objective.as_deref() else {
        return Err(fail(Failure::Usage(Cli::MissingObjective.get(lang).into())));
    };
    let objective = objective_from(name)
        .ok_or_else(|| fail(Failure::Usage(Cli::BadObjective.fill(lang, &[name]))))?;
    // The optimiser repairs an over-budget allocation, so only the JSON and the ids are
    // checked here; every other problem comes back from `optimize`.
    let s = load_unchecked(&path, lang).map_err(fail)?;
    let options = model::optimize::Options {
        horizon: a.horizon,
        evidence: a.evidence,
        keep_targets: a.keep_targets,
        keep_supported: a.keep_supported,
        ..model::optimize::Options::default()
    };
    let p = model::optimize::optimize_with(&s, objective, &options).map_err(|e| {
        fail(if e.path() == FieldPath::Param(Param::PerDeath) {
            // The weight comes from the command line, not the file.
            Failure::Usage(format!("--objective: {}", e.message(lang)))
        } else {
            scenario_failure(&path, &e, lang)
        })
    })?;
    // What accepting it changes (the scenario may be over budget: then there is no "before").
    let strong = options.evidence == model::optimize::Evidence::Strong;
    let advice = model::advice::advise(&s, &p.scenario, objective, options.horizon, strong).ok();
    if a.json {
        #[derive(serde::Serialize)]
        struct OptimizeJson<'a> {
            version: u32,
            proposal: &'a model::Proposal,
            advice: Option<&'a Advice>,
        }
        return Ok(to_json(&OptimizeJson {
            version: JSON_VERSION,
            proposal: &p,
            advice: advice.as_ref(),
        }));
    }
    let mut out = heading(&s, lang);
    out.push_str(&format!(
        "{}: {}\n{}: {} · {}: {} · {}: {}\n\n",
        Cli::Objective.get(lang),
        p.objective.label(lang),
        Common::BudgetAYear.get(lang),
        money(p.budget, lang),
        Common::Proposed.get(lang),
        money(p.allocated, lang),
        Common::Unallocated.get(lang),
        money(p.unallocated, lang),
    ));
    let mut t = Table::new(&[
        (Common::ProgrammeLine.get(lang), Align::Left),
        (Common::Current.get(lang), Align::Right),
        (Common::Proposed.get(lang), Align::Right),
        (Common::Change.get(lang), Align::Right),
        (Cli::Constraint.get(lang), Align::Left),
    ]);
    for def in data::lines() {
        let now = s.alloc(def.id);
        let new = p.allocation.get(def.id).copied().unwrap_or_default();
        let change = new.saturating_sub(now);
        let change = if change.0 == 0 {
            NONE.to_string()
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
    let horizon_words = match options.horizon {
        model::Horizon::Lifetime => Cli::HorizonLifetime,
        model::Horizon::Plan => Cli::HorizonPlan,
    };
    out.push_str(&format!(
        "{} ({}): {} → {}\n",
        Cli::ExpectedObjective.fill(lang, &[&options.draws.to_string()]),
        horizon_words.get(lang),
        fmt_dec(p.before, 1, lang),
        fmt_dec(p.after, 1, lang)
    ));
    for (id, kept) in &p.kept_targets {
        let label = data::target(id).map_or(*id, |t| t.label(lang));
        let word = if *kept { Cli::Kept } else { Cli::NotKept };
        out.push_str(&Cli::KeptTarget.fill(lang, &[label, word.get(lang)]));
        out.push('\n');
    }
    if let Some(kept) = p.kept_supported {
        let word = if kept { Cli::Kept } else { Cli::NotKept };
        out.push_str(&Cli::KeptSupported.fill(lang, &[word.get(lang)]));
        out.push('\n');
    }
    out.push('\n');
    if let Some(advice) = &advice {
        let asked = a.chance.unwrap_or(model::goal::DEFAULT_CHANCE);
        out.push_str(&render_advice(advice, objective, asked, lang));
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
        parts.push(Cli::Locked.get(lang).to_string());
    }
    if let Some(f) = c.floor {
        parts.push(Cli::FloorOf.fill(lang, &[&money(f, lang)]));
    }
    if let Some(ce) = c.ceiling {
        parts.push(Cli::CeilingOf.fill(lang, &[&money(ce, lang)]));
    }
    parts.join(", ")
}

fn cmd_goal(a: &Args) -> Outcome {
    let fail = |f: Failure| (String::new(), f);
    let lang = a.lang;
    let path = one_input(a, Cli::ScenarioFile).map_err(fail)?;
    let Some(target) = a.target.as_deref() else {
        return Err(fail(Failure::Usage(
            Cli::MissingTarget.fill(lang, &[&target_list()]),
        )));
    };
    let s = load(&path, lang).map_err(fail)?;
    let o = model::goal::GoalOptions {
        year: a.year,
        chance: a.chance.unwrap_or(model::goal::DEFAULT_CHANCE),
        ..model::goal::GoalOptions::default()
    };
    let g = model::goal::goal_seek_with(&s, target, &o).map_err(|e| {
        fail(match e {
            // The target and the year come from the command line, not the file.
            model::ScenarioError::UnknownTarget(_) => {
                Failure::Usage(Cli::WithIds.fill(lang, &[&e.message(lang), &target_list()]))
            }
            model::ScenarioError::YearOutsidePlan { .. } => Failure::Usage(e.message(lang)),
            _ => scenario_failure(&path, &e, lang),
        })
    })?;
    let label = data::target(g.target).map_or(g.target, |t| t.label(lang));
    let advice = match &g.outcome {
        model::GoalOutcome::Reached { scenario, .. } => model::advice::advise(
            &s,
            scenario,
            model::Objective::DeathsAverted,
            model::Horizon::Lifetime,
            false,
        )
        .ok(),
        model::GoalOutcome::Unreachable { .. } => None,
    };
    let out = if a.json {
        #[derive(serde::Serialize)]
        struct GoalJson<'a> {
            version: u32,
            goal: &'a model::GoalSeek,
            advice: Option<&'a Advice>,
        }
        to_json(&GoalJson {
            version: JSON_VERSION,
            goal: &g,
            advice: advice.as_ref(),
        })
    } else {
        let mut out = heading(&s, lang);
        let target =
            Cli::GoalTarget.fill(lang, &[label, &g.year.to_string(), &pct(g.threshold, lang)]);
        out.push_str(&format!(
            "{}: {target}\n{}: {}\n{}: {}\n{}: {}\n\n",
            Common::Target.get(lang),
            Cli::CurrentAchieves.get(lang),
            pct(g.current, lang),
            Cli::ChanceAsked.get(lang),
            pct(g.chance, lang),
            Cli::ChanceNow.get(lang),
            pct(g.current_chance, lang),
        ));
        match &g.outcome {
            model::GoalOutcome::Reached {
                budget,
                value,
                chance,
                allocation,
                ..
            } => {
                out.push_str(&format!(
                    "{}: {} ({})\n{}: {}\n{}: {}\n\n",
                    Cli::LeastBudgetAYear.get(lang),
                    money(*budget, lang),
                    fmt_dong(*budget, lang),
                    Cli::ItAchieves.get(lang),
                    pct(*value, lang),
                    Cli::ChanceReached.get(lang),
                    pct(*chance, lang),
                ));
                let mut t = Table::new(&[
                    (Common::ProgrammeLine.get(lang), Align::Left),
                    (Common::AnnualAllocation.get(lang), Align::Right),
                ]);
                for def in data::lines() {
                    let m = allocation.get(def.id).copied().unwrap_or_default();
                    if m.0 > 0 {
                        t.row(vec![clip(def.name(lang), 50), money(m, lang)]);
                    }
                }
                out.push_str(&t.render());
                out.push('\n');
                if let Some(advice) = &advice {
                    out.push_str(&render_advice(
                        advice,
                        model::Objective::DeathsAverted,
                        a.chance.unwrap_or(model::goal::DEFAULT_CHANCE),
                        lang,
                    ));
                }
            }
            model::GoalOutcome::Unreachable {
                best_chance,
                budget,
                ..
            } => {
                out.push_str(&Cli::CannotReachChance.fill(
                    lang,
                    &[
                        &pct(g.chance, lang),
                        &pct(*best_chance, lang),
                        &money(*budget, lang),
                    ],
                ));
                out.push('\n');
            }
        }
        out
    };
    if g.outcome.reached() {
        Ok(out)
    } else {
        Err((
            out,
            Failure::NoAnswer(Cli::CannotMeetBy.fill(lang, &[label, &g.year.to_string()])),
        ))
    }
}

/// What a proposal changes, as tables: every figure, every target, the moved lines with
/// their grades and p10–p90 results, and why lines go to 0.
fn render_advice(advice: &Advice, objective: model::Objective, asked: f64, lang: Lang) -> String {
    let gain = |x: f64| {
        let n = fmt_num_gain(x, lang);
        match objective {
            model::Objective::DeathsAverted => Cli::GainDeaths.fill(lang, &[&n]),
            model::Objective::ChildrenSupported => Cli::GainChildren.fill(lang, &[&n]),
            model::Objective::Weighted { .. } => Cli::GainScore.fill(lang, &[&n]),
        }
    };
    let mut out = String::new();
    out.push_str(Cli::WhatChanges.get(lang));
    out.push('\n');
    let mut f = Table::new(&[
        (Common::WholePlan.get(lang), Align::Left),
        (Common::Current.get(lang), Align::Right),
        (Common::Proposed.get(lang), Align::Right),
        ("p10–p90", Align::Right),
    ]);
    for c in &advice.figures {
        let band = c.band_after.map_or_else(String::new, |b| {
            format!(
                "{}–{}",
                c.figure.format(Some(b.p10), lang),
                c.figure.format(Some(b.p90), lang)
            )
        });
        f.row(vec![
            clip(c.figure.label(lang), 60),
            c.figure.format(c.before, lang),
            c.figure.format(c.after, lang),
            band,
        ]);
    }
    out.push_str(&f.render());
    out.push('\n');
    out.push_str(Cli::TargetsChange.get(lang));
    out.push('\n');
    let mut t = Table::new(&[
        (Common::NationalTarget.get(lang), Align::Left),
        (Common::Current.get(lang), Align::Left),
        (Common::Proposed.get(lang), Align::Left),
    ]);
    let verdict = |assessable: bool, met: bool, chance: f64| {
        if !assessable {
            return Common::OutsidePlanYears.get(lang).to_string();
        }
        let word = Verdict::settled(assessable, met, Some(chance), asked).word(lang);
        format!("{word} ({})", pct(chance, lang))
    };
    for c in &advice.targets {
        let label = data::target(c.id).map_or(c.id, |d| d.label(lang));
        t.row(vec![
            clip(label, 50),
            verdict(c.assessable, c.met_before, c.chance_before),
            verdict(c.assessable, c.met_after, c.chance_after),
        ]);
    }
    out.push_str(&t.render());
    out.push('\n');
    if !advice.moves.is_empty() {
        out.push_str(Cli::MovedLines.get(lang));
        out.push('\n');
        let mut m = Table::new(&[
            (Common::ProgrammeLine.get(lang), Align::Left),
            (Common::Current.get(lang), Align::Right),
            (Common::Proposed.get(lang), Align::Right),
            (Cli::EffectGradeColumn.get(lang), Align::Left),
            (Cli::CostGradeColumn.get(lang), Align::Left),
            (Cli::ResultColumn.get(lang), Align::Left),
        ]);
        for mv in &advice.moves {
            let name = data::line(mv.id).map_or(mv.id, |l| l.short_name(lang));
            let (lo, hi) = (mv.result.p10, mv.result.p90);
            let result = match mv.result_kind {
                ResultKind::DeathsAverted => Cli::ResultDeaths.fill(
                    lang,
                    &[&model::fmt::deaths(lo, lang), &model::fmt::deaths(hi, lang)],
                ),
                ResultKind::ChildrenSupported => Cli::ResultSupported.fill(
                    lang,
                    &[
                        &model::fmt::count_f(lo, lang),
                        &model::fmt::count_f(hi, lang),
                    ],
                ),
                ResultKind::Units => Cli::ResultUnits.fill(
                    lang,
                    &[
                        &model::fmt::count_f(lo, lang),
                        &model::fmt::count_f(hi, lang),
                    ],
                ),
            };
            let mut grade = mv.effect_grade.label(lang).to_string();
            if mv.well_evidenced {
                grade.push_str(" · ");
                grade.push_str(Cli::WellEvidencedMark.get(lang));
            }
            m.row(vec![
                clip(name, 40),
                money(mv.before, lang),
                money(mv.after, lang),
                grade,
                mv.cost_grade.label(lang).to_string(),
                result,
            ]);
        }
        out.push_str(&m.render());
        out.push('\n');
    }
    if !advice.zeroed.is_empty() {
        out.push_str(Cli::WhyZero.get(lang));
        out.push('\n');
        for z in &advice.zeroed {
            let name = data::line(z.id).map_or(z.id, |l| l.short_name(lang));
            let line = match z.reason {
                ZeroReason::NoEffect => Cli::ZeroNoEffect.fill(lang, &[name]),
                ZeroReason::Evidence => Cli::ZeroEvidence.fill(lang, &[name]),
                ZeroReason::LessThanBest => {
                    let best = data::line(z.best).map_or(z.best, |l| l.short_name(lang));
                    let times = if z.gain > 0.0 {
                        z.best_gain / z.gain
                    } else {
                        0.0
                    };
                    Cli::ZeroLess.fill(
                        lang,
                        &[
                            name,
                            &money(model::advice::WHY_STEP, lang),
                            &gain(z.gain),
                            &model::fmt::fmt_num(times, 1, lang),
                            best,
                            &gain(z.best_gain),
                        ],
                    )
                }
            };
            out.push_str("  ");
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// A small gain of the objective (deaths or children), with the decimals it needs.
fn fmt_num_gain(x: f64, lang: Lang) -> String {
    if x.abs() >= 10.0 {
        model::fmt::fmt_num(x, 0, lang)
    } else if x.abs() >= 0.1 {
        model::fmt::fmt_num(x, 2, lang)
    } else {
        model::fmt::fmt_num(x, 4, lang)
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
        out.push_str(&format!("{}: {}\n", Common::Scenario.get(lang), s.name));
    }
    out.push_str(&format!(
        "{}: {region} · {}: {years}\n\n",
        Common::Region.get(lang),
        Common::PlanYears.get(lang),
    ));
    out
}

fn render_run(
    s: &Scenario,
    p: &Projection,
    u: Option<&model::Uncertainty>,
    asked: f64,
    horizon: model::Horizon,
    lang: Lang,
) -> String {
    let mut out = heading(s, lang);
    let budget = s.min_year_budget();
    let allocated = s.allocated();
    out.push_str(&format!(
        "{}: {} · {}: {} · {}: {}\n\n",
        Common::BudgetAYear.get(lang),
        money(budget, lang),
        Common::Allocated.get(lang),
        money(allocated, lang),
        Common::Unallocated.get(lang),
        money(budget.saturating_sub(allocated), lang),
    ));

    // Lines.
    let mut t = Table::new(&[
        (Common::ProgrammeLine.get(lang), Align::Left),
        (Common::AnnualAllocation.get(lang), Align::Right),
        (Cli::Reach.get(lang), Align::Right),
        (Common::Unit.get(lang), Align::Left),
        (Cli::SupportedColumn.get(lang), Align::Right),
        (Cli::AvertedColumn.get(lang), Align::Right),
        (Cli::Saturation.get(lang), Align::Right),
    ]);
    let mut unfunded = 0;
    for (def, l) in data::lines().iter().zip(&p.lines) {
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
                fmt_dec(l.deaths_averted.get(horizon), 1, lang)
            } else {
                NONE.into()
            },
            pct(l.saturation, lang),
        ]);
    }
    out.push_str(&t.render());
    if unfunded > 0 {
        out.push_str(&if unfunded == 1 {
            Cli::OneLineUnfunded.get(lang).to_string()
        } else {
            Cli::LinesUnfunded.fill(lang, &[&unfunded.to_string()])
        });
        out.push('\n');
    }
    if p.years.len() > 1 {
        out.push_str(Cli::ReachNote.get(lang));
        out.push('\n');
    }
    out.push('\n');

    // Years.
    let mut y = Table::new(&[
        (Common::Year.get(lang), Align::Left),
        (Cli::DeathsNoPlanColumn.get(lang), Align::Right),
        (Cli::DeathsPlanColumn.get(lang), Align::Right),
        (Cli::AvertedColumn.get(lang), Align::Right),
        (Cli::RateColumn.get(lang), Align::Right),
        (Cli::SwimColumn.get(lang), Align::Right),
        (Cli::ChildFriendlyColumn.get(lang), Align::Right),
        (Cli::SupportedColumn.get(lang), Align::Right),
    ]);
    for r in &p.years {
        y.row(vec![
            r.year.to_string(),
            fmt_dec(r.deaths_baseline, 1, lang),
            fmt_dec(r.deaths, 1, lang),
            fmt_dec(r.deaths_averted, 1, lang),
            rate(r.rate, lang),
            pct(r.swim_share, lang),
            pct(r.child_friendly_share, lang),
            count(r.contacts_supported, lang),
        ]);
    }
    out.push_str(&y.render());
    out.push('\n');

    // Headline with uncertainty: every figure of the catalogue.
    let mut k = Table::new(&[
        (Common::WholePlan.get(lang), Align::Left),
        (Common::Value.get(lang), Align::Right),
        ("p10", Align::Right),
        ("p50", Align::Right),
        ("p90", Align::Right),
    ]);
    for f in Figure::ALL {
        let v = f.value(p);
        let mut row = vec![f.label(lang).to_string(), f.format(v, lang)];
        match u.and_then(|u| f.band(u)) {
            Some(b) => row.extend([b.p10, b.p50, b.p90].map(|x| f.format(Some(x), lang))),
            None => row.extend([String::new(), String::new(), String::new()]),
        }
        k.row(row);
    }
    out.push_str(&k.render());
    if let Some(u) = u {
        out.push_str(&Cli::DrawsNote.fill(
            lang,
            &[&fmt_int(i64::from(u.draws), lang), &u.seed.to_string()],
        ));
        out.push('\n');
    }
    out.push('\n');

    // Targets.
    let mut tt = Table::new(&[
        (Common::NationalTarget.get(lang), Align::Left),
        (Common::Year.get(lang), Align::Left),
        (Common::Result.get(lang), Align::Left),
        (Common::Achieved.get(lang), Align::Right),
        (Common::WithoutPlan.get(lang), Align::Right),
        (Cli::Chance.get(lang), Align::Right),
        (Cli::ChanceWithoutPlanColumn.get(lang), Align::Right),
    ]);
    let mut met_without = Vec::new();
    for (def, t) in TARGETS.iter().zip(&p.targets) {
        let c = u
            .and_then(|u| u.targets.iter().find(|c| c.id == t.id))
            .filter(|c| c.assessable);
        // The one verdict rule (model::Verdict): "met" only with the chance asked for.
        let result = if t.assessable {
            Verdict::settled(t.assessable, t.met, c.map(|c| c.probability), asked).word(lang)
        } else {
            Common::OutsidePlanYears.get(lang)
        };
        let chance = c.map_or_else(|| NONE.to_string(), |c| pct(c.probability, lang));
        let without = c.map_or_else(
            || NONE.to_string(),
            |c| pct(c.probability_without_plan, lang),
        );
        if t.assessable && t.met_without_plan {
            met_without.push(Cli::MetWithoutPlanNote.fill(lang, &[def.label(lang)]));
        }
        tt.row(vec![
            clip(def.label(lang), 50),
            t.year.to_string(),
            result.to_string(),
            pct(t.value, lang),
            pct(t.baseline_value, lang),
            chance,
            without,
        ]);
    }
    out.push_str(&tt.render());
    for line in met_without {
        out.push_str(&line);
        out.push('\n');
    }
    if let Some(tr) = p.targets.iter().find_map(|t| t.trend) {
        out.push_str(&Cli::TrendAssumedNote.fill(
            lang,
            &[
                &pct(tr.central, lang),
                &pct(tr.low, lang),
                &pct(tr.high, lang),
            ],
        ));
        out.push('\n');
    }
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
