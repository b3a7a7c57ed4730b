//! The workshop pack: the scenarios a facilitator prepared, in order, with a title, as one
//! link `#w=…` (or one JSON file) that opens straight into workshop mode on another machine.
//!
//! Format (version 2, written by this build; version 1 packs keep decoding forever):
//!
//! ```text
//! base64url-without-padding( version byte ‖ zlib( postcard( body ) ) )
//! version 2: PackWireV2 = { title: text, scenarios: Vec<WireV2> }
//! version 1: PackWireV1 = { title: String, scenarios: Vec<WireV1> }
//! ```
//!
//! Each scenario is written exactly as in a share link of the same version
//! (`crate::codec`'s `WireV2`, lossless: whole notes), but all of them are compressed
//! together, so a pack of four similar scenarios costs little more than one. The version
//! byte is the pack's own (packs and share links are told apart by their prefix, `#w=`
//! against `#s=`). Both bodies are frozen.
//!
//! Decoding bounds its work ([`MAX_PACK_TEXT`] bytes of text, [`MAX_PACK_DECOMPRESSED`]
//! bytes after decompression, [`MAX_PACK_SCENARIOS`] scenarios), never panics, and returns
//! only packs whose every scenario passes [`Scenario::validate`].
//!
//! The JSON form is `{"format": "kehoach-pack", "version": 1, "title": …, "scenarios":
//! [scenario, …]}` with each scenario in the format of `docs/scenario.md`; its version
//! ([`PACK_JSON_VERSION`]) is the JSON container's and did not change with the link's.

use serde::{Deserialize, Serialize};

use crate::codec::{self, LinkError, WireV1, WireV2};
use crate::error::ScenarioError;
use crate::lang::Lang;
use crate::scenario::{MAX_NAME, Scenario};

/// The pack format this build writes (the first byte of every pack code).
pub const PACK_VERSION: u8 = 2;
/// The `version` of the pack's JSON file this build writes and reads.
pub const PACK_JSON_VERSION: u32 = 1;
/// Most scenarios in one pack.
pub const MAX_PACK_SCENARIOS: usize = 12;
/// Longest pack title, in characters (as a scenario name).
pub const MAX_TITLE: usize = MAX_NAME;
/// Longest text [`decode`] looks at, in bytes.
pub const MAX_PACK_TEXT: usize = 32 * 1024;
/// Largest decompressed body [`decode`] accepts, in bytes.
pub const MAX_PACK_DECOMPRESSED: usize = 256 * 1024;
/// Largest JSON text [`from_json`] reads, in bytes.
pub const MAX_PACK_JSON: usize = 1024 * 1024;
/// The fragment prefix of a pack link.
pub const PACK_PREFIX: &str = "#w=";
/// The `format` field of a pack's JSON.
pub const JSON_FORMAT: &str = "kehoach-pack";

/// Prepared scenarios for a workshop, in the order they are shown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pack {
    /// Title of the workshop ("" for none). At most [`MAX_TITLE`] characters.
    pub title: String,
    /// The scenarios, 1 to [`MAX_PACK_SCENARIOS`] of them, each valid.
    pub scenarios: Vec<Scenario>,
}

/// Why a pack could not be made or opened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PackError {
    /// The code itself is unreadable (empty, cut, damaged, too long, newer version).
    #[error(transparent)]
    Link(LinkError),
    /// A pack holds at least one scenario.
    #[error("the pack holds no scenario")]
    NoScenarios,
    /// More scenarios than a pack may hold.
    #[error("the pack holds {count} scenarios (at most {max})")]
    TooManyScenarios {
        /// Scenarios found.
        count: u32,
        /// Most allowed ([`MAX_PACK_SCENARIOS`]).
        max: u32,
    },
    /// The title is longer than [`MAX_TITLE`] characters.
    #[error("the pack title has {len} characters (at most {max})")]
    TitleTooLong {
        /// Characters in the title.
        len: u32,
        /// Most allowed.
        max: u32,
    },
    /// A scenario of the pack is not valid.
    #[error("scenario {index} of the pack is not valid: {error}")]
    Invalid {
        /// Position in the pack, counted from 1.
        index: u32,
        /// Why.
        error: ScenarioError,
    },
    /// The JSON file is not a pack.
    #[error("the file is not a kehoach pack: {0}")]
    Json(String),
}

impl From<LinkError> for PackError {
    fn from(e: LinkError) -> Self {
        PackError::Link(e)
    }
}

