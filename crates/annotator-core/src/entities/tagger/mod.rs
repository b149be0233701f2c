//! A learned sequence tagger for English names: an averaged perceptron over BIO tags, decoded
//! greedily left to right (each token's tag sees the two tags before it and the class its word
//! was given earlier in the article), so its work is linear in the text. Trained on CoNLL-2003 by `examples/train_tagger.rs`; the weights are
//! `data/model/en_tagger.bin`, described by `data/model/en_tagger.md` (the model card).
//!
//! It finds person, place and organization names with their boundaries; the recognizer's
//! rules keep what no corpus teaches (Vietnamese, weapons, datelines, lists of places after
//! a prefix), and [`super::recognize`] settles overlaps between the two in one place.

pub mod features;
pub mod model;
pub mod train;

use std::ops::Range;
use std::sync::OnceLock;

use super::context::Ctx;
use super::lexicon::Role;
use crate::model::EntityType;
use crate::text::language::Language;
use features::{allowed, class_of, features, tag_type, History, TokenFacts, N_TAGS};
use model::Model;

const EN_MODEL: &[u8] = include_bytes!("../../../data/model/en_tagger.bin");

/// The model of a language, if one is trained (English only: no open Vietnamese corpus).
pub fn model(lang: Language) -> Option<&'static Model> {
    static EN: OnceLock<Option<Model>> = OnceLock::new();
    match lang {
        Language::En => EN.get_or_init(|| Model::read(EN_MODEL).ok().filter(|m| !m.is_empty())).as_ref(),
        Language::Vi => None,
    }
}

/// The tag of every token of `ctx` under `model`.
pub fn tag_with(ctx: &Ctx, model: &Model) -> Vec<usize> {
    let mut tags = Vec::with_capacity(ctx.len());
    decode(ctx, model, |t, _| tags.push(t));
    tags
}

/// The tag of every token of `ctx` under `model`, with the scores it was chosen by (all zero
/// for a token not scored): for looking into a decision (`examples/tags.rs`).
pub fn scores_with(ctx: &Ctx, model: &Model) -> Vec<(usize, [f32; N_TAGS])> {
    let mut tags = Vec::with_capacity(ctx.len());
    decode(ctx, model, |t, s| tags.push((t, *s)));
    tags
}

/// Greedy decoding: `each` gets every token's tag and scores, in order.
fn decode(ctx: &Ctx, model: &Model, mut each: impl FnMut(usize, &[f32; N_TAGS])) {
    let facts = TokenFacts::new(ctx);
    let mut feats = Vec::with_capacity(48);
    let mut history = History::default();
    for i in 0..ctx.len() {
        // No name runs across a sentence break (nor a line break, which always is one).
        if ctx.tk[i].sentence_start {
            history.sentence();
        }
        // Outside a name, a word that is neither capitalised, an acronym nor a number cannot
        // open one (names are trimmed to such edges): O without scoring. Most tokens are these.
        // The "s" of a possessive may go on with a name ("Sudan People's Liberation Army",
        // "Moody's Investors Service"): the model decides, as it learnt to on CoNLL-2003 (a
        // trailing "'s" is trimmed off the name after).
        let t = &ctx.tk[i];
        let mut scores = [0f32; N_TAGS];
        let lower = t.word && !(t.cap || t.upper);
        let best = if (history.prev == 0 && !(t.cap || t.upper || t.number)) || (lower && !INNER_WORDS.contains(&&*ctx.keys[i]) && !ctx.possessive_s(i)) {
            0
        } else {
            features(ctx, &facts, i, &history, &mut feats);
            model.score(&feats, &mut scores);
            best_allowed(&scores, history.prev)
        };
        each(best, &scores);
        history.push(&facts, ctx, i, best);
    }
}

/// The lower-case words that stand inside names in CoNLL-2003 train more than once ("Bank of
/// England", "Ministry for Foreign Affairs", "Rafael de la Rosa"), with the name connectors of
/// the English lexicon ("von", "bin"); any other lower-case word
/// ends a name: the greedy decoder would otherwise carry a name on through a verb ("the World
/// Bank met Kristalina Georgieva" read as one name).
const INNER_WORDS: &[&str] = &["of", "and", "de", "the", "van", "for", "der", "in", "on", "et", "al", "da", "den", "du", "des", "del", "della", "dal", "la", "le", "les", "di", "von", "y", "do", "dos", "das", "bin", "ibn"];

/// The highest-scoring tag that may follow `prev`.
pub fn best_allowed(scores: &[f32; N_TAGS], prev: usize) -> usize {
    (0..N_TAGS).filter(|&t| allowed(prev, t)).fold(0, |b, t| if scores[t] > scores[b] { t } else { b })
}

