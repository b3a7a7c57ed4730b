//! The room's plans (issue 16): the plans a workshop's participants hand in, gathered on
//! the facilitator's machine and summarised — where the room agrees, where it does not,
//! and the plan the room as a whole would make. Pure: text in, typed outcomes and figures
//! out; the app renders them and keeps the room in the browser's storage.
//!
//! # What is read
//! [`find`] looks through any text (a whole chat dump, a file, what a camera decoded) for
//! - share links `…#s=<code>` (a whole URL or just the fragment): read with
//!   [`crate::decode`];
//! - bare share codes: a run of at least [`MIN_BARE`] base64url characters (a code copied
//!   without its address; the shortest real code is about 150 characters, and no word of a
//!   chat is that long);
//! - workshop-pack links `…#w=<code>`: recognised and listed as *not a participant's plan*
//!   (the facilitator's own link often sits in the same chat), never added.
//!
//! Every link found gets an [`Outcome`]: added, replaced (the same participant handed in
//! again), the same plan again, or refused with a [`Reason`] — unreadable, tampered, cut,
//! from a newer version, for another region or other plan years, or the room is full.
//! Nothing found is dropped without a word.
//!
//! # Who is who
//! A participant is known by her plan's name — the name or table label she writes when she
//! hands in (trimmed, spaces collapsed, case ignored). A plan from the same name replaces
//! the older one. A plan that still carries the starting plan's name, or no name, is
//! nobody's in particular: it is known by its content, so the very same plan twice counts
//! once and two different unnamed plans count twice.
//!
//! # The summary
//! [`summarise`]: per programme line every participant's amount, min / median / max, the
//! middle half (lower to upper quartile) and how many moved it from the starting plan; per
//! plan the headline figures ([`Figure::DeathsAverted`] over the lifetime of what the plan
//! buys, the model's default horizon; [`Figure::ChildrenSupported`]; targets met), ranked;
//! the room's plan; and the lines where the room disagrees most.
//!
//! **The room's plan** is the starting plan with its annual allocation replaced by each
//! line's median, all multiplied by one factor so that they add up to the starting plan's
//! annual budget (its smallest plan year, as a constant allocation must fit every year):
//! `amount = median × budget / Σ medians`, in whole triệu đồng, rounded down, the triệu
//! left over going one each to the lines with the largest rounding remainders (ties in
//! catalogue order). It keeps the starting plan's region, years, budget and assumptions,
//! and carries no locks, floors or ceilings (it is the room's choice, not the optimiser's).
//! A median of an even number of plans is the mean of the two middle amounts, rounded down
//! to the đồng.
//!
//! **Disagreement** is the width of the middle half (upper minus lower quartile, nearest
//! rank), as a share of that budget: one participant far from everyone else does not make
//! a line disputed, half the room split does.
//!
//! # Bounds
//! At most [`MAX_TEXT`] bytes of a text are read and [`MAX_FOUND`] links of one text; each
//! code's decoding is bounded by the codec. A room holds at most [`MAX_PLANS`] plans: a
//! workshop is 20–60 people and a conference room about 100, so 200 leaves room to spare
//! while the room's saved text stays near 50 KB of the browser's storage and a summary
//! takes a few milliseconds.

use std::fmt::Write as _;

use crate::codec::{self, LinkError};
use crate::data;
use crate::eval::Projection;
use crate::figures::Figure;
use crate::lang::Lang;
use crate::money::{Money, TRIEU};
use crate::scenario::Scenario;
use crate::words::room::RoomWords;

/// Most plans one room holds (see the module docs).
pub const MAX_PLANS: usize = 200;
/// Longest text read at once, bytes (a paste, a file).
pub const MAX_TEXT: usize = 1024 * 1024;
/// Most links read from one text.
pub const MAX_FOUND: usize = 1_000;
/// Shortest run of base64url characters taken for a bare share code.
pub const MIN_BARE: usize = 40;
/// How many of the most disputed lines are named.
pub const DISPUTED: usize = 3;
/// Characters of a code shown beside its reason.
const EXCERPT: usize = 12;
/// First word of the room's saved text.
const MAGIC: &str = "kehoach-room";
/// Version of the saved text [`write`] writes.
pub const VERSION: u32 = 1;
/// The `format` of the room's JSON export.
pub const JSON_FORMAT: &str = "kehoach-room";

/// What kind of link was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `#s=<code>`: a scenario's share link.
    Share,
    /// A bare share code.
    Bare,
    /// `#w=<code>`: a workshop pack.
    Pack,
}

/// A link found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'a> {
    /// What it is.
    pub kind: Kind,
    /// The code (without `#s=` / `#w=`; may be empty or broken).
    pub code: &'a str,
}

/// The links of a text, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scan<'a> {
    /// Up to [`MAX_FOUND`] links.
    pub found: Vec<Found<'a>>,
    /// Links after the first [`MAX_FOUND`], not read.
    pub skipped: usize,
    /// The text was longer than [`MAX_TEXT`]: only its beginning was read.
    pub cut: bool,
}

fn is_code_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_'
}

