//! Sentence segmentation for Vietnamese and English news text.
//!
//! A line break always ends a sentence (news bodies put one paragraph per line, and headlines
//! and captions carry no full stop). Inside a line, `.`, `!`, `?` or `…` (with any closing
//! quotes or brackets after it) ends a sentence when white space follows, whatever comes
//! next (an upper-case letter, a digit, a quote, a bullet, an emoji or a lower-case word),
//! unless the word before the full stop is an abbreviation ("Mr.", "Gen.", "TP.", "U.S.",
//! "v.v.") or a lone initial ("J. Smith"). Decimals ("1.234", "2,5") and dates ("4-10-2020",
//! "22.5") never contain white space after the dot, so they are never split.
//!
//! No sentence is longer than [`MAX_SENTENCE_BYTES`]: a longer run without a break (a
//! transcript, a list without full stops, text with no punctuation at all) is cut into
//! windows at a clause break or between words. The extractors pair things inside a sentence
//! (a figure with its outcome word, a date with the speech verb before it), so this bound is
//! what keeps their work proportional to the length of the text whatever its punctuation.

use std::ops::Range;

/// Abbreviations that end in a full stop without ending the sentence (compared
/// case-sensitively, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cpt", "Maj", "Adm",
    "Gov", "Sen", "Rep", "Rev", "St", "Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "No", "Nos", "Vol",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs",
    "etc", "Mt", "Ft", "approx", "TP", "Tp", "Th", "ThS", "TS", "PGS", "GS", "BS", "KS", "Q",
    "P", "H", "TT", "Ths", "Bros", "Ave", "Rd", "Blvd",
];

/// The abbreviations above that stand last in a name, so that the name ends on their full
/// stop: "First Albany Corp.", "Martin Luther King Jr.", "Eighth St.", "Warner Bros.".
const NAME_ENDINGS: &[&str] = &["St", "Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "Mt", "Ft", "Bros", "Ave", "Rd", "Blvd"];

/// Whether `word` (as written, without its full stop) is an abbreviation that ends a name.
pub fn ends_names(word: &str) -> bool {
    NAME_ENDINGS.contains(&word)
}

/// The longest sentence, in bytes of the NFC text. The longest real sentence of the
/// development set's 62 articles is 624 bytes; a window this long holds about 170 English or
/// 230 Vietnamese words.
pub const MAX_SENTENCE_BYTES: usize = 1_000;

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '»'];

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space; empty lines
/// produce no sentence.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (i, _) in text.match_indices('\n') {
        split_line(text, line_start, i, &mut out);
        line_start = i + 1;
    }
    split_line(text, line_start, text.len(), &mut out);
    out
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// The sentences of one line. The scan jumps from one possible terminator to the next by
/// bytes (`.` `!` `?` and the first byte of `…`, which is never inside another character) and
/// reads characters only there: most of a line is words.
fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[start..end];
    let char_at = |p: usize| line[p..].chars().next();
    let mut sent_start = 0;
    let mut p = 0;
    while let Some(off) = line.as_bytes()[p..].iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2)) {
        let b = p + off;
        let Some(c) = char_at(b) else { break };
        if !is_terminator(c) {
            p = b + c.len_utf8();
            continue;
        }
        // Swallow repeated terminators and closing quotes/brackets.
        let mut j = b + c.len_utf8();
        while let Some(d) = char_at(j).filter(|&d| is_terminator(d) || CLOSERS.contains(&d)) {
            j += d.len_utf8();
        }
        let lone = j == b + c.len_utf8();
        // Need white space, then anything: the next sentence.
        let mut w = j;
        while let Some(d) = char_at(w).filter(|d| d.is_whitespace()) {
            w += d.len_utf8();
        }
        if w > j && w < line.len() && !(c == '.' && lone && is_abbreviation(&line[..b])) {
            push_trimmed(text, start + sent_start, start + j, out);
            sent_start = w;
        }
        p = w.max(j);
    }
    push_trimmed(text, start + sent_start, end, out);
}

/// Whether the word that ends `before` (the text up to a full stop) is an abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Dotted acronyms: "U.S", "U.N", "a.m", "p.m".
    if word.contains('.') {
        return word.split('.').all(|p| p.chars().count() <= 2);
    }
    let mut cs = word.chars();
    let first = cs.next();
    // A lone capital letter is an initial ("J. K. Rowling").
    if cs.next().is_none() && first.is_some_and(|c| c.is_uppercase()) {
        return true;
    }
    ABBREVIATIONS.contains(&word)
}

/// Pushes `text[s..e]` trimmed of white space, cut into windows of at most
/// [`MAX_SENTENCE_BYTES`] when longer.
fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail >= piece.len() {
        return;
    }
    let (mut s, e) = (s + lead, e - trail);
    while e - s > MAX_SENTENCE_BYTES {
        let cut = window_end(text, s);
        out.push(s..cut);
        s = cut + text[cut..e].len() - text[cut..e].trim_start().len();
    }
    if s < e {
        out.push(s..e);
    }
}

