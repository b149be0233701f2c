//! The recognizer: finds entity mentions with gazetteers, trigger words and the shape of
//! names, in passes whose results may nest (an organization may hold a location).
//!
//! 1. [`gazetteer`](fn@gazetteer): known names (countries, cities, Vietnamese divisions,
//!    curated lists), longest first; a Vietnamese full name beats a place name inside it
//!    ("Nguyễn Đức Toàn" is not Germany).
//! 2. [`places`]: names after an administrative or geographic word ("xã Phước Lộc",
//!    "sông Cầu", "quận 9", "vùng Khizi và Apsheron").
//! 3. [`names`]: the remaining capitalised runs, classified by their context and shape.
//! 4. [`organizations`]: names built on a head ("Bộ Quốc phòng Azerbaijan", "UBND xã Đông
//!    Tiến"), the outlet of a dateline, road codes and parenthesised acronyms.

use std::ops::Range;

use super::context::Ctx;
use super::mention::{Mention, Origin};
use super::lexicon::{match_from, Known, Role};
use super::{credits, names, organizations, places};
use crate::model::EntityType;
use crate::text::language::Language;
use crate::text::Document;

/// All mentions of the document, with which tokens the passes claimed.
pub fn recognize(doc: &Document) -> Vec<Mention> {
    let ctx = Ctx::new(doc);
    let mut covered = vec![false; ctx.len()];
    let mut out = gazetteer(&ctx, &mut covered);
    places::find(&ctx, &mut covered, &mut out);
    organizations::road_codes(&ctx, &mut covered, &mut out);
    organizations::web_outlets(&ctx, &mut covered, &mut out);
    names::find(&ctx, &mut covered, &mut out);
    organizations::find(&ctx, &mut out);
    organizations::dateline(&ctx, doc, &mut out);
    organizations::acronyms(&ctx, &mut out);
    credits::find(&ctx, doc, &mut out);
    let mut out = match super::tagger::tag(&ctx) {
        Some(tagged) => settle(&ctx, out, tagged),
        None => out,
    };
    if ctx.lang == Language::En {
        organizations_go_on(&ctx, &mut out);
        named_before_org_words(&ctx, &mut out);
        ordinal_streets(&ctx, &mut out);
        // "Jane Doe, MD, PhD": a degree after a person's name and a comma (or after another
        // degree) is no name; "Baltimore, MD" is the state.
        let degree = |k: usize| k < ctx.len() && ctx.tk[k - 1].text == "," && ctx.role_at(k, &[Role::Degree]).is_some_and(|(l, _)| l == 1);
        let mut degrees: Vec<usize> = Vec::new();
        for m in out.iter().filter(|m| m.kind == EntityType::Person) {
            let mut k = m.tokens.end + 1;
            while degree(k) {
                degrees.push(k);
                k += 2;
            }
        }
        degrees.sort_unstable();
        out.retain(|m| !(m.tokens.len() == 1 && degrees.binary_search(&m.tokens.start).is_ok()));
    }
    places_inside_organizations(&ctx, &mut out);
    with_closing_stops(&ctx, &mut out);
    out
}

/// A known place named inside an organization's name is a mention of the place as well
/// ("Columbus" in "Columbus Police Department", "Beijing" in "The Beijing News"): a reader
/// looking for the city finds it there, and the page nests the two (the development set's
/// gold nests them so). The gazetteer pass does this for the organizations it lists; this
/// does it for those the rules and the tagger found that end on a head word, where the place
/// is the body's seat. A club named after its city ("Inter Milan") is left whole: measured,
/// nesting every organization cost CoNLL-2003 dev 0.008 (it never nests) for 0.004 more on
/// the development set than this.
fn places_inside_organizations(ctx: &Ctx, mentions: &mut Vec<Mention>) {
    let mut seen: rustc_hash::FxHashSet<(usize, usize)> = mentions.iter().map(|m| (m.tokens.start, m.tokens.end)).collect();
    let mut found = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityType::Organization && m.tokens.len() >= 2 && ctx.is(m.tokens.end - 1, Role::OrgSuffix)) {
        let mut j = m.tokens.start;
        while j < m.tokens.end {
            match gazetteer_at(ctx, j).filter(|(l, k)| j + l <= m.tokens.end && k.kind == EntityType::Location) {
                Some((l, k)) => {
                    if seen.insert((j, j + l)) {
                        found.push(Mention::strong(j..j + l, k.kind, k.canonical.clone()).from(k.origin()));
                    }
                    j += l;
                }
                None => j += 1,
            }
        }
    }
    mentions.extend(found);
}

