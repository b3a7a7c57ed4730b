//! The plan document's request, shared by the app and the file worker: the issuing-body
//! settings a planner edits once and the app remembers ([`Issuer`], with the defaults a
//! region gets), and the two requests for the document — its print sheet as HTML
//! ([`DocOp::Sheet`]) and its Word file ([`DocOp::Docx`]).
//!
//! This module has no heavy dependency: the app links it (the crate without its `writers`
//! feature) to build requests and keep the settings, while the writers stay in the worker.
//!
//! A request is `model::worker`'s three lines — operation, language, body — with an
//! operation word `model::worker` does not know (`sheet`, `docx`) and a JSON body
//! ([`DocRequest`]). The worker answers `sheet` with `model::worker::ok(html)` and `docx`
//! with the file's bytes; either may answer a message instead.

use model::Lang;
use model::data::{self, RegionKind};
use model::words::Office;
use serde::{Deserialize, Serialize};

/// The longest text kept in one settings field (characters).
pub const MAX_FIELD: usize = 200;
/// The most recipients kept.
pub const MAX_RECIPIENTS: usize = 12;

/// Who issues the plan, who signs it and who receives it: the parts of the document the
/// model cannot know (Decree 30/2020/NĐ-CP, parts 2, 3, 4, 7 and 9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Issuer {
    /// The parent body, upper case ("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN"); empty when the
    /// issuing body has none above it on the document.
    pub parent: String,
    /// The issuing body, upper case ("SỞ Y TẾ").
    pub body: String,
    /// The symbol after the number ("KH-SYT"); the number itself is left blank.
    pub symbol: String,
    /// The place of issue ("Điện Biên").
    pub place: String,
    /// The date of issue (year, month, day); `None` leaves day and month blank.
    pub date: Option<(i32, u32, u32)>,
    /// Signing authority, upper case ("KT. GIÁM ĐỐC"); may be empty.
    pub authority: String,
    /// The signer's position, upper case ("PHÓ GIÁM ĐỐC").
    pub title: String,
    /// The signer's full name (may be empty: it is written in before signing).
    pub name: String,
    /// Recipients, one a line, without the leading "- " and the closing ";".
    pub recipients: Vec<String>,
}

impl Issuer {
    /// The settings a region's plan starts with, in the user's language: its People's
    /// Committee and Department of Health (since 2025 the home of child work), or the
    /// Ministry of Health's Department of Maternal and Child Health for the nation.
    pub fn default_for(region: &str, lang: Lang) -> Issuer {
        let r = data::region(region);
        let kind = r.map_or(RegionKind::Nation, |r| r.kind);
        let short = r.map_or("", |r| r.short);
        let upper = short.to_uppercase();
        let lines =
            |w: Office| -> Vec<String> { w.get(lang).lines().map(str::to_string).collect() };
        match kind {
            RegionKind::Nation => Issuer {
                parent: Office::DefaultParentNation.get(lang).into(),
                body: Office::DefaultBodyNation.get(lang).into(),
                symbol: "KH-BMTE".into(),
                place: "Hà Nội".into(),
                date: None,
                authority: Office::DefaultAuthorityNation.get(lang).into(),
                title: Office::DefaultTitleNation.get(lang).into(),
                name: String::new(),
                recipients: lines(Office::DefaultRecipientsNation),
            },
            RegionKind::Province | RegionKind::City => Issuer {
                parent: if kind == RegionKind::City {
                    Office::DefaultParentCity.fill(lang, &[&upper])
                } else {
                    Office::DefaultParentProvince.fill(lang, &[&upper])
                },
                body: Office::DefaultBody.get(lang).into(),
                symbol: "KH-SYT".into(),
                place: short.into(),
                date: None,
                authority: Office::DefaultAuthority.get(lang).into(),
                title: Office::DefaultTitle.get(lang).into(),
                name: String::new(),
                recipients: lines(if kind == RegionKind::City {
                    Office::DefaultRecipientsCity
                } else {
                    Office::DefaultRecipientsProvince
                }),
            },
        }
    }

    /// The settings cut to size: every field at most [`MAX_FIELD`] characters on one line,
    /// at most [`MAX_RECIPIENTS`] recipients without empty ones, a date that exists.
    pub fn cleaned(mut self) -> Issuer {
        let one_line = |s: &mut String| {
            let t: String = s
                .replace(['\n', '\r', '\t'], " ")
                .trim()
                .chars()
                .take(MAX_FIELD)
                .collect();
            *s = t;
        };
        for f in [
            &mut self.parent,
            &mut self.body,
            &mut self.symbol,
            &mut self.place,
            &mut self.authority,
            &mut self.title,
            &mut self.name,
        ] {
            one_line(f);
        }
        for r in &mut self.recipients {
            one_line(r);
        }
        self.recipients.retain(|r| !r.is_empty());
        self.recipients.truncate(MAX_RECIPIENTS);
        self.date = self
            .date
            .filter(|(y, m, d)| (1900..=2200).contains(y) && valid_day(*y, *m, *d));
        self
    }
}

