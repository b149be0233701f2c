//! Organizations built on a head word, the outlet of a dateline, road codes, and acronyms
//! given in parentheses after a name.
//!
//! A head ("Bộ Quốc phòng", "Công an", "quân đội", "trường", "UBND") takes a tail of up to
//! four parts: a place or organization already found ("Azerbaijan", "Taliban"), an
//! administrative unit ("huyện Krông Pa", or a bare "tỉnh"), another head ("Công an" in
//! "Phòng PC45 Công an tỉnh"), a capitalised name or acronym ("PCCC", "Dân tộc nội trú"), or
//! up to three lower-case descriptor words before one of those ("phổ thông", "thời tiết").
//! The tail stops at linking words and verbs ("tại", "và", "cho biết") and after a place.
//! Heads marked
//! standalone ("Bộ Quốc phòng", "Hạt kiểm lâm") are names even without a tail when written
//! capitalised; the others ("quân đội", "chính phủ") need a named tail.

use super::context::{title_case, Ctx};
use super::lexicon::Role;
use super::names::{name_run_end, vietnamese_full_name};
use super::mention::Mention;
use crate::model::EntityType;
use crate::text::language::Language;
use crate::text::Document;

/// Words for troops: "quân chính phủ" is "government troops", not the government.
const TROOPS: &[&str] = &["quân", "lính", "binh", "troops", "forces"];

fn stops(ctx: &Ctx, k: usize) -> bool {
    let t = &ctx.tk[k];
    // A name's tail never runs into the next sentence or line ("Tỉnh ủy Đăk Lăk\nChiều…").
    // A capitalised syllable is part of a name, whatever it means in lower case ("Tổng cục An
    // ninh", "hãng xe Phương Trang"), and so is the rest of a compound ("Hàng không").
    t.noise || t.sentence_start || (ctx.is_tail_stop(k) && !t.cap && !ctx.inside_compound(k)) || (!t.word && !t.number)
}

/// A lower-case word that may go on a name's tail: not a linking word, not punctuation, not
/// an administrative unit (which starts a tail part of its own), not a function word ("yêu
/// cầu": "Sở Y tế yêu cầu …" ends at "tế").
fn lower_word(ctx: &Ctx, d: usize) -> bool {
    ctx.tk[d].word && !ctx.tk[d].cap && !stops(ctx, d) && ctx.role_at(d, &[Role::LocPrefix, Role::Function]).is_none()
}

/// What joins two fields of one body's name: "và", "&", a dash.
const FIELD_JOINERS: &[&str] = &["và", "&", "-", "–"];

/// Vietnamese: "và" or a dash between two fields of one body's name goes on with the name
/// ("Bộ Tài nguyên và Môi trường", "Trường ĐH Kinh doanh và Công nghệ", "Liên Bộ Tài chính -
/// Công Thương"): the word after it is capitalised and starts no other name (a head, a
/// place word, a title, a known place or organization, a person's full name), so it is not
/// a second body ("Bộ Tài chính và Bộ Công Thương").
fn joins_fields(ctx: &Ctx, k: usize, end: Option<usize>, named_at: &rustc_hash::FxHashMap<usize, (usize, EntityType)>) -> bool {
    let next = k + 1;
    ctx.lang == Language::Vi
        && end == Some(k)
        && ctx.key_is(k, FIELD_JOINERS)
        && !ctx.tk[k].sentence_start
        && next < ctx.len()
        && ctx.tk[next].cap
        && !ctx.tk[next].upper
        && !ctx.tk[next].sentence_start
        && ctx.introduces_name(next).is_none()
        && !named_at.contains_key(&next)
        && vietnamese_full_name(ctx, next).is_none()
}