/// Every link in `text` (see the module docs). Linear in the text, never panics.
pub fn find(text: &str) -> Scan<'_> {
    let mut end = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = end < text.len();
    let bytes = &text.as_bytes()[..end];
    let mut scan = Scan {
        cut,
        ..Scan::default()
    };
    let mut i = 0;
    while i < bytes.len() {
        // A marker followed by a (possibly empty) code.
        let marker = if bytes[i] == b'#' && bytes.get(i + 2) == Some(&b'=') {
            match bytes.get(i + 1) {
                Some(b's') => Some(Kind::Share),
                Some(b'w') => Some(Kind::Pack),
                _ => None,
            }
        } else {
            None
        };
        let (kind, from) = match marker {
            Some(k) => (Some(k), i + 3),
            None if is_code_char(bytes[i]) => (None, i),
            None => {
                i += 1;
                continue;
            }
        };
        let mut j = from;
        while j < bytes.len() && is_code_char(bytes[j]) {
            j += 1;
        }
        let kind = match kind {
            Some(k) => Some(k),
            None if j - from >= MIN_BARE => Some(Kind::Bare),
            None => None,
        };
        if let Some(kind) = kind {
            if scan.found.len() < MAX_FOUND {
                // The range holds only ASCII characters, so it lies on char boundaries.
                scan.found.push(Found {
                    kind,
                    code: &text[from..j],
                });
            } else {
                scan.skipped += 1;
            }
        }
        i = j.max(i + 1);
    }
    scan
}

/// Why a link was not added to the room.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The code does not open: empty, cut, damaged or tampered, too long, from a newer
    /// version, or an invalid scenario.
    Link(LinkError),
    /// A workshop pack (the facilitator's link), not a participant's plan.
    Pack,
    /// A plan for another region.
    Region {
        /// The plan's region id.
        found: String,
        /// The room's.
        room: String,
    },
    /// A plan for other plan years.
    Years {
        /// The plan's first and last year.
        found: (i32, i32),
        /// The room's.
        room: (i32, i32),
    },
    /// The room holds [`MAX_PLANS`] plans already.
    Full,
}

fn region_name(id: &str, lang: Lang) -> String {
    data::region(id).map_or_else(|| id.to_string(), |r| r.name(lang).to_string())
}

fn years(y: (i32, i32)) -> String {
    format!("{}–{}", y.0, y.1)
}

impl Reason {
    /// The reason in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Reason::Link(e) => e.message(lang),
            Reason::Pack => RoomWords::ReasonPack.get(lang).to_string(),
            Reason::Region { found, room } => RoomWords::ReasonRegion
                .fill(lang, &[&region_name(found, lang), &region_name(room, lang)]),
            Reason::Years { found, room } => {
                RoomWords::ReasonYears.fill(lang, &[&years(*found), &years(*room)])
            }
            Reason::Full => RoomWords::ReasonFull.fill(lang, &[&MAX_PLANS.to_string()]),
        }
    }
}

/// What became of one link.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A new participant's plan.
    Added,
    /// The same participant handed in again: the new plan replaced the older one.
    Replaced,
    /// The very same plan is in the room already: nothing changed.
    Same,
    /// Not added, and why.
    Refused(Reason),
}

/// One link read from a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Its position among the links of the text, from 1.
    pub at: u32,
    /// The first characters of its code (to find it in the chat).
    pub excerpt: String,
    /// The plan's name (empty when the link did not open).
    pub name: String,
    /// What became of it.
    pub outcome: Outcome,
}

/// What reading a text did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Every link found, in order.
    pub items: Vec<Item>,
    /// Links beyond [`MAX_FOUND`], not read.
    pub skipped: usize,
    /// The text was cut at [`MAX_TEXT`] bytes.
    pub cut: bool,
}

impl Report {
    /// How many links had each outcome: added, replaced, the same, refused.
    pub fn counts(&self) -> [usize; 4] {
        let mut c = [0; 4];
        for i in &self.items {
            c[match i.outcome {
                Outcome::Added => 0,
                Outcome::Replaced => 1,
                Outcome::Same => 2,
                Outcome::Refused(_) => 3,
            }] += 1;
        }
        c
    }

    /// The refused links.
    pub fn refused(&self) -> impl Iterator<Item = (&Item, &Reason)> {
        self.items.iter().filter_map(|i| match &i.outcome {
            Outcome::Refused(r) => Some((i, r)),
            _ => None,
        })
    }

    /// One sentence saying what happened, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        let mut out = if self.items.is_empty() {
            RoomWords::NothingFound.get(lang).to_string()
        } else {
            let [a, r, s, f] = self.counts();
            RoomWords::ReadSummary.fill(
                lang,
                &[
                    &self.items.len().to_string(),
                    &a.to_string(),
                    &r.to_string(),
                    &s.to_string(),
                    &f.to_string(),
                ],
            )
        };
        if self.skipped > 0 {
            out.push(' ');
            out.push_str(
                &RoomWords::Skipped
                    .fill(lang, &[&self.skipped.to_string(), &MAX_FOUND.to_string()]),
            );
        }
        if self.cut {
            out.push(' ');
            out.push_str(RoomWords::TextCut.get(lang));
        }
        out
    }
}

/// The start of a code, to show beside its outcome.
pub fn excerpt(code: &str) -> String {
    let mut s: String = code.chars().take(EXCERPT).collect();
    if code.chars().nth(EXCERPT).is_some() {
        s.push('…');
    }
    s
}

/// The plans handed in, and the plan they started from.
#[derive(Debug, Clone, PartialEq)]
pub struct Room {
    start: Scenario,
    plans: Vec<Scenario>,
}

/// Who a plan belongs to (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Identity {
    Name(String),
    Content,
}

