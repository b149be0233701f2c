//! One entity per referent: mentions with the same type and canonical name are one entity;
//! a lone surname is the person named in full nearby ("Aliyev" → "Ilham Aliyev"); a
//! misspelling one edit away from a place or organization named in the same article is that
//! place ("Azecbaijan" → "Azerbaijan").

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::fold::key;
use super::mention::{Mention, Origin};
use super::Found;
use crate::model::EntityType;
use crate::text::Document;

/// Whether `a` and `b` are at most one edit (insert, delete, substitute) apart.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    // Called for every lone word against every name of the document: no allocation.
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    let (mut s, mut l) = (short.char_indices(), long.char_indices());
    loop {
        match (s.next(), l.next()) {
            (Some((_, x)), Some((_, y))) if x == y => continue,
            // The first difference: a substitution (same length) or an insertion in `long`.
            (Some((i, x)), Some((j, y))) => {
                let rest_long = &long[j + y.len_utf8()..];
                return if la == lb { short[i + x.len_utf8()..] == *rest_long } else { short[i..] == *rest_long };
            }
            // `short` is a prefix of `long`, which has at most one more character.
            (None, _) => return true,
            (Some(_), None) => return false,
        }
    }
}

/// Longest surface (in characters) looked at for misspellings: longer names are not indexed.
const MAX_MISSPELT_CHARS: usize = 40;
/// Surfaces kept per variant: a document with more names one edit from one another than this
/// (only made-up text has them) may miss a misspelling of a later one.
const MAX_PER_VARIANT: usize = 8;

/// The surfaces a lone word may misspell, indexed by themselves and by each of their one-letter
/// deletions: two words are one edit apart only if they share such a variant, so a look-up
/// costs a few probes, not a pass over every name of the article.
struct Misspellings {
    by_variant: rustc_hash::FxHashMap<String, Vec<usize>>,
    surfaces: Vec<String>,
}

/// A word and each of its one-letter deletions.
fn variants(s: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(s.to_string()).chain(s.char_indices().map(move |(i, c)| format!("{}{}", &s[..i], &s[i + c.len_utf8()..])))
}

impl Misspellings {
    fn new<'a>(surfaces: impl Iterator<Item = &'a str>) -> Self {
        let surfaces: Vec<String> = surfaces.map(str::to_string).collect();
        let mut by_variant: rustc_hash::FxHashMap<String, Vec<usize>> = rustc_hash::FxHashMap::default();
        for (k, s) in surfaces.iter().enumerate().filter(|(_, s)| s.chars().count() <= MAX_MISSPELT_CHARS) {
            for v in variants(s) {
                let list = by_variant.entry(v).or_default();
                if list.len() < MAX_PER_VARIANT && list.last() != Some(&k) {
                    list.push(k);
                }
            }
        }
        Misspellings { by_variant, surfaces }
    }

    /// The first surface (in order of mention) at most one edit from `word`, for words of six
    /// characters or more.
    fn of(&self, word: &str) -> Option<usize> {
        let n = word.chars().count();
        if !(6..=MAX_MISSPELT_CHARS + 1).contains(&n) {
            return None;
        }
        variants(word).filter_map(|v| self.by_variant.get(&v)).flatten().copied().filter(|&k| within_one_edit(&self.surfaces[k], word)).min()
    }
}