/// Where the window that starts at `s` ends: after the last clause break (`,` `;` `:` and
/// white space) in the second half of [`MAX_SENTENCE_BYTES`], else at the last white space,
/// else (one huge word) at a character boundary. Always past `s`; the caller knows the text
/// goes on beyond `s + MAX_SENTENCE_BYTES`.
fn window_end(text: &str, s: usize) -> usize {
    let limit = super::floor_char_boundary(text, s + MAX_SENTENCE_BYTES);
    let window = &text[s..limit];
    let half = MAX_SENTENCE_BYTES / 2;
    let clause = window.rmatch_indices([',', ';', ':']).map(|(i, _)| i).take_while(|&i| i >= half).find(|&i| window[i + 1..].starts_with(char::is_whitespace));
    if let Some(i) = clause {
        return s + i + 1;
    }
    match window.rfind(char::is_whitespace).filter(|&i| i > 0) {
        // Trimmed: the white space is not part of the window.
        Some(i) => s + window[..i].trim_end().len().max(1),
        None => limit.max(s + text[s..].chars().next().map_or(1, char::len_utf8)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split_sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn splits_vietnamese_sentences() {
        let t = "Ít nhất 4 người đã thiệt mạng. Theo Reuters, siêu bão Goni đã suy yếu hôm nay, 1/11.";
        assert_eq!(sents(t), vec!["Ít nhất 4 người đã thiệt mạng.", "Theo Reuters, siêu bão Goni đã suy yếu hôm nay, 1/11."]);
    }

    #[test]
    fn keeps_decimals_and_dates() {
        let t = "Tờ Le Monde ngày 22.5 dẫn thông cáo. Thiệt hại 1.234 tỷ đồng ngày 4-10-2020.";
        assert_eq!(sents(t).len(), 2);
        assert_eq!(sents(t)[0], "Tờ Le Monde ngày 22.5 dẫn thông cáo.");
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        let t = "Mr. Smith met Gen. Jones in the U.S. on Monday. J. K. Rowling was there.";
        assert_eq!(sents(t), vec!["Mr. Smith met Gen. Jones in the U.S. on Monday.", "J. K. Rowling was there."]);
        let v = "Ông đến TP. Hồ Chí Minh. Sau đó ông về.";
        assert_eq!(sents(v).len(), 2);
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let t = "He said: \"It is over.\" Then he left.";
        assert_eq!(sents(t), vec!["He said: \"It is over.\"", "Then he left."]);
        let v = "“Hãy dừng lại.” Ông nói.";
        assert_eq!(sents(v), vec!["“Hãy dừng lại.”", "Ông nói."]);
    }

    #[test]
    fn lines_are_sentences() {
        let t = "Headline without stop\n\nBody one. Body two\n";
        assert_eq!(sents(t), vec!["Headline without stop", "Body one.", "Body two"]);
    }

    #[test]
    fn abbreviations_before_lower_case_do_not_split() {
        assert_eq!(sents("Xe, máy, v.v. đều hỏng.").len(), 1);
        assert_eq!(sents("Officials in the U.S. said so.").len(), 1);
    }

    #[test]
    fn any_start_after_a_full_stop_splits() {
        assert_eq!(sents("😀 Một câu. 😀 Câu sau."), vec!["😀 Một câu.", "😀 Câu sau."]);
        assert_eq!(sents("ông an đến. bà bình về."), vec!["ông an đến.", "bà bình về."]);
        assert_eq!(sents("It ended. 3 people left. • Next"), vec!["It ended.", "3 people left.", "• Next"]);
    }

    #[test]
    fn long_runs_are_cut_into_windows() {
        let words = "một hai ba bốn năm sáu bảy tám chín mười ".repeat(200);
        let ss = split_sentences(&words);
        assert!(ss.len() > 1);
        for r in &ss {
            assert!(r.len() <= MAX_SENTENCE_BYTES, "{}", r.len());
            assert_eq!(words[r.clone()].trim(), &words[r.clone()]);
        }
        // Nothing but white space is lost between windows.
        let joined: String = ss.iter().map(|r| &words[r.clone()]).collect::<Vec<_>>().join(" ");
        assert_eq!(joined, words.trim());
        // At a clause break when there is one in the second half of the window.
        let clauses = "a b c d e f g h i j, ".repeat(200);
        assert!(split_sentences(&clauses).iter().all(|r| clauses[r.clone()].ends_with(',')));
        // One huge word is cut at character boundaries.
        let word = "ệ".repeat(2_000);
        let ws = split_sentences(&word);
        assert!(ws.len() >= 6 && ws.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES && word.is_char_boundary(r.start)));
    }
}