/// The entities a tag sequence spells: token ranges with their type (MISC left out).
pub fn spans(tags: &[usize]) -> Vec<(Range<usize>, Option<EntityType>)> {
    let mut out: Vec<(Range<usize>, Option<EntityType>)> = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (start, class)
    for (i, &t) in tags.iter().chain(std::iter::once(&0)).enumerate() {
        let continues = t != 0 && t % 2 == 0 && open.is_some_and(|(_, c)| c == class_of(t));
        if !continues {
            if let Some((s, c)) = open.take() {
                out.push((s..i, tag_type(2 * c - 1)));
            }
            if t != 0 {
                open = Some((i, class_of(t)));
            }
        }
    }
    out
}

/// Names the model finds in `ctx`, as token ranges and types, in order; `None` where the
/// language has no model.
pub fn tag(ctx: &Ctx) -> Option<Vec<(Range<usize>, EntityType)>> {
    let model = model(ctx.lang)?;
    // A name starts and ends on a capitalised word, an acronym or a number ("Bank of England",
    // not "al-Assad spoke ."): the greedy decoder can run on past a name.
    let edge = |k: usize| ctx.tk[k].cap || ctx.tk[k].upper || ctx.tk[k].number;
    let trimmed = spans(&tag_with(ctx, model)).into_iter().filter_map(|(r, k)| {
        let (mut a, mut b) = (r.start, r.end);
        while a < b && !edge(b - 1) {
            b -= 1;
        }
        while a < b && !edge(a) {
            a += 1;
        }
        // A letter or a unit glued to a number is no name ("County Road 600S", "300km").
        if b - a == 1 && a > 0 && ctx.tk[a].glued && ctx.tk[a - 1].number {
            return None;
        }
        // "The" opening a sentence is no part of "Ministry of Health" or "University of Texas"
        // (a name on a head word and more), though it is of "The Times" and "The Hague".
        if b - a >= 3 && ctx.key_is(a, &["the"]) && ctx.role_at(a + 1, &[Role::OrgSuffix, Role::OrgHead, Role::OrgStandalone]).is_some() {
            a += 1;
        }
        (a < b).then_some((a..b, k))
    });
    // Miscellaneous names go after the joins: "Ryan S. Hollman" read as one is a person.
    let named = join_split_names(ctx, demonym_before_people(ctx, trimmed.collect()).into_iter()).into_iter().filter_map(|(r, k)| Some((r, k?))).filter_map(|(r, k)| {
        let k = if given_and_family_name(ctx, &r) { EntityType::Person } else { k };
        // A "person" ending on a title is a job ("Research and Advocacy Director").
        if k == EntityType::Person && r.len() > 1 && ctx.role_at(r.end - 1, &[Role::PersonTitle]).is_some_and(|(l, _)| l == 1) {
            return None;
        }
        // A person's name ends on a word: "Ryan S. Hollman 31, of Hope" gives his age.
        let mut r = r;
        while k == EntityType::Person && r.len() > 1 && ctx.tk[r.end - 1].number {
            r.end -= 1;
        }
        Some((r, k))
    });
    Some(hyphenated_people(ctx, split_people_at_and(ctx, split_at_titles(ctx, named.collect()))))
}

/// A person's name goes on over the hyphens it is written with, which the decoder cuts at:
/// a particle before a hyphenated family name ("Rami al-Saadani", "Ata-ur-Rehman"), another
/// capitalised part ("Smith-Jones"), or the second syllable of a Korean given name ("Kim
/// In-so", after a name of two words). Not a lower-case word after a one-word name ("Obama-era",
/// "Shanghai-based" is no person anyway).
/// Short words hyphenated to a name that make it a modifier, not part of it ("Boris
/// Johnson-led", "Barack Obama-era").
const NAME_SUFFIXES: &[&str] = &["led", "era", "run", "ish", "age", "day", "era's"];