/// One name, one type in an article: a name read two ways (the tagger took "Assange" for a
/// place once, a person four times) takes the type most of its mentions have, a tie going
/// to a list's reading, then to the first; a single word that is the last word of a person
/// named in full is that person ("Mourinho" after "Jose Mourinho", "Jordan" after "Neil
/// Jordan") where only the tagger or a list read it otherwise (a rule's "the Negev desert"
/// stands). A country's list reading yields so in English only: a Vietnamese name's last
/// syllable is often a country's ("Nguyễn Thị Nga", "Nga" is Russia). Lone words are left to the surname and misspelling checks.
fn one_type_per_name(mentions: &mut [Mention], english: bool, is_surname: impl Fn(&str) -> bool) {
    // Each mention's key, once (the canonical names do not change here).
    let keys: Vec<String> = mentions.iter().map(|m| key(&m.canonical)).collect();
    for (m, k) in mentions.iter_mut().zip(&keys) {
        if m.tokens.len() == 1 && !m.lone && m.kind != EntityType::Person && (matches!(m.origin, Origin::Tagger | Origin::AmbiguousList) || (english && m.origin == Origin::List)) && is_surname(k) {
            m.kind = EntityType::Person;
        }
    }
    // Votes per name: per type, (mentions, read from a list, first position).
    let votes_of = |m: &Mention| !m.lone && m.kind != EntityType::Weapon;
    let mut votes: FxHashMap<&str, Vec<(EntityType, usize, bool, usize)>> = FxHashMap::default();
    for (i, (m, k)) in mentions.iter().zip(&keys).enumerate().filter(|(_, (m, _))| votes_of(m)) {
        let v = votes.entry(k.as_str()).or_default();
        match v.iter_mut().find(|(t, ..)| *t == m.kind) {
            Some(e) => {
                e.1 += 1;
                e.2 |= m.origin == Origin::List;
            }
            None => v.push((m.kind, 1, m.origin == Origin::List, i)),
        }
    }
    // A place's name read as a place in some sentences and an organization in others is a
    // team named after its city ("Milwaukee beat Toronto" beside "at MILWAUKEE"): each
    // sentence keeps its reading (measured: CoNLL dev 0.879 -> 0.882; dev en loses "a
    // Tottenham shirt", read as the place).
    let lexicon = super::lexicon::Lexicon::get();
    let team_and_city = |v: &[(EntityType, usize, bool, usize)], k: &str| v.iter().all(|(t, ..)| matches!(t, EntityType::Location | EntityType::Organization)) && lexicon.names_a_place(k);
    for (m, k) in mentions.iter_mut().zip(&keys).filter(|(m, _)| votes_of(m)) {
        let Some(v) = votes.get(k.as_str()).filter(|v| v.len() > 1 && !team_and_city(v, k)) else { continue };
        if let Some(&(kind, ..)) = v.iter().max_by_key(|(_, n, listed, first)| (*n, *listed, std::cmp::Reverse(*first))) {
            m.kind = kind;
        }
    }
}

/// A single word the tagger read as a place or person that is the first word of an
/// organization named in full in the article is that organization ("Amnesty" after "Amnesty
/// International", "Charlie" after "Charlie Hebdo"), unless the word names a place by itself
/// ("Washington" is not the Washington Post) or is the surname of a person named in full
/// ("Parnevik" after "Jesper Parnevik" is not the headline's "PARNEVIK TAKES").
fn short_forms_of_organizations<'t>(mentions: &mut [Mention], tok: impl Fn(usize) -> &'t str, is_surname: impl Fn(&str) -> bool) {
    let lexicon = super::lexicon::Lexicon::get();
    let mut orgs: FxHashMap<String, String> = FxHashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityType::Organization && m.tokens.len() >= 2 && !m.lone) {
        orgs.entry(key(tok(m.tokens.start))).or_insert_with(|| m.canonical.clone());
    }
    for m in mentions.iter_mut().filter(|m| m.tokens.len() == 1 && m.origin == Origin::Tagger && m.kind != EntityType::Organization) {
        let k = key(&m.canonical);
        if let Some(full) = orgs.get(&k).filter(|_| !lexicon.names_a_place(&k) && !is_surname(&k)) {
            m.kind = EntityType::Organization;
            m.canonical = full.clone();
        }
    }
}

/// Whether `b` is the item after `a` in a list: only a comma or a conjunction (one or two
/// tokens: ", and") between them.
fn next_in_list<'t>(a: &Mention, b: &Mention, tok: &impl Fn(usize) -> &'t str) -> bool {
    b.tokens.start > a.tokens.end && b.tokens.start - a.tokens.end <= 2 && (a.tokens.end..b.tokens.start).all(|k| matches!(tok(k), "," | "and" | "và" | "or" | "hoặc"))
}

