//! The fuzz targets of kehoach: one function per decoder a stranger's bytes reach, each
//! checking what must hold for ANY input — no panic, every error has a message in both
//! languages, whatever opens is valid and survives its own round trip.
//!
//! Two drivers call these functions:
//! - `fuzz_targets/*.rs`: coverage-guided libFuzzer targets (`make fuzz`, cargo-fuzz on a
//!   nightly toolchain);
//! - `tests/short.rs`: a short deterministic pass on the stable toolchain (part of
//!   `cargo test --workspace`, so of `make test`), which mutates the golden fixtures with
//!   [`Mutator`] and replays every file in `fuzz/regressions/<target>/`.
//!
//! A crash found by either becomes a file in `fuzz/regressions/<target>/`: the short pass
//! replays it forever.

use std::path::{Path, PathBuf};

use model::codec::LinkError;
use model::pack::{self, PackError};
use model::{Lang, Scenario};

/// A target: runs one input and panics when something that must hold does not.
pub type Target = fn(&[u8]);

/// The targets, by name (the libFuzzer binaries and `regressions/` folders are named so).
pub const TARGETS: &[(&str, Target)] = &[
    ("link", link),
    ("pack", pack),
    ("pack_json", pack_json),
    ("import_json", import_json),
    ("autosave", autosave),
    ("worker_reply", worker_reply),
    ("room", room),
];

/// Both languages speak for every error.
fn speaks(vi: String, en: String) {
    assert!(
        !vi.is_empty() && !en.is_empty(),
        "an error without a message"
    );
}

/// What must hold for a scenario a decoder returned. (The share link's own round trip,
/// which compresses up to a dozen times to cut notes, is a property test in
/// crates/model/tests/codec.rs: too slow to repeat for every fuzz input.)
fn opened_scenario(s: &Scenario) {
    assert_eq!(
        s.validate(),
        Ok(()),
        "a decoder returned an invalid scenario"
    );
    // The lossless code gives it back exactly (autosave depends on it).
    assert_eq!(
        model::decode(&model::encode(s)).as_ref(),
        Ok(s),
        "the lossless code lost something"
    );
}

fn link_result(r: Result<Scenario, LinkError>) {
    match r {
        Ok(s) => opened_scenario(&s),
        Err(e) => speaks(e.message(Lang::Vi), e.message(Lang::En)),
    }
}

