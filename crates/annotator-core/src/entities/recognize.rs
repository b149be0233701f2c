//! The recognizer: finds entity mentions with gazetteers, trigger words and the shape of
//! names, in passes that may overlap (an organization may hold a location).
//!
//! 1. Gazetteer phrases (countries, cities, Vietnamese divisions, curated lists).
//! 2. Capitalised runs not covered by the gazetteer, split off at function words and
//!    sentence-initial capitals that the document shows to be ordinary words.
//! 3. Each run is classified by what stands before it (a title, an administrative prefix, a
//!    preposition of place, a media word), what ends it (an English suffix such as "County" or
//!    "Ministry") and its shape (a Vietnamese family name first).
//! 4. Organization phrases built on heads ("Bộ Quốc phòng Azerbaijan", "UBND xã Đông Tiến").
//! 5. A dateline prefix ("ANTD.VN - ", "(Dân trí) - ") names the outlet.

use std::collections::HashSet;
use std::ops::Range;

use super::fold::key;
use super::lexicon::{longest_match, Known, Lexicon, PhraseIndex, Role};
use crate::model::EntityType;
use crate::text::language::Language;
use crate::text::tokens::TokenKind;
use crate::text::Document;

/// One mention before entities are merged. `tokens` indexes `Document::tokens`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub tokens: Range<usize>,
    pub kind: EntityType,
    pub canonical: String,
}

/// Per-token facts the rules read.
pub(crate) struct Tk<'a> {
    pub text: &'a str,
    pub key: String,
    pub cap: bool,
    pub upper: bool,
    pub word: bool,
    pub initial: bool,
    pub noise: bool,
}

pub(crate) fn token_facts<'a>(doc: &'a Document) -> Vec<Tk<'a>> {
    let text = doc.text();
    let mut out: Vec<Tk<'a>> = Vec::with_capacity(doc.tokens.len());
    let mut sent = 0usize;
    let mut seen_word_in_sentence = false;
    for t in &doc.tokens {
        while sent < doc.sentences.len() && doc.sentences[sent].end <= t.range.start {
            sent += 1;
            seen_word_in_sentence = false;
        }
        let s = t.text(text);
        let word = t.kind == TokenKind::Word;
        let alpha: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
        let cap = word && s.chars().next().is_some_and(char::is_uppercase);
        let upper = word && alpha.len() >= 2 && alpha.iter().all(|c| c.is_uppercase());
        let initial = (word || t.kind == TokenKind::Number) && !seen_word_in_sentence;
        if word || t.kind == TokenKind::Number {
            seen_word_in_sentence = true;
        }
        // A list number ("1.") or a dash at the start of a line opens a new "sentence".
        if t.kind == TokenKind::Punct && matches!(s, ":" | "“" | "\"" | "•" | "–" | "—") {
            seen_word_in_sentence = false;
        }
        out.push(Tk { text: s, key: key(s), cap, upper, word, initial, noise: doc.in_noise(&t.range) });
    }
    out
}

struct Ctx<'a> {
    tk: Vec<Tk<'a>>,
    keys: Vec<String>,
    lex: &'static Lexicon,
    triggers: &'static PhraseIndex<(Role, bool)>,
    lang: Language,
    /// Keys of words seen in lower case somewhere in the document.
    lowercase_seen: HashSet<String>,
    /// Keys of words seen capitalised away from a sentence start.
    midcap_seen: HashSet<String>,
}

impl<'a> Ctx<'a> {
    fn role_at(&self, i: usize, want: &[Role]) -> Option<(usize, Role, bool)> {
        longest_match(self.triggers, &self.keys, i, |&(r, cap), n| {
            want.contains(&r) && (!cap || self.tk[i].cap) && (i..i + n).all(|j| !self.tk[j].noise)
        })
        .map(|(n, &(r, c))| (n, r, c))
    }

    /// A trigger of one of `want` roles that ends right before token `end`.
    fn role_ending_at(&self, end: usize, want: &[Role]) -> Option<(usize, Role)> {
        (1..=4.min(end)).rev().find_map(|n| {
            let s = end - n;
            self.role_at(s, want).filter(|&(len, _, _)| len == n).map(|(_, r, _)| (s, r))
        })
    }

