//! What the tagger sees of a token: its form, shape and affixes, its neighbours, where it
//! stands, whether the article also writes it in lower case, and what the gazetteers and
//! trigger lexicons say of it and its neighbours (the lists are evidence here, not verdicts).
//!
//! Each feature is a template number and a string, hashed to 32 bits (FNV-1a): the model
//! stores weights by hash, so no feature string is kept at run time.

use super::super::context::Ctx;
use super::super::lexicon::{longest_match, Role};
use crate::model::EntityType;

/// The tags, BIO over the three types we emit plus MISC (CoNLL's fourth type: learning it
/// keeps nationalities and events from being read as places or people).
pub const TAGS: [&str; 9] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
pub const N_TAGS: usize = TAGS.len();

/// The type of tag `t`, for the types we emit.
pub fn tag_type(t: usize) -> Option<EntityType> {
    match t {
        1 | 2 => Some(EntityType::Person),
        3 | 4 => Some(EntityType::Location),
        5 | 6 => Some(EntityType::Organization),
        _ => None,
    }
}

/// The class of tag `t`: 1 PER, 2 LOC, 3 ORG, 4 MISC, 0 for O.
pub fn class_of(t: usize) -> usize {
    t.div_ceil(2)
}

/// Whether tag `t` may follow tag `prev` (an I- tag continues its own class only).
pub fn allowed(prev: usize, t: usize) -> bool {
    t == 0 || t % 2 == 1 || class_of(prev) == class_of(t)
}

/// Hash of one feature: its template and the parts of its value (FNV-1a, parts separated by
/// a byte no text holds, so "a|bc" and "ab|c" differ). No string is built.
fn hash(template: u8, parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    };
    eat(template);
    for p in parts {
        eat(0xff);
        p.iter().for_each(|&b| eat(b));
    }
    h
}

/// A word's shape: each run of upper-case letters "X", lower-case "x", digits "d", others as
/// they are, runs collapsed ("McDonald" → "XxXx", "1996-08-30" → "d-d-d").
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(s) {
            out.push(s);
        }
        if out.len() > 8 {
            break;
        }
    }
    out
}

/// Per-token facts computed once per document, before tagging.
pub struct TokenFacts {
    /// Shape of each token ([`shape`]).
    pub shapes: Vec<String>,
    /// Gazetteer reading of each token: 0 none, else 1 + 2·type + (1 if inside, 0 if first).
    pub gazetteer: Vec<u8>,
    /// Trigger role starting at each token (one-word triggers), as a small number.
    pub role: Vec<u8>,
}

const ROLES: &[Role] = &[
    Role::PersonTitle,
    Role::PersonTitleKept,
    Role::LocPrefix,
    Role::LocNamed,
    Role::LocBare,
    Role::LocPreposition,
    Role::OrgHead,
    Role::OrgStandalone,
    Role::OrgMedia,
    Role::OrgSuffix,
    Role::LocSuffix,
    Role::WeaponHead,
    Role::Connector,
    Role::Function,
    Role::EventSuffix,
    Role::GeoSuffix,
    Role::Calendar,
    Role::WeakPreposition,
];