/// A list of three names or more, most of them places and one at least a listed place
/// ("Yala, Narathiwat and Pattani are the provinces…"), is a list of places: the tagger's
/// other readings of its items yield. So is a list closed by "and" or "or" with a listed place
/// in it and no other type held by most of its items ("Clayton, Benson Park, Selma and Four
/// Oaks", the tagger's types mixed): a place counts as listed where the rules read that name
/// as a place anywhere in the article. Mentions are sorted by position.
fn places_along_lists<'t>(mentions: &mut [Mention], tok: impl Fn(usize) -> &'t str) {
    let known: FxHashSet<String> = mentions.iter().filter(|m| m.kind == EntityType::Location && m.origin != Origin::Tagger).map(|m| m.canonical.to_lowercase()).collect();
    let mut i = 0;
    while i < mentions.len() {
        // The run of joined mentions from i (nested mentions inside an item are skipped).
        let mut items = vec![i];
        let mut j = i + 1;
        while j < mentions.len() {
            let last = &mentions[*items.last().unwrap_or(&i)];
            if mentions[j].tokens.start < last.tokens.end {
                j += 1;
                continue;
            }
            if !next_in_list(last, &mentions[j], &tok) {
                break;
            }
            items.push(j);
            j += 1;
        }
        let of_kind = |t: EntityType| items.iter().filter(|&&k| mentions[k].kind == t).count();
        let places = of_kind(EntityType::Location);
        let listed = items.iter().any(|&k| mentions[k].kind == EntityType::Location && mentions[k].origin != Origin::Tagger);
        let known_place = items.iter().any(|&k| known.contains(&mentions[k].canonical.to_lowercase()));
        let closed = items.len() >= 2 && {
            let (a, b) = (&mentions[items[items.len() - 2]], &mentions[items[items.len() - 1]]);
            (a.tokens.end..b.tokens.start).any(|k| matches!(tok(k), "and" | "or" | "và" | "hoặc"))
        };
        let other_majority = [EntityType::Person, EntityType::Organization, EntityType::Weapon].into_iter().any(|t| of_kind(t) * 2 > items.len());
        if items.len() >= 3 && ((listed && places * 2 > items.len()) || (closed && known_place && !other_majority)) {
            for &k in &items {
                if mentions[k].origin == Origin::Tagger {
                    mentions[k].kind = EntityType::Location;
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// Words that make an article one about football: "bóng đá", "cầu thủ", "HLV"…
const FOOTBALL: &[&str] = &["bóng đá", "cầu thủ", "hlv", "v-league", "v.league", "bàn thắng", "ghi bàn", "trận đấu", "clb", "tiền vệ", "tiền đạo", "thủ môn"];

/// Words right before a place's name that make it the club named after it, in an article
/// about football: "CLB Nam Định", "chủ nhà Nam Định", "đánh bại Hà Nội", "trước Hà Nội".
const CLUB_CUES: &[&str] = &["clb", "câu lạc bộ", "đội", "đội bóng", "chủ nhà", "đội khách", "đánh bại", "trước", "thắng", "hòa", "gặp", "tiếp", "thua", "cho", "về"];

/// Words before a place's name that make it the place: "tại Pleiku", "đến Hà Nội".
const PLACE_WORDS: &[&str] = &["tại", "ở", "từ", "đến", "tới"];

/// How many words before a place a club cue may stand ("đội đứng thứ 7 Thanh Hóa").
const CLUB_CUE_WINDOW: usize = 4;

/// Whether two different words of [`FOOTBALL`] occur in the article.
fn is_about_football(keys: &[crate::text::Key]) -> bool {
    let n = keys.len();
    let football: Vec<Vec<String>> = FOOTBALL.iter().map(|p| p.split(' ').map(key).collect()).collect();
    let phrase_at = |k: usize, p: &[String]| k + p.len() <= n && p.iter().enumerate().all(|(j, w)| *keys[k + j] == **w);
    let mut seen = vec![false; football.len()];
    for k in 0..n {
        for (f, p) in football.iter().enumerate() {
            seen[f] |= !seen[f] && *keys[k] == *p[0] && phrase_at(k, p);
        }
    }
    seen.iter().filter(|&&s| s).count() >= 2
}

/// In an article about football (the caller asks [`is_about_football`]), a place a list knows
/// (a city, a province) that a club cue introduces once is the club named after it, and so
/// are its other mentions, except where a word of place introduces it ("tại Pleiku", "tỉnh
/// Nam Định", a rule's reading).
fn clubs_named_after_places(mentions: &mut [Mention], keys: &[crate::text::Key]) {
    let n = keys.len();
    // Phrases as keys, compared word by word with the document's keys (no allocation per token).
    let keyed = |list: &[&str]| -> Vec<Vec<String>> { list.iter().map(|p| p.split(' ').map(key).collect()).collect() };
    let cues = keyed(CLUB_CUES);
    let phrase_at = |k: usize, p: &[String]| k + p.len() <= n && p.iter().enumerate().all(|(j, w)| *keys[k + j] == **w);
    // A city or a province, not a country (a national team leaves its country a place).
    let lexicon = super::lexicon::Lexicon::get();
    let listed = |m: &Mention| m.kind == EntityType::Location && matches!(m.origin, Origin::List | Origin::AmbiguousList) && !lexicon.names_a_country(&key(&m.canonical));
    let cued = |m: &Mention| {
        let from = m.tokens.start.saturating_sub(CLUB_CUE_WINDOW);
        (from..m.tokens.start).any(|k| cues.iter().any(|c| k + c.len() <= m.tokens.start && phrase_at(k, c)))
    };
    let places = keyed(PLACE_WORDS);
    let placed = |m: &Mention| m.tokens.start > 0 && places.iter().any(|p| *keys[m.tokens.start - 1] == *p[0]);
    let clubs: FxHashSet<String> = mentions.iter().filter(|m| listed(m) && cued(m) && !placed(m)).map(|m| key(&m.canonical)).collect();
    for m in mentions.iter_mut().filter(|m| listed(m) && !placed(m) && clubs.contains(&key(&m.canonical))) {
        m.kind = EntityType::Organization;
    }
}

/// In a line of a results table or a fixture list, the places named are teams: "Montrose 2
/// Ross County 1", "Ross County 3 0 0 3 3 7 0", "KANSAS CITY AT DETROIT", "Walsall v
/// Wrexham". A line is such a row when it holds only names, numbers, punctuation and
/// "at"/"v"/"vs", and either two numbers or "at"/"v" between two names; a dateline
/// ("LONDON 1996-08-31", "BIRMINGHAM, England 1996-08-31") is not one. A country stays a
/// place (a national team is written with its country's name, and read as the country), and
/// so do the venue after "at" and a place in brackets (CoNLL-2003's reading of such rows).
fn teams_in_results_rows(doc: &Document, mentions: &mut [Mention]) {
    /// The longest line read as a row ("Ross County 3 0 0 3 3 7 0" is 9 tokens).
    const MAX_ROW_TOKENS: usize = 40;
    use crate::text::tokens::TokenKind;
    let text = doc.text();
    let lexicon = super::lexicon::Lexicon::get();
    let country = |m: &Mention| lexicon.names_a_country(&key(&m.canonical));
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| mentions[i].tokens.start);
    let mut next = 0; // the first mention (in `order`) not before the current sentence
    for s in &doc.sentences {
        let (a, b) = (doc.tokens.partition_point(|t| t.range.start < s.start), doc.tokens.partition_point(|t| t.range.start < s.end));
        while next < order.len() && mentions[order[next]].tokens.start < a {
            next += 1;
        }
        // A row is short and holds a number or "at"/"v" (most sentences are neither).
        let cue = |k: usize| doc.tokens[k].kind == TokenKind::Number || matches!(&*doc.keys[k], "at" | "v" | "vs");
        if b - a > MAX_ROW_TOKENS || !(a..b).any(cue) {
            continue;
        }
        let inside: Vec<usize> = order[next..].iter().copied().take_while(|&i| mentions[i].tokens.start < b).collect();
        if inside.is_empty() {
            continue;
        }
        let named = |k: usize| inside.iter().any(|&i| mentions[i].tokens.contains(&k));
        let (mut numbers, mut versus, mut date) = (0, 0, false);
        let row = (a..b).all(|k| {
            let t = &doc.tokens[k];
            let w = t.text(text);
            match t.kind {
                _ if named(k) => true,
                TokenKind::Number => {
                    numbers += 1;
                    // "1996-08-31": a dateline's date.
                    date |= w.len() >= 4 && w.bytes().take(4).all(|c| c.is_ascii_digit()) && (w.len() > 4 || (k + 1 < b && doc.tokens[k + 1].text(text) == "-"));
                    true
                }
                TokenKind::Punct => true,
                TokenKind::Word if matches!(&*doc.keys[k], "at" | "v" | "vs") => {
                    versus += 1;
                    true
                }
                TokenKind::Word => false,
            }
        });
        if row && !date && (numbers >= 2 || (versus == 1 && inside.len() == 2)) {
            // "KANSAS CITY AT DETROIT": the home team's city after "at" is where they play.
            let home = (a..b).find(|&k| &*doc.keys[k] == "at");
            // "Red Star ( Yugoslavia )": a place in brackets says where a team is from.
            let bracketed = |m: &Mention| m.tokens.start > a && doc.tokens[m.tokens.start - 1].text(text) == "(";
            for &i in &inside {
                let m = &mentions[i];
                if m.kind == EntityType::Location && !country(m) && !bracketed(m) && home.is_none_or(|h| m.tokens.start < h) {
                    mentions[i].kind = EntityType::Organization;
                }
            }
        }
    }
}

/// How many capitalised words before a place a club's sponsor may take ("HA", "SHB",
/// "Hoàng Anh", "Sông Lam").
const SPONSOR_WORDS: usize = 2;

/// In an article about football (the caller asks [`is_about_football`]), a listed city or
/// province right after one or two capitalised words or an acronym that start no other name
/// is a club named after its sponsor and its place: "HA Gia Lai", "SHB Đà Nẵng", "Becamex
/// Bình Dương", "Sông Lam Nghệ An" (Vietnamese clubs are named so); the club replaces the
/// readings inside it. A "full name" ending on a province is such a club too ("Hoàng Anh Gia
/// Lai").
fn clubs_named_after_sponsors(doc: &Document, mentions: &mut Vec<Mention>) {
    let text = doc.text();
    let lexicon = super::lexicon::Lexicon::get();
    let Some(vi) = lexicon.triggers.get(&crate::Language::Vi) else { return };
    // A word that starts a name of its own kind: a title, a head, a place word, a function word.
    let trigger = |k: usize| vi.get(&*doc.keys[k]).is_some_and(|ps| ps.iter().any(|(words, _)| words.len() == 1 || (k + words.len() <= doc.keys.len() && words.iter().enumerate().all(|(j, w)| *doc.keys[k + j] == **w))));
    let sponsor_word = |k: usize| {
        let w = doc.tokens[k].text(text);
        doc.tokens[k].kind == crate::text::tokens::TokenKind::Word && w.starts_with(char::is_uppercase) && !trigger(k)
    };
    let country = |m: &Mention| lexicon.names_a_country(&key(&m.canonical));
    // Which mention covers each token: a sponsor's word is one no other mention holds.
    let mut covered = vec![false; doc.tokens.len()];
    for m in mentions.iter() {
        covered[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    let mut clubs: Vec<(usize, usize)> = Vec::new();
    let mut places: Vec<Mention> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind != EntityType::Person || m.origin != Origin::Rule) {
        // (A place the club cue rule has already made a club counts too.)
        let listed = matches!(m.origin, Origin::List | Origin::AmbiguousList) && matches!(m.kind, EntityType::Location | EntityType::Organization) && !country(m);
        if !listed {
            continue;
        }
        let mut s = m.tokens.start;
        while s > 0 && m.tokens.start - s < SPONSOR_WORDS && sponsor_word(s - 1) && !covered[s - 1] && doc.sentences.binary_search_by_key(&doc.tokens[s].range.start, |r| r.start).is_err() {
            s -= 1;
        }
        // Clubs come in text order; one overlapping the last ("SHB Đà Nẵng Quảng Nam") is none.
        if s < m.tokens.start && clubs.last().is_none_or(|&(_, e)| e <= s) {
            clubs.push((s, m.tokens.end));
            // The place stays a place inside its club's name, as places do inside other
            // organizations' (a reader looking for Gia Lai finds it in "HA Gia Lai").
            if m.kind == EntityType::Location {
                places.push(m.clone());
            }
        }
    }
    // "Hoàng Anh Gia Lai", read as a full name: a person's name does not end on a province.
    // (Not after a title: "HLV Nguyễn Thái Bình" is a coach from Thái Bình's namesake.)
    let titled = |k: usize| k > 0 && trigger(k - 1);
    for m in mentions.iter_mut().filter(|m| m.kind == EntityType::Person && m.tokens.len() >= 3 && !titled(m.tokens.start)) {
        let last_two = key(&doc.tokens[m.tokens.end - 2..m.tokens.end].iter().map(|t| t.text(text)).collect::<Vec<_>>().join(" "));
        let province = lexicon.listed(&last_two).find(|known| known.kind == EntityType::Location && !known.country).map(|known| (known.canonical.clone(), known.origin()));
        if let Some((canonical, origin)) = province {
            m.kind = EntityType::Organization;
            places.push(Mention::strong(m.tokens.end - 2..m.tokens.end, EntityType::Location, canonical).from(origin));
        }
    }
    // What a club holds or overlaps goes (per token, not per club and mention).
    let mut in_club = vec![false; doc.tokens.len()];
    for &(s, e) in &clubs {
        in_club[s..e].iter_mut().for_each(|c| *c = true);
    }
    mentions.retain(|m| !in_club[m.tokens.clone()].iter().any(|&c| c));
    for (s, e) in clubs {
        let name = doc.tokens[s..e].iter().map(|t| t.text(text)).collect::<Vec<_>>().join(" ");
        let mut club = Mention::strong(s..e, EntityType::Organization, name);
        club.origin = Origin::Rule;
        mentions.push(club);
    }
    mentions.extend(places);
    mentions.sort_by(|a, b| a.tokens.start.cmp(&b.tokens.start).then(b.tokens.end.cmp(&a.tokens.end)));
}

/// Merges mentions into entities, in order of first mention.
pub fn resolve(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Found> {
    let text = doc.text();
    let tok = |i: usize| doc.tokens[i].text(text);
    let surface = |m: &Mention| text[doc.tokens[m.tokens.start].range.start..doc.tokens[m.tokens.end - 1].range.end].to_string();
    mentions.sort_by(|a, b| a.tokens.start.cmp(&b.tokens.start).then(b.tokens.end.cmp(&a.tokens.end)));
    mentions.dedup_by(|a, b| a.tokens == b.tokens && a.kind == b.kind);

    // A name read strongly somewhere ("in the province of Cabo Delgado") gives its type to
    // weak guesses of the same name elsewhere.
    let strong_kind: FxHashMap<String, EntityType> = mentions.iter().filter(|m| !m.weak).map(|m| (key(&m.canonical), m.kind)).collect();
    for m in mentions.iter_mut().filter(|m| m.weak) {
        if let Some(&k) = strong_kind.get(&key(&m.canonical)) {
            m.kind = k;
            m.weak = false;
            m.lone = false;
        }
    }
    // A rule's organization (its head word, its legal form, the word before it: "giant
    // Pirelli") is that organization where only the tagger read the same name otherwise.
    let rule_orgs: FxHashSet<String> = mentions.iter().filter(|m| m.origin == Origin::Rule && !m.weak && !m.lone && m.kind == EntityType::Organization).map(|m| key(&m.canonical)).collect();
    for m in mentions.iter_mut().filter(|m| m.origin == Origin::Tagger && m.kind != EntityType::Organization) {
        if rule_orgs.contains(&key(&m.canonical)) {
            m.kind = EntityType::Organization;
        }
    }
    // Lists share a type: "Smithfield, Wilson Mills, Princeton, and Four Oaks fire departments".
    for i in 0..mentions.len() {
        // Only the next few mentions can be the next item of a list (mentions are sorted).
        for j in i + 1..mentions.len().min(i + 4) {
            let (a, b) = (&mentions[i], &mentions[j]);
            if !next_in_list(a, b, &tok) {
                continue;
            }
            let (wi, si) = match (a.weak || a.lone, b.weak || b.lone) {
                (true, false) => (i, j),
                (false, true) => (j, i),
                _ => continue,
            };
            if mentions[si].kind == EntityType::Location {
                mentions[wi].kind = EntityType::Location;
                mentions[wi].lone = false;
            }
        }
    }
    places_along_lists(&mut mentions, tok);
    if doc.language == crate::Language::Vi {
        // The article is read once for football words; both club rules need it.
        if is_about_football(&doc.keys) {
            clubs_named_after_places(&mut mentions, &doc.keys);
            clubs_named_after_sponsors(doc, &mut mentions);
        }
    } else {
        teams_in_results_rows(doc, &mut mentions);
    }
    // Full names of people (two words or more) by the key of their last word, with where
    // they stand: for lone surnames (built again once the vote has settled types).
    // A "full name" whose first word is a person named alone elsewhere and whose last word
    // never is, is two names run together ("Lebed Chechnya peace plan" in a headline): it
    // names no surname. ("Saïd Kouachi" beside "Saïd" and "Kouachi" stays a full name.)
    // Nor does a name that ends on "of" and a place ("Prince Albert of Monaco").
    let full_names = |mentions: &[Mention]| {
        let alone: FxHashSet<String> = mentions.iter().filter(|m| m.kind == EntityType::Person && m.tokens.len() == 1).map(|m| key(tok(m.tokens.start))).collect();
        let run_together = |m: &Mention| alone.contains(&key(tok(m.tokens.start))) && !alone.contains(&key(tok(m.tokens.end - 1)));
        let of_a_place = |m: &Mention| m.tokens.len() >= 3 && tok(m.tokens.end - 2) == "of";
        let mut people: FxHashMap<String, Vec<(usize, String)>> = FxHashMap::default();
        for m in mentions.iter().filter(|m| m.kind == EntityType::Person && !m.lone && m.tokens.len() >= 2 && !run_together(m) && !of_a_place(m)) {
            people.entry(key(tok(m.tokens.end - 1))).or_default().push((m.tokens.start, m.canonical.clone()));
        }
        people
    };
    let people = full_names(&mentions);
    one_type_per_name(&mut mentions, doc.language == crate::Language::En, |k| people.contains_key(k));
    short_forms_of_organizations(&mut mentions, tok, |k| people.contains_key(k));
    let people = full_names(&mentions);
    // Mentions were sorted by position, so each list is too: the nearest is found by bisection.
    let nearest_full = |k: &str, pos: usize| -> Option<String> {
        let list = people.get(k)?;
        let i = list.partition_point(|(p, _)| *p < pos);
        [i.checked_sub(1), Some(i)].into_iter().flatten().filter_map(|j| list.get(j)).min_by_key(|(p, _)| p.abs_diff(pos)).map(|(_, n)| n.clone())
    };
    // Distinct surfaces of places and organizations, for misspellings.
    let mut named: Vec<(String, EntityType, String)> = Vec::new();
    let mut seen_surface: FxHashSet<String> = FxHashSet::default();
    for m in mentions.iter().filter(|m| matches!(m.kind, EntityType::Location | EntityType::Organization) && !m.lone) {
        let s = surface(m);
        if s.chars().count() >= 6 && seen_surface.insert(s.clone()) {
            named.push((s, m.kind, m.canonical.clone()));
        }
    }
    let misspelt = Misspellings::new(named.iter().map(|(s, _, _)| s.as_str()));

    let mut resolved: Vec<Mention> = Vec::new();
    for mut m in mentions {
        // "anh Thủy" after "Nguyễn Xuân Thủy": a single name is the full name's last word.
        if m.kind == EntityType::Person && !m.lone && m.tokens.len() == 1 {
            if let Some(full) = nearest_full(&key(&m.canonical), m.tokens.start) {
                m.canonical = full;
            }
        }
        if m.lone {
            // A lone capitalised word: a known person's surname, a misspelt place, or nothing.
            if let Some(full) = nearest_full(&key(&m.canonical), m.tokens.start) {
                m.canonical = full;
            } else if let Some((_, kind, canon)) = misspelt.of(&m.canonical).map(|k| &named[k]) {
                m.kind = *kind;
                m.canonical = canon.clone();
            } else {
                continue;
            }
        }
        resolved.push(m);
    }

    let mut index: FxHashMap<(EntityType, String), usize> = FxHashMap::default();
    let mut out: Vec<Found> = Vec::new();
    for m in resolved {
        let r = doc.tokens[m.tokens.start].range.start..doc.tokens[m.tokens.end - 1].range.end;
        let k = (m.kind, key(&m.canonical));
        match index.get(&k) {
            Some(&i) => out[i].mentions.push(r),
            None => {
                index.insert(k, out.len());
                out.push(Found { kind: m.kind, name: m.canonical, mentions: vec![r] });
            }
        }
    }
    for e in &mut out {
        e.mentions.sort_by_key(|r| (r.start, r.end));
        e.mentions.dedup();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(tokens: std::ops::Range<usize>, kind: EntityType, name: &str, origin: Origin) -> Mention {
        Mention::strong(tokens, kind, name.to_string()).from(origin)
    }

    #[test]
    fn a_name_takes_the_type_most_of_its_mentions_have() {
        use EntityType::*;
        let mut ms = vec![m(0..1, Person, "Wikileaks", Origin::Tagger), m(5..6, Organization, "Wikileaks", Origin::Tagger), m(9..10, Organization, "Wikileaks", Origin::Tagger)];
        one_type_per_name(&mut ms, true, |_| false);
        assert!(ms.iter().all(|x| x.kind == Organization));
        // A tie goes to the list's reading.
        let mut ms = vec![m(0..1, Person, "Reuters", Origin::Tagger), m(5..6, Organization, "Reuters", Origin::List)];
        one_type_per_name(&mut ms, true, |_| false);
        assert!(ms.iter().all(|x| x.kind == Organization));
    }

    #[test]
    fn a_list_mostly_of_places_is_a_list_of_places() {
        use EntityType::*;
        let words = ["Yala", ",", "Narathiwat", "and", "Pattani", "are", "Anna", ",", "Bob", "and", "Yala"];
        let tok = |i: usize| words[i];
        let mut ms = vec![m(0..1, Location, "Yala", Origin::List), m(2..3, Location, "Narathiwat", Origin::Tagger), m(4..5, Person, "Pattani", Origin::Tagger)];
        places_along_lists(&mut ms, tok);
        assert_eq!(ms[2].kind, Location);
        // Two people and a place: no list of places.
        let mut ms = vec![m(6..7, Person, "Anna", Origin::Tagger), m(8..9, Person, "Bob", Origin::Tagger), m(10..11, Location, "Yala", Origin::List)];
        places_along_lists(&mut ms, tok);
        assert_eq!(ms.iter().map(|x| x.kind).collect::<Vec<_>>(), vec![Person, Person, Location]);
        // Types mixed, none held by most, a place the rules know closed by "and": places.
        let words = ["Clayton", ",", "Benson", ",", "Selma", ",", "Four", "Oaks", "and", "Dunn", "in", "Clayton"];
        let tok = |i: usize| words[i];
        let mut ms = vec![m(0..1, Location, "Clayton", Origin::Tagger), m(2..3, Person, "Benson", Origin::Tagger), m(4..5, Organization, "Selma", Origin::Tagger), m(6..8, Person, "Four Oaks", Origin::Tagger), m(9..10, Location, "Dunn", Origin::Tagger), m(11..12, Location, "Clayton", Origin::List)];
        places_along_lists(&mut ms, tok);
        assert!(ms.iter().all(|x| x.kind == Location), "{:?}", ms.iter().map(|x| x.kind).collect::<Vec<_>>());
        // Without a place the rules know, the tagger's types stand.
        ms[5].origin = Origin::Tagger;
        ms[1].kind = Person;
        places_along_lists(&mut ms[..5], tok);
        assert_eq!(ms[1].kind, Person);
    }

    #[test]
    fn a_city_read_as_a_team_and_a_place_keeps_both_readings() {
        use EntityType::*;
        let mut ms = vec![m(0..1, Organization, "Milwaukee", Origin::Tagger), m(5..6, Location, "Milwaukee", Origin::AmbiguousList), m(9..10, Organization, "Milwaukee", Origin::Tagger)];
        one_type_per_name(&mut ms, true, |_| false);
        assert_eq!(ms.iter().map(|x| x.kind).collect::<Vec<_>>(), vec![Organization, Location, Organization]);
        // A name no list holds as a place is still one type.
        let mut ms = vec![m(0..1, Organization, "Wikileaks", Origin::Tagger), m(5..6, Location, "Wikileaks", Origin::Tagger), m(9..10, Organization, "Wikileaks", Origin::Tagger)];
        one_type_per_name(&mut ms, true, |_| false);
        assert!(ms.iter().all(|x| x.kind == Organization));
    }

    #[test]
    fn a_surname_is_the_person_unless_a_rule_says_otherwise() {
        // A list's country too: "Jordan" after "Neil Jordan" (CoNLL dev 0.897 -> 0.899).
        use EntityType::*;
        let mut ms = vec![m(3..4, Location, "Assange", Origin::Tagger), m(7..8, Location, "Negev", Origin::Rule), m(9..10, Location, "Sweden", Origin::List)];
        one_type_per_name(&mut ms, true, |k| ["assange", "negev", "sweden"].contains(&k));
        assert_eq!(ms.iter().map(|x| x.kind).collect::<Vec<_>>(), vec![Person, Location, Person]);
        let mut ms = vec![m(9..10, Location, "Sweden", Origin::List)];
        one_type_per_name(&mut ms, false, |k| k == "sweden");
        assert_eq!(ms[0].kind, Location, "not in Vietnamese text");
        let mut ms = vec![m(3..4, Location, "Assange", Origin::Tagger), m(7..8, Location, "Negev", Origin::Rule), m(9..10, Location, "Sweden", Origin::List)];
        one_type_per_name(&mut ms, true, |k| ["assange", "negev", "sweden"].contains(&k));
        assert_eq!(ms.iter().map(|x| x.kind).collect::<Vec<_>>(), vec![Person, Location, Person]);
    }

    #[test]
    fn misspellings_are_found_by_their_variants() {
        let m = Misspellings::new(["Azerbaijan", "Philippines", "Armenia"].into_iter());
        assert_eq!(m.of("Azecbaijan"), Some(0), "a substitution");
        assert_eq!(m.of("Philppines"), Some(1), "a deletion");
        assert_eq!(m.of("Armeniaa"), Some(2), "an insertion");
        assert_eq!(m.of("Albania"), None);
        assert_eq!(m.of("Arm"), None, "too short to judge");
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("Azerbaijan", "Azecbaijan"));
        assert!(within_one_edit("Philippines", "Philppines"));
        assert!(within_one_edit("abc", "abc"));
        assert!(!within_one_edit("Armenia", "Albania"));
        assert!(!within_one_edit("Iran", "Iraq2"));
        assert!(within_one_edit("Nga", "Ngà"), "one substituted letter, multi-byte");
        assert!(within_one_edit("Hà Nội", "Hà Nộii"));
        assert!(!within_one_edit("Kiev", "Kyiv"));
        assert!(within_one_edit("", "a"));
        assert!(!within_one_edit("ab", "ba"));
    }
}