fn normalised(name: &str) -> String {
    crate::fmt::lower(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

impl Room {
    /// An empty room whose plans start from `start` (its region and years are the
    /// room's; "moved" is counted against its allocation; the room's plan takes its
    /// budget).
    pub fn new(start: Scenario) -> Room {
        Room {
            start,
            plans: Vec::new(),
        }
    }

    /// The starting plan.
    pub fn start(&self) -> &Scenario {
        &self.start
    }

    /// The plans, in the order they arrived (a replaced plan keeps its place).
    pub fn plans(&self) -> &[Scenario] {
        &self.plans
    }

    /// No plan yet.
    pub fn is_empty(&self) -> bool {
        self.plans.is_empty()
    }

    /// Number of plans.
    pub fn len(&self) -> usize {
        self.plans.len()
    }

    fn identity(&self, s: &Scenario) -> Identity {
        let n = normalised(&s.name);
        if n.is_empty() || n == normalised(&self.start.name) {
            Identity::Content
        } else {
            Identity::Name(n)
        }
    }

    /// Whether a scenario may join the room: the room's region and plan years.
    pub fn check(&self, s: &Scenario) -> Result<(), Reason> {
        if s.region != self.start.region {
            return Err(Reason::Region {
                found: s.region.clone(),
                room: self.start.region.clone(),
            });
        }
        if (s.start_year, s.end_year) != (self.start.start_year, self.start.end_year) {
            return Err(Reason::Years {
                found: (s.start_year, s.end_year),
                room: (self.start.start_year, self.start.end_year),
            });
        }
        Ok(())
    }

    /// Offers one plan (already decoded and valid): added, replacing the same
    /// participant's older plan, the same as one in the room, or refused.
    pub fn offer(&mut self, s: Scenario) -> Outcome {
        if let Err(r) = self.check(&s) {
            return Outcome::Refused(r);
        }
        if self.plans.contains(&s) {
            return Outcome::Same;
        }
        if let Identity::Name(n) = self.identity(&s) {
            let same_person = self
                .plans
                .iter()
                .position(|p| self.identity(p) == Identity::Name(n.clone()));
            if let Some(i) = same_person {
                self.plans[i] = s;
                return Outcome::Replaced;
            }
        }
        if self.plans.len() >= MAX_PLANS {
            return Outcome::Refused(Reason::Full);
        }
        self.plans.push(s);
        Outcome::Added
    }

    /// Reads every link of a text (see the module docs) and offers each plan in turn. A
    /// room's own JSON export ([`to_json`]) is read back as a room: its plans (not its
    /// starting plan nor its room's plan, which are no participant's), and its starting
    /// plan becomes this room's when this room holds no plan yet.
    pub fn add_text(&mut self, text: &str) -> Report {
        let text = match json_parts(text) {
            Some((start, plans)) => {
                if self.plans.is_empty() {
                    let start = find(start)
                        .found
                        .into_iter()
                        .find(|f| f.kind == Kind::Share);
                    if let Some(Ok(s)) = start.map(|f| codec::decode(f.code)) {
                        self.start = s;
                    }
                }
                plans
            }
            None => text,
        };
        let scan = find(text);
        let mut report = Report {
            items: Vec::with_capacity(scan.found.len()),
            skipped: scan.skipped,
            cut: scan.cut,
        };
        for (k, f) in scan.found.iter().enumerate() {
            let (name, outcome) = match f.kind {
                Kind::Pack => (String::new(), Outcome::Refused(Reason::Pack)),
                Kind::Share | Kind::Bare => match codec::decode(f.code) {
                    Ok(s) => (s.name.clone(), self.offer(s)),
                    Err(e) => (String::new(), Outcome::Refused(Reason::Link(e))),
                },
            };
            report.items.push(Item {
                at: u32::try_from(k + 1).unwrap_or(u32::MAX),
                excerpt: excerpt(f.code),
                name,
                outcome,
            });
        }
        report
    }

    /// Removes the plan at `index` (nothing when there is none).
    pub fn remove(&mut self, index: usize) {
        if index < self.plans.len() {
            self.plans.remove(index);
        }
    }
}

/// The starting plan's part and the plans' part of a room's JSON export, if `text` is one.
fn json_parts(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_start();
    if !t.starts_with('{') || !t.contains(JSON_FORMAT) {
        return None;
    }
    let s = t.find("\"start\"")?;
    let p = t.find("\"plans\"")?;
    let l = t.find("\"lines\"").unwrap_or(t.len());
    (s < p && p < l).then(|| (&t[s..p], &t[p..l]))
}

// ---------------------------------------------------------------------------------------
// Saved text.

/// The room as text for the browser's storage: a first line `kehoach-room 1`, a line
/// `start <code>`, then one share code per plan, in order.
pub fn write(room: &Room) -> String {
    let mut out = format!("{MAGIC} {VERSION}\nstart {}\n", codec::encode(&room.start));
    for p in &room.plans {
        out.push_str(&codec::encode(p));
        out.push('\n');
    }
    out
}

/// Why saved room text could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    /// Not the room's saved text.
    NotARoom,
    /// Written by a newer version.
    FutureVersion(u32),
    /// The starting plan does not open.
    Start(LinkError),
}

/// A room read back from [`write`]'s text, with how many plans could not be read (dropped,
/// beyond [`MAX_PLANS`], or no longer fitting the room).
pub fn read(text: &str) -> Result<(Room, usize), Unreadable> {
    let mut lines = text.lines();
    let head = lines.next().unwrap_or_default();
    let version = head
        .strip_prefix(MAGIC)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .ok_or(Unreadable::NotARoom)?;
    if version != VERSION {
        return Err(if version > VERSION {
            Unreadable::FutureVersion(version)
        } else {
            Unreadable::NotARoom
        });
    }
    let start = lines
        .next()
        .and_then(|l| l.strip_prefix("start "))
        .ok_or(Unreadable::NotARoom)?;
    let start = codec::decode(start).map_err(Unreadable::Start)?;
    let mut room = Room::new(start);
    let mut dropped = 0;
    for line in lines.map(str::trim).filter(|l| !l.is_empty()) {
        let ok = match codec::decode(line) {
            Ok(s) => matches!(room.offer(s), Outcome::Added),
            Err(_) => false,
        };
        if !ok {
            dropped += 1;
        }
    }
    Ok((room, dropped))
}

// ---------------------------------------------------------------------------------------
// The summary.

/// The figures a plan is ranked by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// [`Figure::DeathsAverted`] (lifetime).
    pub deaths_averted: f64,
    /// [`Figure::ChildrenSupported`].
    pub children_supported: f64,
    /// National targets met at central values.
    pub targets_met: u32,
    /// National targets that fall within the plan years.
    pub targets: u32,
}

