//! Page noise: text that came with the article but is not part of it.
//!
//! Two kinds are seen in real scraped articles: the residue of an embedded text-to-speech
//! player ("0:00 / 0:00", "0:00", then a list of voices such as "• Nam miền Bắc"), and image
//! captions printed twice (a line that repeats one of the few lines before it word for word,
//! often without its final full stop: a caption beside the paragraph it illustrates). Noise is reported so the page can mute it, and no extractor looks
//! inside it.

use std::ops::Range;

/// How many preceding non-empty lines a repeated caption is looked for in.
const RECENT_LINES: usize = 8;

/// Byte ranges of the noise lines of `text` (each a whole line, without its line break).
pub fn find_noise(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // The last few non-empty lines: a caption repeats something close by.
    let mut recent: std::collections::VecDeque<&str> = std::collections::VecDeque::with_capacity(RECENT_LINES);
    let mut after_player = false;
    let mut offset = 0;
    for raw in text.split('\n') {
        let start = offset;
        offset += raw.len() + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let range = start + lead..start + lead + line.len();
        if is_player_time(line) {
            after_player = true;
            out.push(range);
            continue;
        }
        if after_player && is_voice_choice(line) {
            out.push(range);
            continue;
        }
        after_player = false;
        let key = line.trim_end_matches(['.', ' ']);
        // (Equal lines are rare: compared first, the words of most lines are never counted.)
        if recent.contains(&key) && key.split_whitespace().count() >= 5 {
            out.push(range);
            continue;
        }
        if recent.len() == RECENT_LINES {
            recent.pop_front();
        }
        recent.push_back(key);
    }
    out
}

/// "0:00", "0:00 / 0:00", "12:34 / 1:02:03".
fn is_player_time(line: &str) -> bool {
    !line.is_empty()
        && line.split('/').all(|part| {
            let p = part.trim();
            !p.is_empty() && p.contains(':') && p.split(':').all(|d| !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// A short bullet line right after a player, such as "• Nữ miền Nam" (a voice to read with).
fn is_voice_choice(line: &str) -> bool {
    let body = line.trim_start_matches(['•', '·', '-', '*', ' ']);
    body.len() < line.len() && body.split_whitespace().count() <= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_player_residue_and_repeated_caption() {
        let t = "Headline\n\n0:00 / 0:00\n0:00\n  • Nam miền Bắc\n  • Nữ miền Nam\nANTD.VN - Body text.\nKhói lửa bốc lên sau một cuộc tấn công, ngày 4-10-2020\n\nKhói lửa bốc lên sau một cuộc tấn công, ngày 4-10-2020\n\nMore body.";
        let noise: Vec<&str> = find_noise(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(noise, vec!["0:00 / 0:00", "0:00", "• Nam miền Bắc", "• Nữ miền Nam", "Khói lửa bốc lên sau một cuộc tấn công, ngày 4-10-2020"]);
        // The first caption is kept; only the repeat is noise.
        let first = t.find("Khói").unwrap();
        assert!(find_noise(t).iter().all(|r| r.start != first));
    }

    #[test]
    fn caption_repeating_a_paragraph_without_its_stop() {
        let t = "The residents were ordered to abandon their homes, witnesses said.\n\nThe residents were ordered to abandon their homes, witnesses said";
        assert_eq!(find_noise(t).len(), 1);
    }

    #[test]
    fn bullets_elsewhere_are_not_noise() {
        let t = "Danh sách:\n• Nguyễn Văn A\n• Trần Văn B";
        assert!(find_noise(t).is_empty());
        assert!(!is_player_time("10:30 sáng"));
    }
}
