//! Native tests of the charts: SVG output of each chart (responsive root, number formats,
//! years, band, language, no NaN, nothing outside the canvas), the text alternatives and the
//! CSV bytes, escaping, and a rough render timing.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Instant;

use kehoach_app::charts::{
    self, BudgetChart, Cell, CsvDialect, DeathsChart, ReachChart, Table, TargetsChart,
};
use model::words::Common;
use model::{Lang, Projection, Scenario};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

fn projection() -> Projection {
    model::evaluate(&Scenario::default()).expect("the default scenario evaluates")
}

fn band(p: &Projection) -> Vec<(f64, f64)> {
    p.years
        .iter()
        .map(|y| (y.deaths * 0.9, y.deaths * 1.1))
        .collect()
}

/// Texts of an SVG: (attributes of the `<text>` tag, content).
fn texts(svg: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        rest = &rest[start + 6..];
        let Some(close) = rest.find('>') else { break };
        let attrs = rest[..close].to_string();
        rest = &rest[close + 1..];
        let Some(end) = rest.find("</text>") else {
            break;
        };
        out.push((attrs, rest[..end].trim().to_string()));
        rest = &rest[end..];
    }
    out
}

fn attr(attrs: &str, name: &str) -> Option<f64> {
    let key = format!(" {name}=\"");
    let padded = format!(" {attrs}");
    let start = padded.find(&key)? + key.len();
    let end = padded[start..].find('"')? + start;
    padded[start..end].parse().ok()
}

fn has_text(svg: &str, want: &str) -> bool {
    texts(svg).iter().any(|(_, t)| t == want)
}