impl Figures {
    /// The figures of a projection.
    pub fn of(p: &Projection) -> Figures {
        let assessable = p.targets.iter().filter(|t| t.assessable);
        Figures {
            deaths_averted: Figure::DeathsAverted.value(p).unwrap_or(0.0),
            children_supported: Figure::ChildrenSupported.value(p).unwrap_or(0.0),
            targets_met: assessable.clone().filter(|t| t.met).count() as u32,
            targets: assessable.count() as u32,
        }
    }

    /// The figures of a scenario (`None` when it does not evaluate).
    pub fn evaluate(s: &Scenario) -> Option<Figures> {
        crate::evaluate(s).ok().map(|p| Figures::of(&p))
    }
}

/// One programme line across the room.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSpread {
    /// Line id.
    pub id: &'static str,
    /// The starting plan's amount.
    pub start: Money,
    /// Every plan's amount, in the room's order.
    pub amounts: Vec<Money>,
    /// Least amount.
    pub min: Money,
    /// Lower quartile (nearest rank).
    pub q1: Money,
    /// Median (see the module docs).
    pub median: Money,
    /// Upper quartile (nearest rank).
    pub q3: Money,
    /// Greatest amount.
    pub max: Money,
    /// Plans whose amount differs from the starting plan's.
    pub moved: u32,
    /// `(q3 − q1) / budget` (0 when the budget is 0).
    pub spread: f64,
    /// The room's plan's amount (0 when there is no room's plan).
    pub room: Money,
}

/// A plan's place in the ranking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    /// Index in [`Room::plans`].
    pub index: usize,
    /// Its figures.
    pub figures: Figures,
}

/// Everything the room's screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Plans in the room.
    pub count: usize,
    /// The starting plan's annual budget (its smallest plan year).
    pub budget: Money,
    /// Every line of the catalogue, in catalogue order.
    pub lines: Vec<LineSpread>,
    /// The plans, best first: most deaths averted, then most children supported, then
    /// most targets met, then arrival order.
    pub ranked: Vec<Ranked>,
    /// The room's plan (none in an empty room, or when every median is 0).
    pub room_plan: Option<Scenario>,
    /// Its figures.
    pub room_figures: Option<Figures>,
    /// The starting plan's figures.
    pub start_figures: Option<Figures>,
    /// Indexes into `lines` of the most disputed lines (widest middle half first; only
    /// lines where the middle half differs at all), at most [`DISPUTED`].
    pub disputed: Vec<usize>,
}