pub fn find(ctx: &Ctx, out: &mut Vec<Mention>) {
    let n = ctx.len();
    // Longest place or organization starting at each token, for tails.
    let mut named_at: rustc_hash::FxHashMap<usize, (usize, EntityType)> = rustc_hash::FxHashMap::default();
    for m in out.iter().filter(|m| matches!(m.kind, EntityType::Location | EntityType::Organization)) {
        let e = named_at.entry(m.tokens.start).or_insert((m.tokens.end, m.kind));
        if m.tokens.end > e.0 {
            *e = (m.tokens.end, m.kind);
        }
    }
    let mut orgs: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < n {
        let Some((len, role)) = ctx.role_at(i, &[Role::OrgHead, Role::OrgStandalone]) else {
            i += 1;
            continue;
        };
        // "quân chính phủ Azerbaijan" (government troops): a group of fighters, not a name;
        // "Bộ trưởng", "Vụ trưởng Vụ …": a longer title starting on the head is a person's.
        let title = ctx.role_at(i, &[Role::PersonTitle, Role::PersonTitleKept]).is_some_and(|(l, _)| l > len);
        if title || (i > 0 && ctx.key_is(i - 1, TROOPS)) {
            i += len;
            continue;
        }
        let mut k = i + len;
        let mut end = None;
        let mut parts = 0;
        // The head took only lower-case words so far ("Ban giám hiệu …").
        let mut described = false;
        while k < n && parts < 4 && (!stops(ctx, k) || joins_fields(ctx, k, end, &named_at)) {
            if end.is_some() && ctx.key_is(k, FIELD_JOINERS) {
                k += 1;
                continue;
            }
            if let Some(&(e, kind)) = named_at.get(&k) {
                // "Ban giám hiệu Trường Tiểu học X", "lãnh đạo Tập đoàn Y": a group within an
                // organization named after it; the organization is the name.
                if described && end.is_none() && kind == EntityType::Organization {
                    break;
                }
                k = e;
                end = Some(k);
                if kind == EntityType::Location {
                    break; // a place closes the name: what follows is someone else ("… Nga Maria Zakharova")
                }
            } else if let Some((l, r)) = ctx.role_at(k, &[Role::LocPrefix, Role::OrgHead, Role::OrgStandalone]) {
                if described && end.is_none() && r != Role::LocPrefix {
                    break;
                }
                k += l;
                if r == Role::LocPrefix {
                    end = Some(k); // "Công an tỉnh", "Hạt kiểm lâm huyện"
                }
            } else if ctx.is_name_word(k) {
                // A person named after the body ("Ban Bí thư Nguyễn Văn A") is not its name.
                if ctx.lang == Language::Vi && end.is_some() && vietnamese_full_name(ctx, k).is_some() {
                    break;
                }
                let run = name_run_end(ctx, k).max(k + 1);
                // One capitalised syllable, alone or after an acronym ("ĐH Kinh doanh", "CP Xây
                // dựng"): a Vietnamese name's first, its word may go on.
                let one_syllable = run == k + 1 || (run == k + 2 && ctx.tk[k].upper);
                k = if ctx.lang == Language::Vi && one_syllable && !ctx.tk[run - 1].upper { lowercase_completion(ctx, run) } else { run };
                end = Some(k);
            } else {
                let mut d = k;
                while d < n && d - k < 3 && lower_word(ctx, d) {
                    d += 1;
                }
                let named_next = d < n && (ctx.is_name_word(d) || ctx.role_at(d, &[Role::LocPrefix]).is_some() || named_at.contains_key(&d));
                if d > k && named_next {
                    described |= parts == 0;
                    k = d;
                } else {
                    break;
                }
            }
            parts += 1;
        }
        let standalone = role == Role::OrgStandalone && ctx.tk[i].cap && (!ctx.tk[i].initial || (len >= 2 && ctx.tk[i + 1].cap));
        match end.or(standalone.then_some(i + len)) {
            Some(e) => {
                orgs.push(Mention::strong(i..e, EntityType::Organization, title_case(&ctx.join(i..e))));
                i = e;
            }
            None => i += len,
        }
    }
    // An organization replaces a guess of a person over its own words (spans are sorted).
    out.retain(|m| {
        if m.kind != EntityType::Person {
            return true;
        }
        let k = orgs.partition_point(|o| o.tokens.end <= m.tokens.start);
        !orgs.get(k).is_some_and(|o| o.tokens.start <= m.tokens.start && m.tokens.end <= o.tokens.end && (m.weak || m.tokens.start > o.tokens.start))
    });
    out.extend(orgs);
}

/// Most lower-case syllables that may complete a Vietnamese name's last word.
const MAX_COMPLETION: usize = 3;

/// Where a Vietnamese organization's name ends when its capitalised syllable at `k - 1` goes
/// on in lower case: the convention capitalises only a name's first syllable ("Bộ Giao thông
/// vận tải", "Ngân hàng Nhà nước", "Vụ Giáo dục đại học"). Up to three lower-case syllables
/// are taken when they run to a boundary (a linking word or verb, punctuation, a capitalised
/// word, an administrative unit, the sentence's end); a longer run takes one syllable, the
/// rest of the word begun ("Bộ Y tế khuyến cáo người dân…" is "Bộ Y tế").
pub(super) fn lowercase_completion(ctx: &Ctx, k: usize) -> usize {
    let n = ctx.len();
    let mut d = k;
    while d < n && d - k <= MAX_COMPLETION && lower_word(ctx, d) && !ctx.tk[d].sentence_start {
        d += 1;
    }
    match d - k {
        0 => k,
        run if run <= MAX_COMPLETION => d,
        _ => k + 1,
    }
}

/// The top-level domains of news sites' names ("Military.com", "VnExpress.net", "ANTD.VN").
const NEWS_DOMAINS: &[&str] = &["com", "net", "org", "vn", "info", "news", "tv"];