/// `version ‖ zlib(body)` as base64url: reaches the wire layer behind the checksum. The
/// zlib stream is written by hand with stored blocks (the cheapest possible; the text path
/// feeds the inflater everything else).
fn wrapped(version: u8, body: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(body.len() + 16);
    bytes.extend_from_slice(&[version, 0x78, 0x01]);
    let mut chunks = body.chunks(0xFFFF).peekable();
    if chunks.peek().is_none() {
        bytes.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
    }
    while let Some(chunk) = chunks.next() {
        let last = u8::from(chunks.peek().is_none());
        let len = chunk.len() as u16;
        bytes.push(last);
        bytes.extend_from_slice(&len.to_le_bytes());
        bytes.extend_from_slice(&(!len).to_le_bytes());
        bytes.extend_from_slice(chunk);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &x in body {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    bytes.extend_from_slice(&((b << 16) | a).to_be_bytes());
    b64(&bytes)
}

fn b64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(A[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// True when `version ‖ body` opens as a share link (for the tests of this crate).
pub fn wire_opens(version: u8, body: &[u8]) -> bool {
    model::decode(&wrapped(version, body)).is_ok()
}

/// Share links: the input as pasted text, and the input as `version ‖ body` behind a
/// valid checksum (so the wire decoders see arbitrary bodies, not only checksum failures).
pub fn link(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    link_result(model::decode(&text));
    if let Some((&version, body)) = data.split_first() {
        link_result(model::decode(&wrapped(version, body)));
    }
}

fn pack_result(r: Result<pack::Pack, PackError>) {
    match r {
        Ok(p) => {
            assert_eq!(p.validate(), Ok(()), "a decoder returned an invalid pack");
            for s in &p.scenarios {
                assert_eq!(s.validate(), Ok(()));
            }
            assert_eq!(pack::decode(&pack::encode(&p)).as_ref(), Ok(&p));
            assert_eq!(pack::from_json(&pack::to_json(&p)).as_ref(), Ok(&p));
        }
        Err(e) => speaks(e.message(Lang::Vi), e.message(Lang::En)),
    }
}

/// Workshop pack codes: as pasted text and as `version ‖ body` behind a valid checksum.
pub fn pack(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    pack_result(pack::decode(&text));
    if let Some((&version, body)) = data.split_first() {
        pack_result(pack::decode(&format!("#w={}", wrapped(version, body))));
    }
}

/// Workshop pack JSON files.
pub fn pack_json(data: &[u8]) {
    pack_result(pack::from_json(&String::from_utf8_lossy(data)));
}

/// Scenario JSON files imported through the file worker (and its reply line).
pub fn import_json(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for lang in [Lang::Vi, Lang::En] {
        match kehoach_xlsx::parse_import(&text, lang) {
            Ok(s) => opened_scenario(&s),
            Err(problems) => {
                assert!(!problems.is_empty(), "a refusal names no problem");
                assert!(problems.len() <= 50);
                for p in &problems {
                    assert!(!p.field.is_empty() && !p.message.is_empty());
                }
            }
        }
    }
    let reply = kehoach_xlsx::reply_import(&text, Lang::Vi);
    match reply.strip_prefix("ok\n") {
        Some(code) => assert!(model::decode(code).is_ok(), "the worker replied a bad code"),
        None => assert!(reply.starts_with("err\n") && reply.lines().count() >= 2),
    }
}

/// Autosave text read back at start-up (`model::autosave`).
pub fn autosave(data: &[u8]) {
    use model::autosave::{MAX_SCENARIOS, read, write};
    let text = String::from_utf8_lossy(data);
    if let Ok(r) = read(&text) {
        assert!(!r.scenarios.is_empty() && r.scenarios.len() <= MAX_SCENARIOS);
        assert!(
            r.current < r.scenarios.len(),
            "the open scenario is one of them"
        );
        for s in &r.scenarios {
            assert_eq!(
                s.validate(),
                Ok(()),
                "autosave restored an invalid scenario"
            );
        }
        // Written again, it reads back the same, nothing dropped.
        let again = read(&write(&r.scenarios, r.current)).expect("reads its own text");
        assert_eq!(again.scenarios, r.scenarios, "autosave lost something");
        assert_eq!((again.current, again.dropped), (r.current, 0));
        // The book with its ids, revisions and deletions too.
        let book = read(&model::autosave::write_book(&r.book)).expect("reads its own book");
        assert_eq!(book.book, r.book, "the book did not come back");
        // Merged with itself (a tab that changed nothing), it stays as it is; merged into
        // an empty storage, every scenario stays.
        let same = model::autosave::merge(&r.book, &r.book, &r.book, model::Lang::Vi);
        assert_eq!(same.scenarios, r.book.scenarios, "merging changed a book");
        let empty = model::autosave::Book::default();
        let into = model::autosave::merge(&empty, &r.book, &empty, model::Lang::En);
        assert_eq!(
            into.scenarios.len(),
            r.book.scenarios.len(),
            "merging lost a scenario"
        );
    }
}

/// The file worker's protocol (`model::worker`): a request as the worker reads it (answered
/// by the real worker for `json` and `import`; `xlsx` writes a workbook, too slow here), and
/// a reply as the app reads it.
pub fn worker_reply(data: &[u8]) {
    use model::worker::{Op, Request, problems, read_reply};
    let text = String::from_utf8_lossy(data);
    match read_reply(&text) {
        Ok(body) => assert!(text.ends_with(body)),
        Err(list) => {
            // Written again and read back: the same problems, one a line.
            if let Err(again) = read_reply(&problems(&list)) {
                assert!(again.len() <= list.len());
            }
        }
    }
    let request = Request::parse(&text);
    if matches!(request.op, Some(Op::Json | Op::Import)) {
        match kehoach_xlsx::handle_request(&text) {
            kehoach_xlsx::Reply::Text(reply) => {
                if let Ok(body) = read_reply(&reply) {
                    if request.op == Some(Op::Import) {
                        assert!(model::decode(body).is_ok(), "the worker replied a bad code");
                    }
                }
            }
            kehoach_xlsx::Reply::Bytes(_) => panic!("a text request answered with bytes"),
        }
    }
}

/// The room's codes (`model::room`): a pasted chat dump read into a room, and the room's
/// saved text read back at start-up.
pub fn room(data: &[u8]) {
    use model::room::{MAX_PLANS, Room, read, write};
    let text = String::from_utf8_lossy(data);
    let mut r = Room::new(model::Scenario::default());
    let report = r.add_text(&text);
    assert!(r.len() <= MAX_PLANS, "the room grew past its limit");
    assert!(
        report.counts().iter().sum::<usize>() >= r.len(),
        "a plan came in without a report line"
    );
    for s in r.plans() {
        assert_eq!(s.validate(), Ok(()), "the room took an invalid plan");
    }
    if report.counts().iter().sum::<usize>() > 0 {
        // What was read is said in both languages.
        speaks(
            report.message(model::Lang::Vi),
            report.message(model::Lang::En),
        );
    }
    // Written and read back: the same plans, nothing dropped.
    let (again, dropped) = read(&write(&r)).expect("reads its own text");
    assert_eq!(again.plans(), r.plans(), "the saved room lost a plan");
    assert_eq!(dropped, 0);
    // Saved text from a stranger: a room or a clear refusal.
    if let Ok((other, _)) = read(&text) {
        assert!(other.len() <= MAX_PLANS);
    }
}

// ---------------------------------------------------------------------------------------
// Seeds and the stable mutator.

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&keep));
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// The inflated `version ‖ body` of a code, as the second path of [`link`] and [`pack`]
/// takes it.
fn raw_body(code: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(code).ok()?.trim();
    let mut bits = 0u32;
    let mut n = 0;
    let mut bytes = Vec::new();
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(v);
        n += 6;
        if n >= 8 {
            n -= 8;
            bytes.push((bits >> n) as u8);
        }
    }
    let (&version, packed) = bytes.split_first()?;
    let mut out = vec![version];
    out.extend(miniz_oxide::inflate::decompress_to_vec_zlib(packed).ok()?);
    Some(out)
}

/// Seed inputs of a target: the golden fixtures and examples of the repository (and, for
/// codes, their inflated bodies).
pub fn seeds(target: &str) -> Vec<Vec<u8>> {
    let fixtures = root().join("crates/model/tests/fixtures");
    let examples = root().join("examples");
    let mut out: Vec<Vec<u8>> = match target {
        "link" => files(&fixtures, |n| n.starts_with("link-") && n.ends_with(".txt")),
        "pack" => files(&fixtures, |n| n.starts_with("pack-") && n.ends_with(".txt")),
        "pack_json" => files(&fixtures, |n| {
            n.starts_with("pack-") && n.ends_with(".json")
        }),
        "import_json" => {
            let mut v = files(&examples, |n| n.ends_with(".json"));
            v.extend(files(&fixtures, |n| {
                n.starts_with("link-") && n.ends_with(".json")
            }));
            v
        }
        "autosave" => {
            // Autosave texts made of the fixtures' codes (and one v1 code among them).
            let codes: Vec<String> = files(&fixtures, |n| {
                n.starts_with("link-") && n.ends_with(".txt") && !n.contains("notes-cut")
            })
            .iter()
            .map(|c| String::from_utf8_lossy(c).trim().to_string())
            .collect();
            let mut v = Vec::new();
            for (i, chunk) in codes.chunks(3).enumerate() {
                let mut text = format!("kehoach-book 1\ncurrent {}\n", i % 3);
                for c in chunk {
                    text.push_str(c);
                    text.push('\n');
                }
                v.push(text.into_bytes());
            }
            v.push(b"kehoach-book 2\ncurrent 0\n".to_vec());
            v
        }
        "worker_reply" => {
            let code =
                std::fs::read_to_string(fixtures.join("link-v2-default.txt")).unwrap_or_default();
            let example =
                std::fs::read_to_string(examples.join("dien-bien-2027.json")).unwrap_or_default();
            vec![
                format!("ok\n{}", code.trim()).into_bytes(),
                b"err\nallocation.swim\tS\xe1\xbb\x91 ti\xe1\xbb\x81n kh\xc3\xb4ng \xc4\x91\xc6\xb0\xe1\xbb\xa3c \xc3\xa2m\nfile\tx\n"
                    .to_vec(),
                format!("json\nvi\n{}", code.trim()).into_bytes(),
                format!("import\nen\n{example}").into_bytes(),
                b"import\nvi\n{\"version\": 2}".to_vec(),
            ]
        }
        "room" => {
            // Chat dumps made of the fixtures' share codes, and a saved room.
            let codes: Vec<String> = files(&fixtures, |n| {
                n.starts_with("link-v2") && n.ends_with(".txt")
            })
            .iter()
            .map(|c| String::from_utf8_lossy(c).trim().to_string())
            .collect();
            let mut v = Vec::new();
            for c in &codes {
                v.push(
                    format!("Bàn 3 — Hương: https://kehoach.example/#s={c} cảm ơn").into_bytes(),
                );
            }
            v.push(
                codes
                    .iter()
                    .map(|c| format!("#s={c}"))
                    .collect::<Vec<_>>()
                    .join("\n")
                    .into_bytes(),
            );
            if let Some(first) = codes.first() {
                v.push(format!("kehoach-room 1\nstart {first}\n{first}\n").into_bytes());
            }
            v
        }
        _ => Vec::new(),
    };
    if matches!(target, "link" | "pack") {
        let bodies: Vec<Vec<u8>> = out.iter().filter_map(|c| raw_body(c)).collect();
        out.extend(bodies);
    }
    out
}

/// Files of `fuzz/regressions/<target>/`: inputs that once crashed a target.
pub fn regressions(target: &str) -> Vec<Vec<u8>> {
    files(&root().join("fuzz/regressions").join(target), |n| {
        !n.starts_with('.')
    })
}

/// A small deterministic mutator (xorshift64*): bit flips, byte changes, cuts, inserts,
/// duplicated and spliced chunks, interesting numbers and tokens of the formats.
pub struct Mutator {
    state: u64,
}

const TOKENS: &[&[u8]] = &[
    b"#s=",
    b"#w=",
    b"\"version\":",
    b"\"version\": 2",
    b"\"version\": 1",
    b"\"region\": \"VN\"",
    b"\"low\":",
    b"\"mode\":",
    b"\"high\":",
    b"\"drowning_rate\": 7.26",
    b"\"trend\": {\"low\": -0.045, \"mode\": -0.025, \"high\": -0.011}",
    b"1e308",
    b"-0",
    b"NaN",
    b"18446744073709551615",
    b"9223372036854775807",
    b"-9223372036854775808",
    b"null",
    b"[]",
    b"{}",
    b"\\u0000",
    b"\\ud800",
    b"\xef\xbb\xbf",
    b"\xe1\xba\xbf",
    b"\x00\xff",
];

impl Mutator {
    /// A mutator from a seed (never 0 inside).
    pub fn new(seed: u64) -> Mutator {
        Mutator {
            state: seed ^ 0x9E37_79B9_7F4A_7C15 | 1,
        }
    }

    fn next(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// One to four mutations of `input`, sometimes spliced with `other`.
    pub fn mutate(&mut self, input: &[u8], other: &[u8]) -> Vec<u8> {
        let mut v = input.to_vec();
        for _ in 0..=self.below(4) {
            let len = v.len();
            match self.below(10) {
                0 if len > 0 => {
                    let i = self.below(len);
                    v[i] ^= 1 << self.below(8);
                }
                1 if len > 0 => {
                    let i = self.below(len);
                    v[i] = self.next() as u8;
                }
                2 => v.truncate(self.below(len + 1)),
                3 => {
                    let i = self.below(len + 1);
                    v.insert(i, self.next() as u8);
                }
                4 if len > 0 => {
                    let a = self.below(len);
                    let b = (a + 1 + self.below(16)).min(len);
                    v.drain(a..b);
                }
                5 if len > 0 => {
                    let a = self.below(len);
                    let b = (a + 1 + self.below(64)).min(len);
                    let chunk = v[a..b].to_vec();
                    let at = self.below(len + 1);
                    v.splice(at..at, chunk);
                }
                6 if !other.is_empty() => {
                    let cut = self.below(len + 1);
                    let from = self.below(other.len());
                    v.truncate(cut);
                    v.extend_from_slice(&other[from..]);
                }
                7 => {
                    let t = TOKENS[self.below(TOKENS.len())];
                    let at = self.below(len + 1);
                    v.splice(at..at, t.iter().copied());
                }
                8 if len > 0 => {
                    // A digit changed in place (numbers in JSON and in varints).
                    let i = self.below(len);
                    v[i] = if v[i].is_ascii_digit() {
                        b'0' + self.below(10) as u8
                    } else {
                        v[i].wrapping_add(1 + self.below(3) as u8)
                    };
                }
                _ if len > 0 => {
                    let i = self.below(len);
                    v[i] = [0x00, 0x7f, 0x80, 0xff, b'"', b'\\', b'{', b'}'][self.below(8)];
                }
                _ => v.push(self.next() as u8),
            }
        }
        v
    }
}