/// The amount at nearest rank `q` (0–1) of sorted amounts.
fn rank(sorted: &[Money], q: f64, up: bool) -> Money {
    if sorted.is_empty() {
        return Money::ZERO;
    }
    let x = (sorted.len() - 1) as f64 * q;
    let i = if up { x.ceil() } else { x.floor() } as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn median(sorted: &[Money]) -> Money {
    let n = sorted.len();
    match n {
        0 => Money::ZERO,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => {
            let (a, b) = (i128::from(sorted[n / 2 - 1].0), i128::from(sorted[n / 2].0));
            Money(i64::try_from((a + b).div_euclid(2)).unwrap_or(i64::MAX))
        }
    }
}

/// Amounts proportional to `weights` adding up to `budget` rounded down to the triệu (see
/// the module docs); `None` when every weight is 0 or below.
pub fn rescale(weights: &[Money], budget: Money) -> Option<Vec<Money>> {
    let w: Vec<i128> = weights.iter().map(|m| i128::from(m.0.max(0))).collect();
    let total: i128 = w.iter().sum();
    if total <= 0 {
        return None;
    }
    let units = i128::from(budget.0.max(0)) / i128::from(TRIEU);
    let den = total;
    let mut out: Vec<i128> = Vec::with_capacity(w.len());
    let mut rem: Vec<(i128, usize)> = Vec::with_capacity(w.len());
    for (i, x) in w.iter().enumerate() {
        let num = x * units;
        out.push(num / den);
        rem.push((num % den, i));
    }
    let mut left = units - out.iter().sum::<i128>();
    // Largest remainder first; ties in catalogue order.
    rem.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (r, i) in rem {
        if left <= 0 || r == 0 {
            break;
        }
        out[i] += 1;
        left -= 1;
    }
    Some(
        out.into_iter()
            .map(|u| Money(i64::try_from(u * i128::from(TRIEU)).unwrap_or(i64::MAX)))
            .collect(),
    )
}

/// The summary of a room (see the module docs). About `plans × lines × log plans` work
/// plus one evaluation per plan.
pub fn summarise(room: &Room) -> Summary {
    let start = &room.start;
    let budget = start.min_year_budget();
    let n = room.plans.len();
    let mut lines: Vec<LineSpread> = data::lines()
        .iter()
        .map(|l| {
            let base = start.alloc(l.id);
            let amounts: Vec<Money> = room.plans.iter().map(|p| p.alloc(l.id)).collect();
            let mut sorted = amounts.clone();
            sorted.sort_unstable();
            let (q1, q3) = (rank(&sorted, 0.25, false), rank(&sorted, 0.75, true));
            let spread = if budget.0 > 0 {
                (q3.0 - q1.0) as f64 / budget.as_f64()
            } else {
                0.0
            };
            LineSpread {
                id: l.id,
                start: base,
                moved: amounts.iter().filter(|a| **a != base).count() as u32,
                min: sorted.first().copied().unwrap_or_default(),
                max: sorted.last().copied().unwrap_or_default(),
                median: median(&sorted),
                q1,
                q3,
                spread,
                amounts,
                room: Money::ZERO,
            }
        })
        .collect();

    let room_plan = if n == 0 {
        None
    } else {
        let medians: Vec<Money> = lines.iter().map(|l| l.median).collect();
        rescale(&medians, budget).and_then(|amounts| {
            let mut s = start.clone();
            s.constraints.clear();
            s.allocation = lines
                .iter()
                .zip(&amounts)
                .filter(|(l, a)| a.0 > 0 || start.allocation.contains_key(l.id))
                .map(|(l, a)| (l.id.to_string(), *a))
                .collect();
            for (l, a) in lines.iter_mut().zip(&amounts) {
                l.room = *a;
            }
            s.validate().ok().map(|()| s)
        })
    };
    if room_plan.is_none() {
        for l in &mut lines {
            l.room = Money::ZERO;
        }
    }

    let mut ranked: Vec<Ranked> = room
        .plans
        .iter()
        .enumerate()
        .filter_map(|(index, p)| Figures::evaluate(p).map(|figures| Ranked { index, figures }))
        .collect();
    ranked.sort_by(|a, b| {
        let (x, y) = (&a.figures, &b.figures);
        y.deaths_averted
            .total_cmp(&x.deaths_averted)
            .then(y.children_supported.total_cmp(&x.children_supported))
            .then(y.targets_met.cmp(&x.targets_met))
            .then(a.index.cmp(&b.index))
    });

    let mut disputed: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].q3 > lines[i].q1)
        .collect();
    disputed.sort_by(|&a, &b| lines[b].spread.total_cmp(&lines[a].spread).then(a.cmp(&b)));
    disputed.truncate(DISPUTED);

    Summary {
        count: n,
        budget,
        room_figures: room_plan.as_ref().and_then(Figures::evaluate),
        start_figures: Figures::evaluate(start),
        room_plan,
        lines,
        ranked,
        disputed,
    }
}

impl Summary {
    /// Where the room disagrees most, in words ("" for an empty room).
    pub fn disagreement(&self, lang: Lang) -> String {
        if self.count == 0 {
            return String::new();
        }
        if self.disputed.is_empty() {
            return RoomWords::Agrees.get(lang).to_string();
        }
        let parts: Vec<String> = self
            .disputed
            .iter()
            .filter_map(|&i| self.lines.get(i))
            .map(|l| {
                let name = data::line(l.id).map_or(l.id, |d| d.short_name(lang));
                RoomWords::DisputedItem.fill(
                    lang,
                    &[
                        name,
                        &crate::fmt::money(l.q1, lang),
                        &crate::fmt::money(l.q3, lang),
                        &crate::fmt::pct(l.spread, lang),
                    ],
                )
            })
            .collect();
        RoomWords::Disputed.fill(lang, &[&parts.join("; ")])
    }
}

// ---------------------------------------------------------------------------------------
// Exports (the file worker writes them; see `crate::worker`).