fn hyphenated_people(ctx: &Ctx, spans: Vec<(Range<usize>, EntityType)>) -> Vec<(Range<usize>, EntityType)> {
    let n = ctx.len();
    let hyphen = |k: usize| k < n && ctx.tk[k].text == "-" && ctx.tk[k].glued;
    let glued_word = |k: usize| k < n && ctx.tk[k].glued && ctx.tk[k].word;
    let particle = |k: usize| k < n && ctx.tk[k].word && !ctx.tk[k].cap && !ctx.tk[k].upper && ctx.tk[k].text.chars().count() <= 3;
    // One word of a particle, a hyphen and a capitalised name ("al-Saadani", "ur-Rehman").
    let particle_name = |k: usize| {
        k < n && ctx.tk[k].word && ctx.tk[k].text.split_once('-').is_some_and(|(p, name)| (1..=3).contains(&p.chars().count()) && p.chars().all(char::is_lowercase) && name.starts_with(char::is_uppercase))
    };
    let mut out = spans;
    for i in 0..out.len() {
        let (r, kind) = out[i].clone();
        if kind != EntityType::Person {
            continue;
        }
        let limit = out.get(i + 1).map_or(n, |(next, _)| next.start);
        let mut end = r.end;
        loop {
            // (The tokenizer keeps "al-Saadani" one word, and cuts "Ata-ur-Rehman" and
            // "In-so" where a capital meets a hyphen and a lower-case letter.)
            let step = if hyphen(end) && glued_word(end + 1) && (ctx.tk[end + 1].cap || particle_name(end + 1)) {
                2 // "Ata" + "-ur-Rehman"
            } else if end == r.end && end < n && !ctx.tk[end].glued && particle_name(end) {
                1 // "Rami" + "al-Saadani"
            } else if end == r.end && r.len() >= 2 && hyphen(end) && glued_word(end + 1) && particle(end + 1) && !hyphen(end + 2) && !ctx.key_is(end + 1, NAME_SUFFIXES) {
                2 // "Kim In" + "-so"
            } else {
                0
            };
            if step == 0 || end + step > limit {
                break;
            }
            end += step;
        }
        out[i].0.end = end;
    }
    out
}

/// A nationality before a person's name is no part of it: the decoder reads "Australian Tom"
/// as one miscellaneous name (and "American Oliver McCall" whole), losing the given name. The
/// words after the nationality go to the person's name right after them, or, opening on a
/// common given name, are the person's name.
fn demonym_before_people(ctx: &Ctx, spans: Vec<(Range<usize>, Option<EntityType>)>) -> Vec<(Range<usize>, Option<EntityType>)> {
    let mut out: Vec<(Range<usize>, Option<EntityType>)> = Vec::with_capacity(spans.len());
    let mut spans = spans.into_iter().peekable();
    while let Some((r, kind)) = spans.next() {
        if kind.is_some() || r.len() < 2 || !ctx.is(r.start, Role::Demonym) {
            out.push((r, kind));
            continue;
        }
        let rest = r.start + 1..r.end;
        match spans.peek() {
            Some((p, Some(EntityType::Person))) if p.start == r.end => {
                let end = p.end;
                spans.next();
                out.push((rest.start..end, Some(EntityType::Person)));
            }
            _ if ctx.lex.given_names.contains(&*ctx.keys[rest.start]) => out.push((rest, Some(EntityType::Person))),
            _ => out.push((r, kind)),
        }
    }
    out
}

/// A name of two or three capitalised words that opens on a common given name and holds no
/// word that makes names of places or organizations ("Street", "Bank", "island") is a
/// person's, whatever type the tagger gave it ("Ruth Jordan", read as an organization
/// because "Jordan" is a country).
fn given_and_family_name(ctx: &Ctx, r: &Range<usize>) -> bool {
    const NOT_PEOPLE: &[Role] = &[Role::OrgHead, Role::OrgStandalone, Role::OrgMedia, Role::OrgSuffix, Role::LocSuffix, Role::LocPrefix, Role::GeoSuffix, Role::Facility, Role::EventSuffix, Role::Demonym, Role::Calendar, Role::Function];
    (2..=3).contains(&r.len())
        && ctx.lex.given_names.contains(&*ctx.keys[r.start])
        && r.clone().all(|k| ctx.tk[k].cap && !ctx.tk[k].upper && ctx.role_at(k, NOT_PEOPLE).is_none())
}


/// A tagged name cut in two where `cut` finds a separator in it: `(separator, type of the
/// second part)`; the first part keeps the name's type.
fn split_where(spans: Vec<(Range<usize>, EntityType)>, cut: impl Fn(&Range<usize>, EntityType) -> Option<(Range<usize>, EntityType)>) -> Vec<(Range<usize>, EntityType)> {
    let mut out = Vec::with_capacity(spans.len());
    for (r, kind) in spans {
        match cut(&r, kind) {
            Some((sep, second)) => {
                out.push((r.start..sep.start, kind));
                out.push((sep.end..r.end, second));
            }
            None => out.push((r, kind)),
        }
    }
    out
}

/// A title inside a tagged name separates two names: "Facebook CEO Mark Zuckerberg" is the
/// company, then the person the title introduces.
fn split_at_titles(ctx: &Ctx, spans: Vec<(Range<usize>, EntityType)>) -> Vec<(Range<usize>, EntityType)> {
    split_where(spans, |r, _| {
        let title = (r.start + 1..r.end).find_map(|k| ctx.role_at(k, &[Role::PersonTitle]).map(|(l, _)| k..k + l));
        title.filter(|t| t.end < r.end && ctx.tk[t.end].cap).map(|t| (t, EntityType::Person))
    })
}

