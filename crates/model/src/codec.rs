//! The share link: a [`Scenario`] as a short URL-safe code for the fragment `#s=…`.
//!
//! Every code is
//!
//! ```text
//! base64url-without-padding( version byte ‖ zlib( postcard( body ) ) )
//! ```
//!
//! - the version byte sits outside the compression, so a later version may change
//!   everything after it; this build writes version 2 ([`LINK_VERSION`]) and reads 1 and 2;
//! - zlib is deflate with a 2-byte header and an Adler-32 checksum: a tampered or
//!   truncated link fails loudly instead of opening some other plan;
//! - the body of version 1 is `WireV1`, of version 2 `WireV2`. Both are private to this
//!   module and frozen: a change adds a `WireV3` and a version byte 3, never an edit.
//!
//! Version 2 carries everything schema 2 has (the base rate and the trend as ranges, which
//! version 1 could only carry as one value) and is shorter: Vietnamese text is written one
//! byte a letter (the frozen `TEXT_TABLE`), a share typed in percent travels as the
//! decimal the user typed (`Pct`), and a range of one value as one value.
//!
//! # Id tables (append-only)
//!
//! Line and region ids travel as a position in [`LINE_IDS`] or [`REGION_IDS`]; an id not in
//! its table travels as text, so a scenario naming a new line still round-trips. The rule
//! for a new programme line or region: **append its id at the END of the table; never
//! reorder or remove an entry** (a link stores positions, so moving one would reopen old
//! links with other lines). Version 1 links use the first [`V1_LINES`] and [`V1_REGIONS`]
//! entries, which are what version 1 shipped with. A position this build does not know (a
//! link from a newer build with a longer table) opens as the id `#<position>`, which
//! validation refuses as an unknown line or region.
//!
//! # Two codes of one scenario
//!
//! - [`encode`] is lossless (`decode(encode(s)) == s`, notes included): autosave, the XLSX
//!   worker and workshop packs use it.
//! - [`share_link`] / [`fragment`] make the link people send. A link must stay within
//!   [`MAX_SHARE_FRAGMENT`] characters (chat apps and mail clients cut longer ones, and a QR
//!   code at error correction M must hold it): when the whole scenario does not fit, the
//!   link carries the notes cut to what fits and says so (`notes_cut`); the link opens with
//!   the notes ending in "…", and [`open`] tells the app they were cut. Everything but the
//!   notes always travels whole.
//!
//! Decoding bounds its work (at most [`MAX_LINK_TEXT`] bytes of text, at most
//! [`MAX_DECOMPRESSED`] bytes after decompression), never panics, and returns only
//! scenarios that pass [`Scenario::validate`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::data::Tri;
use crate::error::ScenarioError;
use crate::lang::Lang;
use crate::money::Money;
use crate::scenario::{Constraint, LineOverride, Overrides, RegionOverride, Scenario, YearBudget};

/// The link format this build writes (the first byte of every code).
pub const LINK_VERSION: u8 = 2;
/// Longest text [`decode`] looks at, in bytes (a whole URL with whitespace included).
pub const MAX_LINK_TEXT: usize = 8 * 1024;
/// Largest decompressed body [`decode`] accepts, in bytes.
pub const MAX_DECOMPRESSED: usize = 64 * 1024;
/// The fragment prefix of a share link.
pub const FRAGMENT_PREFIX: &str = "#s=";
/// Longest share-link fragment (`#s=` and the code), in characters: see the module docs
/// and `SOURCES.md` §10.5. With an origin of up to 300 characters the whole URL still fits
/// a QR code at error correction M (2 331 bytes).
pub const MAX_SHARE_FRAGMENT: usize = 2_000;
/// What a link with cut notes shows at the end of them.
pub const NOTES_CUT_MARK: char = '…';

/// Why a link could not be opened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LinkError {
    /// Nothing to decode.
    #[error("the link is empty")]
    Empty,
    /// More text than any link this app writes.
    #[error("the link is too long ({len} bytes, at most {max})")]
    TooLong {
        /// Length of the text, bytes.
        len: u32,
        /// Most accepted.
        max: u32,
    },
    /// A character that base64url never uses.
    #[error("the link contains {found:?} at position {position}")]
    BadCharacters {
        /// The first offending character.
        found: char,
        /// Its position in the code, counted in characters from 1.
        position: u32,
    },
    /// The code ends too early (cut off when copied).
    #[error("the link is cut off")]
    Truncated,
    /// The code is damaged: it does not decode to a scenario.
    #[error("the link is damaged")]
    Corrupt,
    /// It decompresses to more than [`MAX_DECOMPRESSED`] bytes.
    #[error("the link unpacks to too much data")]
    TooLarge,
    /// Written by a newer version of the app.
    #[error("link version {found} is newer than this app (reads up to {supported})")]
    FutureVersion {
        /// Version byte found.
        found: u8,
        /// Newest version this build reads ([`LINK_VERSION`]).
        supported: u8,
    },
    /// It decodes, but the scenario is not valid.
    #[error("the scenario in the link is not valid: {0}")]
    Invalid(ScenarioError),
}

impl LinkError {
    /// The message for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        use crate::words::ModelWords as W;
        let n = |x: u32| crate::fmt::fmt_int(i64::from(x), lang);
        match self {
            LinkError::Empty => W::LinkEmpty.get(lang).into(),
            LinkError::TooLong { len, max } => W::LinkTooLong.fill(lang, &[&n(*len), &n(*max)]),
            LinkError::BadCharacters { found, position } => {
                let shown = if found.is_control() {
                    format!("U+{:04X}", u32::from(*found))
                } else {
                    format!("“{found}”")
                };
                W::LinkBadCharacter.fill(lang, &[&shown, &position.to_string()])
            }
            LinkError::Truncated => W::LinkTruncated.get(lang).into(),
            LinkError::Corrupt => W::LinkCorrupt.get(lang).into(),
            LinkError::TooLarge => W::LinkTooLarge.get(lang).into(),
            LinkError::FutureVersion { found, supported } => {
                W::LinkFuture.fill(lang, &[&found.to_string(), &supported.to_string()])
            }
            LinkError::Invalid(e) => W::LinkInvalid.fill(lang, &[&e.message(lang)]),
        }
    }
}