    fn is_function(&self, i: usize) -> bool {
        self.role_at(i, &[Role::Function]).is_some_and(|(n, _, _)| n == 1)
    }

    fn is_name_word(&self, i: usize) -> bool {
        let t = &self.tk[i];
        !t.noise && ((t.word && (t.cap || t.upper)) || (t.word && t.text.chars().any(|c| c.is_ascii_digit()) && t.text.chars().next().is_some_and(char::is_uppercase)))
    }
}

fn gazetteer_at(ctx: &Ctx, i: usize) -> Option<(usize, &'static Known)> {
    let t = &ctx.tk[i];
    if !t.word || t.noise {
        return None;
    }
    longest_match(&ctx.lex.gazetteer, &ctx.keys, i, |k: &Known, n| {
        let surface_ok = match &k.exact {
            Some(exact) => {
                let s: Vec<&str> = (i..i + n).map(|j| ctx.tk[j].text).collect();
                s.join(" ") == *exact || s.concat() == *exact
            }
            None => t.cap || k.canonical.chars().next().is_some_and(char::is_lowercase) || !ctx.tk[i].text.chars().next().is_some_and(char::is_alphabetic),
        };
        // Every word of a capitalised name must be capitalised in the text too ("Hà Nội", not "hà nội").
        let words_ok = (i..i + n).all(|j| !ctx.tk[j].noise && (ctx.tk[j].cap || !ctx.tk[j].word || k.exact.is_none() && !ctx.tk[i].cap));
        surface_ok && (words_ok || k.exact.is_none() && t.cap && (i + 1..i + n).all(|j| !ctx.tk[j].noise))
    })
}

/// All mentions of the document.
pub fn recognize(doc: &Document) -> Vec<Mention> {
    let lex = Lexicon::get();
    let tk = token_facts(doc);
    let keys: Vec<String> = tk.iter().map(|t| t.key.clone()).collect();
    let mut lowercase_seen = HashSet::new();
    let mut midcap_seen = HashSet::new();
    for t in &tk {
        if t.word && !t.cap {
            lowercase_seen.insert(t.key.clone());
        } else if t.cap && !t.initial {
            midcap_seen.insert(t.key.clone());
        }
    }
    let ctx = Ctx { keys, lex, triggers: &lex.triggers[&doc.language], lang: doc.language, tk, lowercase_seen, midcap_seen };
    let n = ctx.tk.len();
    let mut out: Vec<Mention> = Vec::new();

    // Pass 1: gazetteer phrases.
    let mut covered = vec![false; n];
    let mut i = 0;
    while i < n {
        if let Some((len, k)) = gazetteer_at(&ctx, i) {
            // A trigger word that is also a gazetteer word ("Total") is left to the triggers.
            out.push(Mention { tokens: i..i + len, kind: k.kind, canonical: k.canonical.clone() });
            covered[i..i + len].iter_mut().for_each(|c| *c = true);
            i += len;
        } else {
            i += 1;
        }
    }

    // Pass 2+3: capitalised runs outside the gazetteer, classified by context.
    let mut i = 0;
    while i < n {
        if covered[i] || !ctx.is_name_word(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            if j < n && !covered[j] && ctx.is_name_word(j) && !ctx.tk[j].initial {
                j += 1;
            } else if ctx.lang == Language::En
                && j + 1 < n
                && !covered[j + 1]
                && ctx.role_at(j, &[Role::Connector]).is_some_and(|(l, _, _)| l == 1)
                && ctx.is_name_word(j + 1)
            {
                j += 2;
            } else {
                break;
            }
        }
        if let Some(m) = classify_run(&ctx, i, j, &out) {
            out.push(m);
        }
        i = j;
    }

    // Pass 4: organization phrases on heads.
    organizations(&ctx, &mut out);
    // Pass 5: the dateline's outlet.
    dateline(&ctx, doc, &mut out);
    // Parenthesised acronyms of a name just before ("… Province (ISCAP)").
    acronyms(&ctx, &mut out);
    out
}

