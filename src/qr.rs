//! QR codes as SVG: the share link drawn as black squares on white, with the four-module
//! quiet zone scanners need. Text in the SVG (the title) is escaped; the rest is numbers.

use qrcodegen::{QrCode, QrCodeEcc};

/// A QR code ready to draw: its size in modules (without the quiet zone) and one SVG path
/// covering every dark module, in module units, shifted by the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    /// Modules per side, without the quiet zone.
    pub size: u32,
    /// Modules per side including the quiet zone (the SVG viewBox).
    pub outer: u32,
    /// The `d` attribute of the dark modules' path.
    pub path: String,
    /// Error correction level used (`L`, `M`, `Q`, `H`).
    pub ecc: char,
}

/// Quiet zone, in modules (ISO/IEC 18004 asks for 4).
pub const QUIET: u32 = 4;

/// Encodes text as a QR code: medium error correction (raised when it fits in the same
/// size), low when medium does not fit; `None` when the text is too long for any QR code.
pub fn encode(text: &str) -> Option<Qr> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium)
        .or_else(|_| QrCode::encode_text(text, QrCodeEcc::Low))
        .ok()?;
    let size = u32::try_from(code.size()).ok()?;
    let mut path = String::with_capacity((size * size) as usize * 2);
    for y in 0..code.size() {
        let mut x = 0;
        while x < code.size() {
            if code.get_module(x, y) {
                // Merge a horizontal run of dark modules into one rectangle.
                let start = x;
                while x < code.size() && code.get_module(x, y) {
                    x += 1;
                }
                let ux = start as u32 + QUIET;
                let uy = y as u32 + QUIET;
                let w = (x - start) as u32;
                path.push_str(&format!("M{ux} {uy}h{w}v1h-{w}z"));
            } else {
                x += 1;
            }
        }
    }
    let ecc = match code.error_correction_level() {
        QrCodeEcc::Low => 'L',
        QrCodeEcc::Medium => 'M',
        QrCodeEcc::Quartile => 'Q',
        QrCodeEcc::High => 'H',
    };
    Some(Qr {
        size,
        outer: size + 2 * QUIET,
        path,
        ecc,
    })
}

impl Qr {
    /// The code as a standalone SVG document; `title` (shown as a tooltip and read by screen
    /// readers) is escaped.
    pub fn to_svg(&self, title: &str) -> String {
        let title = crate::charts::escape_xml(title);
        let n = self.outer;
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" \
             shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"{title}\">\
             <title>{title}</title><rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/>\
             <path d=\"{}\" fill=\"#000\"/></svg>",
            self.path
        )
    }
}
