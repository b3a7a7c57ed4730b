//! The share link: a [`Scenario`] as a short URL-safe code for the fragment `#s=…`.
//!
//! Format of version 1 (frozen; every link ever shipped keeps decoding):
//!
//! ```text
//! base64url-without-padding( version byte 0x01 ‖ zlib( postcard( WireV1 ) ) )
//! ```
//!
//! - the version byte sits outside the compression, so a later version may change
//!   everything after it;
//! - zlib is deflate with a 2-byte header and an Adler-32 checksum: a tampered or
//!   truncated link fails loudly instead of opening some other plan;
//! - `WireV1` is private to this module and never changes. Line and region ids are
//!   indices into the frozen v1 id tables below (any other id is written as text), money
//!   is written as `(q, k)` meaning `q × 10^k` đồng, and a float that is a short decimal
//!   as `(q, k)` meaning `q / 10^k`; both are exact.
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
pub const LINK_VERSION: u8 = 1;
/// Longest text [`decode`] looks at, in bytes (a whole URL with whitespace included).
pub const MAX_LINK_TEXT: usize = 8 * 1024;
/// Largest decompressed body [`decode`] accepts, in bytes.
pub const MAX_DECOMPRESSED: usize = 64 * 1024;
/// The fragment prefix of a share link.
pub const FRAGMENT_PREFIX: &str = "#s=";

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
        let vi = lang == Lang::Vi;
        match self {
            LinkError::Empty => lang
                .pick(
                    "Liên kết trống: không có kịch bản nào để mở.",
                    "The link is empty: there is no scenario to open.",
                )
                .into(),
            LinkError::TooLong { len, max } => {
                if vi {
                    format!(
                        "Liên kết quá dài ({} byte, tối đa {}): đây không phải liên kết do ứng dụng tạo ra.",
                        crate::fmt_int(i64::from(*len), lang),
                        crate::fmt_int(i64::from(*max), lang)
                    )
                } else {
                    format!(
                        "The link is too long ({} bytes, at most {}): this app did not make it.",
                        crate::fmt_int(i64::from(*len), lang),
                        crate::fmt_int(i64::from(*max), lang)
                    )
                }
            }
            LinkError::BadCharacters { found, position } => {
                let shown = if found.is_control() {
                    format!("U+{:04X}", u32::from(*found))
                } else {
                    format!("“{found}”")
                };
                if vi {
                    format!(
                        "Liên kết có ký tự không hợp lệ {shown} ở vị trí {position}. Hãy sao chép lại toàn bộ liên kết."
                    )
                } else {
                    format!(
                        "The link contains an invalid character {shown} at position {position}. Copy the whole link again."
                    )
                }
            }
            LinkError::Truncated => lang
                .pick(
                    "Liên kết bị cắt ngắn. Hãy sao chép lại toàn bộ liên kết.",
                    "The link is cut off. Copy the whole link again.",
                )
                .into(),
            LinkError::Corrupt => lang
                .pick(
                    "Liên kết bị hỏng nên không mở được kịch bản. Hãy xin người gửi liên kết mới.",
                    "The link is damaged and cannot be opened. Ask the sender for a new link.",
                )
                .into(),
            LinkError::TooLarge => lang
                .pick(
                    "Liên kết chứa quá nhiều dữ liệu: đây không phải liên kết do ứng dụng tạo ra.",
                    "The link holds too much data: this app did not make it.",
                )
                .into(),
            LinkError::FutureVersion { found, supported } => {
                if vi {
                    format!(
                        "Liên kết được tạo bằng phiên bản mới hơn (định dạng {found}; ứng dụng này đọc đến {supported}). Hãy tải lại trang để dùng bản mới nhất."
                    )
                } else {
                    format!(
                        "The link was made by a newer version (format {found}; this app reads up to {supported}). Reload the page to get the newest version."
                    )
                }
            }
            LinkError::Invalid(e) => {
                if vi {
                    format!("Kịch bản trong liên kết không hợp lệ: {}", e.message(lang))
                } else {
                    format!("The scenario in the link is not valid: {}", e.message(lang))
                }
            }
        }
    }
}

/// The scenario as a share code (without `#s=`). Deterministic: the same scenario gives
/// the same code on every platform.
pub fn encode(s: &Scenario) -> String {
    let wire = WireV1::from_scenario(s);
    // Serialising plain structs, vectors and strings into a Vec cannot fail; an empty body
    // would decode as `Corrupt` rather than panic.
    let body = postcard::to_allocvec(&wire).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&body, 10);
    let mut bytes = Vec::with_capacity(packed.len() + 1);
    bytes.push(LINK_VERSION);
    bytes.extend_from_slice(&packed);
    base64url_encode(&bytes)
}