/// One person's name never holds "and": "Trevor M. Ashby and Colleen B. Rourke" is two
/// people (an organization may: "Procter and Gamble").
fn split_people_at_and(ctx: &Ctx, spans: Vec<(Range<usize>, EntityType)>) -> Vec<(Range<usize>, EntityType)> {
    split_where(spans, |r, kind| {
        let and = (r.start + 1..r.end.saturating_sub(1)).find(|&k| kind == EntityType::Person && matches!(ctx.tk[k].text, "and" | "&"));
        and.map(|k| (k..k + 1, kind))
    })
}

/// Names the decoder cut in two are joined. A person's name with a middle initial is one name:
/// "Ryan S. Hollman" comes out of the decoder as "Ryan" and "Hollman" (or "Ryan S" and
/// "Hollman"), since Reuters rarely writes initials; two names with only an initial and its
/// full stop between are joined, and a name shaped so (a word, an initial, a word) is a
/// person's whatever type it was given. So are two names parted only by name particles ("da",
/// "van") and two people's names back to back.
fn join_split_names(ctx: &Ctx, spans: impl Iterator<Item = (Range<usize>, Option<EntityType>)>) -> Vec<(Range<usize>, Option<EntityType>)> {
    let initial = |k: usize| ctx.tk[k].cap && ctx.tk[k].text.chars().count() == 1;
    let stop = |k: usize| ctx.tk[k].text == "." && ctx.tk[k].glued;
    let mut out: Vec<(Range<usize>, Option<EntityType>)> = Vec::new();
    for (r, kind) in spans {
        if let Some((last, last_kind)) = out.last_mut() {
            // "Elizabeth" + "A. Burton": the second name starts on the initial.
            if last.end == r.start && r.len() >= 3 && initial(r.start) && stop(r.start + 1) && !initial(last.end - 1) && ctx.tk[last.end - 1].cap && !ctx.tk[r.start].sentence_start {
                last.end = r.end;
                *last_kind = Some(EntityType::Person);
                continue;
            }
            let gap = last.end..r.start;
            let bridged = match gap.len() {
                // "Ryan S" + "." + "Hollman"
                1 => initial(last.end - 1) && stop(gap.start),
                // "Ryan" + "S" "." + "Hollman"
                2 => initial(gap.start) && stop(gap.start + 1),
                _ => false,
            };
            // Either half may carry another type: the shape decides ("Ryan S. Hollman").
            let word_after = ctx.tk[r.start].text.chars().count() > 1;
            if bridged && word_after && !ctx.tk[r.start].sentence_start {
                last.end = r.end;
                *last_kind = Some(EntityType::Person);
                continue;
            }
            // "Mocimboa" + "da" + "Praia", "Danie" + "van" + "Schalkwyk": one or two
            // lower-case name particles between two names of one sentence join them (the
            // greedy decoder may drop a particle whose scores are close); the first half's
            // type holds, as it does for "Rafael de la Rosa".
            let particles = (1..=2).contains(&gap.len()) && gap.clone().all(|k| !ctx.tk[k].cap && !ctx.tk[k].sentence_start && ctx.is(k, Role::Connector));
            if particles && !ctx.tk[r.start].sentence_start && last_kind.is_some() && kind.is_some() {
                last.end = r.end;
                continue;
            }
            // "José" + "Antonio Yépez Ortíz": two people's names back to back, with nothing
            // between them, are one person's (two people are parted by a comma or "and").
            // A title tagged as a name of its own ("Mr" + "Obama") is no half: it is dropped
            // after; nor is a weekday read as a name ("John Doe" + "Tuesday").
            let title = ctx.role_ending_at(last.end, &[Role::PersonTitle, Role::PersonTitleKept]).is_some();
            if gap.is_empty() && *last_kind == Some(EntityType::Person) && kind == Some(EntityType::Person) && !ctx.tk[r.start].sentence_start && !title && !r.clone().any(|k| ctx.is(k, Role::Calendar)) {
                last.end = r.end;
                continue;
            }
        }
        out.push((r, kind));
    }
    // "Victor N. Burton" typed as a place: word, initial, full stop, word.
    for (r, kind) in out.iter_mut() {
        if r.len() >= 4 && (r.start + 1..r.end - 2).any(|k| initial(k) && stop(k + 1) && ctx.tk[k - 1].cap && ctx.tk[k + 2].cap) {
            *kind = Some(EntityType::Person);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_bio() {
        // O B-PER I-PER B-LOC I-ORG(stray: opens) O B-MISC
        let t = [0, 1, 2, 3, 6, 0, 7];
        let s = spans(&t);
        assert_eq!(s, vec![(1..3, Some(EntityType::Person)), (3..4, Some(EntityType::Location)), (4..5, Some(EntityType::Organization)), (6..7, None)]);
    }

    #[test]
    fn i_tags_only_continue_their_class() {
        assert!(allowed(1, 2) && allowed(2, 2) && !allowed(0, 2) && !allowed(3, 2) && allowed(3, 5));
    }
}
