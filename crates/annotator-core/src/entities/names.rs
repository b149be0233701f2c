//! Capitalised runs that no gazetteer or place word claimed, and what they name.
//!
//! A run is first trimmed of ordinary words capitalised at a sentence start ("Theo", "The";
//! or a word the same article writes in lower case). English runs are cut at a title inside
//! them ("Johnston County | Sheriff | Steve Bizzell"). Then, in order of strength:
//! - what stands before it: a title ("Tổng thống", "ông", "President") makes a person, a
//!   media word ("kênh truyền hình") an organization, a weapon word ("tên lửa") a weapon;
//! - how it ends (English): "… Ministry" an organization, "… County" a place, "… Olympics" an
//!   event (not annotated), "Mecungo island" a place;
//! - its shape: a Vietnamese family name and one to three more syllables make a person;
//! - weaker guesses: after "in"/"ở" a place, two to four foreign words a person. A lone word
//!   is kept only if it later proves to be a known person's surname or a misspelt place.

use rustc_hash::FxHashMap;

use super::context::{looks_vietnamese, Ctx};
use super::lexicon::Role;
use super::mention::Mention;
use crate::model::EntityType;
use crate::text::fold::key;
use crate::text::language::Language;

/// End of the capitalised name that starts at `s` (== `s` when none starts there); a name
/// stops before a word that introduces another name ("Công an" in "PC45 Công an").
pub fn name_run_end(ctx: &Ctx, s: usize) -> usize {
    let mut e = s;
    // A Vietnamese function word capitalised inside a run is a name's syllable ("Hòa Phát"):
    // Vietnamese capitalises names, not headlines.
    let function = |e: usize| ctx.lang == Language::En && ctx.is(e, Role::Function);
    while e < ctx.len() && ctx.is_name_word(e) && (e == s || (!ctx.tk[e].initial && !function(e) && ctx.role_at(e, &[Role::OrgHead, Role::OrgStandalone, Role::LocPrefix]).is_none())) {
        e += 1;
    }
    e
}

/// If a Vietnamese full name starts at `i` (a family name and one to three more capitalised
/// Vietnamese syllables), its end.
pub fn vietnamese_full_name(ctx: &Ctx, i: usize) -> Option<usize> {
    if ctx.lang != Language::Vi || !ctx.tk[i].cap || ctx.role_at(i, &[Role::Surname]).is_none() {
        return None;
    }
    let mut e = i + 1;
    while e < ctx.len() && e - i < 4 && ctx.tk[e].cap && !ctx.tk[e].upper && !ctx.tk[e].initial && !ctx.tk[e].noise {
        e += 1;
    }
    (e - i >= 2 && (i..e).all(|k| is_vietnamese_syllable(ctx.tk[k].text))).then_some(e)
}

/// Whether a word can be one Vietnamese syllable: Vietnamese letters, or plain letters that
/// end as Vietnamese syllables do (a vowel, or c, ch, m, n, ng, nh, p, t) with no f, j, w, z.
pub fn is_vietnamese_syllable(s: &str) -> bool {
    let lower = s.to_lowercase();
    if !lower.chars().all(char::is_alphabetic) || lower.chars().count() > 7 {
        return false;
    }
    if looks_vietnamese(s) {
        return true;
    }
    !lower.contains(['f', 'j', 'w', 'z'])
        && (lower.ends_with(['a', 'e', 'i', 'o', 'u', 'y']) || ["c", "ch", "m", "n", "ng", "nh", "p", "t"].iter().any(|c| lower.ends_with(c)))
}

/// What earlier passes found, by where it ends: places (for "Tổng thống Azerbaijan Ilham
/// Aliyev") and organizations (for "Islamic State Central Africa Province").
pub struct Ends {
    place_start_by_end: FxHashMap<usize, usize>,
    org_by_end: FxHashMap<usize, usize>,
}