/// The fragment of a share link: `#s=` followed by [`encode`].
pub fn fragment(s: &Scenario) -> String {
    format!("{FRAGMENT_PREFIX}{}", encode(s))
}

/// Reads a share code back. Accepts the bare code, `#s=<code>`, `s=<code>` or a whole URL
/// containing `#s=`; whitespace anywhere is ignored and anything after a `&` is dropped.
/// Never panics; the scenario returned is valid.
pub fn decode(text: &str) -> Result<Scenario, LinkError> {
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
    let s = match version {
        1 => decode_v1(rest)?,
        0 => return Err(LinkError::Corrupt),
        found => {
            return Err(LinkError::FutureVersion {
                found,
                supported: LINK_VERSION,
            });
        }
    };
    s.validate().map_err(LinkError::Invalid)?;
    Ok(s)
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

fn decode_v1(packed: &[u8]) -> Result<Scenario, LinkError> {
    use miniz_oxide::inflate::{TINFLStatus, decompress_to_vec_zlib_with_limit};
    let body = decompress_to_vec_zlib_with_limit(packed, MAX_DECOMPRESSED).map_err(|e| match e
        .status
    {
        TINFLStatus::HasMoreOutput => LinkError::TooLarge,
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => LinkError::Truncated,
        _ => LinkError::Corrupt,
    })?;
    let (wire, rest) = postcard::take_from_bytes::<WireV1>(&body).map_err(|e| match e {
        postcard::Error::DeserializeUnexpectedEnd => LinkError::Truncated,
        _ => LinkError::Corrupt,
    })?;
    if !rest.is_empty() {
        return Err(LinkError::Corrupt);
    }
    wire.into_scenario()
        .map(Scenario::migrated)
        .ok_or(LinkError::Corrupt)
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
// Wire format v1. Frozen: change nothing here; add a `WireV2` beside it instead.

/// Line ids of the v1 catalogue, by wire index.
const LINE_IDS_V1: [&str; 12] = [
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

/// Region ids of v1, by wire index.
const REGION_IDS_V1: [&str; 35] = [
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

/// Years are written relative to this one (small varints).
const YEAR_ORIGIN: i32 = 2000;

/// An id: an index into a frozen table, or the text itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Key {
    Index(u8),
    Text(String),
}

impl Key {
    fn of(id: &str, table: &[&str]) -> Key {
        match table.iter().position(|t| *t == id) {
            Some(i) => Key::Index(i as u8),
            None => Key::Text(id.to_string()),
        }
    }

    fn resolve(self, table: &[&str]) -> Option<String> {
        match self {
            Key::Index(i) => table.get(usize::from(i)).map(|s| (*s).to_string()),
            Key::Text(t) => Some(t),
        }
    }
}

/// `q × 10^k` đồng.
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

/// A float: `q / 10^k` when that is exactly the value, otherwise the raw bits.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
enum WF64 {
    Dec(i64, u8),
    Raw(f64),
}

/// Powers of ten exactly representable in `f64` (10^0 … 10^15).
const POW10_F64: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

impl WF64 {
    fn from(x: f64) -> WF64 {
        if x.is_finite() {
            for (k, p) in POW10_F64.iter().enumerate() {
                let scaled = x * p;
                if scaled.abs() >= 9.0e15 {
                    break;
                }
                let q = libm::round(scaled) as i64;
                let w = WF64::Dec(q, k as u8);
                // Division of two exact doubles is correctly rounded everywhere, so checking
                // with the decoder's own expression guarantees the very same bits (−0 fails
                // here and travels raw).
                if w.value().map(f64::to_bits) == Some(x.to_bits()) {
                    return w;
                }
            }
        }
        WF64::Raw(x)
    }

    fn value(self) -> Option<f64> {
        match self {
            WF64::Dec(q, k) => {
                let p = POW10_F64.get(usize::from(k))?;
                if q.unsigned_abs() >= 9_000_000_000_000_000 {
                    return None;
                }
                Some(q as f64 / p)
            }
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

/// The v1 body. Field order is the wire order: never reorder, never insert. Also the
/// element type of the workshop pack (`crate::pack`), which is frozen with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct WireV1 {
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

fn opt_f(x: Option<f64>) -> Option<WF64> {
    x.map(WF64::from)
}

/// `None` inside means the wire value was damaged.
fn back_f(x: Option<WF64>) -> Option<Option<f64>> {
    match x {
        None => Some(None),
        Some(w) => w.value().map(Some),
    }
}

impl WireV1 {
    pub(crate) fn from_scenario(s: &Scenario) -> WireV1 {
        let line = |id: &str| Key::of(id, &LINE_IDS_V1);
        let r = &s.overrides.region;
        WireV1 {
            // A current (schema 2) scenario travels in the v1 wire as schema 1, which reads
            // back as schema 2; any other version is written as it is.
            schema: if s.version == crate::scenario::SCHEMA_VERSION {
                1
            } else {
                s.version
            },
            name: s.name.clone(),
            notes: s.notes.clone(),
            region: Key::of(&s.region, &REGION_IDS_V1),
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
                .map(|(id, c)| {
                    (
                        line(id),
                        WConstraint {
                            locked: c.locked,
                            floor: c.floor.map(WMoney::from),
                            ceiling: c.ceiling.map(WMoney::from),
                        },
                    )
                })
                .collect(),
            line_overrides: s
                .overrides
                .lines
                .iter()
                .map(|(id, o)| {
                    (
                        line(id),
                        WLineOverride {
                            unit_cost: o.unit_cost.map(|t| {
                                [
                                    WMoney::from(t.low),
                                    WMoney::from(t.mode),
                                    WMoney::from(t.high),
                                ]
                            }),
                            rrr: o.rrr.map(|t| {
                                [WF64::from(t.low), WF64::from(t.mode), WF64::from(t.high)]
                            }),
                            max_coverage: opt_f(o.max_coverage),
                            durability_years: opt_f(o.durability_years),
                        },
                    )
                })
                .collect(),
            region_override: WRegionOverride {
                children: r.children,
                share_under5: opt_f(r.share_under5),
                // TODO(link v2): v1 carries one value; the range travels from v2 on.
                drowning_rate: opt_f(r.drowning_rate.map(|t| t.mode)),
                trend: opt_f(r.trend.map(|t| t.mode)),
                swim_share: opt_f(r.swim_share),
                special_circumstances: r.special_circumstances,
                communes: r.communes,
                child_friendly_share: opt_f(r.child_friendly_share),
                hotline_calls: r.hotline_calls,
            },
            seed: s.seed,
        }
    }

    /// The scenario, or `None` when a value cannot be what an encoder wrote.
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
            allocation.insert(k.resolve(&LINE_IDS_V1)?, m.money()?);
        }
        let mut constraints = BTreeMap::new();
        for (k, c) in self.constraints {
            let floor = match c.floor {
                Some(m) => Some(m.money()?),
                None => None,
            };
            let ceiling = match c.ceiling {
                Some(m) => Some(m.money()?),
                None => None,
            };
            constraints.insert(
                k.resolve(&LINE_IDS_V1)?,
                Constraint {
                    locked: c.locked,
                    floor,
                    ceiling,
                },
            );
        }
        let mut lines = BTreeMap::new();
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
            lines.insert(
                k.resolve(&LINE_IDS_V1)?,
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
            region: self.region.resolve(&REGION_IDS_V1)?,
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
        ] {
            let w = WF64::from(x);
            assert_eq!(w.value().map(f64::to_bits), Some(x.to_bits()), "{x}");
        }
        assert_eq!(WF64::from(0.16), WF64::Dec(16, 2));
        assert!(matches!(WF64::from(1.0 / 3.0), WF64::Raw(_)));
        assert!(matches!(WF64::from(-0.0), WF64::Raw(_)));
        assert_eq!(WMoney(1, 19).money(), None);
        assert_eq!(WMoney(i64::MAX, 1).money(), None);
    }

    #[test]
    fn frozen_tables_cover_todays_catalogue() {
        // Not required for decoding (other ids travel as text), but keeps links short.
        for l in crate::data::lines() {
            assert!(LINE_IDS_V1.contains(&l.id), "{}", l.id);
        }
        for r in crate::data::REGIONS {
            assert!(REGION_IDS_V1.contains(&r.id), "{}", r.id);
        }
    }

    #[test]
    fn the_default_round_trips() {
        let s = Scenario::default();
        let code = encode(&s);
        assert_eq!(decode(&code), Ok(s.clone()));
        assert_eq!(decode(&fragment(&s)), Ok(s));
    }
}