/// A site named by its domain ("Military.com", "Politico.com", "Zing.vn") is an organization,
/// when its name starts capitalised (not "google.com" in a URL of running text).
pub fn web_outlets(ctx: &Ctx, covered: &mut [bool], out: &mut Vec<Mention>) {
    for (i, t) in ctx.tk.iter().enumerate() {
        if !t.word || t.noise || covered[i] || !t.cap {
            continue;
        }
        let Some((name, tld)) = t.text.rsplit_once('.') else { continue };
        if name.chars().count() >= 2 && name.chars().all(|c| c.is_alphanumeric() || c == '-') && NEWS_DOMAINS.contains(&tld.to_lowercase().as_str()) {
            out.push(Mention::strong(i..i + 1, EntityType::Organization, t.text.to_string()));
            covered[i] = true;
        }
    }
}

/// Road codes: Vietnamese national and provincial roads ("QL13", "ĐT741") and US
/// interstates ("I-95") are places.
pub fn road_codes(ctx: &Ctx, covered: &mut [bool], out: &mut Vec<Mention>) {
    for (i, t) in ctx.tk.iter().enumerate() {
        // (A road's code opens with a capital and holds a digit: most words are let go at once.)
        if !t.word || t.noise || !t.cap {
            continue;
        }
        let s = t.text;
        let digits = |rest: &str| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) && rest.starts_with(|c: char| c.is_ascii_digit());
        let road = ["QL", "ĐT", "DT", "TL"].iter().any(|p| s.strip_prefix(p).is_some_and(digits)) || s.strip_prefix("I-").is_some_and(digits);
        if road && !covered[i] {
            out.push(Mention::strong(i..i + 1, EntityType::Location, s.to_string()));
            covered[i] = true;
        }
    }
}

/// "ANTD.VN - …", "(Dân trí) - …", "MOSCOW (Reuters) - …": the outlet at the start of the
/// article's first body line (or in parentheses before a dash at any line's start).
pub fn dateline(ctx: &Ctx, doc: &Document, out: &mut Vec<Mention>) {
    let text = doc.text();
    // The first line that is neither the headline nor noise.
    let mut body_line_start = None;
    let mut seen_headline = false;
    for r in doc.lines() {
        if text[r.clone()].trim().is_empty() || doc.in_noise(&r) {
            continue;
        }
        if !seen_headline {
            seen_headline = true;
            continue;
        }
        body_line_start = Some(r.start);
        break;
    }
    let newlines: Vec<usize> = text.match_indices('\n').map(|(p, _)| p).collect();
    // Mentions by first token, and the spans already taken: an article may hold a dateline on
    // every line, and each is settled with a few look-ups, not a pass over all mentions.
    let mut by_start: rustc_hash::FxHashMap<usize, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (idx, m) in out.iter().enumerate() {
        by_start.entry(m.tokens.start).or_default().push(idx);
    }
    // (Only organizations: any other reading of an outlet's exact span is dropped below.)
    let mut spans: rustc_hash::FxHashSet<std::ops::Range<usize>> = out.iter().filter(|m| m.kind == EntityType::Organization).map(|m| m.tokens.clone()).collect();
    let mut dropped = vec![false; out.len()];
    let mut outlets = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if i == 0 || !matches!(ctx.tk[i].text, "-" | "–" | "—") {
            continue;
        }
        let nl = newlines.partition_point(|&p| p < t.range.start);
        let line_start = if nl == 0 { 0 } else { newlines[nl - 1] + 1 };
        let first = doc.tokens.partition_point(|x| x.range.start < line_start);
        if i == first || i - first > 5 {
            continue;
        }
        let parens = ctx.tk[i - 1].text == ")";
        if !parens && Some(line_start) != body_line_start {
            continue;
        }
        let (a, b) = match (first..i).find(|&k| ctx.tk[k].text == "(") {
            Some(p) if parens => (p + 1, i - 1),
            _ => (first, i),
        };
        if a >= b || !ctx.tk[a].cap || !(a..b).all(|k| ctx.tk[k].word) {
            continue;
        }
        // Other readings inside the outlet's name go.
        for idx in (a..b).filter_map(|s| by_start.get(&s)).flatten() {
            let m = &out[*idx];
            if m.tokens.end <= b && m.kind != EntityType::Organization {
                dropped[*idx] = true;
            }
        }
        if spans.insert(a..b) {
            outlets.push(Mention::strong(a..b, EntityType::Organization, ctx.join(a..b)));
        }
    }
    let mut idx = 0;
    out.retain(|_| {
        idx += 1;
        !dropped[idx - 1]
    });
    out.extend(outlets);
}

/// "(ISCAP)" right after a name whose initials spell it is another mention of that name.
pub fn acronyms(ctx: &Ctx, out: &mut Vec<Mention>) {
    let mut extra = Vec::new();
    for m in out.iter() {
        let e = m.tokens.end;
        if e + 2 < ctx.len() && ctx.tk[e].text == "(" && ctx.tk[e + 2].text == ")" && ctx.tk[e + 1].upper {
            let initials: String = m.tokens.clone().filter_map(|k| ctx.tk[k].text.chars().next()).filter(|c| c.is_uppercase()).collect();
            if initials == ctx.tk[e + 1].text {
                extra.push(Mention::strong(e + 1..e + 2, m.kind, m.canonical.clone()));
            }
        }
    }
    out.extend(extra);
}