/// The scenario as a share code (without `#s=`), lossless: [`decode`] gives back exactly
/// `s`, notes included. Deterministic: the same scenario gives the same code on every
/// platform. For the link people send, use [`share_link`].
pub fn encode(s: &Scenario) -> String {
    encode_v2(&WireV2::from_scenario(s, &s.notes, false))
}

fn encode_v2(wire: &WireV2) -> String {
    // Serialising plain structs, vectors and strings into a Vec cannot fail; an empty body
    // would decode as `Corrupt` rather than panic.
    let body = postcard::to_allocvec(wire).unwrap_or_default();
    pack_body(LINK_VERSION, &body)
}

/// `base64url(version ‖ zlib(body))`, shared with the workshop pack.
pub(crate) fn pack_body(version: u8, body: &[u8]) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(body, 10);
    let mut bytes = Vec::with_capacity(packed.len() + 1);
    bytes.push(version);
    bytes.extend_from_slice(&packed);
    base64url_encode(&bytes)
}

/// The share link of a scenario, as [`share_link`] makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareLink {
    /// `#s=` and the code; at most [`MAX_SHARE_FRAGMENT`] characters unless
    /// [`ShareLink::fits`] says otherwise.
    pub fragment: String,
    /// Characters of the scenario's notes.
    pub notes_total: usize,
    /// Characters of them the link carries (all of them unless they had to be cut).
    pub notes_sent: usize,
}

impl ShareLink {
    /// True when the link carries only part of the notes (it opens with them ending in
    /// [`NOTES_CUT_MARK`]); the whole scenario travels in a file or a pack.
    pub fn notes_cut(&self) -> bool {
        self.notes_sent < self.notes_total
    }

    /// True when the fragment is within [`MAX_SHARE_FRAGMENT`] characters. False only for a
    /// scenario whose figures alone do not fit (possible only through a file written by
    /// hand with thousands of digits' worth of odd values); such a link still opens.
    pub fn fits(&self) -> bool {
        self.fragment.len() <= MAX_SHARE_FRAGMENT
    }
}

/// The link people send: the whole scenario when it fits in [`MAX_SHARE_FRAGMENT`]
/// characters, otherwise the scenario with its notes cut to the longest beginning that
/// fits (at a space when one is near). Deterministic.
pub fn share_link(s: &Scenario) -> ShareLink {
    let total = s.notes.chars().count();
    let whole = format!("{FRAGMENT_PREFIX}{}", encode(s));
    if whole.len() <= MAX_SHARE_FRAGMENT {
        return ShareLink {
            fragment: whole,
            notes_total: total,
            notes_sent: total,
        };
    }
    let with = |n: usize| {
        let notes: String = s.notes.chars().take(n).collect();
        format!(
            "{FRAGMENT_PREFIX}{}",
            encode_v2(&WireV2::from_scenario(s, &notes, n < total))
        )
    };
    // The longest beginning of the notes that fits: compressed sizes grow with the text
    // (not strictly, so every candidate is checked and only a fitting one is kept).
    let (mut lo, mut hi) = (0usize, total.saturating_sub(1));
    let mut best = (0usize, with(0));
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        let f = with(mid);
        if f.len() <= MAX_SHARE_FRAGMENT {
            best = (mid, f);
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    // End at a space when one lies within the last 24 characters.
    let chars: Vec<char> = s.notes.chars().take(best.0).collect();
    if let Some(space) = chars
        .iter()
        .rposition(|c| c.is_whitespace())
        .filter(|&i| i + 24 >= chars.len() && i > 0)
    {
        let f = with(space);
        if f.len() <= MAX_SHARE_FRAGMENT {
            best = (space, f);
        }
    }
    ShareLink {
        fragment: best.1,
        notes_total: total,
        notes_sent: best.0,
    }
}

/// The fragment of a share link: `#s=` and a code of at most [`MAX_SHARE_FRAGMENT`]
/// characters in all ([`share_link`]; notes cut when they do not fit).
pub fn fragment(s: &Scenario) -> String {
    share_link(s).fragment
}

/// A link opened by [`open`].
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The scenario (valid).
    pub scenario: Scenario,
    /// The sender's link carried only the beginning of the notes (they end in
    /// [`NOTES_CUT_MARK`]).
    pub notes_cut: bool,
}

/// Reads a share code back. Accepts the bare code, `#s=<code>`, `s=<code>` or a whole URL
/// containing `#s=`; whitespace anywhere is ignored and anything after a `&` is dropped.
/// Never panics; the scenario returned is valid.
pub fn decode(text: &str) -> Result<Scenario, LinkError> {
    open(text).map(|o| o.scenario)
}