fn title_case(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn join(ctx: &Ctx, r: Range<usize>, doc_text_spacing: bool) -> String {
    let _ = doc_text_spacing;
    r.map(|k| ctx.tk[k].text).collect::<Vec<_>>().join(" ")
}

fn looks_vietnamese(s: &str) -> bool {
    s.chars().any(|c| matches!(c, 'đ' | 'Đ' | 'ă' | 'Ă' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'â' | 'Â' | 'ê' | 'Ê' | 'ô' | 'Ô') || ('\u{C0}'..='\u{1EF9}').contains(&c))
}

/// Decides what the capitalised run `[a, b)` names, from its context and shape.
fn classify_run(ctx: &Ctx, mut a: usize, b: usize, found: &[Mention]) -> Option<Mention> {
    // Ordinary words capitalised at a sentence start are not names.
    while a < b && (ctx.is_function(a) || (ctx.tk[a].initial && ctx.lowercase_seen.contains(&ctx.keys[a]) && !ctx.midcap_seen.contains(&ctx.keys[a]))) {
        if ctx.role_at(a, &[Role::PersonTitle, Role::PersonTitleKept, Role::LocPrefix, Role::LocNamed, Role::OrgHead, Role::OrgStandalone]).is_some() && a + 1 < b {
            // "Tổng thống" / "Thị trấn" at a sentence start: the trigger is handled below.
        }
        a += 1;
    }
    if a >= b {
        return None;
    }
    // Triggers inside the run ("Tổng Azerbaijan"?) are rare; a title at the run's head moves the start.
    if let Some((len, role, _)) = ctx.role_at(a, &[Role::PersonTitle, Role::PersonTitleKept, Role::LocPrefix, Role::LocNamed, Role::LocBare, Role::OrgHead, Role::OrgStandalone, Role::OrgMedia, Role::WeaponHead]) {
        if a + len < b {
            let inner = classify_run(ctx, a + len, b, found)?;
            return Some(match role {
                Role::PersonTitleKept => Mention { tokens: a..inner.tokens.end, kind: EntityType::Person, canonical: join(ctx, a..inner.tokens.end, true) },
                _ => inner,
            });
        }
        if matches!(role, Role::OrgHead | Role::OrgStandalone | Role::LocPrefix | Role::LocNamed | Role::PersonTitle | Role::PersonTitleKept | Role::LocBare | Role::OrgMedia | Role::WeaponHead) {
            return None;
        }
    }
    let single = b - a == 1;
    if single && ctx.tk[a].initial && !ctx.midcap_seen.contains(&ctx.keys[a]) && before_role(ctx, a).is_none() {
        return None;
    }
    let text = join(ctx, a..b, true);
    let mk = |kind| Some(Mention { tokens: a..b, kind, canonical: text.clone() });
    // Context before the run (skipping a gazetteer place: "Tổng thống Azerbaijan Ilham Aliyev").
    if let Some(role) = before_role(ctx, a).or_else(|| {
        found.iter().find(|m| m.tokens.end == a && m.kind == EntityType::Location).and_then(|m| before_role(ctx, m.tokens.start)).filter(|r| *r == Role::PersonTitle)
    }) {
        match role {
            Role::PersonTitle => return mk(EntityType::Person),
            Role::PersonTitleKept => {
                let s = ctx.role_ending_at(a, &[Role::PersonTitleKept]).map(|(s, _)| s).unwrap_or(a);
                return Some(Mention { tokens: s..b, kind: EntityType::Person, canonical: join(ctx, s..b, true) });
            }
            Role::LocPrefix | Role::LocBare | Role::LocNamed => return None, // the place passes handle these
            Role::OrgMedia => return mk(EntityType::Organization),
            Role::WeaponHead if single || ctx.tk[a].text.chars().any(|c| c.is_ascii_digit()) => return mk(EntityType::Weapon),
            _ => {}
        }
    }
    // English suffixes.
    if ctx.lang == Language::En && b - a >= 2 {
        if ctx.role_at(b - 1, &[Role::OrgSuffix]).is_some() {
            return mk(EntityType::Organization);
        }
        if ctx.role_at(b - 1, &[Role::LocSuffix]).is_some() {
            return mk(EntityType::Location);
        }
    }
    if ctx.lang == Language::En && b < ctx.tk.len() && ctx.tk[b].text == "peninsula" {
        return Some(Mention { tokens: a..b + 1, kind: EntityType::Location, canonical: join(ctx, a..b + 1, true) });
    }
    // A Vietnamese name: family name first, two to four syllables.
    let surname = ctx.role_at(a, &[Role::Surname]).is_some();
    if surname && (2..=4).contains(&(b - a)) && (a..b).all(|k| !ctx.tk[k].upper) {
        return mk(EntityType::Person);
    }
    // A place after a preposition of place ("ở Mingachevir", "in Smithfield").
    let prev_is_place_prep = a > 0 && ctx.role_ending_at(a, &[Role::LocPreposition]).is_some();
    // "Ganja - thành phố lớn": an apposition that says what it is.
    let appos = b + 1 < ctx.tk.len() && matches!(ctx.tk[b].text, "-" | "–" | ",") && ctx.role_at(b + 1, &[Role::LocPrefix, Role::LocBare]).is_some();
    if appos {
        return mk(EntityType::Location);
    }
    if single {
        if ctx.tk[a].upper {
            return None;
        }
        if prev_is_place_prep {
            return mk(EntityType::Location);
        }
        // Maybe the surname of a person named in full elsewhere: resolved later.
        return Some(Mention { tokens: a..b, kind: EntityType::Person, canonical: format!("\u{0}{text}") });
    }
    if (a..b).any(|k| ctx.tk[k].upper) {
        return if prev_is_place_prep { mk(EntityType::Location) } else { None };
    }
    if prev_is_place_prep && ctx.lang == Language::En {
        return mk(EntityType::Location);
    }
    if b - a <= 4 && (ctx.lang == Language::En || !looks_vietnamese(&text) || surname) {
        return mk(EntityType::Person);
    }
    if prev_is_place_prep {
        return mk(EntityType::Location);
    }
    None
}

/// The role of the trigger right before token `a`, if any.
fn before_role(ctx: &Ctx, a: usize) -> Option<Role> {
    ctx.role_ending_at(a, &[Role::PersonTitle, Role::PersonTitleKept, Role::LocPrefix, Role::LocNamed, Role::LocBare, Role::OrgMedia, Role::WeaponHead])
        .map(|(_, r)| r)
}

/// Places introduced by a prefix ("xã Phước Lộc", "sông Cầu", "quận 9", "vùng Khizi và
/// Apsheron") and organizations built on a head ("Công an huyện Krông Pa").
fn organizations(ctx: &Ctx, out: &mut Vec<Mention>) {
    let n = ctx.tk.len();
    let stop: HashSet<&str> = ["cho", "biết", "ông", "bà", "đã", "và", "của", "ở", "tại", "với", "trong", "là", "thì", "được", "bị", "đang", "sẽ", "này", "đó", "khi", "để", "về", "có", "không", "nhưng", "vẫn", "cũng", "mới", "vừa", "sau", "trước", "ngày", "hôm", "từ", "the", "and", "of", "in", "said", "on", "a", "an", "to", "for"].into_iter().collect();
    // Places first, so organization tails can use them.
    let mut places: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < n {
        let Some((len, role, _)) = ctx.role_at(i, &[Role::LocPrefix, Role::LocNamed, Role::LocBare]) else {
            // "TP.Kandahar": the prefix glued to the name.
            if let Some(rest) = ctx.tk[i].text.strip_prefix("TP.").filter(|r| r.chars().next().is_some_and(char::is_uppercase)) {
                places.push(Mention { tokens: i..i + 1, kind: EntityType::Location, canonical: rest.to_string() });
            }
            i += 1;
            continue;
        };
        let s = i + len;
        if s >= n || ctx.tk[s].noise {
            i += 1;
            continue;
        }
        // "quận 9": a numbered district.
        if role == Role::LocPrefix && ctx.tk[s].text.chars().all(|c| c.is_ascii_digit()) && ctx.tk[s].text.len() <= 2 {
            let name = format!("{} {}", ctx.tk[i..s].iter().map(|t| t.text).collect::<Vec<_>>().join(" "), ctx.tk[s].text);
            places.push(Mention { tokens: i..s + 1, kind: EntityType::Location, canonical: title_case(&name) });
            i = s + 1;
            continue;
        }
        let name_end = name_run_end(ctx, s);
        if name_end == s {
            i += 1;
            continue;
        }
        let name = join(ctx, s..name_end, true);
        match role {
            Role::LocPrefix => places.push(Mention { tokens: i..name_end, kind: EntityType::Location, canonical: name.clone() }),
            Role::LocNamed => places.push(Mention { tokens: i..name_end, kind: EntityType::Location, canonical: title_case(&join(ctx, i..name_end, true)) }),
            _ => places.push(Mention { tokens: s..name_end, kind: EntityType::Location, canonical: name.clone() }),
        }
        // Lists: "các xã Phước Lộc, Phước Công", "vùng Khizi và Apsheron".
        let mut k = name_end;
        while k + 1 < n && (ctx.tk[k].text == "," || matches!(ctx.keys[k].as_str(), "và" | "and")) && role != Role::LocNamed {
            let e = name_run_end(ctx, k + 1);
            if e == k + 1 {
                break;
            }
            places.push(Mention { tokens: k + 1..e, kind: EntityType::Location, canonical: join(ctx, k + 1..e, true) });
            k = e;
        }
        i = k.max(i + 1);
    }
    // Drop places that duplicate a gazetteer mention's exact tokens.
    for p in places {
        out.retain(|m| !(m.tokens == p.tokens && m.kind == EntityType::Person));
        if !out.iter().any(|m| m.tokens == p.tokens && m.kind == p.kind) {
            // A run classified as something else over the same name yields to the prefix.
            let name_tokens = p.tokens.clone();
            out.retain(|m| !(m.kind == EntityType::Person && m.tokens.start >= name_tokens.start && m.tokens.end <= name_tokens.end));
            out.push(p);
        }
    }

    // Organizations on heads.
    let mut i = 0;
    while i < n {
        let Some((len, role, _)) = ctx.role_at(i, &[Role::OrgHead, Role::OrgStandalone]) else {
            i += 1;
            continue;
        };
        let mut k = i + len;
        let mut last_named = None;
        let mut elements = 0;
        while k < n && elements < 4 {
            let t = &ctx.tk[k];
            if t.noise || stop.contains(t.key.as_str()) || t.kind_punct() {
                break;
            }
            if let Some(m) = out.iter().filter(|m| m.tokens.start == k && m.kind != EntityType::Person && m.kind != EntityType::Weapon).max_by_key(|m| m.tokens.end) {
                k = m.tokens.end;
                last_named = Some(k);
                elements += 1;
                continue;
            }
            if let Some((l, _, _)) = ctx.role_at(k, &[Role::LocPrefix, Role::OrgHead, Role::OrgStandalone]) {
                // A bare "huyện"/"tỉnh" closes the name ("Công an tỉnh").
                k += l;
                if ctx.role_at(k - l, &[Role::LocPrefix]).is_some() {
                    last_named = Some(k);
                }
                elements += 1;
                continue;
            }
            if ctx.is_name_word(k) {
                let e = name_run_end(ctx, k).max(k + 1);
                k = e;
                last_named = Some(k);
                elements += 1;
                continue;
            }
            // Up to three lower-case descriptor words before a name ("thời tiết", "phổ thông").
            let mut d = k;
            while d < n && d - k < 3 && ctx.tk[d].word && !ctx.tk[d].cap && !stop.contains(ctx.keys[d].as_str()) && ctx.role_at(d, &[Role::LocPrefix]).is_none() {
                d += 1;
            }
            if d > k && d < n && (ctx.is_name_word(d) || ctx.role_at(d, &[Role::LocPrefix]).is_some() || out.iter().any(|m| m.tokens.start == d && m.kind != EntityType::Person)) {
                k = d;
                elements += 1;
                continue;
            }
            break;
        }
        let end = match (last_named, role) {
            (Some(e), _) => Some(e),
            (None, Role::OrgStandalone) if ctx.tk[i].cap && !ctx.tk[i].initial || (ctx.tk[i].cap && len >= 2 && ctx.tk[i + 1].cap) => Some(i + len),
            _ => None,
        };
        if let Some(e) = end {
            let name = title_case(&join(ctx, i..e, true));
            // The organization replaces a person guess over its own words.
            out.retain(|m| !(m.kind == EntityType::Person && m.tokens.start >= i && m.tokens.end <= e && m.canonical.starts_with('\u{0}')));
            out.retain(|m| !(m.kind == EntityType::Person && m.tokens.start > i && m.tokens.end <= e));
            out.push(Mention { tokens: i..e, kind: EntityType::Organization, canonical: name });
            i = e;
        } else {
            i += len;
        }
    }
}

impl Tk<'_> {
    fn kind_punct(&self) -> bool {
        !self.word && !self.text.chars().all(|c| c.is_alphanumeric())
    }
}

