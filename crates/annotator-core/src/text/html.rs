//! HTML reduced to the article's text, for pages and files that arrive as HTML.
//!
//! A single linear pass: tags are dropped, block elements become line breaks, `script`,
//! `style`, `noscript`, `template`, navigation bars, footers, asides and comments are dropped
//! with their content, and character references are decoded. A page with an `<article>` (the
//! longest, when it has several: comments come as articles too) or else a `<main>` element
//! gives that element's text alone, without the site's menus and footer; its `<h1>` is the
//! headline, and the `<title>` (often "Headline | Site") heads the text only when there is
//! no `<h1>`. Malformed markup never fails: a `<` that does not open
//! a tag is text, an unclosed tag or comment ends the text. The result is plain text, so what
//! the page then shows can never be markup.

/// Elements whose content is never article text.
const SKIP: &[&str] = &["script", "style", "noscript", "template", "svg", "nav", "footer", "aside"];
/// Elements that start a new line.
const BLOCK: &[&str] = &[
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article",
    "header", "footer", "blockquote", "figcaption", "figure", "title", "hr", "main", "aside", "nav", "dd", "dt", "pre",
];

/// The text of an HTML document or fragment.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    // Only the article's element gives text (the whole document when there is none).
    let region = main_element(&lower).unwrap_or(0..html.len());
    let mut saw_h1 = false;
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
            if BLOCK.contains(&name.as_str()) && region.contains(&i) {
                out.push('\n');
                saw_h1 |= !closing && name == "h1";
            }
            i = tag_end;
            continue;
        }
        let next = lower[i..].find('<').map(|p| i + p).unwrap_or(b.len());
        // (The region's bounds are tag edges: a run of text lies wholly inside or outside.)
        if region.contains(&i) {
            out.push_str(&decode(&html[i..next]));
        }
        i = next;
    }
    tidy(if saw_h1 { "" } else { &title }, &out)
}

/// Where the content of the page's article lies in `lower` (the document in ASCII lower
/// case): the longest `<article>` element, else the first `<main>`; `None` when it has
/// neither. Linear: each opening tag is paired by bisection with the first closing tag after it.
fn main_element(lower: &str) -> Option<std::ops::Range<usize>> {
    let element = |name: &str| -> Option<std::ops::Range<usize>> {
        let open = format!("<{name}");
        let close = format!("</{name}");
        // An opening tag is the name followed by '>' or white space ("<articles" is not one).
        let opens: Vec<usize> = lower.match_indices(&open).map(|(p, _)| p).filter(|&p| lower.as_bytes().get(p + open.len()).is_some_and(|c| *c == b'>' || c.is_ascii_whitespace())).collect();
        let closes: Vec<usize> = lower.match_indices(&close).map(|(p, _)| p).collect();
        // (An opening tag inside another's attributes is none: each scan for a tag's end
        // starts past the last one, so that together they read the text once.)
        let mut scanned = 0;
        let mut best: Option<std::ops::Range<usize>> = None;
        for &p in &opens {
            if p < scanned {
                continue;
            }
            let Some(end) = find_tag_end(lower, p + 1) else { break };
            scanned = end + 1;
            let c = closes.partition_point(|&c| c < scanned);
            if let Some(&close) = closes.get(c) {
                if best.as_ref().is_none_or(|b| close - scanned > b.len()) {
                    best = Some(scanned..close);
                }
            }
        }
        best
    };
    element("article").or_else(|| element("main")).filter(|r| !r.is_empty())
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
    fn a_page_gives_its_article_alone() {
        let page = "<html><head><title>Floods in Hanoi | The Daily Site</title></head><body><header><a href=/>The Daily Site</a><nav><a>World</a><a>Sport</a></nav></header><main><article><h1>Floods in Hanoi</h1><p>Three people died.</p><aside>Read more: Storms</aside></article><article><p>A comment.</p></article></main><footer>© 2024 The Daily Site</footer></body></html>";
        assert_eq!(html_to_text(page), "Floods in Hanoi\n\nThree people died.");
        // No article element: the main one; no h1: the title heads the text.
        let page = "<title>Tin nóng</title><div>Menu</div><main><p>Hà Nội mưa lớn.</p></main><footer>Liên hệ</footer>";
        assert_eq!(html_to_text(page), "Tin nóng\n\nHà Nội mưa lớn.");
        // Neither: the whole body, without navigation and footer.
        assert_eq!(html_to_text("<nav>Home</nav><h1>Headline</h1><p>Text.</p><footer>©</footer>"), "Headline\n\nText.");
        // An article never closed is no region; "<articles>" is no article.
        assert_eq!(html_to_text("<p>Before</p><article><p>Open"), "Before\n\nOpen");
        assert_eq!(html_to_text("<articles>x</articles><p>y</p>"), "x\n\ny");
    }

    #[test]
    fn hostile_markup_becomes_inert_text() {
        let t = html_to_text("<img src=x onerror=alert(1)><p>Hello</p><iframe src=evil></iframe>");
        assert_eq!(t, "Hello");
    }
}