fn valid_day(y: i32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// The two forms of the plan document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocOp {
    /// The print sheet, as HTML (static markup: no script, no style attribute).
    Sheet,
    /// The Word file (.docx).
    Docx,
}

impl DocOp {
    /// Its word in a request.
    pub fn key(self) -> &'static str {
        match self {
            DocOp::Sheet => "sheet",
            DocOp::Docx => "docx",
        }
    }

    /// The operation a request's first line names, if it is one of these.
    pub fn of_request(request: &str) -> Option<DocOp> {
        let word = request.split('\n').next().unwrap_or_default();
        [DocOp::Sheet, DocOp::Docx]
            .into_iter()
            .find(|o| o.key() == word)
    }
}

/// What the document is made of, besides the language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocRequest {
    /// The scenario's share code (`model::encode`).
    pub code: String,
    /// The share link the annex's QR code opens (empty: no QR code).
    pub link: String,
    /// The issuing-body settings.
    pub issuer: Issuer,
    /// This year, for the date line when the date is left blank.
    pub year: i32,
    /// The chance a target must be met with to count as met (the planner's setting;
    /// anything else reads as the nearest of 50, 80, 95 %, see
    /// [`model::verdict::asked_chance`]).
    pub chance: f64,
}

impl Default for DocRequest {
    fn default() -> DocRequest {
        DocRequest {
            code: String::new(),
            link: String::new(),
            issuer: Issuer::default(),
            year: 0,
            chance: model::goal::DEFAULT_CHANCE,
        }
    }
}

/// A document request as the text sent to the worker.
pub fn request(op: DocOp, lang: Lang, body: &DocRequest) -> String {
    let json = serde_json::to_string(body).unwrap_or_default();
    format!("{}\n{}\n{json}", op.key(), lang.code())
}

/// Reads a document request: its operation, language and body (`None` when it is not a
/// document request or its body cannot be read).
pub fn parse(request: &str) -> Option<(DocOp, Lang, DocRequest)> {
    let op = DocOp::of_request(request)?;
    let r = model::worker::Request::parse(request);
    let body: DocRequest = serde_json::from_str(r.body).ok()?;
    Some((
        op,
        r.lang,
        DocRequest {
            issuer: body.issuer.cleaned(),
            chance: model::verdict::asked_chance(body.chance),
            ..body
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_round_trip() {
        let body = DocRequest {
            code: "AXja".into(),
            link: "https://example.org/#s=AXja".into(),
            issuer: Issuer::default_for("dien-bien", Lang::Vi),
            year: 2026,
            chance: 0.95,
        };
        for op in [DocOp::Sheet, DocOp::Docx] {
            for lang in [Lang::Vi, Lang::En] {
                let text = request(op, lang, &body);
                assert_eq!(parse(&text), Some((op, lang, body.clone())));
            }
        }
        assert_eq!(parse("xlsx\nvi\nAXja"), None);
        // A request without the chance (an older app) counts a target as met at 80 %.
        let old = parse("sheet\nvi\n{\"code\":\"AXja\"}").map(|(_, _, r)| r.chance);
        assert_eq!(old, Some(model::goal::DEFAULT_CHANCE));
        assert_eq!(parse("docx\nvi\nnot json"), None);
    }

    #[test]
    fn a_region_gets_its_own_issuing_body() {
        let vi = Issuer::default_for("dien-bien", Lang::Vi);
        assert_eq!(vi.parent, "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN");
        assert_eq!(vi.body, "SỞ Y TẾ");
        assert_eq!(vi.symbol, "KH-SYT");
        assert_eq!(vi.place, "Điện Biên");
        assert_eq!(vi.authority, "KT. GIÁM ĐỐC");
        assert_eq!(vi.recipients.last().map(String::as_str), Some("Lưu: VT"));
        let city = Issuer::default_for("ha-noi", Lang::Vi);
        assert_eq!(city.parent, "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI");
        let en = Issuer::default_for("dien-bien", Lang::En);
        assert_eq!(en.parent, "PEOPLE'S COMMITTEE OF ĐIỆN BIÊN PROVINCE");
        let nation = Issuer::default_for("VN", Lang::Vi);
        assert_eq!(nation.parent, "BỘ Y TẾ");
        assert_eq!(Issuer::default_for("nowhere", Lang::Vi).parent, "BỘ Y TẾ");
    }

    #[test]
    fn settings_are_cut_to_size() {
        let long = "x".repeat(500);
        let i = Issuer {
            body: format!("SỞ\nY TẾ {long}"),
            recipients: std::iter::once(String::new())
                .chain(std::iter::repeat_n(" a ".to_string(), 30))
                .collect(),
            date: Some((2027, 2, 30)),
            ..Issuer::default()
        }
        .cleaned();
        assert!(i.body.starts_with("SỞ Y TẾ") && i.body.chars().count() == MAX_FIELD);
        assert_eq!(i.recipients.len(), MAX_RECIPIENTS);
        assert_eq!(i.recipients[0], "a");
        assert_eq!(i.date, None);
        let d = Issuer {
            date: Some((2028, 2, 29)),
            ..Issuer::default()
        }
        .cleaned();
        assert_eq!(d.date, Some((2028, 2, 29)));
    }
}