fn all_text(svg: &str) -> String {
    texts(svg)
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks what every chart SVG must be.
fn check_svg(svg: &str, w: u32, h: u32) {
    let head_end = svg.find('>').expect("an opening tag");
    let head = &svg[..head_end];
    assert!(head.starts_with("<svg "), "starts with <svg: {head}");
    assert!(head.contains(&format!("viewBox=\"0 0 {w} {h}\"")), "{head}");
    assert!(head.contains("width=\"100%\""), "{head}");
    assert!(!head.contains("height="), "no fixed height: {head}");
    assert!(head.contains("role=\"img\""), "{head}");
    assert!(head.contains("aria-label=\""), "{head}");
    assert!(svg[head_end..].starts_with(">\n<title>"), "title follows");
    assert_eq!(svg.matches("<svg").count(), 1);
    assert!(svg.trim_end().ends_with("</svg>"));
    for token in svg.split(|c: char| !c.is_ascii_alphanumeric()) {
        assert!(
            !matches!(token, "NaN" | "inf" | "Infinity"),
            "non-finite number in the SVG"
        );
    }
    // Every text starts and ends inside the canvas (estimated widths).
    for (attrs, content) in texts(svg) {
        let x = attr(&attrs, "x").expect("x");
        let y = attr(&attrs, "y").expect("y");
        let size = attr(&attrs, "font-size").expect("font-size");
        assert!(size >= 11.9, "font-size {size} for {content}");
        let tw = charts::text_width(&content, size);
        let (left, right) = if attrs.contains("text-anchor=\"end\"") {
            (x - tw, x)
        } else if attrs.contains("text-anchor=\"middle\"") {
            (x - tw / 2.0, x + tw / 2.0)
        } else {
            (x, x + tw)
        };
        assert!(
            left >= -1.0 && right <= f64::from(w) + 1.0,
            "text {content:?} spans {left}..{right} of {w}"
        );
        assert!(
            y > 0.0 && y < f64::from(h),
            "text {content:?} at y {y} of {h}"
        );
    }
}

#[test]
fn deaths_chart_has_years_grouped_numbers_and_band_only_when_given() {
    let p = projection();
    let data = DeathsChart::from_projection(&p, None);
    let h = data.preferred_height(800, Lang::Vi);
    let svg = charts::deaths_svg(&data, Lang::Vi, 800, h).expect("draws");
    check_svg(&svg, 800, h);
    for year in 2027..=2030 {
        assert!(has_text(&svg, &year.to_string()), "year {year}");
    }
    assert!(!all_text(&svg).contains("2.027"), "years are not grouped");
    // National deaths are about 1.760 a year: the axis is fitted around them (not from
    // zero) and its labels are grouped the Vietnamese way.
    let grouped: Vec<String> = texts(&svg)
        .into_iter()
        .map(|(_, t)| t)
        .filter(|t| {
            let b = t.as_bytes();
            b.len() == 5 && b[1] == b'.' && t.replace('.', "").chars().all(|c| c.is_ascii_digit())
        })
        .collect();
    assert!(
        grouped.len() >= 3,
        "grouped axis labels: {}",
        all_text(&svg)
    );
    assert!(!has_text(&svg, "0"), "fitted axis: {}", all_text(&svg));
    assert!(has_text(&svg, "Có kế hoạch"));
    assert!(has_text(&svg, "Không có kế hoạch"));
    assert!(!svg.contains("<polygon"), "no band without a band");
    assert!(!all_text(&svg).contains("p10"));

    let with_band = DeathsChart::from_projection(&p, Some(band(&p)));
    let svg = charts::deaths_svg(&with_band, Lang::Vi, 800, h).expect("draws");
    check_svg(&svg, 800, h);
    assert_eq!(svg.matches("<polygon").count(), 1, "one band polygon");
    assert!(has_text(&svg, "Khoảng p10–p90"));

    // A band of the wrong length is ignored, not drawn wrongly.
    let bad = DeathsChart {
        band: Some(vec![(1.0, 2.0)]),
        ..with_band.clone()
    };
    let svg = charts::deaths_svg(&bad, Lang::Vi, 800, h).expect("draws");
    assert!(!svg.contains("<polygon"));
}

#[test]
fn deaths_axis_uses_decimal_comma_in_vietnamese_and_point_in_english() {
    let data = DeathsChart {
        years: vec![2027, 2028, 2029],
        baseline: vec![1.9, 1.8, 1.7],
        scenario: vec![1.5, 0.9, 0.3],
        band: None,
        y_range: None,
    };
    let vi = charts::deaths_svg(&data, Lang::Vi, 600, 400).expect("draws");
    let en = charts::deaths_svg(&data, Lang::En, 600, 400).expect("draws");
    assert!(has_text(&vi, "0,5"), "{}", all_text(&vi));
    assert!(has_text(&en, "0.5"), "{}", all_text(&en));
    assert!(has_text(&vi, "0"), "near zero, the axis starts at zero");
    assert!(has_text(&en, "With the plan"));
    assert!(has_text(&en, "Without the plan"));
    assert!(!has_text(&en, "Có kế hoạch"));
    let big = DeathsChart {
        years: vec![2027],
        baseline: vec![12_345.0],
        scenario: vec![11_000.0],
        band: Some(vec![(10_000.0, 12_000.0)]),
        y_range: None,
    };
    let en = charts::deaths_svg(&big, Lang::En, 600, 400).expect("draws");
    assert!(all_text(&en).contains("10,000"), "{}", all_text(&en));
    assert_eq!(
        en.matches("<polygon").count(),
        1,
        "a one-year band is a box"
    );
}

#[test]
fn charts_survive_hostile_numbers() {
    let weird = DeathsChart {
        years: vec![2027, 2028, 2029],
        baseline: vec![f64::NAN, f64::INFINITY, -5.0],
        scenario: vec![f64::NEG_INFINITY],
        band: Some(vec![(f64::NAN, 1.0), (3.0, 1.0), (0.0, 0.0)]),
        y_range: None,
    };
    let empty = DeathsChart::default();
    for lang in [Lang::Vi, Lang::En] {
        for (w, h) in [(0, 0), (360, 280), (u32::MAX, u32::MAX)] {
            let svg = charts::deaths_svg(&weird, lang, w, h).expect("draws");
            assert!(!svg.contains("<polygon"), "a non-finite band is dropped");
            let (cw, ch) = (w.clamp(200, 4000), h.clamp(200, 4000));
            check_svg(&svg, cw, ch);
            let svg = charts::deaths_svg(&empty, lang, w, h).expect("draws");
            check_svg(&svg, cw, ch);
        }
    }
    let targets = TargetsChart {
        targets: vec![charts::TargetRow {
            id: "no-such-target",
            year: 2030,
            threshold: f64::NAN,
            assessable: true,
            value: -0.5,
            baseline_value: f64::INFINITY,
            met: false,
        }],
    };
    let svg = charts::targets_svg(&targets, Lang::Vi, 360, 400).expect("draws");
    check_svg(&svg, 360, 400);
    assert!(has_text(&svg, "-50 % · Chưa đạt"), "{}", all_text(&svg));
    let svg = charts::targets_svg(&TargetsChart::default(), Lang::En, 360, 300).expect("draws");
    assert!(all_text(&svg).contains("No national target"));
    let svg = charts::reach_svg(&ReachChart::default(), Lang::Vi, 360, 300).expect("draws");
    assert!(has_text(&svg, "Chưa có tuyến nào."));
    let svg = charts::budget_svg(&BudgetChart::default(), Lang::Vi, 360, 300).expect("draws");
    check_svg(&svg, 360, 300);
}

#[test]
fn budget_chart_writes_money_in_ty_dong_and_names_sources() {
    let s = Scenario::default();
    let p = projection();
    let data = BudgetChart::from_projection(&p, &s);
    assert_eq!(data.lines.len(), model::data::lines().len());
    assert_eq!(data.years.len(), 4);
    assert_eq!(data.years[0].total(), s.budget[0].total());
    for (lang, w) in [
        (Lang::Vi, 360),
        (Lang::Vi, 1280),
        (Lang::En, 360),
        (Lang::En, 1280),
    ] {
        let h = data.preferred_height(w, lang);
        let svg = charts::budget_svg(&data, lang, w, h).expect("draws");
        check_svg(&svg, w, h);
        if lang == Lang::Vi {
            assert!(has_text(&svg, "120 tỷ đồng"), "{}", all_text(&svg));
            assert!(has_text(&svg, "350 tỷ đồng"));
            assert!(has_text(&svg, "Ngân sách trung ương"));
            assert!(has_text(&svg, "Vận động, xã hội hóa"));
        } else {
            assert!(has_text(&svg, "120 billion VND"), "{}", all_text(&svg));
            assert!(has_text(&svg, "Central budget"));
            assert!(!all_text(&svg).contains("tỷ"));
        }
        for year in 2027..=2030 {
            assert!(has_text(&svg, &year.to_string()));
        }
    }
}

#[test]
fn reach_and_targets_charts_label_lines_and_results_in_words() {
    let p = projection();
    let reach = ReachChart::from_projection(&p);
    let swim = reach
        .lines
        .iter()
        .find(|l| l.id == "swim")
        .expect("a swim line");
    assert!(swim.children_reached > 0);
    for (lang, w) in [(Lang::Vi, 360), (Lang::En, 1000)] {
        let h = reach.preferred_height(w, lang);
        let svg = charts::reach_svg(&reach, lang, w, h).expect("draws");
        check_svg(&svg, w, h);
        let grouped = model::fmt_int(swim.children_reached as i64, lang);
        assert!(has_text(&svg, &grouped), "{grouped} in {}", all_text(&svg));
        assert!(all_text(&svg).contains(Common::ChildrenSupported.get(lang)));
    }

    let targets = TargetsChart::from_projection(&p);
    let shown = targets.shown().count();
    assert!(shown > 0, "2030 targets fall within 2027–2030");
    assert!(shown < targets.targets.len(), "2025 targets do not");
    for (lang, w) in [(Lang::Vi, 360), (Lang::En, 1280)] {
        let h = targets.preferred_height(w, lang);
        let svg = charts::targets_svg(&targets, lang, w, h).expect("draws");
        check_svg(&svg, w, h);
        let words = all_text(&svg);
        let status_count = texts(&svg)
            .iter()
            .filter(|(_, t)| {
                t.ends_with(&format!("· {}", Common::Met.get(lang)))
                    || t.ends_with(&format!("· {}", Common::Missed.get(lang)))
            })
            .count();
        assert_eq!(
            status_count, shown,
            "one written result per target: {words}"
        );
        assert!(words.contains("2030: "), "{words}");
        assert!(!words.contains("2025: "), "{words}");
        assert!(has_text(&svg, "100 %"));
    }
}

#[test]
fn edited_lines_are_marked_in_the_reach_chart_and_table() {
    let mut s = Scenario::default();
    s.overrides.lines.insert(
        "swim".into(),
        model::scenario::LineOverride {
            unit_cost: Some(model::Tri {
                low: model::Money(500_000),
                mode: model::Money(700_000),
                high: model::Money(900_000),
            }),
            ..Default::default()
        },
    );
    let p = model::evaluate(&s).expect("evaluates");
    let data = charts::ChartData::new(&p, &s, None);
    assert!(data.reach.lines.iter().any(|l| l.id == "swim" && l.edited));
    for (lang, w) in [(Lang::Vi, 360), (Lang::En, 1280)] {
        let h = data.reach.preferred_height(w, lang);
        let svg = charts::reach_svg(&data.reach, lang, w, h).expect("draws");
        check_svg(&svg, w, h);
        let words = all_text(&svg);
        assert!(words.contains(if lang == Lang::Vi {
            "Dạy bơi an toàn"
        } else {
            "Swimming lessons"
        }));
        assert!(words.contains(" *"), "{words}");
        assert!(has_text(&svg, ReachChart::edited_note(lang)), "{words}");
        let t = charts::reach_table(&data.reach, lang);
        assert!(t.rows[0][0].ends_with(" *"));
        assert!(t.caption.ends_with(ReachChart::edited_note(lang)));
    }
    let plain = ReachChart::from_projection(&projection());
    let svg = charts::reach_svg(&plain, Lang::Vi, 360, 700).expect("draws");
    assert!(!all_text(&svg).contains(" *"));
}

#[test]
fn escaping_by_plotters_and_by_us() {
    let hostile = "Kế hoạch <script>alert(\"x\")</script> & 'y'";
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (300, 100)).into_drawing_area();
        let style = TextStyle::from(("sans-serif", 12.0));
        root.draw_text(hostile, &style, (0, 0)).expect("draws text");
        root.present().expect("presents");
    }
    assert!(!buf.contains("<script>"), "plotters escapes text content");
    assert!(buf.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;"));

    assert_eq!(
        charts::escape_xml(hostile),
        "Kế hoạch &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;"
    );
    let svg = charts::finish_svg(
        "<svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">\n</svg>\n",
        10,
        10,
        hostile,
        "x\"y",
    );
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("aria-label=\"Kế hoạch &lt;script&gt;"));
    assert!(svg.contains("class=\"chart chart-x&quot;y\""));
    assert!(svg.contains("<title>Kế hoạch &lt;script&gt;"));
}

