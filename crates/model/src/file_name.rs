//! File names made from what people typed: a scenario's or a workshop's name as plain ASCII
//! that every system, mail program and USB stick accepts.

/// A file name stem for a name: its letters and digits in ASCII (Vietnamese letters lose
/// their marks), lower case, joined by `-`, at most about 60 characters; `kich-ban` when
/// nothing is left.
pub fn stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = fold_vietnamese(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "kich-ban".into()
    } else {
        out
    }
}

/// A Vietnamese letter without its marks ('ế' → 'e', 'đ' → 'd'); other characters as is.
pub fn fold_vietnamese(c: char) -> char {
    const GROUPS: [(&str, char); 14] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'A'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ÈÉẺẼẸÊỀẾỂỄỆ", 'E'),
        ("ìíỉĩị", 'i'),
        ("ÌÍỈĨỊ", 'I'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'O'),
        ("ùúủũụưừứửữự", 'u'),
        ("ÙÚỦŨỤƯỪỨỬỮỰ", 'U'),
        ("ỳýỷỹỵ", 'y'),
        ("ỲÝỶỸỴ", 'Y'),
        ("đ", 'd'),
        ("Đ", 'D'),
    ];
    GROUPS
        .iter()
        .find(|(set, _)| set.contains(c))
        .map_or(c, |(_, base)| *base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_plain_ascii() {
        assert_eq!(
            stem("Kế hoạch Điện Biên 2027–2030"),
            "ke-hoach-dien-bien-2027-2030"
        );
        assert_eq!(stem("<script>"), "script");
        assert_eq!(stem("…"), "kich-ban");
        assert_eq!(stem(""), "kich-ban");
        assert!(stem(&"ă".repeat(500)).len() <= 61);
        assert_eq!(fold_vietnamese('Ự'), 'U');
        assert_eq!(fold_vietnamese('ß'), 'ß');
    }
}
