//! HTML reduced to the article's text, for pages and files that arrive as HTML.
//!
//! A single linear pass: tags are dropped, block elements become line breaks, `script`,
//! `style`, `noscript`, `template` and comments are dropped with their content, and
//! character references are decoded. Malformed markup never fails: a `<` that does not open
//! a tag is text, an unclosed tag or comment ends the text. The result is plain text, so what
//! the page then shows can never be markup.

/// Elements whose content is never article text.
const SKIP: &[&str] = &["script", "style", "noscript", "template", "svg"];
/// Elements that start a new line.
const BLOCK: &[&str] = &[
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article",
    "header", "footer", "blockquote", "figcaption", "figure", "title", "hr", "main", "aside", "nav", "dd", "dt", "pre",
];

/// The text of an HTML document or fragment.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let mut title = String::new();
    let mut title_unclosed = false;
    let mut i = 0;
    let b = html.as_bytes();
    while i < b.len() {
        if b[i] == b'<' {
            // Comments, doctype and processing instructions.
            if lower[i..].starts_with("<!--") {
                match lower[i + 4..].find("-->") {
                    Some(p) => i = i + 4 + p + 3,
                    None => break,
                }
                continue;
            }
            let rest = &lower[i + 1..];
            let closing = rest.starts_with('/');
            let name_start = if closing { 1 } else { 0 };
            let name: String = rest[name_start..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            if name.is_empty() && !rest.starts_with('!') && !rest.starts_with('?') {
                out.push('<'); // not a tag: text
                i += 1;
                continue;
            }
            let Some(end) = find_tag_end(&lower, i + 1) else { break };
            let tag_end = end + 1;
            // (Once a search for "</title" failed, none after it can succeed: searching again
            // for each of a thousand unclosed <title> tags would read the rest each time.)
            if !closing && name == "title" && !title_unclosed {
                if let Some(p) = lower[tag_end..].find("</title") {
                    title = decode(&html[tag_end..tag_end + p]);
                    i = tag_end + p;
                    continue;
                }
                title_unclosed = true;
            }
            if !closing && SKIP.contains(&name.as_str()) {
                let close = format!("</{name}");
                i = match lower[tag_end..].find(&close) {
                    Some(p) => tag_end + p,
                    None => b.len(),
                };
                continue;
            }
            if BLOCK.contains(&name.as_str()) {
                out.push('\n');
            }
            i = tag_end;
            continue;
        }
        let next = lower[i..].find('<').map(|p| i + p).unwrap_or(b.len());
        out.push_str(&decode(&html[i..next]));
        i = next;
    }
    tidy(&title, &out)
}

/// Index of the `>` that closes the tag opened before `from`, skipping quoted attributes.
fn find_tag_end(lower: &str, from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (k, &c) in lower.as_bytes()[from..].iter().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'>') => return Some(from + k),
            _ => {}
        }
    }
    None
}

/// Decodes character references; unknown ones stay as written.
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        // A reference is short: look for its ';' in the next few bytes (on a char boundary).
        let semi = rest[..crate::text::floor_char_boundary(rest, 12)].find(';');
        let decoded = semi.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                named(name)
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(if c == '\u{a0}' { ' ' } else { c });
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "deg" => '°',
        _ => return None,
    })
}

/// One paragraph a line, white space collapsed, the title first unless the body starts with it.
fn tidy(title: &str, body: &str) -> String {
    let mut lines: Vec<String> = body
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if !title.is_empty() && lines.first().is_none_or(|f| *f != title) {
        lines.insert(0, title);
    }
    lines.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_entities() {
        let h = "<html><head><title>Tin nóng</title><style>p{color:red}</style></head><body><h1>Tin nóng</h1><p>Bộ Quốc phòng &amp; quân đội<br>ngày 4-10</p><script>alert(1)</script><p>Hà&nbsp;Nội &#8211; &#x1F600;</p></body></html>";
        assert_eq!(html_to_text(h), "Tin nóng\n\nBộ Quốc phòng & quân đội\n\nngày 4-10\n\nHà Nội – 😀");
    }

    #[test]
    fn the_title_heads_the_text() {
        let h = "<html><head><title>Flood in Hanoi</title><meta charset=utf-8><script>x()</script></head><body><p>Body.</p></body></html>";
        assert_eq!(html_to_text(h), "Flood in Hanoi\n\nBody.");
    }

    #[test]
    fn malformed_markup_never_fails() {
        assert_eq!(html_to_text("a < b and c > d"), "a < b and c > d");
        assert_eq!(html_to_text("<p>unclosed <b"), "unclosed");
        assert_eq!(html_to_text("text <!-- never closed"), "text");
        assert_eq!(html_to_text("<p title=\"a>b\">x</p>"), "x");
        assert_eq!(html_to_text("<script>no end"), "");
        assert_eq!(html_to_text("&bogus; &amp"), "&bogus; &amp");
    }

    #[test]
    fn fuzz_regressions() {
        // cargo-fuzz `html`: an ampersand before multi-byte characters sliced inside a char.
        assert_eq!(html_to_text("^&\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"), "^&\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}");
        assert_eq!(decode("&ééééééé;"), "&ééééééé;");
    }

    #[test]
    fn hostile_markup_becomes_inert_text() {
        let t = html_to_text("<img src=x onerror=alert(1)><p>Hello</p><iframe src=evil></iframe>");
        assert_eq!(t, "Hello");
    }
}
