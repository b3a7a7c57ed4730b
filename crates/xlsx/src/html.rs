//! The plan document as the print sheet's HTML: static markup (no script, no style
//! attribute: the page's content security policy allows neither), classes the app's print
//! CSS lays out on A4 — the first part (header to "Nơi nhận") on its own pages, the annex
//! after a page break. Every headline figure is a `<span data-figure="<key>"
//! data-value="<exact>">` so a test compares numbers, not strings. All text is escaped.

use qrcodegen::{QrCode, QrCodeEcc};

use crate::plan::{Block, Para, ParaKind, PlanDoc, Span, Table};

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn spans(out: &mut String, spans: &[Span]) {
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(&escape(t)),
            Span::Bold(t) => {
                out.push_str("<strong>");
                out.push_str(&escape(t));
                out.push_str("</strong>");
            }
            Span::Figure { key, value, text } => {
                out.push_str(&format!(
                    "<span class=\"pd-fig\" data-figure=\"{}\" data-value=\"{}\">{}</span>",
                    escape(key),
                    value,
                    escape(text)
                ));
            }
        }
    }
}

fn attrs(p: &Para) -> String {
    let mut a = String::new();
    if let Some(id) = &p.testid {
        a.push_str(&format!(" data-testid=\"{}\"", escape(id)));
    }
    if let Some(met) = p.met {
        a.push_str(&format!(" data-met=\"{met}\""));
    }
    a
}

fn blocks(out: &mut String, blocks: &[Block]) {
    let mut in_list = false;
    for b in blocks {
        let bullet = matches!(b, Block::Para(p) if p.kind == ParaKind::Bullet);
        if in_list && !bullet {
            out.push_str("</ul>");
            in_list = false;
        }
        match b {
            Block::Para(p) => match p.kind {
                ParaKind::Heading => {
                    out.push_str(&format!("<h2 class=\"pd-h\"{}>", attrs(p)));
                    spans(out, &p.spans);
                    out.push_str("</h2>");
                }
                ParaKind::Subheading => {
                    out.push_str(&format!("<h3 class=\"pd-sub\"{}>", attrs(p)));
                    spans(out, &p.spans);
                    out.push_str("</h3>");
                }
                ParaKind::Body => {
                    out.push_str(&format!("<p class=\"pd-p\"{}>", attrs(p)));
                    spans(out, &p.spans);
                    out.push_str("</p>");
                }
                ParaKind::Bullet => {
                    if !in_list {
                        out.push_str("<ul class=\"pd-list\">");
                        in_list = true;
                    }
                    out.push_str(&format!("<li{}>", attrs(p)));
                    spans(out, &p.spans);
                    out.push_str("</li>");
                }
            },
            Block::Table(t) => table(out, t),
        }
    }
    if in_list {
        out.push_str("</ul>");
    }
}