fn csv_field(out: &mut String, text: &str, sep: char) {
    if text.contains([sep, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// The room as CSV (UTF-8 with a byte-order mark, CRLF; `;` and a decimal comma in
/// Vietnamese, `,` and a point in English): one row per plan — name, each line's annual
/// amount in đồng, deaths averted, children supported, targets met, its share code — then
/// the starting plan, min, median, max, how many moved each line, and the room's plan.
pub fn to_csv(room: &Room, summary: &Summary, lang: Lang) -> String {
    let sep = if lang == Lang::Vi { ';' } else { ',' };
    let num = |x: f64| crate::fmt::fmt_dec(x, 2, lang).replace(crate::fmt::group_sep(lang), "");
    let mut out = String::from("\u{feff}");
    let mut row = |cells: Vec<String>| {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(sep);
            }
            csv_field(&mut out, c, sep);
        }
        out.push_str("\r\n");
    };
    let mut head = vec![RoomWords::ColParticipant.get(lang).to_string()];
    for l in data::lines() {
        head.push(crate::words::Common::InDong.fill(lang, &[l.short_name(lang)]));
    }
    head.push(Figure::DeathsAverted.label(lang).to_string());
    head.push(Figure::ChildrenSupported.label(lang).to_string());
    head.push(RoomWords::ColTargetsMet.get(lang).to_string());
    head.push(RoomWords::ColCode.get(lang).to_string());
    row(head);
    let figures_of = |f: Option<Figures>| -> Vec<String> {
        match f {
            Some(f) => vec![
                num(f.deaths_averted),
                format!("{}", f.children_supported.round() as i64),
                format!("{}/{}", f.targets_met, f.targets),
            ],
            None => vec![String::new(); 3],
        }
    };
    // Only participants' plans carry their code: reading the file back into a room must
    // not take the starting plan or the room's plan for a participant's.
    let plan_row = |name: &str, s: &Scenario, f: Option<Figures>, code: bool| -> Vec<String> {
        let mut r = vec![name.to_string()];
        r.extend(data::lines().iter().map(|l| s.alloc(l.id).0.to_string()));
        r.extend(figures_of(f));
        r.push(if code {
            codec::encode(s)
        } else {
            String::new()
        });
        r
    };
    let mut by_index: Vec<Option<Figures>> = vec![None; room.plans.len()];
    for r in &summary.ranked {
        if let Some(slot) = by_index.get_mut(r.index) {
            *slot = Some(r.figures);
        }
    }
    for (p, f) in room.plans.iter().zip(by_index) {
        row(plan_row(&p.name, p, f, true));
    }
    row(plan_row(
        RoomWords::RowStart.get(lang),
        &room.start,
        summary.start_figures,
        false,
    ));
    let stat = |label: &str, f: &dyn Fn(&LineSpread) -> String| -> Vec<String> {
        let mut r = vec![label.to_string()];
        r.extend(summary.lines.iter().map(f));
        r
    };
    row(stat(RoomWords::RowMin.get(lang), &|l| l.min.0.to_string()));
    row(stat(RoomWords::RowMedian.get(lang), &|l| {
        l.median.0.to_string()
    }));
    row(stat(RoomWords::RowMax.get(lang), &|l| l.max.0.to_string()));
    row(stat(RoomWords::RowMoved.get(lang), &|l| {
        l.moved.to_string()
    }));
    if let Some(s) = &summary.room_plan {
        row(plan_row(
            RoomWords::RowRoom.get(lang),
            s,
            summary.room_figures,
            false,
        ));
    }
    out
}

fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_f64(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        "null".into()
    }
}