/// End of the capitalised name that starts at `s` (== `s` when none starts there).
fn name_run_end(ctx: &Ctx, s: usize) -> usize {
    let mut e = s;
    while e < ctx.tk.len() && ctx.is_name_word(e) && (e == s || !ctx.tk[e].initial) {
        e += 1;
    }
    e
}

/// "ANTD.VN - …", "(Dân trí) - …", "MOSCOW (Reuters) - …": the outlet at a line's start.
fn dateline(ctx: &Ctx, doc: &Document, out: &mut Vec<Mention>) {
    let text = doc.text();
    for (i, t) in doc.tokens.iter().enumerate() {
        if !matches!(ctx.tk[i].text, "-" | "–" | "—") || i == 0 {
            continue;
        }
        let line_start = text[..t.range.start].rfind('\n').map(|p| p + 1).unwrap_or(0);
        let first = doc.tokens.partition_point(|x| x.range.start < line_start);
        if i - first == 0 || i - first > 5 {
            continue;
        }
        // The outlet: inside parentheses if there are some, else the words before the dash.
        let (a, b) = match (first..i).find(|&k| ctx.tk[k].text == "(") {
            Some(p) if ctx.tk[i - 1].text == ")" => (p + 1, i - 1),
            _ => (first, i),
        };
        if a >= b || !(a..b).all(|k| ctx.tk[k].word && (ctx.tk[k].cap || ctx.tk[k].upper || k > a)) || !ctx.tk[a].cap {
            continue;
        }
        out.retain(|m| !(m.tokens.start >= a && m.tokens.end <= b && m.kind != EntityType::Organization));
        if !out.iter().any(|m| m.tokens == (a..b)) {
            out.push(Mention { tokens: a..b, kind: EntityType::Organization, canonical: join(ctx, a..b, true) });
        }
    }
}

/// "(ISCAP)" right after a name whose initials spell it is another mention of that name.
fn acronyms(ctx: &Ctx, out: &mut Vec<Mention>) {
    let mut extra = Vec::new();
    for m in out.iter() {
        let e = m.tokens.end;
        if e + 2 < ctx.tk.len() && ctx.tk[e].text == "(" && ctx.tk[e + 2].text == ")" && ctx.tk[e + 1].upper {
            let initials: String = m.tokens.clone().filter_map(|k| ctx.tk[k].text.chars().next()).filter(|c| c.is_uppercase()).collect();
            if initials == ctx.tk[e + 1].text {
                extra.push(Mention { tokens: e + 1..e + 2, kind: m.kind, canonical: m.canonical.clone() });
            }
        }
    }
    out.extend(extra);
}
