//! Bytes from a file or the network to text: gzip unwrapped (with a cap, so
//! a gzip bomb ends in an error), then the encoding found by BOM, declared
//! charset (XML declaration or HTML meta), UTF-8 validity, and finally a
//! guess (chardetng). One bad byte becomes U+FFFD; it never drops a file.

use std::io::Read;

use encoding_rs::{Encoding, UTF_8};

use super::IngestError;

/// Decompressed input larger than this is refused.
pub const MAX_DECODED_BYTES: u64 = 256 * 1024 * 1024;

/// Decoded text and the encoding it was read in.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
}

/// Unwraps gzip if the bytes are gzip.
pub fn gunzip_if_needed(bytes: Vec<u8>) -> Result<Vec<u8>, IngestError> {
    gunzip_with_limit(bytes, MAX_DECODED_BYTES)
}

pub fn gunzip_with_limit(bytes: Vec<u8>, limit: u64) -> Result<Vec<u8>, IngestError> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&bytes[..])
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| IngestError::Malformed(format!("gzip: {e}")))?;
    if out.len() as u64 > limit {
        return Err(IngestError::TooLarge);
    }
    Ok(out)
}

/// The charset named in an XML declaration or an HTML `<meta>` in the first
/// kilobytes, if any.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    for key in ["encoding=", "charset="] {
        let mut rest = head.as_str();
        while let Some(at) = rest.find(key) {
            let value = rest[at + key.len()..].trim_start_matches(['"', '\'', ' ']);
            let end = value
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(value.len());
            if let Some(encoding) = Encoding::for_label(&value.as_bytes()[..end]) {
                return Some(encoding);
            }
            rest = &rest[at + key.len()..];
        }
    }
    None
}

/// Decodes bytes to text (after [`gunzip_if_needed`]).
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding,
        };
    }
    let encoding = detect_encoding(bytes);
    let (text, _, _) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding,
    }
}

/// Decodes bytes a server sent with a `charset` in its `Content-Type`: a
/// BOM wins, then the server's charset, unless the bytes are valid UTF-8
/// and the charset names a legacy encoding (servers often say ISO-8859-1
/// by default); otherwise as [`decode`].
pub fn decode_with_charset(bytes: &[u8], charset: Option<&str>) -> Decoded {
    if Encoding::for_bom(bytes).is_none() {
        if let Some(encoding) = charset.and_then(|c| Encoding::for_label(c.as_bytes())) {
            let valid_utf8 = std::str::from_utf8(bytes).is_ok() && bytes.iter().any(|b| *b >= 0x80);
            if encoding == UTF_8 || !valid_utf8 {
                let (text, _, _) = encoding.decode(bytes);
                return Decoded {
                    text: text.into_owned(),
                    encoding,
                };
            }
        }
    }
    decode(bytes)
}

/// The encoding of a text from its first bytes (which may end inside a
/// character): BOM, declaration, UTF-8 validity, then a guess.
pub fn detect_encoding(bytes: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    let is_utf8 = match std::str::from_utf8(bytes) {
        Ok(_) => true,
        // Cut inside the last character: still UTF-8.
        Err(e) => e.error_len().is_none(),
    };
    match declared_charset(bytes) {
        // A declaration of a legacy charset on bytes that are valid UTF-8 is
        // a known lie (a Hebrew feed declaring windows-1255 but sending UTF-8).
        Some(declared) if declared != UTF_8 && is_utf8 && bytes.iter().any(|b| *b >= 0x80) => UTF_8,
        Some(declared) => declared,
        None if is_utf8 => UTF_8,
        None => {
            // Mostly UTF-8 with a bad byte or two stays UTF-8 (lossy); else guess.
            let invalid = String::from_utf8_lossy(bytes).matches('\u{FFFD}').count();
            if invalid * 1000 < bytes.len().max(1)
                && bytes.iter().filter(|b| **b >= 0x80).count() > invalid * 20
            {
                UTF_8
            } else {
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                detector.guess(None, chardetng::Utf8Detection::Deny)
            }
        }
    }
}

/// Control characters that are never text (keeps tab, newline, return).
pub fn strip_control_chars(text: &str) -> String {
    let is_junk = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if !text.contains(is_junk) {
        return text.to_owned();
    }
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_found_by_bom_declaration_validity_or_guess() {
        // Old Persian pages in windows-1256 use Arabic yeh (ي) and ASCII digits:
        // the code page has no Persian yeh or digits.
        let persian =
            "سلام دنيا، اين يك متن فارسي است که با ويندوز 1256 نوشته شده است و گچ و پژو دارد.";
        let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(persian);
        assert_eq!(
            decode(&cp1256).text,
            persian,
            "undeclared windows-1256 is guessed"
        );
        let declared = [
            b"<?xml version=\"1.0\" encoding=\"windows-1256\"?>".as_slice(),
            &cp1256,
        ]
        .concat();
        assert!(
            decode(&declared).text.ends_with(persian),
            "a declared charset is used"
        );
        let utf8_with_bom = [b"\xEF\xBB\xBF".as_slice(), persian.as_bytes()].concat();
        assert_eq!(decode(&utf8_with_bom).text, persian, "a BOM wins");
        let lying = [
            b"<?xml version=\"1.0\" encoding=\"windows-1255\"?>".as_slice(),
            persian.as_bytes(),
        ]
        .concat();
        assert!(
            decode(&lying).text.ends_with(persian),
            "valid UTF-8 declared as windows-1255 is UTF-8"
        );
        let mut one_bad_byte = persian.repeat(20).into_bytes();
        one_bad_byte.insert(100, 0xFF);
        let decoded = decode(&one_bad_byte).text;
        assert!(
            decoded.contains('\u{FFFD}') && decoded.contains("سلام دنيا"),
            "one bad byte costs one character"
        );
    }

    #[test]
    fn a_gzip_bomb_is_refused() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..8 {
            encoder.write_all(&zeros).unwrap();
        }
        let bomb = encoder.finish().unwrap();
        assert!(
            bomb.len() < 64 * 1024,
            "the bomb is small on disk: {}",
            bomb.len()
        );
        // The same code path as the real limit, at a size a test can afford.
        assert!(matches!(
            gunzip_with_limit(bomb.clone(), 4 * 1024 * 1024),
            Err(IngestError::TooLarge)
        ));
        assert_eq!(
            gunzip_with_limit(bomb, 16 * 1024 * 1024).unwrap().len(),
            8 * 1024 * 1024,
            "under the limit it unpacks"
        );
    }
}
