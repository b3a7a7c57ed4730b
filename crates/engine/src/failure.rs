//! Why the engine refused a call: a kind, the field path and the message in Vietnamese and
//! English. `lib.rs` throws it as a JS `Error` (`name` "KehoachError").

use model::codec::LinkError;
use model::{Lang, ScenarioError};

use crate::words::Engine;

/// What went wrong, for code that wants to branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The input cannot be read: not JSON, the wrong shape or type, too large.
    Input,
    /// It reads, but the scenario is not valid (an amount over budget, an unknown line…).
    Scenario,
    /// A share link that cannot be opened.
    Link,
    /// Another argument is wrong: the objective, the target, the year, the draws, a region.
    Argument,
    /// A bug in the engine (never expected).
    Internal,
}

impl Kind {
    /// The name JS code sees in `error.kind`.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Input => "input",
            Kind::Scenario => "scenario",
            Kind::Link => "link",
            Kind::Argument => "argument",
            Kind::Internal => "internal",
        }
    }
}

/// A refused call.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// What went wrong.
    pub kind: Kind,
    /// Where: a field path in the scenario ("allocation.swim", "budget[2].central",
    /// "overrides.lines.swim.rrr"), or the argument ("objective", "draws", "link"); empty
    /// for the scenario as a whole.
    pub field: String,
    /// The message in Vietnamese.
    pub vi: String,
    /// The message in English.
    pub en: String,
}

impl Failure {
    /// A failure from a catalogue entry filled with the same arguments in both languages.
    pub fn words(kind: Kind, field: &str, w: Engine, args: &[&str]) -> Failure {
        Failure {
            kind,
            field: field.to_string(),
            vi: w.fill(Lang::Vi, args),
            en: w.fill(Lang::En, args),
        }
    }

    /// A catalogue entry about an argument (`arg` names it in each language).
    pub fn about(kind: Kind, field: &str, w: Engine, arg: Engine, rest: &[&str]) -> Failure {
        let fill = |lang: Lang| {
            let mut args = vec![arg.get(lang)];
            args.extend_from_slice(rest);
            w.fill(lang, &args)
        };
        Failure {
            kind,
            field: field.to_string(),
            vi: fill(Lang::Vi),
            en: fill(Lang::En),
        }
    }

    /// An invalid scenario (or an argument the model judged: target, year, objective).
    pub fn scenario(e: &ScenarioError) -> Failure {
        let kind = match e {
            ScenarioError::UnknownTarget(_) | ScenarioError::YearOutsidePlan { .. } => {
                Kind::Argument
            }
            _ if e.field().starts_with("objective") => Kind::Argument,
            _ => Kind::Scenario,
        };
        Failure {
            kind,
            field: e.field(),
            vi: e.message(Lang::Vi),
            en: e.message(Lang::En),
        }
    }

    /// A link that cannot be opened.
    pub fn link(e: &LinkError) -> Failure {
        let field = match e {
            LinkError::Invalid(inner) => inner.field(),
            _ => "link".to_string(),
        };
        Failure {
            kind: Kind::Link,
            field,
            vi: e.message(Lang::Vi),
            en: e.message(Lang::En),
        }
    }

    /// A JSON text that does not read as `arg`'s type; `path` is where serde stopped.
    pub fn json(arg: Engine, path: &str, e: &serde_json::Error) -> Failure {
        use serde_json::error::Category;
        let full = e.to_string();
        // serde_json appends " at line L column C"; the line and column are said separately.
        let reason = match full.rfind(" at line ") {
            Some(i) => &full[..i],
            None => full.as_str(),
        };
        let root = match path {
            "." | "?" => "",
            p => p,
        };
        if reason == "recursion limit exceeded" {
            return Failure::words(Kind::Input, root, Engine::TooDeep, &[]);
        }
        if matches!(e.classify(), Category::Syntax | Category::Eof) {
            let (line, col) = (e.line().to_string(), e.column().to_string());
            return Failure::about(
                Kind::Input,
                root,
                Engine::JsonSyntax,
                arg,
                &[&line, &col, reason],
            );
        }
        let join = |name: &str| {
            if root.is_empty() {
                name.to_string()
            } else {
                format!("{root}.{name}")
            }
        };
        let (w, field, args): (Engine, String, Vec<String>) =
            if let Some(rest) = reason.strip_prefix("missing field ") {
                let name = unquote(rest);
                (Engine::MissingField, join(&name), vec![name])
            } else if let Some(rest) = reason.strip_prefix("unknown field ") {
                let (name, expected) = split_expected(rest);
                // serde_path_to_error's path already ends at the unknown key.
                (Engine::UnknownField, root.to_string(), vec![name, expected])
            } else if let Some(rest) = reason.strip_prefix("duplicate field ") {
                let name = unquote(rest);
                (Engine::DuplicateField, root.to_string(), vec![name])
            } else if let Some(rest) = reason.strip_prefix("unknown variant ") {
                let (name, expected) = split_expected(rest);
                (
                    Engine::UnknownVariant,
                    root.to_string(),
                    vec![name, expected],
                )
            } else if let Some((found, expected)) = reason
                .strip_prefix("invalid type: ")
                .and_then(|r| r.split_once(", expected "))
            {
                (
                    Engine::InvalidType,
                    root.to_string(),
                    vec![found.to_string(), expected.to_string()],
                )
            } else if let Some((found, expected)) = reason
                .strip_prefix("invalid value: ")
                .and_then(|r| r.split_once(", expected "))
            {
                (
                    Engine::InvalidValue,
                    root.to_string(),
                    vec![found.to_string(), expected.to_string()],
                )
            } else if let Some((found, expected)) = reason
                .strip_prefix("invalid length ")
                .and_then(|r| r.split_once(", expected "))
            {
                (
                    Engine::InvalidLength,
                    root.to_string(),
                    vec![found.to_string(), expected.to_string()],
                )
            } else if reason.starts_with("data did not match any variant") {
                (Engine::NoVariantMatched, root.to_string(), vec![])
            } else {
                (
                    Engine::Unreadable,
                    root.to_string(),
                    vec![reason.to_string()],
                )
            };
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Failure::words(Kind::Input, &field, w, &args)
    }