/// A backend that draws nothing and counts what it is asked.
#[derive(Default)]
struct Stats {
    measured: usize,
    texts: usize,
    shapes: usize,
}

struct CountingBackend {
    size: (u32, u32),
    stats: Rc<RefCell<Stats>>,
}

#[derive(Debug)]
struct NoError;

impl std::fmt::Display for NoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no error")
    }
}

impl std::error::Error for NoError {}

impl DrawingBackend for CountingBackend {
    type ErrorType = NoError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        _: BackendCoord,
        _: BackendColor,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.stats.borrow_mut().shapes += 1;
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: BackendCoord,
        _: &S,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.stats.borrow_mut().shapes += 1;
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: BackendCoord,
        _: &S,
        _: bool,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.stats.borrow_mut().shapes += 1;
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        _: I,
        _: &S,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.stats.borrow_mut().shapes += 1;
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: u32,
        _: &S,
        _: bool,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.stats.borrow_mut().shapes += 1;
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        _: I,
        _: &S,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.stats.borrow_mut().shapes += 1;
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        _: &str,
        _: &S,
        _: BackendCoord,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.stats.borrow_mut().texts += 1;
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        _: &str,
        _: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<NoError>> {
        self.stats.borrow_mut().measured += 1;
        Ok((10, 10))
    }
}

