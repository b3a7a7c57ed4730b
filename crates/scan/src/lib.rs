//! kehoach's QR reader (issue 16): finds every QR code in a camera frame and returns the
//! text of those that decode. `src/main.rs` wraps [`decode_rgba`] in a web worker the app
//! starts only when the room's camera opens, so the decoder (`rqrr`) is never part of the
//! first load.
//!
//! # Messages
//! The worker posts [`READY`] once loaded. The app then posts one frame at a time (an
//! `ImageData`); the worker answers each with a string: the decoded texts, one per line
//! (empty when no code was read in that frame).

/// What the worker posts once it is listening.
pub const READY: &str = "ready";
/// Largest frame read, in pixels (a 1920 × 1080 frame); larger frames are refused.
pub const MAX_PIXELS: usize = 1920 * 1080;

/// The texts of the QR codes in an RGBA frame (`width × height × 4` bytes, rows top to
/// bottom), in the order they were found. A frame whose size does not match its bytes, or
/// larger than [`MAX_PIXELS`], reads as no code.
pub fn decode_rgba(width: usize, height: usize, rgba: &[u8]) -> Vec<String> {
    let Some(pixels) = width.checked_mul(height) else {
        return Vec::new();
    };
    if pixels == 0 || pixels > MAX_PIXELS || rgba.len() != pixels * 4 {
        return Vec::new();
    }
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        let i = (y * width + x) * 4;
        // Luma (ITU-R BT.601, integer weights summing to 256).
        let (r, g, b) = (
            u32::from(rgba[i]),
            u32::from(rgba[i + 1]),
            u32::from(rgba[i + 2]),
        );
        ((77 * r + 150 * g + 29 * b) >> 8) as u8
    });
    img.detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

/// The worker's answer to a frame: the texts, one per line.
pub fn answer(texts: &[String]) -> String {
    texts
        .iter()
        .map(|t| t.replace(['\n', '\r'], " "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcodegen::{QrCode, QrCodeEcc};

    /// A QR code drawn as an RGBA frame: `scale` pixels a module, a quiet zone, on a grey
    /// background with some noise, at an offset.
    fn frame(text: &str, scale: usize, w: usize, h: usize) -> Vec<u8> {
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).expect("fits");
        let size = code.size() as usize;
        let mut px = vec![0u8; w * h * 4];
        let mut seed = 7u32;
        for p in px.chunks_mut(4) {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let v = 150 + (seed >> 27) as u8;
            p.copy_from_slice(&[v, v, v, 255]);
        }
        let (ox, oy) = (23, 17);
        let side = (size + 8) * scale;
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = ((x / scale) as i32 - 4, (y / scale) as i32 - 4);
                let dark = code.get_module(mx, my);
                let v = if dark { 20 } else { 235 };
                let i = ((oy + y) * w + ox + x) * 4;
                px[i..i + 4].copy_from_slice(&[v, v, v, 255]);
            }
        }
        px
    }

    #[test]
    fn reads_a_share_link_from_a_frame() {
        let link = "http://127.0.0.1:8080/#s=AXjaY2BgYGBgYGRgYGBkYGRgZmBkYGRgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBg";
        let (w, h) = (640, 480);
        let px = frame(link, 3, w, h);
        assert_eq!(decode_rgba(w, h, &px), vec![link.to_string()]);
        assert_eq!(answer(&decode_rgba(w, h, &px)), link);
    }

    #[test]
    fn odd_frames_read_as_nothing() {
        assert!(decode_rgba(0, 0, &[]).is_empty());
        assert!(decode_rgba(2, 2, &[0; 15]).is_empty());
        assert!(decode_rgba(usize::MAX, 2, &[]).is_empty());
        assert!(decode_rgba(4000, 4000, &[]).is_empty());
        let blank = vec![255u8; 64 * 48 * 4];
        assert!(decode_rgba(64, 48, &blank).is_empty());
        assert_eq!(answer(&["a\nb".into(), "c".into()]), "a b\nc");
    }
}