    /// A bug: something the engine made itself did not work.
    pub fn internal(detail: &str) -> Failure {
        Failure::words(Kind::Internal, "", Engine::Internal, &[detail])
    }

    /// One line for `Error.message`: where, then Vietnamese, then English.
    pub fn message(&self) -> String {
        if self.field.is_empty() {
            format!("{} / {}", self.vi, self.en)
        } else {
            format!("[{}] {} / {}", self.field, self.vi, self.en)
        }
    }
}

/// "`name`" → "name"; also the first name of "`a`, expected …".
fn unquote(s: &str) -> String {
    let s = s.trim();
    match s.strip_prefix('`').and_then(|r| r.split_once('`')) {
        Some((name, _)) => name.to_string(),
        None => s.to_string(),
    }
}

/// "`x`, expected one of `a`, `b`" → ("x", "a, b"); "`x`, there are no fields" → ("x", "—").
fn split_expected(rest: &str) -> (String, String) {
    let name = unquote(rest);
    let expected = rest
        .split_once(", expected one of ")
        .or_else(|| rest.split_once(", expected "))
        .map_or_else(|| "—".to_string(), |(_, e)| e.replace('`', ""));
    (name, expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Failure {
        let mut de = serde_json::Deserializer::from_str(text);
        match serde_path_to_error::deserialize::<_, model::Scenario>(&mut de) {
            Ok(_) => Failure::internal("it read"),
            Err(e) => Failure::json(Engine::ArgScenario, &e.path().to_string(), e.inner()),
        }
    }

    fn valid() -> serde_json::Value {
        serde_json::to_value(model::Scenario::default()).expect("serialises")
    }

    #[test]
    fn every_serde_message_gets_a_path_and_two_languages() {
        let mut missing = valid();
        missing.as_object_mut().expect("an object").remove("region");
        let mut unknown = valid();
        unknown["budget"][1]["grant"] = serde_json::json!(5);
        let mut wrong_type = valid();
        wrong_type["budget"][2]["central"] = serde_json::json!("180 tỷ");
        let mut negative_seed = valid();
        negative_seed["seed"] = serde_json::json!(-1);
        let mut odd_rate = valid();
        odd_rate["overrides"] = serde_json::json!({"region": {"drowning_rate": "high"}});
        let cases: Vec<(String, &str, &str)> = vec![
            (missing.to_string(), "region", "“region”"),
            (unknown.to_string(), "budget[1].grant", "“grant”"),
            (wrong_type.to_string(), "budget[2].central", "180 tỷ"),
            (negative_seed.to_string(), "seed", "-1"),
            (
                odd_rate.to_string(),
                "overrides.region.drowning_rate",
                "{low",
            ),
            ("{\"version\": 2,".to_string(), "", "dòng 1"),
            ("[".repeat(200), "[0]", "sequence"),
            ("42".to_string(), "", "42"),
        ];
        for (text, field, needle) in cases {
            let f = read(&text);
            assert_eq!(f.kind, Kind::Input, "{text}");
            assert_eq!(f.field, field, "{text}: {f:?}");
            assert!(
                f.vi.contains(needle) || f.en.contains(needle),
                "{needle} in {f:?}"
            );
            assert_ne!(f.vi, f.en, "{f:?}");
            assert!(!f.vi.contains("{0}") && !f.en.contains("{1}"), "{f:?}");
        }
    }
}