#[test]
fn charts_draw_on_any_backend_without_measuring_text() {
    // plotters' wasm32 font backend measures text through the DOM (a forced layout per
    // label, and it unwraps the window): the charts must never ask for it.
    let p = projection();
    let s = Scenario::default();
    let stats = Rc::new(RefCell::new(Stats::default()));
    let area: DrawingArea<CountingBackend, Shift> = CountingBackend {
        size: (800, 1200),
        stats: stats.clone(),
    }
    .into_drawing_area();
    charts::draw_deaths(
        &area,
        &DeathsChart::from_projection(&p, Some(band(&p))),
        Lang::Vi,
    )
    .expect("deaths");
    charts::draw_budget(&area, &BudgetChart::from_projection(&p, &s), Lang::Vi).expect("budget");
    charts::draw_reach(&area, &ReachChart::from_projection(&p), Lang::En).expect("reach");
    charts::draw_targets(&area, &TargetsChart::from_projection(&p), Lang::En).expect("targets");
    let st = stats.borrow();
    assert_eq!(st.measured, 0, "no text measurement");
    assert!(st.texts > 40, "texts drawn: {}", st.texts);
    assert!(st.shapes > 40, "shapes drawn: {}", st.shapes);
    assert!(st.shapes < 2_000, "few shapes: {}", st.shapes);
}