/// [`decode`], also telling whether the link carried only part of the notes.
pub fn open(text: &str) -> Result<Opened, LinkError> {
    if text.len() > MAX_LINK_TEXT {
        return Err(LinkError::TooLong {
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
            max: MAX_LINK_TEXT as u32,
        });
    }
    let code = extract_code(text);
    if code.is_empty() {
        return Err(LinkError::Empty);
    }
    let bytes = base64url_decode(&code)?;
    let (&version, rest) = bytes.split_first().ok_or(LinkError::Truncated)?;
    let opened = match version {
        1 => Opened {
            scenario: take_body::<WireV1>(rest, MAX_DECOMPRESSED)?
                .into_scenario()
                .map(Scenario::migrated)
                .ok_or(LinkError::Corrupt)?,
            notes_cut: false,
        },
        2 => {
            let wire = take_body::<WireV2>(rest, MAX_DECOMPRESSED)?;
            let notes_cut = wire.notes_cut;
            Opened {
                scenario: wire
                    .into_scenario()
                    .map(Scenario::migrated)
                    .ok_or(LinkError::Corrupt)?,
                notes_cut,
            }
        }
        0 => return Err(LinkError::Corrupt),
        found => {
            return Err(LinkError::FutureVersion {
                found,
                supported: LINK_VERSION,
            });
        }
    };
    opened.scenario.validate().map_err(LinkError::Invalid)?;
    Ok(opened)
}

/// The code inside whatever the user pasted.
fn extract_code(text: &str) -> String {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut code: &str = match compact.find("#s=") {
        Some(i) => &compact[i + 3..],
        None => {
            let t = compact.trim_start_matches('#');
            t.strip_prefix("s=").unwrap_or(t)
        }
    };
    if let Some(i) = code.find('&') {
        code = &code[..i];
    }
    code.trim_end_matches('=').to_string()
}

/// Inflates a zlib stream of at most `limit` bytes and reads one postcard value filling it
/// exactly. Shared with the workshop pack.
pub(crate) fn take_body<T: serde::de::DeserializeOwned>(
    packed: &[u8],
    limit: usize,
) -> Result<T, LinkError> {
    use miniz_oxide::inflate::{TINFLStatus, decompress_to_vec_zlib_with_limit};
    let body = decompress_to_vec_zlib_with_limit(packed, limit).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => LinkError::TooLarge,
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => LinkError::Truncated,
        _ => LinkError::Corrupt,
    })?;
    let (wire, rest) = postcard::take_from_bytes::<T>(&body).map_err(|e| match e {
        postcard::Error::DeserializeUnexpectedEnd => LinkError::Truncated,
        _ => LinkError::Corrupt,
    })?;
    if !rest.is_empty() {
        return Err(LinkError::Corrupt);
    }
    Ok(wire)
}

// ---------------------------------------------------------------------------------------
// base64url without padding (RFC 4648 §5).

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub(crate) fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let idx = (n >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(ALPHABET[idx as usize]));
        }
    }
    out
}

fn sextet(c: char) -> Option<u32> {
    match c {
        'A'..='Z' => Some(c as u32 - 'A' as u32),
        'a'..='z' => Some(c as u32 - 'a' as u32 + 26),
        '0'..='9' => Some(c as u32 - '0' as u32 + 52),
        '-' => Some(62),
        '_' => Some(63),
        _ => None,
    }
}