/// Streets numbered in words or digits ("42nd Street", "5th Avenue", "Fifth Avenue"): the
/// ordinal is written in lower case, so the capitalised run, and any name found on it, starts
/// at the street word. A name that starts on a street word right after an ordinal takes the
/// ordinal in and is a place.
fn ordinal_streets(ctx: &Ctx, mentions: &mut [Mention]) {
    // The tokenizer writes "42nd" as a number and a glued suffix.
    let ordinal_before = |a: usize| a >= 2 && ctx.tk[a - 2].number && ctx.key_is(a - 1, &["st", "nd", "rd", "th"]) && ctx.tk[a - 1].glued && !ctx.tk[a].glued;
    for m in mentions.iter_mut() {
        let a = m.tokens.start;
        if (ctx.is(a, Role::StreetSuffix) || ctx.is(a, Role::LocSuffix)) && ordinal_before(a) {
            m.tokens.start = a - 2;
            (m.kind, m.weak, m.lone) = (EntityType::Location, false, false);
            m.canonical = ctx.join(m.tokens.clone());
        }
    }
}

/// How many capitalised words an organization's name takes on after "of"/"for" (and one
/// fewer before its possessive) ("New England Journal of Medicine", "Murdoch Children's Research
/// Institute").
const ORG_EXTENSION_WORDS: usize = 4;