impl TokenFacts {
    pub fn new(ctx: &Ctx) -> TokenFacts {
        let n = ctx.len();
        let mut gazetteer = vec![0u8; n];
        let mut i = 0;
        while i < n {
            let hit = ctx.tk[i].word.then(|| longest_match(&ctx.lex.gazetteer, ctx.keys, i, |k, _| k.exact.is_none() || ctx.tk[i].upper)).flatten();
            match hit {
                Some((len, k)) => {
                    let t = match k.kind {
                        EntityType::Person => 0,
                        EntityType::Location => 1,
                        EntityType::Organization => 2,
                        EntityType::Weapon => 3,
                    };
                    for (j, g) in gazetteer[i..i + len].iter_mut().enumerate() {
                        *g = 1 + 2 * t + u8::from(j > 0);
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        let role = (0..n)
            .map(|i| ctx.role_at(i, ROLES).map_or(0, |(l, r)| if l == 1 { 1 + ROLES.iter().position(|x| *x == r).unwrap_or(0) as u8 } else { 100 }))
            .collect();
        let shapes = ctx.tk.iter().map(|t| shape(t.text)).collect();
        TokenFacts { shapes, gazetteer, role }
    }
}

/// The features of token `i`, given the tags of the two tokens before it.
pub fn features(ctx: &Ctx, facts: &TokenFacts, i: usize, prev: usize, prev2: usize, out: &mut Vec<u32>) {
    out.clear();
    let n = ctx.len();
    let at = |k: isize| -> Option<usize> {
        let j = i as isize + k;
        (j >= 0 && (j as usize) < n).then_some(j as usize)
    };
    let word = |k: isize| -> &[u8] {
        match at(k) {
            Some(j) => ctx.keys[j].as_bytes(),
            None if k < 0 => b"<s>",
            None => b"</s>",
        }
    };
    let shape_at = |k: isize| -> &[u8] { at(k).map_or(b"-", |j| facts.shapes[j].as_bytes()) };
    let byte = |v: &[u8], k: isize| -> [u8; 1] { [at(k).map_or(255, |j| v[j])] };
    let t = &ctx.tk[i];
    let w = ctx.keys[i].as_str();
    let form = t.text.as_bytes();
    let sh = facts.shapes[i].as_bytes();
    let flag = |b: bool| -> &[u8] { if b { b"1" } else { b"0" } };
    let mut f = |template: u8, parts: &[&[u8]]| out.push(hash(template, parts));
    f(0, &[]);
    f(1, &[w.as_bytes()]);
    f(2, &[word(-1)]);
    f(3, &[word(1)]);
    f(4, &[word(-2)]);
    f(5, &[word(2)]);
    f(6, &[sh]);
    // Suffixes of one to four characters, prefixes of one to three.
    for (b, _) in w.char_indices().rev().take(4) {
        f(7, &[w[b..].as_bytes()]);
    }
    for (b, c) in w.char_indices().take(3) {
        f(8, &[w[..b + c.len_utf8()].as_bytes()]);
    }
    f(9, &[shape_at(-1)]);
    f(10, &[shape_at(1)]);
    f(11, &[shape_at(-1), sh]);
    f(12, &[sh, shape_at(1)]);
    f(13, &[flag(t.initial)]);
    f(14, &[flag(t.initial), sh]);
    // The article writes this word in lower case too (an ordinary word capitalised), or
    // capitalised away from a sentence start (a name).
    f(15, &[flag(ctx.lowercase_seen.contains(w)), flag(ctx.midcap_seen.contains(w)), flag(t.cap)]);
    // The tags before.
    let (p1, p2) = (TAGS[prev].as_bytes(), TAGS[prev2].as_bytes());
    f(16, &[p1]);
    f(17, &[p2, p1]);
    f(18, &[p1, w.as_bytes()]);
    // Lists and triggers around the token.
    let (g, r) = (&facts.gazetteer, &facts.role);
    f(19, &[&byte(g, 0)]);
    f(20, &[&byte(g, -1), &byte(g, 0)]);
    f(21, &[&byte(g, 0), &byte(g, 1)]);
    f(22, &[&byte(r, 0)]);
    f(23, &[&byte(r, -1)]);
    f(24, &[&byte(r, 1)]);
    f(25, &[&byte(r, -1), sh]);
    f(26, &[word(-1), w.as_bytes()]);
    f(27, &[w.as_bytes(), word(1)]);
    f(28, &[&byte(g, 0), sh]);
    // A headline in capitals, a dateline.
    f(29, &[flag(t.upper), flag(t.initial)]);
    // The word as written, and with its neighbours.
    f(30, &[form]);
    f(31, &[form, word(1)]);
    f(32, &[word(-1), form]);
}
