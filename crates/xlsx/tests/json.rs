//! The scenario JSON file: an exported file reads back to the identical scenario, and a bad
//! one gets every problem placed by field, in the user's language; the worker's import reply.

use kehoach_xlsx::{export_json, parse_import, reply_import};
use model::{Lang, Money, Scenario};

#[test]
fn exported_json_imports_to_the_identical_scenario() {
    let mut s = Scenario::default_for("ha-noi");
    s.name = "Hà Nội — “thêm bể bơi” <1>".into();
    s.notes = "Ghi chú".into();
    s.seed = 42;
    s.overrides.region.drowning_rate = Some(model::Tri::point(5.25));
    s.constraints.insert(
        "swim".into(),
        model::Constraint {
            locked: true,
            floor: None,
            ceiling: None,
        },
    );
    let text = export_json(&s);
    assert_eq!(parse_import(&text, Lang::Vi), Ok(s.clone()));
    // A byte-order mark (Windows editors) is fine.
    assert_eq!(parse_import(&format!("\u{FEFF}{text}"), Lang::Vi), Ok(s));
}

#[test]
fn import_problems_are_placed_by_field_in_the_users_language() {
    let mut s = Scenario::default();
    s.allocation.insert("swim".into(), Money(-5));
    s.region = "atlantis".into();
    s.budget[0].central = Money(-1);
    let text = export_json(&s);
    let p = parse_import(&text, Lang::Vi).expect_err("invalid");
    let fields: Vec<&str> = p.iter().map(|p| p.field.as_str()).collect();
    assert!(fields.contains(&"region"), "{fields:?}");
    assert!(fields.contains(&"allocation.swim"), "{fields:?}");
    assert!(fields.contains(&"budget.2027.central"), "{fields:?}");
    assert!(p.iter().any(|p| p.message.contains("không được âm")));
    let en = parse_import(&text, Lang::En).expect_err("invalid");
    assert!(en.iter().any(|p| p.message.contains("atlantis")));

    let syntax = parse_import("{\"version\": 1,\n  \"name\": ", Lang::Vi).expect_err("bad");
    assert_eq!(syntax[0].field, "file");
    assert!(
        syntax[0].message.contains("dòng 2"),
        "{}",
        syntax[0].message
    );
    let unknown = parse_import(
        &text.replacen("\"seed\"", "\"hạt giống\": 1, \"seed\"", 1),
        Lang::Vi,
    )
    .expect_err("unknown field");
    assert_eq!(unknown[0].field, "hạt giống");
    assert!(unknown[0].message.contains("không có trong định dạng"));
    let missing = parse_import("{\"version\":1}", Lang::En).expect_err("missing");
    assert_eq!(missing[0].field, "region");
    let wrong = parse_import(
        &text.replacen("\"seed\": 2027", "\"seed\": \"abc\"", 1),
        Lang::Vi,
    )
    .expect_err("type");
    assert!(
        wrong[0].message.contains("sai kiểu"),
        "{}",
        wrong[0].message
    );
    let future = parse_import(
        &text.replacen("\"version\": 2", "\"version\": 7", 1),
        Lang::Vi,
    )
    .expect_err("future");
    assert_eq!(future[0].field, "version");
    assert_eq!(
        parse_import("", Lang::Vi).expect_err("empty")[0].field,
        "file"
    );
    assert!(parse_import(&" ".repeat(2 * 1024 * 1024), Lang::Vi).is_err());
}

#[test]
fn the_import_reply_carries_a_share_code_or_the_problems() {
    let s = Scenario::default_for("dien-bien");
    let ok = reply_import(&export_json(&s), Lang::Vi);
    let code = ok.strip_prefix("ok\n").expect("ok");
    assert_eq!(model::decode(code), Ok(s));
    let bad = Scenario {
        region: "x\ty\nz".into(),
        ..Scenario::default()
    };
    let err = reply_import(&export_json(&bad), Lang::En);
    assert!(err.starts_with("err\nregion\t"), "{err}");
    assert_eq!(
        err.lines().count(),
        2,
        "tabs and newlines inside messages are flattened"
    );
}