fn table(out: &mut String, t: &Table) {
    out.push_str(&format!(
        "<section class=\"pd-table-box\" data-testid=\"{}\"><h3 class=\"pd-caption\">{}</h3>",
        escape(&t.testid),
        escape(&t.caption)
    ));
    if !t.unit.is_empty() {
        out.push_str(&format!("<p class=\"pd-unit\">{}</p>", escape(&t.unit)));
    }
    out.push_str("<table class=\"pd-table\"><colgroup>");
    let sum: u32 = t.widths.iter().sum::<u32>().max(1);
    for w in &t.widths {
        // Widths as classes of 5 % steps (no style attribute under the page's CSP).
        let pct = ((f64::from(*w) * 100.0 / f64::from(sum)) / 5.0).round() as u32 * 5;
        out.push_str(&format!("<col class=\"w{}\">", pct.clamp(5, 60)));
    }
    out.push_str("</colgroup><thead><tr>");
    for h in &t.head {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
    }
    out.push_str("</tr></thead><tbody>");
    let n = t.rows.len();
    for (i, r) in t.rows.iter().enumerate() {
        let total = t.total && i + 1 == n;
        out.push_str(if total {
            "<tr class=\"pd-total\">"
        } else {
            "<tr>"
        });
        for (c, cell) in r.iter().enumerate() {
            let num = t.numeric.get(c).copied().unwrap_or(false);
            out.push_str(if num { "<td class=\"num\">" } else { "<td>" });
            spans(out, cell);
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></section>");
}

/// A QR code of `text` as an SVG (black modules on white, a four-module quiet zone), or
/// nothing when the text is too long for any QR code.
pub fn qr_svg(text: &str, label: &str) -> Option<String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium)
        .or_else(|_| QrCode::encode_text(text, QrCodeEcc::Low))
        .ok()?;
    let quiet = 4;
    let outer = code.size() + 2 * quiet;
    let mut path = String::new();
    for y in 0..code.size() {
        let mut x = 0;
        while x < code.size() {
            if code.get_module(x, y) {
                let start = x;
                while x < code.size() && code.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + quiet,
                    y + quiet,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(format!(
        "<svg class=\"pd-qr-code\" data-testid=\"print-qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {outer} {outer}\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{outer}\" height=\"{outer}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>",
        escape(label)
    ))
}

/// The print sheet of a plan document.
pub fn render(d: &PlanDoc) -> String {
    let mut out = String::with_capacity(24_000);
    out.push_str(&format!(
        "<article class=\"print-sheet plan-doc\" data-testid=\"print-sheet\" lang=\"{}\">",
        d.lang.code()
    ));
    out.push_str("<section class=\"pd-first\">");
    // Header: the issuing body on the left, the national title on the right.
    out.push_str("<header class=\"pd-head\"><div class=\"pd-issuer\">");
    if !d.parent.is_empty() && !d.body.is_empty() {
        out.push_str(&format!(
            "<p class=\"pd-parent\" data-testid=\"print-parent\">{}</p>",
            escape(&d.parent)
        ));
    }
    let body = if d.body.is_empty() {
        &d.parent
    } else {
        &d.body
    };
    out.push_str(&format!(
        "<p class=\"pd-body\" data-testid=\"print-body\">{}</p><hr class=\"pd-rule\"><p class=\"pd-number\" data-testid=\"print-number\">{}</p></div>",
        escape(body),
        escape(&d.number)
    ));
    out.push_str(&format!(
        "<div class=\"pd-nation\"><p class=\"pd-national\">{}</p><p class=\"pd-motto\">{}</p><hr class=\"pd-rule\"><p class=\"pd-date\" data-testid=\"print-date\">{}</p></div></header>",
        escape(&d.national),
        escape(&d.motto),
        escape(&d.place_date)
    ));
    out.push_str(&format!(
        "<h1 class=\"pd-type\">{}</h1><p class=\"pd-subject\" data-testid=\"print-subject\">{}</p><hr class=\"pd-rule short\">",
        escape(&d.doc_type),
        escape(&d.subject)
    ));
    out.push_str("<div class=\"pd-content\">");
    blocks(&mut out, &d.content);
    out.push_str("</div>");
    // Recipients on the left, the signature on the right.
    out.push_str(
        "<footer class=\"pd-end\"><div class=\"pd-recipients\" data-testid=\"print-recipients\">",
    );
    out.push_str(&format!(
        "<p class=\"pd-rec-title\">{}</p>",
        escape(&d.recipients_title)
    ));
    for r in &d.recipients {
        out.push_str(&format!("<p class=\"pd-rec\">{}</p>", escape(r)));
    }
    out.push_str("</div><div class=\"pd-sign\" data-testid=\"print-sign\">");
    for s in &d.signature {
        out.push_str(&format!("<p class=\"pd-sign-line\">{}</p>", escape(s)));
    }
    out.push_str(&format!(
        "<div class=\"pd-sign-space\"></div><p class=\"pd-signer\">{}</p></div></footer></section>",
        escape(&d.signer)
    ));
    // The annex, on a page of its own.
    out.push_str(&format!(
        "<section class=\"pd-annex\" data-testid=\"print-annex\"><h2 class=\"pd-annex-title\">{}</h2><p class=\"pd-annex-of\">{}</p>",
        escape(&d.annex_title),
        escape(&d.annex_of)
    ));
    blocks(&mut out, &d.annex);
    out.push_str("<footer class=\"pd-annex-foot\">");
    if !d.link.is_empty() {
        if let Some(svg) = qr_svg(&d.link, &d.qr_caption) {
            out.push_str(&format!(
                "<figure class=\"pd-qr\">{svg}<figcaption>{}</figcaption></figure>",
                escape(&d.qr_caption)
            ));
        }
    }
    out.push_str(&format!(
        "<p class=\"pd-note\">{}</p></footer></section></article>",
        escape(&d.annex_note)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::Issuer;
    use model::{Lang, Scenario};

    #[test]
    fn the_sheet_is_static_markup_with_figures_and_escaped_text() {
        let mut s = Scenario::default_for("dien-bien");
        s.name = "<img src=x onerror=alert(1)>".into();
        let p = model::evaluate(&s).expect("valid");
        let issuer = Issuer {
            body: "SỞ <Y TẾ>".into(),
            ..Issuer::default_for("dien-bien", Lang::Vi)
        };
        let d = PlanDoc::build(
            &s,
            &p,
            crate::plan::Odds::at_default_chance(None),
            Lang::Vi,
            &issuer,
            2026,
            "https://x.org/#s=A",
        );
        let html = render(&d);
        assert!(html.starts_with("<article class=\"print-sheet plan-doc\""));
        assert!(html.contains("SỞ &lt;Y TẾ&gt;"));
        for banned in ["<script", "style=", "onerror", "<img"] {
            assert!(!html.contains(banned), "{banned}");
        }
        assert!(html.contains("data-figure=\"deaths_averted\" data-value=\""));
        assert!(html.contains("data-testid=\"print-qr\""));
        assert!(html.contains("data-testid=\"print-target-drowning-2030\" data-met="));
        assert_eq!(html.matches("<ul").count(), html.matches("</ul>").count());
    }
}