#[test]
fn tables_have_a_row_per_item_in_the_users_language() {
    let p = projection();
    let s = Scenario::default();
    let deaths = DeathsChart::from_projection(&p, None);
    let t = charts::deaths_table(&deaths, Lang::Vi);
    assert_eq!(t.rows.len(), 5, "four years and the total");
    assert_eq!(t.headers.len(), 4);
    assert_eq!(t.rows[0][0], "2027");
    assert!(t.rows[0][1].contains('.'), "grouped: {}", t.rows[0][1]);
    assert_eq!(t.rows[4][0], "Cả kỳ");
    assert_eq!(t.csv_rows.len(), t.rows.len());
    let t = charts::deaths_table(&DeathsChart::from_projection(&p, Some(band(&p))), Lang::En);
    assert_eq!(t.headers.len(), 6);
    assert_eq!(t.headers[0], "Year");
    assert!(t.rows[0][1].contains(','), "grouped: {}", t.rows[0][1]);
    assert_eq!(t.rows[4][4], "", "p10 does not add up");

    let b = BudgetChart::from_projection(&p, &s);
    let lines = charts::budget_lines_table(&b, Lang::Vi);
    assert_eq!(lines.rows.len(), model::data::lines().len() + 1);
    assert_eq!(lines.rows[0][2], "120 tỷ đồng");
    assert_eq!(lines.csv_rows[0][2], Cell::Int(120_000_000_000));
    assert_eq!(lines.headers[0], "Tuyến");
    assert_eq!(lines.rows.last().expect("total")[2], "350 tỷ đồng");
    let sources = charts::budget_sources_table(&b, Lang::Vi);
    assert_eq!(sources.rows.len(), 4);
    assert_eq!(sources.rows[0][1], "180 tỷ đồng");
    assert_eq!(sources.rows[0][6], "0 đồng");
    assert!(sources.csv_headers[1].ends_with("(đồng)"));

    let reach = charts::reach_table(&ReachChart::from_projection(&p), Lang::Vi);
    assert_eq!(reach.rows.len(), model::data::lines().len() + 1);
    assert_eq!(reach.headers[3], "Trẻ em được tiếp cận");

    let targets = charts::targets_table(&TargetsChart::from_projection(&p), Lang::Vi);
    assert_eq!(targets.rows.len(), model::TARGETS.len());
    let t2025 = &targets.rows[0];
    assert_eq!(t2025[1], "2025");
    assert_eq!(t2025[5], "Ngoài kỳ kế hoạch");
    assert_eq!(t2025[2], "10 %");
    let t2030 = targets
        .rows
        .iter()
        .find(|r| r[1] == "2030")
        .expect("a 2030 target");
    assert!(t2030[5] == "Đạt" || t2030[5] == "Chưa đạt");
    let en = charts::targets_table(&TargetsChart::from_projection(&p), Lang::En);
    assert_eq!(en.headers[5], "Result");
}

