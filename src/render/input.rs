//! What a file the user opens or drops becomes: HTML reduced to its text, text as it is, and a
//! clear message for what is not an article (binary, not UTF-8, empty).

use annotator_core::text::html::html_to_text;

/// The largest article the page takes (UTF-8 bytes): a 10 MB transcript is annotated in the
/// background in seconds; far beyond that the page itself (the DOM of the text) gets heavy.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// Refuses an article over [`MAX_BYTES`], saying how large it is.
pub fn check_size(what: &str, bytes: usize) -> Result<(), String> {
    if bytes > MAX_BYTES {
        return Err(format!("{what} is {} MB: the annotator takes articles up to {} MB", crate::render::chart::tenths(bytes as f64 / 1_048_576.0), MAX_BYTES / 1_048_576));
    }
    Ok(())
}

/// What the page says when the engine refuses a text. The engine's messages are the command
/// line's (lower case, each with its remedy); on the page the remedy stands in the hint under
/// the message, so the message says only what is wrong, as a sentence.
pub fn engine_error(e: &annotator_core::Error) -> String {
    match e {
        annotator_core::Error::EmptyText => "The text is empty: there is nothing to annotate.".to_string(),
        annotator_core::Error::BinaryText => "This looks like a binary file, not an article's text.".to_string(),
        other => {
            let m = other.to_string();
            let mut c = m.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or(m)
        }
    }
}

/// Whether `raw` is HTML (by name, or by its first tag).
pub fn looks_html(name: &str, raw: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return true;
    }
    let head: String = raw.trim_start().chars().take(512).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || (head.starts_with('<') && (head.contains("<p") || head.contains("<div") || head.contains("<body")))
}

/// The article text of a file, or why it cannot be annotated.
pub fn prepare(name: &str, raw: &str) -> Result<String, String> {
    let total = raw.chars().count().max(1);
    let replaced = raw.chars().filter(|&c| c == '\u{FFFD}').count();
    if raw.contains('\0') || replaced * 100 > total {
        return Err(format!("{name} is not UTF-8 text (a binary file?): open a .txt or .html article"));
    }
    let text = if looks_html(name, raw) { html_to_text(raw) } else { raw.to_string() };
    if text.trim().is_empty() {
        return Err(format!("{name} holds no text to annotate"));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn size_limit_says_how_large() {
        assert!(super::check_size("x", super::MAX_BYTES).is_ok());
        let err = super::check_size("The pasted text", 20 * 1024 * 1024).unwrap_err();
        assert_eq!(err, "The pasted text is 20.0 MB: the annotator takes articles up to 16 MB");
    }

    use super::*;

    #[test]
    fn engine_errors_read_as_sentences() {
        use annotator_core::{annotate, Error, Options};
        let empty = annotate("  \n ", &Options::default()).unwrap_err();
        assert_eq!(engine_error(&empty), "The text is empty: there is nothing to annotate.");
        assert!(engine_error(&Error::InvalidLanguage("fr".into())).starts_with("Invalid language"));
        assert!(engine_error(&Error::BinaryText).starts_with("This looks like a binary file"));
    }

    #[test]
    fn html_files_become_text() {
        assert_eq!(prepare("a.html", "<p>Hà Nội</p><script>x()</script>").unwrap(), "Hà Nội");
        assert_eq!(prepare("a.txt", "<!doctype html><p>Hi</p>").unwrap(), "Hi");
        assert_eq!(prepare("a.txt", "a < b").unwrap(), "a < b");
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        assert!(prepare("x.bin", "\u{FFFD}\u{FFFD}abc").unwrap_err().contains("not UTF-8"));
        assert!(prepare("x.txt", "ab\0cd").is_err());
        assert!(prepare("x.html", "<script>only</script>").unwrap_err().contains("no text"));
    }
}