impl PackError {
    /// The message for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        use crate::words::ModelWords as W;
        match self {
            PackError::Link(e) => e.message(lang),
            PackError::NoScenarios => W::PackEmpty.get(lang).into(),
            PackError::TooManyScenarios { count, max } => {
                W::PackTooMany.fill(lang, &[&count.to_string(), &max.to_string()])
            }
            PackError::TitleTooLong { len, max } => {
                W::PackTitleTooLong.fill(lang, &[&len.to_string(), &max.to_string()])
            }
            PackError::Invalid { index, error } => {
                W::PackInvalid.fill(lang, &[&index.to_string(), &error.message(lang)])
            }
            PackError::Json(why) => W::PackNotAPack.fill(lang, &[why]),
        }
    }
}

impl Pack {
    /// A pack after checking its size, title and every scenario.
    pub fn new(title: impl Into<String>, scenarios: Vec<Scenario>) -> Result<Pack, PackError> {
        let p = Pack {
            title: title.into(),
            scenarios,
        };
        p.validate()?;
        Ok(p)
    }

    /// Checks the limits and every scenario.
    pub fn validate(&self) -> Result<(), PackError> {
        let n = self.scenarios.len();
        if n == 0 {
            return Err(PackError::NoScenarios);
        }
        if n > MAX_PACK_SCENARIOS {
            return Err(PackError::TooManyScenarios {
                count: u32::try_from(n).unwrap_or(u32::MAX),
                max: MAX_PACK_SCENARIOS as u32,
            });
        }
        let len = self.title.chars().count();
        if len > MAX_TITLE {
            return Err(PackError::TitleTooLong {
                len: u32::try_from(len).unwrap_or(u32::MAX),
                max: MAX_TITLE as u32,
            });
        }
        for (i, s) in self.scenarios.iter().enumerate() {
            s.validate().map_err(|error| PackError::Invalid {
                index: i as u32 + 1,
                error,
            })?;
        }
        Ok(())
    }
}

/// The v1 pack body (read only). Field order is the wire order: frozen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PackWireV1 {
    title: String,
    scenarios: Vec<WireV1>,
}

/// The v2 pack body. Field order is the wire order: never reorder, never insert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PackWireV2 {
    /// The title as v2 text (`codec`'s one-byte-a-letter form).
    title: Vec<u8>,
    scenarios: Vec<WireV2>,
}

/// The pack as a code (without `#w=`). Deterministic: the same pack gives the same code on
/// every platform. Encodes whatever it is given; [`Pack::new`] checks the limits first.
pub fn encode(p: &Pack) -> String {
    let wire = PackWireV2 {
        title: codec::text_bytes(&p.title),
        scenarios: p
            .scenarios
            .iter()
            .map(|s| WireV2::from_scenario(s, &s.notes, false))
            .collect(),
    };
    // Serialising plain structs, vectors and strings into a Vec cannot fail; an empty body
    // would decode as `Corrupt` rather than panic.
    let body = postcard::to_allocvec(&wire).unwrap_or_default();
    codec::pack_body(PACK_VERSION, &body)
}

/// The fragment of a pack link: `#w=` followed by [`encode`].
pub fn fragment(p: &Pack) -> String {
    format!("{PACK_PREFIX}{}", encode(p))
}

/// Reads a pack back. Accepts the bare code, `#w=<code>`, `w=<code>` or a whole URL
/// containing `#w=`; whitespace anywhere is ignored and anything after a `&` is dropped. A
/// share link of one scenario (`…#s=<code>`) opens as a pack of that one scenario. Never
/// panics; the pack returned passes [`Pack::validate`].
pub fn decode(text: &str) -> Result<Pack, PackError> {
    if text.len() > MAX_PACK_TEXT {
        return Err(LinkError::TooLong {
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
            max: MAX_PACK_TEXT as u32,
        }
        .into());
    }
    if text.contains("#s=") && !text.contains("#w=") {
        let s = codec::decode(text)?;
        return Pack::new("", vec![s]);
    }
    let code = extract_code(text);
    if code.is_empty() {
        return Err(LinkError::Empty.into());
    }
    let bytes = codec::base64url_decode(&code)?;
    let (&version, rest) = bytes.split_first().ok_or(LinkError::Truncated)?;
    let pack = match version {
        1 => decode_v1(rest)?,
        2 => decode_v2(rest)?,
        0 => return Err(LinkError::Corrupt.into()),
        found => {
            return Err(LinkError::FutureVersion {
                found,
                supported: PACK_VERSION,
            }
            .into());
        }
    };
    pack.validate()?;
    Ok(pack)
}