#[test]
fn csv_has_bom_crlf_quoting_and_plain_numbers() {
    let table = Table {
        caption: "x".into(),
        headers: vec!["a".into(), "b".into(), "c".into()],
        rows: vec![vec![String::new(); 3]; 2],
        csv_headers: vec!["Tên".into(), "Số \"ca\"".into(), "Ghi chú".into()],
        csv_rows: vec![
            vec![
                Cell::Text("a;b".into()),
                Cell::Num {
                    value: 1763.4251,
                    decimals: 2,
                },
                Cell::Text("dòng 1\ndòng 2".into()),
            ],
            vec![
                Cell::Text("=1+1".into()),
                Cell::Int(-120_000_000_000),
                Cell::Num {
                    value: f64::NAN,
                    decimals: 2,
                },
            ],
        ],
    };
    let vi = charts::to_csv(&table, Lang::Vi);
    assert_eq!(
        vi,
        "\u{FEFF}Tên;\"Số \"\"ca\"\"\";Ghi chú\r\n\"a;b\";1763,43;\"dòng 1\ndòng 2\"\r\n'=1+1;-120000000000;\r\n"
    );
    assert!(vi.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    let en = charts::to_csv(&table, Lang::En);
    assert_eq!(
        en,
        "\u{FEFF}Tên,\"Số \"\"ca\"\"\",Ghi chú\r\na;b,1763.43,\"dòng 1\ndòng 2\"\r\n'=1+1,-120000000000,\r\n"
    );
    let fixed = charts::to_csv_with(&table, CsvDialect::EN);
    assert_eq!(fixed, en);
    let zero = Cell::Num {
        value: -0.001,
        decimals: 2,
    };
    assert_eq!(zero.to_field(CsvDialect::EN), "0.00");

    // A real table: header + rows, every record ends with CRLF, no grouping in numbers.
    let p = projection();
    let s = Scenario::default();
    let t = charts::budget_lines_table(&BudgetChart::from_projection(&p, &s), Lang::Vi);
    let csv = charts::to_csv(&t, Lang::Vi);
    let body = csv.trim_start_matches('\u{FEFF}');
    assert_eq!(body.matches("\r\n").count(), t.rows.len() + 1);
    assert_eq!(body.matches('\n').count(), body.matches("\r\n").count());
    assert!(body.starts_with("Tuyến;Nhóm;Phân bổ mỗi năm (đồng)"));
    assert!(
        body.contains(";120000000000;480000000000;34,29\r\n"),
        "{body}"
    );
    let first_data = body.lines().nth(1).expect("a data row");
    assert_eq!(first_data.split(';').count(), 5, "{first_data}");
}

#[test]
fn render_timing() {
    let p = projection();
    let s = Scenario::default();
    let deaths = DeathsChart::from_projection(&p, Some(band(&p)));
    let budget = BudgetChart::from_projection(&p, &s);
    let reach = ReachChart::from_projection(&p);
    let targets = TargetsChart::from_projection(&p);
    for w in [360u32, 1280] {
        let lang = Lang::Vi;
        let hs = [
            deaths.preferred_height(w, lang),
            budget.preferred_height(w, lang),
            reach.preferred_height(w, lang),
            targets.preferred_height(w, lang),
        ];
        let n = 200;
        let start = Instant::now();
        let mut bytes = [0usize; 4];
        for _ in 0..n {
            bytes[0] = charts::deaths_svg(&deaths, lang, w, hs[0])
                .expect("deaths")
                .len();
            bytes[1] = charts::budget_svg(&budget, lang, w, hs[1])
                .expect("budget")
                .len();
            bytes[2] = charts::reach_svg(&reach, lang, w, hs[2])
                .expect("reach")
                .len();
            bytes[3] = charts::targets_svg(&targets, lang, w, hs[3])
                .expect("targets")
                .len();
        }
        let per = start.elapsed() / n;
        println!(
            "all four SVGs at {w} px wide (heights {hs:?}): {per:?} per set; sizes {bytes:?} bytes"
        );
    }
}

#[test]
#[ignore = "writes SVG files for a human to look at"]
fn dump_svgs() {
    let dir = std::env::var("CHART_DUMP_DIR").unwrap_or_else(|_| "/tmp".into());
    let p = projection();
    let s = Scenario::default();
    let deaths = DeathsChart::from_projection(&p, Some(band(&p)));
    let budget = BudgetChart::from_projection(&p, &s);
    let reach = ReachChart::from_projection(&p);
    let targets = TargetsChart::from_projection(&p);
    for lang in [Lang::Vi, Lang::En] {
        for w in [360u32, 960, 1600] {
            let files = [
                (
                    "deaths",
                    charts::deaths_svg(&deaths, lang, w, deaths.preferred_height(w, lang)),
                ),
                (
                    "budget",
                    charts::budget_svg(&budget, lang, w, budget.preferred_height(w, lang)),
                ),
                (
                    "reach",
                    charts::reach_svg(&reach, lang, w, reach.preferred_height(w, lang)),
                ),
                (
                    "targets",
                    charts::targets_svg(&targets, lang, w, targets.preferred_height(w, lang)),
                ),
            ];
            for (name, svg) in files {
                let path = format!("{dir}/{name}-{}-{w}.svg", lang.code());
                std::fs::write(&path, svg.expect("draws")).expect("writes");
            }
        }
    }
}

#[test]
fn a_shared_y_range_gives_every_chart_the_same_axis() {
    let labels = |svg: &str| -> Vec<String> {
        all_text(svg)
            .split_whitespace()
            .filter(|t| t.chars().all(|c| c.is_ascii_digit() || c == ','))
            .filter(|t| !(t.len() == 4 && t.starts_with("20")))
            .map(str::to_string)
            .collect()
    };
    let slide = |scenario: Vec<f64>| DeathsChart {
        years: vec![2027, 2028, 2029],
        baseline: vec![14.5, 14.2, 13.9],
        scenario,
        band: None,
        y_range: Some((0.0, 16.0)),
    };
    let a = charts::deaths_svg(&slide(vec![14.0, 13.5, 13.0]), Lang::Vi, 470, 300).expect("draws");
    let b = charts::deaths_svg(&slide(vec![14.4, 14.1, 13.8]), Lang::Vi, 470, 300).expect("draws");
    assert_eq!(labels(&a), labels(&b));
    assert!(labels(&a).contains(&"0".to_string()), "{:?}", labels(&a));
    // Without it, the second fits its own data: its axis differs.
    let own = DeathsChart {
        y_range: None,
        ..slide(vec![14.4, 14.1, 13.8])
    };
    let c = charts::deaths_svg(&own, Lang::Vi, 470, 300).expect("draws");
    assert_ne!(labels(&c), labels(&a));
}

/// Every chart, taken apart for the page's in-place updates (`SvgParts`), gives back its
/// own markup, and a slider step changes only a few of its elements.
#[test]
fn charts_come_apart_into_elements_and_back() {
    let p = projection();
    let s = Scenario::default();
    let svgs = |p: &Projection, s: &Scenario, lang: Lang, w: u32| -> Vec<String> {
        let deaths = DeathsChart::from_projection(p, Some(band(p)));
        let budget = BudgetChart::from_projection(p, s);
        let reach = ReachChart::from_projection(p);
        let targets = TargetsChart::from_projection(p);
        vec![
            charts::deaths_svg(&deaths, lang, w, deaths.preferred_height(w, lang)),
            charts::budget_svg(&budget, lang, w, budget.preferred_height(w, lang)),
            charts::reach_svg(&reach, lang, w, reach.preferred_height(w, lang)),
            charts::targets_svg(&targets, lang, w, targets.preferred_height(w, lang)),
        ]
        .into_iter()
        .map(|r| r.expect("draws"))
        .collect()
    };
    for lang in [Lang::Vi, Lang::En] {
        for w in [360u32, 1280] {
            for svg in svgs(&p, &s, lang, w) {
                let parts = charts::SvgParts::parse(&svg).expect("a finished chart comes apart");
                assert!(parts.elements.len() > 10, "{}", parts.elements.len());
                for e in &parts.elements {
                    assert!(e.starts_with('<') && e.ends_with('>'), "{e}");
                    assert!(!e.starts_with("</"), "{e}");
                }
                assert!(parts.view_box.starts_with("0 0 "), "{}", parts.view_box);
                assert!(parts.class.starts_with("chart chart-"), "{}", parts.class);
                assert_eq!(parts.to_svg(), svg.trim_end().replace(">\n<", "><"));
            }
        }
    }

    // A few slider steps: 5 tỷ more for swimming lessons, taken from gifts.
    let mut moved = s.clone();
    let step = 5_000_000_000;
    let (swim, gifts) = (moved.alloc("swim").0, moved.alloc("gifts").0);
    assert!(gifts >= step, "gifts has {gifts} đ to give");
    moved
        .allocation
        .insert("swim".into(), model::Money(swim + step));
    moved
        .allocation
        .insert("gifts".into(), model::Money(gifts - step));
    let q = model::evaluate(&moved).expect("the moved scenario evaluates");
    let (a, b) = (
        svgs(&p, &s, Lang::Vi, 1280),
        svgs(&q, &moved, Lang::Vi, 1280),
    );
    let mut changed_total = 0;
    for (a, b) in a.iter().zip(&b) {
        let (a, b) = (
            charts::SvgParts::parse(a).expect("parts"),
            charts::SvgParts::parse(b).expect("parts"),
        );
        assert_eq!(a.elements.len(), b.elements.len(), "{}", a.class);
        let changed = a
            .elements
            .iter()
            .zip(&b.elements)
            .filter(|(x, y)| x != y)
            .count();
        println!(
            "{}: {changed} of {} elements change",
            a.class,
            a.elements.len()
        );
        assert!(
            changed * 2 < a.elements.len(),
            "{}: {changed} of {}",
            a.class,
            a.elements.len()
        );
        changed_total += changed;
    }
    assert!(changed_total > 0, "the step moves a series");

    // The accessible name comes back unescaped; what is not a finished chart is refused.
    let hostile = "Kế hoạch <script>alert(\"x\")</script> & 'y'";
    let svg = charts::finish_svg(
        "<svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect x=\"0\" y=\"0\" width=\"1\" height=\"1\"/>\n</svg>\n",
        10,
        10,
        hostile,
        "x",
    );
    let parts = charts::SvgParts::parse(&svg).expect("parts");
    assert_eq!(parts.label, hostile);
    assert_eq!(
        parts.elements,
        vec!["<rect x=\"0\" y=\"0\" width=\"1\" height=\"1\"/>"]
    );
    assert_eq!(charts::SvgParts::parse("<svg><g>"), None);
    assert_eq!(charts::SvgParts::parse(&svg.replace("</svg>", "")), None);
}