/// English organizations whose name the tagger or the rules cut short: one that ends on its
/// head word goes on through "of"/"for" and the capitalised words after it ("New England
/// Journal of Medicine", "Institute for Fiscal Studies"), and one that starts after a
/// possessive takes in the capitalised words the possessive closes ("Murdoch Children's
/// Research Institute"). What the longer name now holds is no mention of its own.
fn organizations_go_on(ctx: &Ctx, mentions: &mut Vec<Mention>) {
    let n = ctx.len();
    let name_word = |k: usize| k < n && ctx.tk[k].cap && !ctx.tk[k].sentence_start && ctx.introduces_name(k).map_or(true, |(_, r)| matches!(r, Role::OrgHead | Role::OrgStandalone));
    // A place or a person before the possessive owns it ("Germany's Foreign Ministry").
    let mut other = vec![false; n];
    for m in mentions.iter().filter(|m| m.kind != EntityType::Organization) {
        other[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    let owned_by_other = |k: usize| other[k];
    // A person after "and" ends the list ("the Department of Justice and Jane Doe"): one the
    // rules found, or the tagger on a given name (not "Climate Research").
    let mut person = vec![false; n];
    let a_person = |m: &Mention| m.kind == EntityType::Person && !m.weak && !m.lone && (m.origin != Origin::Tagger || ctx.lex.given_names.contains(&*ctx.keys[m.tokens.start]));
    for m in mentions.iter().filter(|m| a_person(m)) {
        person[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    let listed_word = |k: usize| name_word(k) && !person[k];
    // Before a possessive, an office's title is a name word too ("the County Sheriff's
    // Office", "the Attorney General's Department"): the office owns the body.
    let title = |k: usize| k < n && ctx.introduces_name(k).is_some_and(|(_, r)| matches!(r, Role::PersonTitle | Role::PersonTitleKept));
    let owner_word = |k: usize| name_word(k) || (k < n && ctx.tk[k].cap && !ctx.tk[k].sentence_start && title(k));
    // A head word alone opens such a name too ("the Center for Food Safety"): the rules take
    // a lone capitalised word for no organization, and the tagger may have split the rest.
    let mut claimed = vec![false; n];
    for m in mentions.iter().filter(|m| !m.weak && !m.lone) {
        claimed[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    let heads: Vec<usize> = (0..n.saturating_sub(2)).filter(|&k| ctx.tk[k].cap && !claimed[k] && ctx.is(k, Role::OrgSuffix) && ctx.key_is(k + 1, &["of", "for"]) && name_word(k + 2)).collect();
    mentions.extend(heads.into_iter().map(|k| Mention::strong(k..k + 1, EntityType::Organization, ctx.join(k..k + 1))));
    let mut grown: Vec<Range<usize>> = Vec::new();
    for m in mentions.iter_mut().filter(|m| m.kind == EntityType::Organization) {
        let (a, mut b) = (m.tokens.start, m.tokens.end);
        if b + 1 < n && ctx.key_is(b, &["of", "for"]) && ctx.is(b - 1, Role::OrgSuffix) && name_word(b + 1) {
            b = extension_end(ctx, b + 1, &name_word, &listed_word);
        }
        let mut s = a;
        if a >= 3 && ctx.possessive_s(a - 1) && ctx.is(b - 1, Role::OrgSuffix) && owner_word(a - 3) && !owned_by_other(a - 3) {
            s = a - 2;
            // After a title the words before it name its office, places included ("Harlan
            // County Sheriff's Office"); otherwise a place or a person owns the body.
            let office = title(a - 3);
            while s > 0 && a - s <= ORG_EXTENSION_WORDS && owner_word(s - 1) && (office || !owned_by_other(s - 1)) {
                s -= 1;
            }
        }
        if (s, b) != (a, m.tokens.end) {
            m.tokens = s..b;
            m.canonical = ctx.join(s..b);
            grown.push(s..b);
        }
    }
    if grown.is_empty() {
        return;
    }
    // What a grown name now overlaps goes (marked per token: no test of every pair).
    let mut owner: Vec<Option<usize>> = vec![None; n];
    for (g, r) in grown.iter().enumerate() {
        for o in &mut owner[r.clone()] {
            o.get_or_insert(g);
        }
    }
    let index: rustc_hash::FxHashMap<(usize, usize), usize> = grown.iter().enumerate().map(|(g, r)| ((r.start, r.end), g)).collect();
    mentions.retain(|m| {
        let mine = index.get(&(m.tokens.start, m.tokens.end)).copied();
        owner[m.tokens.clone()].iter().all(|o| o.is_none() || (mine.is_some() && *o == mine))
    });
}

/// Where the capitalised words of an organization's name after its "of"/"for" end, from
/// `start`: at most [`ORG_EXTENSION_WORDS`] words, which may be listed with "and" and commas
/// ("Center for Food and Allergy Research", "Academy of Allergy, Asthma and Immunology") when
/// the list closes on a name word; a list still open ("…Research and the", "…Health, said")
/// stops before its conjunction, and so does one that a person's name closes ("the Department
/// of Justice and Jane Doe": `listed_word` says which words may follow a conjunction).
fn extension_end(ctx: &Ctx, start: usize, name_word: &dyn Fn(usize) -> bool, listed_word: &dyn Fn(usize) -> bool) -> usize {
    let n = ctx.len();
    let (mut e, mut words) = (start, 0);
    while e < n && words < ORG_EXTENSION_WORDS && name_word(e) {
        e += 1;
        words += 1;
        // A comma or "and" joins the next name word; a comma may be followed by "and".
        let mut j = e;
        if j < n && ctx.tk[j].text == "," {
            j += 1;
        }
        let comma = j > e;
        if j < n && ctx.key_is(j, &["and", "&"]) {
            j += 1;
        }
        // A comma alone continues only a list that "and" closes before the run ends.
        let closes = |k: usize| (k..n.min(k + 2 * ORG_EXTENSION_WORDS)).take_while(|&x| name_word(x) || ctx.tk[x].text == ",").any(|x| x + 2 < n && ctx.key_is(x + 1, &["and", "&"]) && listed_word(x + 2));
        if j > e && j < n && listed_word(j) && (!comma || j > e + 1 || closes(j)) && words < ORG_EXTENSION_WORDS {
            e = j;
        }
    }
    e
}

/// A name right before a word that only follows organizations' names ([`Role::OrgFollower`]:
/// "Ericsson spokesman", "Pirelli shares", "the Sun newspaper") is an organization's, whatever
/// the tagger made of it: a company's name has no head word to tell it by, and the tagger
/// reads an unknown one as a person's. A listed place keeps its reading ("a Ukraine
/// spokesman" speaks for the country), and so do a person named in full ("a Joe Biden
/// spokesman", "Maria Ressa shares the prize") and the surname of one ("a Trump spokesman").
/// A capitalised word no pass took, inside a sentence, becomes the organization's mention.
/// The resolver then gives every mention of the name this type.
fn named_before_org_words(ctx: &Ctx, mentions: &mut Vec<Mention>) {
    let follows = |b: usize| b < ctx.len() && !ctx.tk[b].cap && ctx.is(b, Role::OrgFollower);
    let surnames: rustc_hash::FxHashSet<&str> = mentions.iter().filter(|m| m.kind == EntityType::Person && m.tokens.len() >= 2).map(|m| &*ctx.keys[m.tokens.end - 1]).collect();
    let someones = |m: &Mention| m.tokens.len() == 1 && surnames.contains(&*ctx.keys[m.tokens.start]);
    let mut covered = vec![false; ctx.len()];
    for m in mentions.iter_mut() {
        covered[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
        let named_in_full = m.kind == EntityType::Person && m.tokens.len() >= 2; // "A Joe Biden spokesman"
        if !follows(m.tokens.end) || m.kind == EntityType::Organization || m.origin == Origin::List || someones(m) || named_in_full {
            continue;
        }
        m.kind = EntityType::Organization;
        (m.origin, m.weak, m.lone) = (Origin::Rule, false, false);
    }
    let mut found = Vec::new();
    for b in 1..ctx.len() {
        let a = b - 1;
        let t = &ctx.tk[a];
        if follows(b) && !covered[a] && t.cap && t.word && !t.sentence_start && !t.noise && !ctx.may_trigger(a) && !ctx.lex.given_names.contains(&*ctx.keys[a]) {
            found.push(Mention::strong(a..b, EntityType::Organization, t.text.to_string()));
        }
    }
    mentions.extend(found);
    mentions.sort_by(|x, y| x.tokens.start.cmp(&y.tokens.start).then(y.tokens.end.cmp(&x.tokens.end)));
}

/// A name that ends on an initial ends on its full stop: "ông L.V.H. (SN 1980)", "tài xế L.",
/// "the U.S." are written so, and a reader selects them so; so does one that ends on an
/// abbreviation made to end names ("First Albany Corp.", "King Jr.", "Eighth St.": see
/// [`crate::text::sentences::ends_names`]). The stop must touch the letter.
fn with_closing_stops(ctx: &Ctx, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        let last = m.tokens.end - 1;
        let stop = m.tokens.end;
        // Initials written as one word ("L.V.H", "U.S"), or one letter standing for a
        // person's name ("L." after "ông", "tài xế"); not a syllable that is one letter
        // ("Đông Nam Á.").
        let t = ctx.tk[last].text;
        let letter = |p: &str| p.chars().count() == 1 && p.chars().all(|c| c.is_ascii_uppercase() || c == 'Đ');
        let initials = t.contains('.') && t.split('.').all(letter);
        let lone = letter(t) && (m.tokens.len() == 1 || m.kind == EntityType::Person);
        let abbreviation = m.tokens.len() > 1 && crate::text::sentences::ends_names(t);
        if stop < ctx.len() && (initials || lone || abbreviation) && ctx.tk[stop].text == "." && ctx.tk[stop].glued {
            m.tokens.end += 1;
            if m.canonical.ends_with(ctx.tk[last].text) {
                m.canonical.push('.');
            }
        }
    }
}

/// The one place where the rules' mentions and the tagger's names meet.
///
/// 1. Tagged names that are never names by themselves go ([`not_a_name`]).
/// 2. A strong rule reading (a list's name, a name after a title or a place word, an
///    organization on its head word) stands, and a tagged name that overlaps one is dropped,
///    unless it holds it whole and is longer ("Toyota Motor" over the city), or is an
///    organization holding an organization and places and no person ("Supreme Court of
///    Kenya"), or is exactly a city list's reading (a club named after its city).
/// 3. A tagged name that stands replaces the rules' readings over its words, except weapons,
///    and adds the names the rules missed; a weak rule guess (a capitalised run taken for a
///    person by its shape, a word after "at") that the tagger did not confirm is dropped.
///
/// Languages without a model keep the rules' mentions as they are. Measured both ways
/// round: the tagger first scores higher on CoNLL-2003 (its own domain) but lower on the
/// development set's English articles, where the lists and triggers know more than Reuters
/// 1996 taught it.
fn settle(ctx: &Ctx, rules: Vec<Mention>, tagged: Vec<(Range<usize>, EntityType)>) -> Vec<Mention> {
    // Last words of the people named in full: "May" after "Theresa May" is her name.
    let surnames: rustc_hash::FxHashSet<&str> = tagged.iter().filter(|(r, k)| *k == EntityType::Person && r.len() >= 2).map(|(r, _)| &*ctx.keys[r.end - 1]).collect();
    let tagged: Vec<(Range<usize>, EntityType)> = tagged.into_iter().filter(|(r, k)| !not_a_name(ctx, r.clone(), &surnames) && !(*k == EntityType::Person && unattested(ctx, r.clone()))).collect();
    // The strong readings, with whether each comes from an ambiguous list (a city's name).
    let mut strong: Vec<(Range<usize>, EntityType, bool)> = rules.iter().filter(|m| !m.weak && !m.lone).map(|m| (m.tokens.clone(), m.kind, m.origin == Origin::AmbiguousList)).collect();
    strong.sort_by_key(|(r, ..)| (r.start, r.end));
    // The running maximum of the readings' ends, for an overlap test by bisection.
    let mut reach = Vec::with_capacity(strong.len());
    let mut far = 0;
    for (r, ..) in &strong {
        far = far.max(r.end);
        reach.push(far);
    }
    let hits_strong = |r: &Range<usize>| {
        // Among the readings starting before `r` ends, the one reaching furthest decides.
        let k = strong.partition_point(|(s, ..)| s.start < r.end);
        k > 0 && reach[k - 1] > r.start
    };
    // The strong readings that start inside `r`, when none starting before it reaches into it.
    let inside = |r: &Range<usize>| {
        let (a, b) = (strong.partition_point(|(s, ..)| s.start < r.start), strong.partition_point(|(s, ..)| s.start < r.end));
        (a == 0 || reach[a - 1] <= r.start).then(|| &strong[a..b])
    };
    // ...unless the tagged name holds the one strong reading it touches: the longer name wins
    // ("Toyota Motor" over the city "Toyota"), as the gazetteers' longest match does. Holding
    // two ("Johnston County Sheriff Steve Bizzell") it is two names run together, except an
    // organization built of an organization and places, or ending on an organization's head
    // word, and holding no person ("Supreme Court of Kenya", "Bank of England").
    let within = |r: &Range<usize>, kind: EntityType| {
        // All that start inside end inside.
        let Some(inside) = inside(r).filter(|s| !s.is_empty() && s.iter().all(|(s, ..)| s.end <= r.end)) else { return false };
        if let [(one, ..)] = inside {
            return one.len() < r.len();
        }
        let org_first = inside[0].0.start == r.start && inside[0].1 == EntityType::Organization;
        kind == EntityType::Organization && !inside.iter().any(|(_, k, _)| *k == EntityType::Person) && (org_first || ctx.is(r.end - 1, Role::OrgSuffix))
    };
    // A city list's reading of exactly these words, and no other strong reading touching them
    // ("Chicago" alone, not inside "Chicago Police Department"), yields to the tagger's type:
    // a team is named after its city. A person's name yields to the city, unless someone in
    // the article has that name as a surname ("in Denver" read as a person's name because
    // the headline's "Denver" was; "Ms Washington" after "Kerry Washington").
    let only_open = |r: &Range<usize>, kind: EntityType| {
        let person = kind == EntityType::Person && r.len() == 1 && !surnames.contains(&*ctx.keys[r.start]);
        !person && inside(r).is_some_and(|s| s.iter().all(|(s, ..)| s == r) && s.iter().any(|(_, _, open)| *open))
    };
    // A place's name followed by an organization's head word is the organization ("United
    // States Navy", "Vietnam Coast Guard"), whatever type the tagger gave the whole.
    let place_and_head = |r: &Range<usize>| {
        ctx.lang == Language::En && ctx.is(r.end - 1, Role::OrgSuffix) && inside(r).is_some_and(|s| matches!(s, [(p, EntityType::Location, _)] if p.start == r.start && p.end < r.end))
    };
    // A person's name that opens on a common given name, or follows a title, holds the places
    // named like its words: "George Bush" is no town George and no Bush, nor "Hassan" in
    // "President Hassan Rouhani" or "Elizabeth" in "Queen Elizabeth" a city.
    // (Not one ending on a place's or a body's word: "Lee Gardens Hotel" is the hotel.)
    let person_named = |r: &Range<usize>, kind: EntityType| {
        let titled = ctx.role_ending_at(r.start, &[Role::PersonTitle, Role::PersonTitleKept]).is_some();
        let given = r.len() >= 2 && ctx.lex.given_names.contains(&*ctx.keys[r.start]);
        let headed = ctx.role_at(r.end - 1, &[Role::LocSuffix, Role::StreetSuffix, Role::Facility, Role::OrgSuffix]).is_some();
        kind == EntityType::Person
            && (titled || given)
            && !headed
            && inside(r).is_some_and(|s| !s.is_empty() && s.iter().all(|(s, k, _)| s.end <= r.end && *k == EntityType::Location && (titled || s.len() < r.len())))
    };
    let tagged: Vec<(Range<usize>, EntityType)> = tagged
        .into_iter()
        .filter(|(r, k)| !hits_strong(r) || within(r, *k) || only_open(r, *k) || person_named(r, *k))
        .map(|(r, k)| if place_and_head(&r) { (r, EntityType::Organization) } else { (r, k) })
        .collect();
    // Tagged names are disjoint and in order.
    let overlaps_tagged = |r: &Range<usize>| {
        let k = tagged.partition_point(|(t, _)| t.end <= r.start);
        tagged.get(k).is_some_and(|(t, _)| t.start < r.end)
    };
    // A guess from shape alone that the tagger did not confirm goes; a lone word stays for
    // `resolve`, which keeps it only as a known person's surname or a misspelt place.
    let mut out: Vec<Mention> = rules.into_iter().filter(|m| m.kind == EntityType::Weapon || (!overlaps_tagged(&m.tokens) && !(m.weak && !m.lone))).collect();
    out.extend(tagged.into_iter().map(|(r, kind)| {
        let name = ctx.join(r.clone());
        Mention::strong(r, kind, name).from(Origin::Tagger)
    }));
    out
}

/// What the tagger may take for a name but never is one by itself, as the rules already know:
/// words that only tell where someone is from or what they believe ("Muslim", "The North
/// African"), titles and words that open sentences ("Mr", "However"), and a capitalised word
/// at a sentence start that the article writes in lower case elsewhere and never capitalises
/// mid-sentence ("Staff", "Good"); unless the word is the last of a person named in full
/// ("Theresa May", "John Major").
fn not_a_name(ctx: &Ctx, r: Range<usize>, surnames: &rustc_hash::FxHashSet<&str>) -> bool {
    if r.len() == 1 && surnames.contains(&*ctx.keys[r.start]) {
        return false;
    }
    let mut j = r.start;
    while j < r.end {
        if let Some((l, _)) = ctx.role_at(j, &[Role::Demonym]).filter(|(l, _)| j + l <= r.end) {
            j += l;
        } else if ctx.is(j, Role::Function) || ctx.is(j, Role::PersonTitle) || ctx.is(j, Role::Calendar) {
            j += 1;
        } else {
            break;
        }
    }
    let ordinary = r.len() == 1 && ctx.tk[r.start].initial && ctx.ordinary_initial(r.start);
    j == r.end || ordinary
}

/// A single word capitalised only where capitals prove nothing (a sentence's first word, a
/// title-case headline: "Babies Who Eat Peanuts Early", "Luxurious hotels…"), that the
/// article never capitalises in the middle of a sentence and no list knows: no evidence
/// of a name, and a person's name is given in full somewhere (a team at the start of each
/// line of a results table is not held to this: measured, CoNLL dev 0.888 -> 0.868 when it
/// was).
fn unattested(ctx: &Ctx, r: Range<usize>) -> bool {
    let t = &ctx.tk[r.start];
    r.len() == 1 && !t.upper && (t.sentence_start || t.headline) && !ctx.named_in_prose(r.start) && gazetteer_at(ctx, r.start).is_none()
}

fn gazetteer_at(ctx: &Ctx, i: usize) -> Option<(usize, &'static Known)> {
    let t = &ctx.tk[i];
    if !t.word || t.noise {
        return None;
    }
    match_from(ctx.places_from(i)?, &ctx.keys, i, |k: &Known, n| {
        if (i..i + n).any(|j| ctx.tk[j].noise) {
            return false;
        }
        match &k.exact {
            // Acronyms only as written ("IS", not "is").
            Some(exact) => ctx.join(i..i + n) == *exact || (i..i + n).map(|j| ctx.tk[j].text).collect::<String>() == *exact,
            // Capitalised names must start capitalised in the text ("Hà Nội", not "hà nội");
            // names listed in lower case need not ("châu Âu").
            None => t.cap || k.lower_start,
        }
    })
}

/// The points of the compass that open Vietnamese names of regions and namesakes.
const COMPASS: &[&str] = &["bắc", "nam", "đông", "tây"];

/// Vietnamese titles of address, kinship and trade: unlike an office ("Tổng thống Mỹ"), they
/// are never followed by the name of a country as such.
const PERSONAL_TITLES: &[&str] = &["ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "bé", "cháu", "bầu", "hlv", "cầu thủ", "tiền vệ", "tiền đạo", "thủ môn", "hậu vệ", "trung vệ", "danh thủ", "ca sĩ", "diễn viên", "nghệ sĩ", "nhà văn"];

/// Pass 1: gazetteer phrases, longest first.
fn gazetteer(ctx: &Ctx, covered: &mut [bool]) -> Vec<Mention> {
    let n = ctx.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let Some((len, k)) = gazetteer_at(ctx, i) else {
            i += 1;
            continue;
        };
        // "Pháp luật" (law) is not France: a compound longer than the name holds it; nor is
        // "Delta" in "Delta News" a place (see [`super::names::foreign_org_end`]).
        if ctx.role_at(i, &[Role::Compound]).is_some_and(|(l, _)| l > len) || ctx.inside_compound(i) || super::names::foreign_org_end(ctx, i).is_some_and(|e| e > i + len) {
            i += 1;
            continue;
        }
        // Vietnamese: a point of the compass before a known place that is no country names a
        // part or a namesake of it, one place ("Bắc Carolina", "Tây Virginia", "Bắc Đại Tây
        // Dương"); before a country it is a region of the country, left as the country
        // ("Bắc Iraq").
        if ctx.lang == Language::Vi && k.kind == EntityType::Location && !k.country && i > 0 && ctx.key_is(i - 1, COMPASS) && ctx.tk[i - 1].cap && !ctx.tk[i].sentence_start && !covered[i - 1] && (i < 2 || !ctx.is_name_word(i - 2) || ctx.tk[i - 1].sentence_start) {
            out.push(Mention::strong(i - 1..i + len, EntityType::Location, ctx.join(i - 1..i + len)));
            covered[i - 1..i + len].iter_mut().for_each(|c| *c = true);
            i += len;
            continue;
        }
        // Vietnamese: a known name glued to a capitalised word before it is part of a longer
        // name ("Hiệp Bình Phước" is not the province Bình Phước).
        if ctx.lang == Language::Vi && i > 0 && ctx.is_name_word(i - 1) && !ctx.tk[i - 1].upper && !ctx.tk[i].initial && !covered[i - 1] && !ctx.ordinary_initial(i - 1) {
            i += 1;
            continue;
        }
        // Vietnamese: a title introduces a person, even one named like a city or a province
        // ("tiền vệ Xuân Trường", "bầu Đức"); a country after a title is the title's country
        // ("Tổng thống Mỹ").
        if ctx.lang == Language::Vi && k.kind == EntityType::Location && !k.country && ctx.role_ending_at(i, &[Role::PersonTitle, Role::PersonTitleKept]).is_some() {
            i += 1;
            continue;
        }
        // ...but after a word of address or a trade, not an office, a country's name is the
        // person's ("bầu Đức", "ông Đức", "tiền vệ Đức").
        if ctx.lang == Language::Vi && k.country && len == 1 && ctx.role_ending_at(i, &[Role::PersonTitle]).is_some_and(|(s, _)| PERSONAL_TITLES.iter().any(|t| ctx.join(s..i).to_lowercase() == *t)) {
            i += 1;
            continue;
        }
        // Vietnamese: a family name followed by capitalised syllables is a person, even when a
        // place hides inside ("Nguyễn Đức Toàn", "Hồ Văn Lan").
        if let Some(end) = names::vietnamese_full_name(ctx, i).filter(|&e| e > i + len) {
            i = end;
            continue;
        }
        out.push(Mention::strong(i..i + len, k.kind, k.canonical.clone()).from(k.origin()));
        covered[i..i + len].iter_mut().for_each(|c| *c = true);
        // Places named inside an organization's name ("The Beijing News") are mentions too.
        if len >= 2 && k.kind != EntityType::Location {
            for j in i + 1..i + len {
                if let Some((l2, k2)) = gazetteer_at(ctx, j).filter(|(l2, k2)| j + l2 <= i + len && k2.kind == EntityType::Location) {
                    out.push(Mention::strong(j..j + l2, k2.kind, k2.canonical.clone()).from(k2.origin()));
                }
            }
        }
        i += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;
    use crate::Language;

    #[test]
    fn a_word_capitalised_only_where_capitals_prove_nothing_is_unattested() {
        let doc = Document::new("Luxurious villas line the coast.\nKeller spoke first. Later, Keller left.\nChildren Who Eat Greens Sleep Better\nThe team: Given, Breen, Staunton.", Some(Language::En));
        let ctx = Ctx::new(&doc);
        let at = |w: &str| ctx.tk.iter().position(|t| t.text == w).expect("the word is in the text");
        assert!(unattested(&ctx, at("Luxurious")..at("Luxurious") + 1), "a sentence's first word, never capitalised mid-sentence");
        assert!(!unattested(&ctx, at("Keller")..at("Keller") + 1), "capitalised mid-sentence elsewhere");
        assert!(ctx.tk[at("Eat")].headline && unattested(&ctx, at("Eat")..at("Eat") + 1), "a title-case headline");
        assert!(!ctx.tk[at("Breen")].headline, "a list of names is no headline");
    }
}