/// The code inside whatever the user pasted.
fn extract_code(text: &str) -> String {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut code: &str = match compact.find(PACK_PREFIX) {
        Some(i) => &compact[i + PACK_PREFIX.len()..],
        None => {
            let t = compact.trim_start_matches('#');
            t.strip_prefix("w=").unwrap_or(t)
        }
    };
    if let Some(i) = code.find('&') {
        code = &code[..i];
    }
    code.trim_end_matches('=').to_string()
}

fn decode_v1(packed: &[u8]) -> Result<Pack, PackError> {
    let wire: PackWireV1 = codec::take_body(packed, MAX_PACK_DECOMPRESSED)?;
    count_ok(wire.scenarios.len())?;
    let mut scenarios = Vec::with_capacity(wire.scenarios.len());
    for w in wire.scenarios {
        scenarios.push(
            w.into_scenario()
                .map(Scenario::migrated)
                .ok_or(LinkError::Corrupt)?,
        );
    }
    Ok(Pack {
        title: wire.title,
        scenarios,
    })
}

fn decode_v2(packed: &[u8]) -> Result<Pack, PackError> {
    let wire: PackWireV2 = codec::take_body(packed, MAX_PACK_DECOMPRESSED)?;
    count_ok(wire.scenarios.len())?;
    let mut scenarios = Vec::with_capacity(wire.scenarios.len());
    for w in wire.scenarios {
        scenarios.push(
            w.into_scenario()
                .map(Scenario::migrated)
                .ok_or(LinkError::Corrupt)?,
        );
    }
    Ok(Pack {
        title: codec::text_of(&wire.title).ok_or(LinkError::Corrupt)?,
        scenarios,
    })
}

/// A count above the limit is refused before any scenario is rebuilt (postcard has already
/// bounded the allocation by the decompressed size).
fn count_ok(n: usize) -> Result<(), PackError> {
    if n > MAX_PACK_SCENARIOS {
        return Err(PackError::TooManyScenarios {
            count: u32::try_from(n).unwrap_or(u32::MAX),
            max: MAX_PACK_SCENARIOS as u32,
        });
    }
    Ok(())
}

/// The JSON file of a pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    format: String,
    version: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    title: String,
    scenarios: Vec<Scenario>,
}

/// The pack as pretty JSON (see the module docs).
pub fn to_json(p: &Pack) -> String {
    let file = PackFile {
        format: JSON_FORMAT.into(),
        version: PACK_JSON_VERSION,
        title: p.title.clone(),
        scenarios: p.scenarios.clone(),
    };
    // Plain structs, maps with string keys and finite numbers: serialising cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a pack's JSON. Never panics; the pack returned passes [`Pack::validate`].
pub fn from_json(text: &str) -> Result<Pack, PackError> {
    if text.len() > MAX_PACK_JSON {
        return Err(PackError::Json(format!(
            "{} bytes, at most {MAX_PACK_JSON}",
            text.len()
        )));
    }
    let text = text.trim_start_matches('\u{feff}');
    let file: PackFile = serde_json::from_str(text).map_err(|e| PackError::Json(e.to_string()))?;
    if file.format != JSON_FORMAT {
        return Err(PackError::Json(format!(
            "format {:?}, expected {JSON_FORMAT:?}",
            file.format
        )));
    }
    if file.version == 0 {
        return Err(PackError::Json("version 0".into()));
    }
    if file.version > PACK_JSON_VERSION {
        return Err(PackError::Link(LinkError::FutureVersion {
            found: u8::try_from(file.version).unwrap_or(u8::MAX),
            supported: PACK_JSON_VERSION as u8,
        }));
    }
    Pack::new(
        file.title,
        file.scenarios.into_iter().map(Scenario::migrated).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_pack_round_trips() {
        let p = Pack::new("Hội thảo", vec![Scenario::default()]).expect("valid");
        assert_eq!(decode(&encode(&p)), Ok(p.clone()));
        assert_eq!(decode(&fragment(&p)), Ok(p.clone()));
        assert_eq!(from_json(&to_json(&p)), Ok(p));
    }

    #[test]
    fn limits_are_checked_before_work() {
        assert_eq!(
            Pack::new("", vec![]).map(|_| ()),
            Err(PackError::NoScenarios)
        );
        assert!(matches!(
            Pack::new("", vec![Scenario::default(); MAX_PACK_SCENARIOS + 1]),
            Err(PackError::TooManyScenarios { count: 13, max: 12 })
        ));
        assert!(matches!(
            decode(&"A".repeat(MAX_PACK_TEXT + 1)),
            Err(PackError::Link(LinkError::TooLong { .. }))
        ));
    }
}
