//! What a file the user opens or drops becomes: HTML reduced to its text, text as it is, and a
//! clear message for what is not an article (binary, not UTF-8, empty).

use annotator_core::text::html::html_to_text;

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
    use super::*;

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