pub fn find(ctx: &Ctx, covered: &mut [bool], out: &mut Vec<Mention>) {
    let n = ctx.len();
    let mut ends = Ends { place_start_by_end: FxHashMap::default(), org_by_end: FxHashMap::default() };
    for (idx, m) in out.iter().enumerate() {
        match m.kind {
            EntityType::Location => {
                ends.place_start_by_end.insert(m.tokens.end, m.tokens.start);
            }
            EntityType::Organization if !m.weak => {
                ends.org_by_end.insert(m.tokens.end, idx);
            }
            _ => {}
        }
    }
    let mut drop: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < n {
        if covered[i] || !ctx.is_name_word(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut through_connector = false;
        loop {
            if j < n && !covered[j] && ctx.is_name_word(j) && !ctx.tk[j].initial && !ctx.is(j, Role::Calendar) {
                j += 1;
            } else if ctx.lang == Language::En && j + 1 < n && ctx.is(j, Role::Connector) && ctx.is_name_word(j + 1) && !ctx.tk[j + 1].initial {
                // "Mocimboa da Praia": the whole name, even over a gazetteer word inside.
                through_connector = true;
                j += 2;
                while j < n && ctx.is_name_word(j) && !ctx.tk[j].initial {
                    j += 1;
                }
            } else {
                break;
            }
        }
        if through_connector {
            drop.push(i..j);
        }
        // "Islamic State Central Africa Province": a known organization's name goes on.
        // Not over a title, which introduces a person ("Facebook CEO Mark Zuckerberg").
        let titled = (i..j).any(|k| ctx.role_at(k, &[Role::PersonTitle]).is_some());
        if ctx.lang == Language::En && !ctx.tk[i].initial && !titled {
            if let Some(org) = ends.org_by_end.get(&i).map(|&idx| &mut out[idx]) {
                while j < n && ctx.is_name_word(j) && !ctx.tk[j].initial && !ctx.is(j, Role::Calendar) {
                    j += 1;
                }
                org.tokens.end = j;
                org.canonical = ctx.join(org.tokens.clone());
                covered[i..j].iter_mut().for_each(|c| *c = true);
                i = j;
                continue;
            }
        }
        for m in split_and_classify(ctx, i, j, &ends) {
            covered[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
            out.push(m);
        }
        i = j;
    }
    // Gazetteer words inside a name joined by a connector ("Praia" in "Mocimboa da Praia").
    if !drop.is_empty() {
        // The runs are disjoint and in text order: the last one starting at or before a
        // mention is the only one that can hold it.
        out.retain(|m| {
            let k = drop.partition_point(|d| d.start <= m.tokens.start);
            !k.checked_sub(1).map(|k| &drop[k]).is_some_and(|d| m.tokens.end <= d.end && m.tokens != *d)
        });
    }
}

/// English runs holding a title ("Smithfield Fire Chief John Blanton") are two names.
fn split_and_classify(ctx: &Ctx, a: usize, b: usize, found: &Ends) -> Vec<Mention> {
    if ctx.lang == Language::En {
        if let Some(t) = (a + 1..b.saturating_sub(1)).rev().find(|&k| ctx.role_at(k, &[Role::PersonTitle]).is_some_and(|(l, _)| k + l < b)) {
            let (l, _) = ctx.role_at(t, &[Role::PersonTitle]).unwrap_or((1, Role::PersonTitle));
            // "Smithfield Fire | Chief": words the article also writes in lower case are not the name.
            let mut head_end = t;
            while head_end > a + 1 && ctx.lowercase_seen(head_end - 1) {
                head_end -= 1;
            }
            let mut v: Vec<Mention> = classify(ctx, a, head_end, found).into_iter().collect();
            v.push(Mention::strong(t + l..b, EntityType::Person, ctx.join(t + l..b)));
            return v;
        }
    }
    classify(ctx, a, b, found).into_iter().collect()
}

/// Decides what the capitalised run `[a, b)` names.
fn classify(ctx: &Ctx, mut a: usize, mut b: usize, found: &Ends) -> Option<Mention> {
    // A Vietnamese full name, even at a sentence start or on a feature word ("Hồ Văn Lan").
    if vietnamese_full_name(ctx, a).is_some_and(|e| e == b) {
        return Some(Mention::strong(a..b, EntityType::Person, ctx.join(a..b)));
    }
    // Ordinary words capitalised at a sentence start, and calendar words anywhere.
    while a < b && ctx.introduces_name(a).is_none() && ((ctx.tk[a].initial && ctx.ordinary_initial(a)) || ctx.is(a, Role::Calendar) || (ctx.is(a, Role::Function) && b - a == 1)) {
        a += 1;
    }
    // A trigger at the head of the run ("Tổng thống", "Prince"): the name is what follows.
    if let Some((len, role)) = (a < b).then(|| ctx.introduces_name(a)).flatten() {
        if a + len >= b {
            return None;
        }
        let inner = classify(ctx, a + len, b, found)?;
        return Some(match role {
            Role::PersonTitleKept => Mention::strong(a..inner.tokens.end, EntityType::Person, ctx.join(a..inner.tokens.end)),
            Role::PersonTitle => Mention::strong(inner.tokens.clone(), EntityType::Person, inner.canonical),
            _ => inner,
        });
    }
    // Vietnamese text writes foreign companies and outlets in their own words: "Delta News",
    // "Vietnam Airlines", "ANA Holdings" are organizations, after a title too.
    if a < b && foreign_org_end(ctx, a) == Some(b) {
        return Some(Mention::strong(a..b, EntityType::Organization, ctx.join(a..b)));
    }
    // English: a run ending in a title is a job, not a name ("Advocacy Director").
    while ctx.lang == Language::En && b > a && ctx.role_at(b - 1, &[Role::PersonTitle]).is_some_and(|(l, _)| l == 1) {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    // Where someone is from, in several words ("North African", "South Korean"), names nobody.
    if ctx.lang == Language::En && ctx.role_at(a, &[Role::Demonym]).is_some_and(|(l, _)| a + l == b) {
        return None;
    }
    let single = b - a == 1;
    let text = ctx.join(a..b);
    let strong = |kind| Some(Mention::strong(a..b, kind, text.clone()));
    let weak = |kind| Some(Mention::weak(a..b, kind, text.clone()));
    if single && ctx.tk[a].initial && !ctx.midcap_seen(a) && before(ctx, a).is_none() {
        return None;
    }
    // What stands before (also across a place: "Tổng thống Azerbaijan Ilham Aliyev").
    let role = before(ctx, a).or_else(|| {
        found.place_start_by_end.get(&a).and_then(|&s| before(ctx, s)).filter(|r| *r == Role::PersonTitle)
    });
    // Vietnamese: after a title, an acronym or a code is a body or a rank ("Chủ tịch HĐQT",
    // "lãnh đạo F2"), and after a minister's title the ministry's field is no name ("Bộ
    // trưởng Nội vụ", "Bộ trưởng Quốc phòng Mỹ"): the title's person, if any, comes after.
    if ctx.lang == Language::Vi && matches!(role, Some(Role::PersonTitle) | Some(Role::PersonTitleKept)) {
        // (Initials are a person's: "ông L.V.H.", "ông H.")
        let code = |k: usize| (ctx.tk[k].upper && !ctx.tk[k].text.contains('.') && ctx.tk[k].text.chars().count() >= 2) || ctx.tk[k].text.chars().any(|c| c.is_ascii_digit());
        if single && code(a) {
            return None;
        }
        if let Some(field) = ministry_field(ctx, a) {
            return if field < b { classify(ctx, field, b, found) } else { None };
        }
    }
    match role {
        Some(Role::PersonTitle) => return strong(EntityType::Person),
        Some(Role::PersonTitleKept) => {
            let s = ctx.role_ending_at(a, &[Role::PersonTitleKept]).map(|(s, _)| s).unwrap_or(a);
            // "Prince Albert of Monaco"
            let e = if b + 1 < ctx.len() && ctx.key_is(b, &["of"]) && ctx.is_name_word(b + 1) { b + 2 } else { b };
            return Some(Mention::strong(s..e, EntityType::Person, ctx.join(s..e)));
        }
        Some(Role::OrgMedia | Role::OrgBare) => return strong(EntityType::Organization),
        Some(Role::WeaponHead) if single || ctx.tk[a].text.chars().any(|c| c.is_ascii_digit()) => return strong(EntityType::Weapon),
        _ => {}
    }
    if ctx.lang == Language::En && !single {
        if ctx.is(b - 1, Role::EventSuffix) {
            return None;
        }
        if ctx.is(b - 1, Role::OrgSuffix) || ctx.is(b - 1, Role::LegalForm) {
            return strong(EntityType::Organization);
        }
        if ctx.is(b - 1, Role::LocSuffix) || ctx.is(b - 1, Role::StreetSuffix) {
            return strong(EntityType::Location);
        }
    }
    // "Mecungo island", "Cabo Delgado province", "Afungi peninsula", "Kosevo stadium"
    let demonym = single && ctx.lang == Language::En && (ctx.is(a, Role::Demonym) || ["ese", "ian", "ish"].iter().any(|s| ctx.keys[a].ends_with(s)));
    if b < ctx.len() && !ctx.tk[b].cap && (ctx.is(b, Role::GeoSuffix) || ctx.is(b, Role::Facility)) && !demonym {
        return strong(EntityType::Location);
    }
    if vietnamese_full_name(ctx, a).is_some_and(|e| e == b) {
        return strong(EntityType::Person);
    }
    // "Ganja - thành phố lớn": an apposition that says what it is.
    if b + 1 < ctx.len() && matches!(ctx.tk[b].text, "-" | "–" | ",") && ctx.role_at(b + 1, &[Role::LocPrefix, Role::LocBare]).is_some() {
        return strong(EntityType::Location);
    }
    // "the firm Multico", "club Atalanta": what the word before says the name is (not a
    // person's name: "the company John Smith founded"; nor the end of a compound: "Film-maker").
    let compound = a >= 2 && ctx.tk[a - 1].glued && ctx.tk[a - 2].text == "-";
    if ctx.lang == Language::En && a > 0 && !ctx.tk[a - 1].cap && ctx.is(a - 1, Role::OrgDescriptor) && !compound && !ctx.lex.given_names.contains(&*ctx.keys[a]) {
        return strong(EntityType::Organization);
    }
    // A name and a year after "tại"/"at" is an event ("tại V-League 2021", "ở Copa America
    // 2016"), not where something happened, and in Vietnamese nobody's name either.
    let year_after = b < ctx.len() && ctx.tk[b].number && ctx.tk[b].text.len() == 4 && matches!(ctx.tk[b].text.get(..2), Some("19" | "20"));
    let place_prep = ctx.role_ending_at(a, &[Role::LocPreposition]).is_some() && !year_after;
    if year_after && role.is_none() && ctx.lang == Language::Vi {
        return None;
    }
    let weak_prep = ctx.role_ending_at(a, &[Role::WeakPreposition]).is_some() && !year_after;
    if single {
        // An acronym, or a word that tells where someone is from ("in Mexican bar", a
        // headline's grammar): no place.
        if ctx.tk[a].upper || (ctx.lang == Language::En && ctx.is(a, Role::Demonym)) {
            return None;
        }
        // Vietnamese: one capitalised syllable that a lower-case one follows starts a common
        // noun or a longer name ("tới Vòng chung kết", "từ Trưởng đoàn"), not a place: places
        // capitalise every syllable, and the one-syllable ones are listed (Huế, Vinh). Marked
        // letters tell a Vietnamese syllable from a foreign name ("tại Praha ngày 5").
        let opens_word = ctx.lang == Language::Vi && !ctx.tk[a].text.is_ascii() && is_vietnamese_syllable(ctx.tk[a].text) && b < ctx.len() && ctx.tk[b].word && !ctx.tk[b].cap;
        // (On a title-case line, "A Change in Guidelines?", capitals prove nothing: a guess.)
        // (Nor does a possessor: "in Tays' vehicle", "in Smith's car" say where; a known
        // place keeps its reading from the gazetteer, "in Germany's capital".)
        let possessor = b < ctx.len() && ctx.tk[b].glued && matches!(ctx.tk[b].text, "'" | "\u{2019}");
        if place_prep && !opens_word {
            return if ctx.tk[a].headline || possessor { weak(EntityType::Location) } else { strong(EntityType::Location) };
        }
        if weak_prep && !opens_word {
            return weak(EntityType::Location);
        }
        return Some(Mention::lone(a..b, EntityType::Person, text));
    }
    if (a..b).any(|k| ctx.tk[k].upper) {
        return if place_prep { weak(EntityType::Location) } else { None };
    }
    if place_prep {
        return strong(EntityType::Location);
    }
    if b - a <= 4 && (ctx.lang == Language::En || !looks_vietnamese(&text)) {
        return weak(EntityType::Person);
    }
    None
}

/// In Vietnamese text, the end of a foreign organization's name starting at `i`: a run of
/// capitalised words or acronyms (at most five) whose last is an English organization
/// suffix or legal form ("News", "Airlines", "Holdings", "Group").
pub fn foreign_org_end(ctx: &Ctx, i: usize) -> Option<usize> {
    if ctx.lang != Language::Vi || !ctx.is_name_word(i) {
        return None;
    }
    let en = ctx.lex.triggers.get(&Language::En)?;
    let suffix = |k: usize| en.get(&*ctx.keys[k]).is_some_and(|ps| ps.iter().any(|(words, t)| words.len() == 1 && t.capitalised && matches!(t.role, Role::OrgSuffix | Role::LegalForm)));
    let mut e = i + 1;
    let mut last = None;
    while e < ctx.len() && e - i < 5 && ctx.is_name_word(e) && !ctx.tk[e].sentence_start {
        if suffix(e) && ctx.tk[e].cap && !looks_vietnamese(ctx.tk[e].text) {
            last = Some(e + 1);
        }
        e += 1;
    }
    last
}

/// Where the field of a ministry ends when a minister's title ("Bộ trưởng", "Thứ trưởng")
/// before `a` is followed by it: "Bộ trưởng Quốc phòng" names the field of "Bộ Quốc phòng",
/// a ministry the lexicon knows. The field is its capitalised syllable and the lower-case
/// ones after it.
fn ministry_field(ctx: &Ctx, a: usize) -> Option<usize> {
    let (t, _) = ctx.role_ending_at(a, &[Role::PersonTitle])?;
    if !ctx.key_is(t + 1, &["trưởng"]) || !ctx.key_is(t, &["bộ", "thứ"]) {
        return None;
    }
    let heads = ctx.lex.triggers.get(&Language::Vi)?.get(&key("bộ"))?;
    heads.iter().filter(|(words, t)| t.role == Role::OrgStandalone && words.len() >= 3).find_map(|(words, _)| {
        let field = &words[1..];
        (a + field.len() <= ctx.len() && field.iter().enumerate().all(|(j, w)| *ctx.keys[a + j] == **w)).then_some(a + field.len())
    })
}

/// The role of the trigger right before token `a`, if any.
fn before(ctx: &Ctx, a: usize) -> Option<Role> {
    ctx.role_ending_at(a, &[Role::PersonTitle, Role::PersonTitleKept, Role::LocPrefix, Role::LocNamed, Role::LocInstitution, Role::LocBare, Role::OrgMedia, Role::OrgBare, Role::WeaponHead]).map(|(_, r)| r)
}