/// The room as JSON: `{"format": "kehoach-room", "version": 1, "start": {name, code},
/// "plans": [{name, code, allocation, deaths_averted, children_supported, targets_met}],
/// "lines": [{id, start, min, median, max, moved, room}], "room_plan": {code, allocation}
/// | null}` — money in đồng, codes are share codes ([`crate::decode`] reads them; importing
/// this file into a room reads its codes back).
pub fn to_json(room: &Room, summary: &Summary) -> String {
    let mut out = String::with_capacity(256 * (room.plans.len() + 2));
    let alloc = |out: &mut String, s: &Scenario| {
        out.push('{');
        for (i, l) in data::lines().iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json_str(out, l.id);
            let _ = write!(out, ":{}", s.alloc(l.id).0);
        }
        out.push('}');
    };
    let _ = write!(
        out,
        "{{\"format\":\"{JSON_FORMAT}\",\"version\":{VERSION},\"start\":{{\"name\":"
    );
    json_str(&mut out, &room.start.name);
    out.push_str(",\"code\":");
    json_str(&mut out, &format!("#s={}", codec::encode(&room.start)));
    out.push_str("},\"plans\":[");
    let mut by_index: Vec<Option<Figures>> = vec![None; room.plans.len()];
    for r in &summary.ranked {
        if let Some(slot) = by_index.get_mut(r.index) {
            *slot = Some(r.figures);
        }
    }
    for (i, (p, f)) in room.plans.iter().zip(by_index).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"name\":");
        json_str(&mut out, &p.name);
        out.push_str(",\"code\":");
        json_str(&mut out, &format!("#s={}", codec::encode(p)));
        out.push_str(",\"allocation\":");
        alloc(&mut out, p);
        if let Some(f) = f {
            let _ = write!(
                out,
                ",\"deaths_averted\":{},\"children_supported\":{},\"targets_met\":{},\"targets\":{}",
                json_f64(f.deaths_averted),
                json_f64(f.children_supported),
                f.targets_met,
                f.targets
            );
        }
        out.push('}');
    }
    out.push_str("],\"lines\":[");
    for (i, l) in summary.lines.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{{\"id\":\"{}\",\"start\":{},\"min\":{},\"median\":{},\"max\":{},\"moved\":{},\"room\":{}}}",
            l.id, l.start.0, l.min.0, l.median.0, l.max.0, l.moved, l.room.0
        );
    }
    out.push_str("],\"room_plan\":");
    match &summary.room_plan {
        Some(s) => {
            out.push_str("{\"code\":");
            json_str(&mut out, &format!("#s={}", codec::encode(s)));
            out.push_str(",\"allocation\":");
            alloc(&mut out, s);
            out.push('}');
        }
        None => out.push_str("null"),
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::TY;

    fn plan(name: &str, swim_ty: i64) -> Scenario {
        let mut s = Scenario {
            name: name.into(),
            ..Default::default()
        };
        let old = s.alloc("swim");
        s.allocation.insert("swim".into(), Money(swim_ty * TY));
        // Keep within the budget: take the difference from the daycare line.
        let diff = Money(swim_ty * TY).0 - old.0;
        let day = s.alloc("daycare");
        s.allocation
            .insert("daycare".into(), Money((day.0 - diff).max(0)));
        s
    }

    #[test]
    fn finds_links_codes_and_packs_in_a_chat() {
        let code = codec::encode(&plan("Bàn 1", 100));
        let text = format!(
            "Lan: https://x.vn/app/#s={code}\nMinh: mã {code} nhé\nBTC: https://x.vn/#w=AXjaabc\n\
             Hùng: #s=\nshort AAAAAAAAAA words"
        );
        let scan = find(&text);
        let kinds: Vec<Kind> = scan.found.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [Kind::Share, Kind::Bare, Kind::Pack, Kind::Share]);
        assert_eq!(scan.found[0].code, code);
        assert_eq!(scan.found[1].code, code);
        assert_eq!(scan.found[3].code, "");
        assert!(!scan.cut);
        assert_eq!(find("").found.len(), 0);
        assert_eq!(find("#").found.len(), 0);
        assert_eq!(find("#s").found.len(), 0);
        assert_eq!(find("#s=").found.len(), 1);
        // Multi-byte text around codes never splits a character.
        let t = format!("đuối nước #s={code}ồ");
        assert_eq!(find(&t).found[0].code, code);
    }

    #[test]
    fn reading_a_chat_adds_replaces_and_refuses_with_reasons() {
        let mut room = Room::new(Scenario::default());
        let a = codec::encode(&plan("Bàn 1", 100));
        let b = codec::encode(&plan("Bàn 2", 140));
        let a2 = codec::encode(&plan("  bàn   1 ", 90));
        let mut tampered = b.clone().into_bytes();
        let k = tampered.len() / 2;
        tampered[k] = if tampered[k] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).expect("ascii");
        let mut other_region = Scenario::default_for("dien-bien");
        other_region.name = "Bàn 9".into();
        let mut other_years = plan("Bàn 8", 100);
        other_years.start_year = 2026;
        other_years.budget.push(other_years.budget[0]);
        let future = {
            let mut bytes = codec::base64url_decode(&a).expect("code");
            bytes[0] = 9;
            codec::base64url_encode(&bytes)
        };
        let text = format!(
            "#s={a}\n#s={b}\n#s={a}\n#s={a2}\n#s={tampered}\n#s={}\n#s={}\n#s={future}\n#s={}\n#w=AXja",
            codec::encode(&other_region),
            codec::encode(&other_years),
            &a[..a.len() / 2],
        );
        let r = room.add_text(&text);
        let outcomes: Vec<&Outcome> = r.items.iter().map(|i| &i.outcome).collect();
        assert_eq!(outcomes[0], &Outcome::Added);
        assert_eq!(outcomes[1], &Outcome::Added);
        assert_eq!(outcomes[2], &Outcome::Same);
        assert_eq!(outcomes[3], &Outcome::Replaced);
        assert!(matches!(outcomes[4], Outcome::Refused(Reason::Link(_))));
        assert!(matches!(
            outcomes[5],
            Outcome::Refused(Reason::Region { .. })
        ));
        assert!(matches!(
            outcomes[6],
            Outcome::Refused(Reason::Years { .. })
        ));
        assert!(matches!(
            outcomes[7],
            Outcome::Refused(Reason::Link(LinkError::FutureVersion { found: 9, .. }))
        ));
        assert!(matches!(outcomes[8], Outcome::Refused(Reason::Link(_))));
        assert_eq!(outcomes[9], &Outcome::Refused(Reason::Pack));
        assert_eq!(r.counts(), [2, 1, 1, 6]);
        assert_eq!(room.len(), 2);
        assert_eq!(room.plans()[0].name, "  bàn   1 ");
        for lang in [Lang::Vi, Lang::En] {
            for (_, reason) in r.refused() {
                assert!(!reason.message(lang).is_empty());
            }
            assert!(r.message(lang).contains("10"), "{}", r.message(lang));
        }
        assert!(
            Reason::Region {
                found: "dien-bien".into(),
                room: "VN".into()
            }
            .message(Lang::Vi)
            .contains("Điện Biên")
        );
    }

    #[test]
    fn unnamed_plans_are_told_apart_by_content() {
        let mut room = Room::new(Scenario::default());
        let start_name = Scenario::default().name;
        let mut x = plan(&start_name, 100);
        assert_eq!(room.offer(x.clone()), Outcome::Added);
        x.allocation.insert("gifts".into(), Money(5 * TY));
        assert_eq!(room.offer(x.clone()), Outcome::Added);
        assert_eq!(room.offer(x), Outcome::Same);
        let mut y = plan("", 100);
        y.allocation.insert("play".into(), Money::ZERO);
        assert_eq!(room.offer(y), Outcome::Added);
        assert_eq!(room.len(), 3);
    }

    #[test]
    fn the_room_is_capped_and_500_codes_are_fine() {
        let mut room = Room::new(Scenario::default());
        let mut text = String::new();
        for i in 0..500 {
            let mut s = plan(&format!("P{i}"), 96 + (i % 49));
            s.seed = i as u64;
            text.push_str(&format!("#s={}\n", codec::encode(&s)));
        }
        let r = room.add_text(&text);
        assert_eq!(r.items.len(), 500);
        assert_eq!(room.len(), MAX_PLANS);
        assert_eq!(r.counts(), [MAX_PLANS, 0, 0, 500 - MAX_PLANS]);
        assert!(r.refused().all(|(_, reason)| *reason == Reason::Full));
        // Replacing still works in a full room.
        let again = plan("p3", 10);
        assert_eq!(room.offer(again), Outcome::Replaced);
        let s = summarise(&room);
        assert_eq!(s.count, MAX_PLANS);
        assert_eq!(s.ranked.len(), MAX_PLANS);
    }

    #[test]
    fn text_and_links_beyond_the_bounds_are_said() {
        let big = "x ".repeat(MAX_TEXT);
        let scan = find(&big);
        assert!(scan.cut);
        let many = "#s=A ".repeat(MAX_FOUND + 7);
        let scan = find(&many);
        assert_eq!(scan.found.len(), MAX_FOUND);
        assert_eq!(scan.skipped, 7);
        let mut room = Room::new(Scenario::default());
        let r = room.add_text(&many);
        assert!(r.message(Lang::En).contains('7'));
        let long = format!("#s={}", "A".repeat(100_000));
        let r = room.add_text(&long);
        assert!(matches!(
            r.items[0].outcome,
            Outcome::Refused(Reason::Link(LinkError::TooLong { .. }))
        ));
    }

    #[test]
    fn medians_quartiles_and_moved() {
        let mut room = Room::new(Scenario::default());
        for (i, ty) in [100, 140, 120, 80, 120].into_iter().enumerate() {
            room.offer(plan(&format!("B{i}"), ty));
        }
        let s = summarise(&room);
        let swim = s.lines.iter().find(|l| l.id == "swim").expect("swim");
        assert_eq!(swim.min, Money(80 * TY));
        assert_eq!(swim.median, Money(120 * TY));
        assert_eq!(swim.max, Money(140 * TY));
        assert_eq!(swim.q1, Money(100 * TY));
        assert_eq!(swim.q3, Money(120 * TY));
        // The starting plan gives swimming 120 tỷ: three moved it.
        assert_eq!(swim.moved, 3);
        let gifts = s.lines.iter().find(|l| l.id == "gifts").expect("gifts");
        assert_eq!(gifts.moved, 0);
        // An even count: the mean of the two middle amounts.
        assert_eq!(median(&[Money(1), Money(2)]), Money(1));
        assert_eq!(median(&[Money(2), Money(4)]), Money(3));
        assert!(s.disagreement(Lang::Vi).contains("Dạy bơi"));
    }

    #[test]
    fn the_rooms_plan_spends_the_budget_in_the_medians_shares() {
        let v = rescale(&[Money(1), Money(1), Money(1)], Money(10 * TRIEU + 5)).expect("some");
        assert_eq!(v, [Money(4 * TRIEU), Money(3 * TRIEU), Money(3 * TRIEU)]);
        assert_eq!(rescale(&[Money::ZERO; 3], Money(TY)), None);
        let v = rescale(&[Money(3), Money(0), Money(1)], Money(8 * TRIEU)).expect("some");
        assert_eq!(v, [Money(6 * TRIEU), Money::ZERO, Money(2 * TRIEU)]);

        let mut room = Room::new(Scenario::default());
        for (i, ty) in [200, 10, 150].into_iter().enumerate() {
            room.offer(plan(&format!("B{i}"), ty));
        }
        let s = summarise(&room);
        let p = s.room_plan.as_ref().expect("a room's plan");
        assert_eq!(p.allocated(), Scenario::default().min_year_budget());
        assert!(p.validate().is_ok());
        assert!(s.room_figures.is_some() && s.start_figures.is_some());
        let total: i64 = s.lines.iter().map(|l| l.room.0).sum();
        assert_eq!(total, p.allocated().0);
        // Ranked by deaths averted, best first.
        let d: Vec<f64> = s.ranked.iter().map(|r| r.figures.deaths_averted).collect();
        assert!(d.windows(2).all(|w| w[0] >= w[1]), "{d:?}");
        // Empty room: no plan, nothing disputed, no words.
        let empty = summarise(&Room::new(Scenario::default()));
        assert!(empty.room_plan.is_none() && empty.disputed.is_empty());
        assert_eq!(empty.disagreement(Lang::Vi), "");
    }

    #[test]
    fn saved_text_round_trips_and_damage_is_dropped() {
        let mut room = Room::new(Scenario::default());
        room.offer(plan("A", 100));
        room.offer(plan("B", 130));
        let text = write(&room);
        assert_eq!(read(&text), Ok((room.clone(), 0)));
        let damaged = format!("{text}AXjaBROKEN\n");
        assert_eq!(read(&damaged).map(|(r, d)| (r.len(), d)), Ok((2, 1)));
        assert_eq!(read("hello"), Err(Unreadable::NotARoom));
        assert_eq!(read("kehoach-room 7\n"), Err(Unreadable::FutureVersion(7)));
        assert!(matches!(
            read("kehoach-room 1\nstart xx\n"),
            Err(Unreadable::Start(_))
        ));
    }

    #[test]
    fn exports_hold_every_plan_and_read_back() {
        let mut room = Room::new(Scenario::default());
        room.offer(plan("Bàn \"1\"; A", 100));
        room.offer(plan("B", 130));
        let s = summarise(&room);
        let json = to_json(&room, &s);
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(v["format"], JSON_FORMAT);
        assert_eq!(v["plans"].as_array().map(Vec::len), Some(2));
        assert_eq!(v["plans"][0]["name"], "Bàn \"1\"; A");
        assert_eq!(v["plans"][0]["allocation"]["swim"], 100 * TY);
        // Importing the JSON into a room reads the start and both plans back.
        let mut again = Room::new(Scenario::default());
        let r = again.add_text(&json);
        assert_eq!(again.plans(), room.plans());
        assert_eq!(r.counts()[3], 0, "{:?}", r.items);
        let csv = to_csv(&room, &s, Lang::Vi);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        // Header, 2 plans, start, min, median, max, moved, room's plan.
        assert_eq!(lines.len(), 1 + 2 + 1 + 4 + 1);
        assert!(lines[1].starts_with("\"Bàn \"\"1\"\"; A\";100000000000;"));
        assert!(to_csv(&room, &s, Lang::En).contains(",100000000000,"));
    }
}