pub(crate) fn base64url_decode(code: &str) -> Result<Vec<u8>, LinkError> {
    let mut values = Vec::with_capacity(code.len());
    for (i, c) in code.chars().enumerate() {
        match sextet(c) {
            Some(v) => values.push(v),
            None => {
                return Err(LinkError::BadCharacters {
                    found: c,
                    position: u32::try_from(i + 1).unwrap_or(u32::MAX),
                });
            }
        }
    }
    // A lone character in the last group cannot carry a byte: the code was cut.
    if values.len() % 4 == 1 {
        return Err(LinkError::Truncated);
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for group in values.chunks(4) {
        let mut n = 0u32;
        for (i, v) in group.iter().enumerate() {
            n |= v << (18 - 6 * i);
        }
        let bytes = group.len() - 1;
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Id tables. APPEND-ONLY: a new line or region goes at the END; never reorder or remove an
// entry (links store positions). The tests say exactly what to do when one is missing.

/// Line ids by wire position. Append new lines at the end; never reorder or remove.
pub const LINE_IDS: &[&str] = &[
    "swim",
    "barrier",
    "daycare",
    "first_aid",
    "communication",
    "hotline",
    "special_support",
    "scholarship",
    "health_check",
    "gifts",
    "child_friendly",
    "play",
];

/// Region ids by wire position. Append new regions at the end; never reorder or remove.
pub const REGION_IDS: &[&str] = &[
    "VN",
    "ha-noi",
    "hue",
    "lai-chau",
    "dien-bien",
    "son-la",
    "lang-son",
    "quang-ninh",
    "thanh-hoa",
    "nghe-an",
    "ha-tinh",
    "cao-bang",
    "tuyen-quang",
    "lao-cai",
    "thai-nguyen",
    "phu-tho",
    "bac-ninh",
    "hung-yen",
    "hai-phong",
    "ninh-binh",
    "quang-tri",
    "da-nang",
    "quang-ngai",
    "gia-lai",
    "khanh-hoa",
    "lam-dong",
    "dak-lak",
    "ho-chi-minh",
    "dong-nai",
    "tay-ninh",
    "can-tho",
    "vinh-long",
    "dong-thap",
    "ca-mau",
    "an-giang",
];

/// Entries of [`LINE_IDS`] that version 1 links index (frozen).
pub const V1_LINES: usize = 12;
/// Entries of [`REGION_IDS`] that version 1 links index (frozen).
pub const V1_REGIONS: usize = 35;

/// The id at a wire position, or `#<position>` for a position this build does not know
/// (validation then refuses it as an unknown line or region).
fn id_at(table: &[&str], i: usize) -> String {
    match table.get(i) {
        Some(id) => (*id).to_string(),
        None => format!("#{i}"),
    }
}

/// Years are written relative to this one (small varints).
const YEAR_ORIGIN: i32 = 2000;

/// `q × 10^k` đồng (both versions).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct WMoney(i64, u8);

/// Powers of ten exactly representable in `i64` (10^0 … 10^18).
const POW10_I64: [i64; 19] = {
    let mut t = [1i64; 19];
    let mut i = 1;
    while i < 19 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

impl WMoney {
    fn from(m: Money) -> WMoney {
        let mut q = m.0;
        let mut k = 0u8;
        while q != 0 && q % 10 == 0 && k < 18 {
            q /= 10;
            k += 1;
        }
        WMoney(q, k)
    }

    fn money(self) -> Option<Money> {
        let p = POW10_I64.get(usize::from(self.1))?;
        self.0.checked_mul(*p).map(Money)
    }
}

/// Powers of ten exactly representable in `f64` (10^0 … 10^15).
const POW10_F64: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// `q / 10^k` as the decoders compute it; `None` when `q` or `k` is out of the exact range.
fn dec(q: i64, k: u8) -> Option<f64> {
    let p = POW10_F64.get(usize::from(k))?;
    if q.unsigned_abs() >= 9_000_000_000_000_000 {
        return None;
    }
    Some(q as f64 / p)
}

/// The `(q, k)` with `q / 10^k × scale` rounding to `x`, if `x` is such a short decimal.
fn short_decimal(x: f64, k: u8, scale: f64) -> Option<i64> {
    let p = POW10_F64.get(usize::from(k))?;
    let scaled = x * scale * p;
    if !scaled.is_finite() || scaled.abs() >= 9.0e15 {
        return None;
    }
    Some(libm::round(scaled) as i64)
}

// ---------------------------------------------------------------------------------------
// Wire format v1 (read only). Frozen: change nothing here.

/// An id: an index into the first [`V1_LINES`] / [`V1_REGIONS`] entries, or the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Key {
    Index(u8),
    Text(String),
}

impl Key {
    fn resolve(self, table: &[&str]) -> Option<String> {
        match self {
            Key::Index(i) => table.get(usize::from(i)).map(|s| (*s).to_string()),
            Key::Text(t) => Some(t),
        }
    }
}

/// A float: `q / 10^k` when that was exactly the value, otherwise the raw bits.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
enum WF64 {
    Dec(i64, u8),
    Raw(f64),
}

impl WF64 {
    fn value(self) -> Option<f64> {
        match self {
            WF64::Dec(q, k) => dec(q, k),
            WF64::Raw(x) => Some(x),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WConstraint {
    locked: bool,
    floor: Option<WMoney>,
    ceiling: Option<WMoney>,
}

impl WConstraint {
    fn from(c: &Constraint) -> WConstraint {
        WConstraint {
            locked: c.locked,
            floor: c.floor.map(WMoney::from),
            ceiling: c.ceiling.map(WMoney::from),
        }
    }

    fn constraint(self) -> Option<Constraint> {
        Some(Constraint {
            locked: self.locked,
            floor: self.floor.map(WMoney::money).transpose_none()?,
            ceiling: self.ceiling.map(WMoney::money).transpose_none()?,
        })
    }
}

/// `Some(None)` for no value, `Some(Some(v))` for a good one, `None` for a damaged one.
trait TransposeNone<T> {
    fn transpose_none(self) -> Option<Option<T>>;
}

impl<T> TransposeNone<T> for Option<Option<T>> {
    fn transpose_none(self) -> Option<Option<T>> {
        match self {
            None => Some(None),
            Some(Some(v)) => Some(Some(v)),
            Some(None) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WLineOverride {
    unit_cost: Option<[WMoney; 3]>,
    rrr: Option<[WF64; 3]>,
    max_coverage: Option<WF64>,
    durability_years: Option<WF64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WRegionOverride {
    children: Option<u64>,
    share_under5: Option<WF64>,
    drowning_rate: Option<WF64>,
    trend: Option<WF64>,
    swim_share: Option<WF64>,
    special_circumstances: Option<u64>,
    communes: Option<u32>,
    child_friendly_share: Option<WF64>,
    hotline_calls: Option<u64>,
}

/// The v1 body. Field order is the wire order. Also the element type of the v1 workshop
/// pack (`crate::pack`), which is frozen with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct WireV1 {
    /// 1 for the scenarios version 1 links were made of (read as the current schema).
    schema: u32,
    name: String,
    notes: String,
    region: Key,
    /// `start_year − 2000` (wrapping).
    start: i32,
    /// `end_year − start_year` (wrapping).
    span: i32,
    budget: Vec<[WMoney; 3]>,
    allocation: Vec<(Key, WMoney)>,
    constraints: Vec<(Key, WConstraint)>,
    line_overrides: Vec<(Key, WLineOverride)>,
    region_override: WRegionOverride,
    seed: u64,
}

/// `None` inside means the wire value was damaged.
fn back_f(x: Option<WF64>) -> Option<Option<f64>> {
    x.map(WF64::value).transpose_none()
}

impl WireV1 {
    /// The scenario, or `None` when a value cannot be what an encoder wrote.
    pub(crate) fn into_scenario(self) -> Option<Scenario> {
        let lines = &LINE_IDS[..V1_LINES];
        let start_year = self.start.wrapping_add(YEAR_ORIGIN);
        let mut budget = Vec::with_capacity(self.budget.len().min(64));
        for [c, p, m] in self.budget {
            budget.push(YearBudget {
                central: c.money()?,
                provincial: p.money()?,
                mobilised: m.money()?,
            });
        }
        let mut allocation = BTreeMap::new();
        for (k, m) in self.allocation {
            allocation.insert(k.resolve(lines)?, m.money()?);
        }
        let mut constraints = BTreeMap::new();
        for (k, c) in self.constraints {
            constraints.insert(k.resolve(lines)?, c.constraint()?);
        }
        let mut line_overrides = BTreeMap::new();
        for (k, o) in self.line_overrides {
            let unit_cost = match o.unit_cost {
                Some([l, m, h]) => Some(Tri {
                    low: l.money()?,
                    mode: m.money()?,
                    high: h.money()?,
                }),
                None => None,
            };
            let rrr = match o.rrr {
                Some([l, m, h]) => Some(Tri {
                    low: l.value()?,
                    mode: m.value()?,
                    high: h.value()?,
                }),
                None => None,
            };
            line_overrides.insert(
                k.resolve(lines)?,
                LineOverride {
                    unit_cost,
                    rrr,
                    max_coverage: back_f(o.max_coverage)?,
                    durability_years: back_f(o.durability_years)?,
                },
            );
        }
        let r = self.region_override;
        let region = RegionOverride {
            children: r.children,
            share_under5: back_f(r.share_under5)?,
            // A v1 link carries one value: the sender fixed the figure, no uncertainty.
            drowning_rate: back_f(r.drowning_rate)?.map(Tri::point),
            trend: back_f(r.trend)?.map(Tri::point),
            swim_share: back_f(r.swim_share)?,
            special_circumstances: r.special_circumstances,
            communes: r.communes,
            child_friendly_share: back_f(r.child_friendly_share)?,
            hotline_calls: r.hotline_calls,
        };
        Some(Scenario {
            version: self.schema,
            name: self.name,
            notes: self.notes,
            region: self.region.resolve(&REGION_IDS[..V1_REGIONS])?,
            start_year,
            end_year: start_year.wrapping_add(self.span),
            budget,
            allocation,
            constraints,
            overrides: Overrides {
                lines: line_overrides,
                region,
            },
            seed: self.seed,
        })
    }
}

// ---------------------------------------------------------------------------------------
// Wire format v2. Frozen once shipped: change nothing here; add a `WireV3` beside it.
// (`WMoney` and `WConstraint` above are part of both versions.)

/// An id: a position in [`LINE_IDS`] / [`REGION_IDS`], or the text of an id not there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum WId {
    Text(String),
    At(u32),
}

impl WId {
    fn of(id: &str, table: &[&str]) -> WId {
        match table.iter().position(|t| *t == id) {
            Some(i) => WId::At(i as u32),
            None => WId::Text(id.to_string()),
        }
    }

    fn resolve(self, table: &[&str]) -> String {
        match self {
            WId::At(i) => id_at(table, i as usize),
            WId::Text(t) => t,
        }
    }
}

/// A float, exactly: `q / 10^k`, or `(q / 10^k) / 100` (a share the user typed in
/// percent, as the app computes it), or the raw bits.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
enum WF {
    Dec(i64, u8),
    Pct(i64, u8),
    Raw(f64),
}

impl WF {
    fn from(x: f64) -> WF {
        // The fewest decimals first; at equal length a plain decimal before a percentage.
        // Division of exact doubles is correctly rounded everywhere, so checking with the
        // decoder's own expression guarantees the very same bits (−0 never matches and
        // travels raw).
        for digits in 0u8..=17 {
            let mut tries = [None, None];
            if digits <= 15 {
                tries[0] = short_decimal(x, digits, 1.0).map(|q| WF::Dec(q, digits));
            }
            if digits >= 2 {
                tries[1] = short_decimal(x, digits - 2, 100.0).map(|q| WF::Pct(q, digits - 2));
            }
            for w in tries.into_iter().flatten() {
                if w.value().map(f64::to_bits) == Some(x.to_bits()) {
                    return w;
                }
            }
        }
        WF::Raw(x)
    }

    fn value(self) -> Option<f64> {
        match self {
            WF::Dec(q, k) => dec(q, k),
            WF::Pct(q, k) => dec(q, k).map(|v| v / 100.0),
            WF::Raw(x) => Some(x),
        }
    }
}

/// A range of floats; one value when low = mode = high.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
enum WTri {
    Point(WF),
    Range(WF, WF, WF),
}

impl WTri {
    fn from(t: Tri<f64>) -> WTri {
        let same = |a: f64, b: f64| a.to_bits() == b.to_bits();
        if same(t.low, t.mode) && same(t.mode, t.high) {
            WTri::Point(WF::from(t.mode))
        } else {
            WTri::Range(WF::from(t.low), WF::from(t.mode), WF::from(t.high))
        }
    }

    fn tri(self) -> Option<Tri<f64>> {
        match self {
            WTri::Point(x) => x.value().map(Tri::point),
            WTri::Range(l, m, h) => Some(Tri {
                low: l.value()?,
                mode: m.value()?,
                high: h.value()?,
            }),
        }
    }
}

/// A range of money; one amount when low = mode = high.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
enum WMTri {
    Point(WMoney),
    Range(WMoney, WMoney, WMoney),
}

impl WMTri {
    fn from(t: Tri<Money>) -> WMTri {
        if t.low == t.mode && t.mode == t.high {
            WMTri::Point(WMoney::from(t.mode))
        } else {
            WMTri::Range(
                WMoney::from(t.low),
                WMoney::from(t.mode),
                WMoney::from(t.high),
            )
        }
    }

    fn tri(self) -> Option<Tri<Money>> {
        match self {
            WMTri::Point(m) => m.money().map(Tri::point),
            WMTri::Range(l, m, h) => Some(Tri {
                low: l.money()?,
                mode: m.money()?,
                high: h.money()?,
            }),
        }
    }
}

/// Letters of Vietnamese and common typography, one byte each in v2 text (frozen: the
/// position is the byte). Positions 0–127 are bytes 0x80–0xFF, the rest [`TEXT_LOW`].
const TEXT_TABLE: [char; 152] = [
    'à', 'á', 'ả', 'ã', 'ạ', 'ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ', 'â', 'ầ', 'ấ', 'ẩ', 'ẫ', //
    'ậ', 'đ', 'è', 'é', 'ẻ', 'ẽ', 'ẹ', 'ê', 'ề', 'ế', 'ể', 'ễ', 'ệ', 'ì', 'í', 'ỉ', //
    'ĩ', 'ị', 'ò', 'ó', 'ỏ', 'õ', 'ọ', 'ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ', 'ơ', 'ờ', 'ớ', //
    'ở', 'ỡ', 'ợ', 'ù', 'ú', 'ủ', 'ũ', 'ụ', 'ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự', 'ỳ', 'ý', //
    'ỷ', 'ỹ', 'ỵ', 'À', 'Á', 'Ả', 'Ã', 'Ạ', 'Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ', 'Â', 'Ầ', //
    'Ấ', 'Ẩ', 'Ẫ', 'Ậ', 'Đ', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ', 'Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ', //
    'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ', 'Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ', //
    'Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ', 'Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', //
    'Ự', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ', '“', '”', '‘', '’', '–', '—', '…', '•', '°', '×', //
    '≤', '≥', '→', '±', '€', '«', '»', '·', //
];

/// Control bytes that stand for [`TEXT_TABLE`] positions 128 and up (tab, line feed and
/// carriage return stay themselves).
const TEXT_LOW: [u8; 29] = [
    0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13,
    0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F,
];

/// Byte 0x00: the next 1–4 bytes are one character in UTF-8.
const TEXT_ESCAPE: u8 = 0x00;

/// Text as v2 writes it: ASCII as itself, a [`TEXT_TABLE`] character as its byte, any other
/// character as [`TEXT_ESCAPE`] and its UTF-8 bytes.
pub(crate) fn text_bytes(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let b = u32::from(c);
        if b < 0x80 && (b == 0x09 || b == 0x0A || b == 0x0D || (0x20..0x7F).contains(&b)) {
            out.push(b as u8);
        } else if let Some(i) = TEXT_TABLE.iter().position(|&t| t == c) {
            match i.checked_sub(128) {
                None => out.push(0x80 + i as u8),
                Some(j) => out.push(TEXT_LOW[j]),
            }
        } else {
            out.push(TEXT_ESCAPE);
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    out
}

/// The text of [`text_bytes`]; `None` when the bytes are not what it writes.
pub(crate) fn text_of(bytes: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        if b == TEXT_ESCAPE {
            let lead = *bytes.get(i)?;
            let len = match lead {
                0x00..=0x7F => 1,
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => return None,
            };
            let s = std::str::from_utf8(bytes.get(i..i + len)?).ok()?;
            out.push_str(s);
            i += len;
        } else if b >= 0x80 {
            out.push(*TEXT_TABLE.get(usize::from(b - 0x80))?);
        } else if let Some(j) = TEXT_LOW.iter().position(|&l| l == b) {
            out.push(*TEXT_TABLE.get(128 + j)?);
        } else {
            out.push(char::from(b));
        }
    }
    Some(out)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WLineOverrideV2 {
    unit_cost: Option<WMTri>,
    rrr: Option<WTri>,
    max_coverage: Option<WF>,
    durability_years: Option<WF>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WRegionOverrideV2 {
    children: Option<u64>,
    share_under5: Option<WF>,
    drowning_rate: Option<WTri>,
    trend: Option<WTri>,
    swim_share: Option<WF>,
    special_circumstances: Option<u64>,
    communes: Option<u32>,
    child_friendly_share: Option<WF>,
    hotline_calls: Option<u64>,
}

/// The v2 body. Field order is the wire order: never reorder, never insert. Also the
/// element type of the v2 workshop pack (`crate::pack`), which is frozen with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct WireV2 {
    /// The scenario's `version`, as it is (read back through `Scenario::migrated`, like
    /// every other way in: a schema 1 scenario opens as the current schema).
    schema: u32,
    /// `text_bytes(name)`.
    name: Vec<u8>,
    /// `text_bytes(notes)`, or of their beginning when `notes_cut`.
    notes: Vec<u8>,
    /// The share link carries only the beginning of the notes.
    notes_cut: bool,
    region: WId,
    /// `start_year − 2000` (wrapping).
    start: i32,
    /// `end_year − start_year` (wrapping).
    span: i32,
    budget: Vec<[WMoney; 3]>,
    allocation: Vec<(WId, WMoney)>,
    constraints: Vec<(WId, WConstraint)>,
    line_overrides: Vec<(WId, WLineOverrideV2)>,
    region_override: WRegionOverrideV2,
    seed: u64,
}

fn wf(x: Option<f64>) -> Option<WF> {
    x.map(WF::from)
}

/// `None` inside means the wire value was damaged.
fn back_wf(x: Option<WF>) -> Option<Option<f64>> {
    x.map(WF::value).transpose_none()
}

fn back_tri(x: Option<WTri>) -> Option<Option<Tri<f64>>> {
    x.map(WTri::tri).transpose_none()
}

impl WireV2 {
    /// The wire form of `s` with `notes` in place of its notes.
    pub(crate) fn from_scenario(s: &Scenario, notes: &str, notes_cut: bool) -> WireV2 {
        let line = |id: &str| WId::of(id, LINE_IDS);
        let r = &s.overrides.region;
        WireV2 {
            schema: s.version,
            name: text_bytes(&s.name),
            notes: text_bytes(notes),
            notes_cut,
            region: WId::of(&s.region, REGION_IDS),
            start: s.start_year.wrapping_sub(YEAR_ORIGIN),
            span: s.end_year.wrapping_sub(s.start_year),
            budget: s
                .budget
                .iter()
                .map(|b| {
                    [
                        WMoney::from(b.central),
                        WMoney::from(b.provincial),
                        WMoney::from(b.mobilised),
                    ]
                })
                .collect(),
            allocation: s
                .allocation
                .iter()
                .map(|(id, m)| (line(id), WMoney::from(*m)))
                .collect(),
            constraints: s
                .constraints
                .iter()
                .map(|(id, c)| (line(id), WConstraint::from(c)))
                .collect(),
            line_overrides: s
                .overrides
                .lines
                .iter()
                .map(|(id, o)| {
                    (
                        line(id),
                        WLineOverrideV2 {
                            unit_cost: o.unit_cost.map(WMTri::from),
                            rrr: o.rrr.map(WTri::from),
                            max_coverage: wf(o.max_coverage),
                            durability_years: wf(o.durability_years),
                        },
                    )
                })
                .collect(),
            region_override: WRegionOverrideV2 {
                children: r.children,
                share_under5: wf(r.share_under5),
                drowning_rate: r.drowning_rate.map(WTri::from),
                trend: r.trend.map(WTri::from),
                swim_share: wf(r.swim_share),
                special_circumstances: r.special_circumstances,
                communes: r.communes,
                child_friendly_share: wf(r.child_friendly_share),
                hotline_calls: r.hotline_calls,
            },
            seed: s.seed,
        }
    }

    /// The scenario (notes ending in [`NOTES_CUT_MARK`] when cut), or `None` when a value
    /// cannot be what an encoder wrote.
    pub(crate) fn into_scenario(self) -> Option<Scenario> {
        let start_year = self.start.wrapping_add(YEAR_ORIGIN);
        let mut budget = Vec::with_capacity(self.budget.len().min(64));
        for [c, p, m] in self.budget {
            budget.push(YearBudget {
                central: c.money()?,
                provincial: p.money()?,
                mobilised: m.money()?,
            });
        }
        let mut allocation = BTreeMap::new();
        for (k, m) in self.allocation {
            allocation.insert(k.resolve(LINE_IDS), m.money()?);
        }
        let mut constraints = BTreeMap::new();
        for (k, c) in self.constraints {
            constraints.insert(k.resolve(LINE_IDS), c.constraint()?);
        }
        let mut lines = BTreeMap::new();
        for (k, o) in self.line_overrides {
            lines.insert(
                k.resolve(LINE_IDS),
                LineOverride {
                    unit_cost: o.unit_cost.map(WMTri::tri).transpose_none()?,
                    rrr: back_tri(o.rrr)?,
                    max_coverage: back_wf(o.max_coverage)?,
                    durability_years: back_wf(o.durability_years)?,
                },
            );
        }
        let r = self.region_override;
        let region = RegionOverride {
            children: r.children,
            share_under5: back_wf(r.share_under5)?,
            drowning_rate: back_tri(r.drowning_rate)?,
            trend: back_tri(r.trend)?,
            swim_share: back_wf(r.swim_share)?,
            special_circumstances: r.special_circumstances,
            communes: r.communes,
            child_friendly_share: back_wf(r.child_friendly_share)?,
            hotline_calls: r.hotline_calls,
        };
        let mut notes = text_of(&self.notes)?;
        if self.notes_cut {
            notes.push(NOTES_CUT_MARK);
        }
        Some(Scenario {
            version: self.schema,
            name: text_of(&self.name)?,
            notes,
            region: self.region.resolve(REGION_IDS),
            start_year,
            end_year: start_year.wrapping_add(self.span),
            budget,
            allocation,
            constraints,
            overrides: Overrides { lines, region },
            seed: self.seed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        let data: Vec<u8> = (0u8..=255).collect();
        for n in 0..data.len() {
            let e = base64url_encode(&data[..n]);
            assert!(!e.contains('='));
            assert_eq!(e.len(), (n * 4).div_ceil(3));
            assert_eq!(base64url_decode(&e).as_deref(), Ok(&data[..n]));
        }
        // RFC 4648 test vectors, padding removed.
        assert_eq!(base64url_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url_encode(b"fooba"), "Zm9vYmE");
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn money_and_floats_are_written_exactly_and_compactly() {
        for m in [0, 1, 10, 120_000_000_000, 1_123_595, -5, i64::MAX, i64::MIN] {
            assert_eq!(WMoney::from(Money(m)).money(), Some(Money(m)), "{m}");
        }
        assert_eq!(WMoney::from(Money(120_000_000_000)), WMoney(12, 10));
        for x in [
            0.0,
            0.5,
            0.16,
            0.93,
            -0.01,
            7.26,
            1.0 / 3.0,
            1e300,
            -0.0,
            6.0,
            f64::NAN,
            f64::INFINITY,
            45.37 / 100.0,
            -2.57 / 100.0,
            1e-300,
            f64::MAX,
        ] {
            let w = WF::from(x);
            assert_eq!(w.value().map(f64::to_bits), Some(x.to_bits()), "{x}");
        }
        assert_eq!(WF::from(0.16), WF::Dec(16, 2));
        assert!(matches!(WF::from(1.0 / 3.0), WF::Raw(_)));
        assert!(matches!(WF::from(-0.0), WF::Raw(_)));
        assert_eq!(WMoney(1, 19).money(), None);
        assert_eq!(WMoney(i64::MAX, 1).money(), None);
        assert_eq!(WF::Dec(1, 16).value(), None);
        assert_eq!(WF::Pct(i64::MAX, 0).value(), None);
        // What the app stores for a share typed in percent travels as that percentage
        // when it is not itself a short decimal.
        let typed: f64 = 45.37 / 100.0;
        if typed.to_bits() != 0.4537f64.to_bits() {
            assert_eq!(WF::from(typed), WF::Pct(4537, 2));
        }
        let odd = (1..10_000)
            .map(|i| f64::from(i) / 100.0 / 100.0)
            .filter(|x| matches!(WF::from(*x), WF::Raw(_)))
            .count();
        assert_eq!(odd, 0, "every share typed with two decimals travels short");
    }

    #[test]
    fn text_round_trips_and_takes_one_byte_a_vietnamese_letter() {
        let all: String = TEXT_TABLE.iter().collect();
        assert_eq!(text_bytes(&all).len(), TEXT_TABLE.len());
        assert_eq!(text_of(&text_bytes(&all)).as_deref(), Some(all.as_str()));
        let mut distinct = TEXT_TABLE.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), TEXT_TABLE.len(), "no letter twice");
        assert!(TEXT_TABLE.iter().all(|c| !c.is_ascii()));
        assert!(TEXT_TABLE.len() <= 128 + TEXT_LOW.len());
        for s in [
            "",
            "Kế hoạch toàn quốc 2027–2030",
            "\u{0}\u{1}\u{7}\u{7f}\t\r\n x",
            "😀 中文 ǅ \u{10FFFF} \u{80} \u{FEFF}",
            "<script>alert('x')</script> & “Điện Biên”",
        ] {
            assert_eq!(text_of(&text_bytes(s)).as_deref(), Some(s), "{s:?}");
        }
        let every: String = (0..0x3000u32).filter_map(char::from_u32).collect();
        assert_eq!(text_of(&text_bytes(&every)), Some(every));
        for bad in [
            &[0u8][..],
            &[0, 0xC3],
            &[0, 0xFF],
            &[0, 0xE1, 0xBA],
            &[0, 0xED, 0xA0, 0x80],
            &[0x80 + 127, 0],
        ] {
            assert_eq!(text_of(bad), None, "{bad:?}");
        }
        // Every byte the encoder writes alone stands for one character; the spare control
        // bytes stand for nothing.
        let mut written = 0;
        for b in 1u8..=255 {
            let spare = TEXT_LOW
                .iter()
                .position(|&l| l == b)
                .is_some_and(|j| 128 + j >= TEXT_TABLE.len());
            match text_of(&[b]) {
                Some(s) => {
                    assert!(!spare && s.chars().count() == 1, "{b}");
                    assert_eq!(text_bytes(&s), [b], "{b}");
                    written += 1;
                }
                None => assert!(spare, "{b}"),
            }
        }
        assert_eq!(written, 255 - (128 + TEXT_LOW.len() - TEXT_TABLE.len()));
    }

    #[test]
    fn version_1_positions_are_frozen() {
        // What version 1 shipped with: these positions are in links people have.
        let v1_lines = [
            "swim",
            "barrier",
            "daycare",
            "first_aid",
            "communication",
            "hotline",
            "special_support",
            "scholarship",
            "health_check",
            "gifts",
            "child_friendly",
            "play",
        ];
        assert_eq!(&LINE_IDS[..V1_LINES], &v1_lines);
        assert!(REGION_IDS.len() >= V1_REGIONS);
        assert_eq!(&REGION_IDS[..4], &["VN", "ha-noi", "hue", "lai-chau"]);
        assert_eq!(REGION_IDS[V1_REGIONS - 1], "an-giang");
        assert_eq!(id_at(LINE_IDS, 999), "#999");
    }

    #[test]
    fn id_tables_hold_every_catalogue_id() {
        // Not required for decoding (other ids travel as text), but keeps links short.
        for l in crate::data::lines() {
            assert!(
                LINE_IDS.contains(&l.id),
                "line {:?} is not in the link table: append \"{}\" at the END of LINE_IDS in \
                 crates/model/src/codec.rs; never reorder or remove",
                l.id,
                l.id
            );
        }
        for r in crate::data::REGIONS {
            assert!(
                REGION_IDS.contains(&r.id),
                "region {:?} is not in the link table: append \"{}\" at the END of REGION_IDS \
                 in crates/model/src/codec.rs; never reorder or remove",
                r.id,
                r.id
            );
        }
        for table in [LINE_IDS, REGION_IDS] {
            let mut ids = table.to_vec();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), table.len(), "an id twice in a table");
        }
    }

    #[test]
    fn the_default_round_trips() {
        let s = Scenario::default();
        let code = encode(&s);
        assert_eq!(decode(&code), Ok(s.clone()));
        assert_eq!(decode(&fragment(&s)), Ok(s.clone()));
        let link = share_link(&s);
        assert!(!link.notes_cut() && link.fits());
        assert_eq!(open(&link.fragment).map(|o| o.notes_cut), Ok(false));
    }

    #[test]
    fn long_notes_are_cut_in_the_link_only() {
        let s = Scenario {
            // Incompressible notes: about three link characters a note character.
            notes: (0..crate::scenario::MAX_NOTES as u32)
                .map(|i| char::from_u32(0x4E00 + (i.wrapping_mul(2_654_435_761) >> 20) % 20_000))
                .map(|c| c.unwrap_or('x'))
                .collect(),
            ..Scenario::default()
        };
        assert_eq!(s.validate(), Ok(()));
        assert_eq!(decode(&encode(&s)), Ok(s.clone()), "the code is lossless");
        let link = share_link(&s);
        assert!(link.fits(), "{}", link.fragment.len());
        assert!(link.notes_cut());
        assert!(link.notes_sent > 0 && link.notes_sent < link.notes_total);
        let opened = open(&link.fragment).expect("opens");
        assert!(opened.notes_cut);
        let kept: String = s.notes.chars().take(link.notes_sent).collect();
        assert_eq!(opened.scenario.notes, format!("{kept}{NOTES_CUT_MARK}"));
        assert_eq!(
            Scenario {
                notes: s.notes.clone(),
                ..opened.scenario
            },
            s,
            "everything else travels whole"
        );
        // One more character would not fit.
        let notes: String = s.notes.chars().take(link.notes_sent + 1).collect();
        let longer = encode_v2(&WireV2::from_scenario(&s, &notes, true));
        assert!(FRAGMENT_PREFIX.len() + longer.len() > MAX_SHARE_FRAGMENT);
    }
}
