//! What the tagger sees of a token: its form, shape and affixes, its neighbours, where it
//! stands, whether the article also writes it in lower case, and what the gazetteers and
//! trigger lexicons say of it and its neighbours (the lists are evidence here, not verdicts).
//!
//! Each feature is a template number and the hashes of its parts (each token's key, form and
//! shape hashed once with FNV-1a 64 on first use), mixed by multiply-rotate and cut to 32
//! bits: the model stores weights by hash, so no feature string is built or kept.

use std::cell::Cell;

use super::super::context::Ctx;
use super::super::lexicon::{match_from, Role};
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

/// Hash of a string of bytes (FNV-1a, 64 bits): each token's key, form and shape are hashed
/// once per document, and features combine these hashes.
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The hash of one feature: its template and the hashes of its parts, mixed in order (so
/// ("a", "bc") and ("ab", "c") differ), cut to the 32 bits the model stores.
fn feature(template: u8, parts: &[u64]) -> u32 {
    let mut h = (template as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &p in parts {
        h = (h.rotate_left(23) ^ p).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    (h >> 32) as u32
}

/// The hash of a word's shape: each run of upper-case letters "X", lower-case "x", digits
/// "d", others as they are, runs collapsed ("McDonald" → "XxXx", "1996-08-30" → "d-d-d"),
/// cut after nine bytes.
fn shape_hash(word: &str) -> u64 {
    let mut buf = [0u8; 16];
    let (mut n, mut last) = (0, '\0');
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
        if s != last {
            let mut b = [0u8; 4];
            let e = s.encode_utf8(&mut b).as_bytes();
            if n + e.len() > buf.len() {
                break;
            }
            buf[n..n + e.len()].copy_from_slice(e);
            n += e.len();
            last = s;
        }
        if n > 8 {
            break;
        }
    }
    hash_bytes(&buf[..n])
}

/// Per-token facts, computed once per document before tagging (lists and triggers) or on
/// first use (hashes: only tokens near a capitalised word are ever scored or looked at).
pub struct TokenFacts<'c, 'a> {
    ctx: &'c Ctx<'a>,
    /// Hashes of each key (lower case, by key number), of each form as written and of its
    /// shape (by form number); [`UNSET`] until asked for.
    key: Vec<Cell<u64>>,
    form: Vec<Cell<u64>>,
    shape: Vec<Cell<u64>>,
    /// Gazetteer reading of each token: 0 none, else 1 + 2·type + (1 if inside, 0 if first).
    pub gazetteer: Vec<u8>,
    /// Trigger role starting at each token (one-word triggers), as a small number.
    pub role: Vec<u8>,
}

/// A hash not computed yet (a real hash equal to it is only computed again).
const UNSET: u64 = u64::MAX;

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

impl<'c, 'a> TokenFacts<'c, 'a> {
    pub fn new(ctx: &'c Ctx<'a>) -> Self {
        let n = ctx.len();
        let mut gazetteer = vec![0u8; n];
        let mut i = 0;
        while i < n {
            // Only a capitalised word, an acronym or a number starts a name the tagger sees.
            let t = &ctx.tk[i];
            let hit = (t.cap || t.upper || t.number).then(|| match_from(ctx.places_from(i)?, ctx.keys, i, |k, _| k.exact.is_none() || t.upper)).flatten();
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
            .map(|i| ctx.role_at_as_trained(i, ROLES).map_or(0, |(l, r)| if l == 1 { 1 + ROLES.iter().position(|x| *x == r).unwrap_or(0) as u8 } else { 100 }))
            .collect();
        // Memos by key and by form: a word's hashes and shape are worked out once.
        let unset = |n: usize| (0..n).map(|_| Cell::new(UNSET)).collect();
        TokenFacts { ctx, key: unset(ctx.keys_count()), form: unset(ctx.form_count), shape: unset(ctx.form_count), gazetteer, role }
    }

    fn memo(cell: &Cell<u64>, compute: impl FnOnce() -> u64) -> u64 {
        let mut h = cell.get();
        if h == UNSET {
            h = compute();
            cell.set(h);
        }
        h
    }

    /// Hash of token `i`'s key.
    fn key(&self, i: usize) -> u64 {
        Self::memo(&self.key[self.ctx.key_id(i) as usize], || hash_bytes(self.ctx.keys[i].as_bytes()))
    }

    fn form(&self, i: usize) -> u64 {
        Self::memo(&self.form[self.ctx.forms[i] as usize], || hash_bytes(self.ctx.tk[i].text.as_bytes()))
    }

    fn shape(&self, i: usize) -> u64 {
        Self::memo(&self.shape[self.ctx.forms[i] as usize], || shape_hash(self.ctx.tk[i].text))
    }

    /// Whether the article also writes token `i`'s word in lower case, and capitalised away
    /// from a sentence start (two bits).
    fn seen(&self, i: usize) -> u64 {
        u64::from(self.ctx.lowercase_seen(i)) | u64::from(self.ctx.midcap_seen(i)) << 1
    }
}

/// What decoding has learnt so far: the tags of the two tokens before, and the class most
/// often given to each word earlier in the article (a name keeps its type: "Wikileaks" read
/// as an organization twice is one the third time).
#[derive(Default)]
pub struct History {
    pub prev: usize,
    pub prev2: usize,
    classes: rustc_hash::FxHashMap<u64, [u16; 5]>,
}

impl History {
    /// A new sentence: no tag before.
    pub fn sentence(&mut self) {
        (self.prev, self.prev2) = (0, 0);
    }

    /// Records `tag` for token `i`; only words that could start a name count toward the
    /// history (the tokens the tagger scores).
    pub fn push(&mut self, facts: &TokenFacts, ctx: &Ctx, i: usize, tag: usize) {
        let t = &ctx.tk[i];
        if t.cap || t.upper {
            self.classes.entry(facts.key(i)).or_default()[class_of(tag)] += 1;
        }
        (self.prev2, self.prev) = (self.prev, tag);
    }

    /// The class most often given to token `i`'s word so far (5 when never seen).
    fn class_of_word(&self, facts: &TokenFacts, i: usize) -> u64 {
        self.classes.get(&facts.key(i)).map_or(5, |c| (0..5).max_by_key(|&k| (c[k], std::cmp::Reverse(k))).unwrap_or(0) as u64)
    }
}

/// The features of token `i`, given what decoding has seen before it.
pub fn features(ctx: &Ctx, facts: &TokenFacts, i: usize, history: &History, out: &mut Vec<u32>) {
    const BEFORE: u64 = 0x5f3c_0001;
    const AFTER: u64 = 0x5f3c_0002;
    const NONE: u64 = 0x5f3c_0003;
    out.clear();
    let n = ctx.len();
    let at = |k: isize| -> Option<usize> {
        let j = i as isize + k;
        (j >= 0 && (j as usize) < n).then_some(j as usize)
    };
    let word = |k: isize| -> u64 {
        match at(k) {
            Some(j) => facts.key(j),
            None if k < 0 => BEFORE,
            None => AFTER,
        }
    };
    let shape_at = |k: isize| -> u64 { at(k).map_or(NONE, |j| facts.shape(j)) };
    let byte = |v: &[u8], k: isize| -> u64 { at(k).map_or(255, |j| v[j] as u64) };
    let t = &ctx.tk[i];
    let w = &*ctx.keys[i];
    let (kw, form, sh) = (facts.key(i), facts.form(i), facts.shape(i));
    let flag = |b: bool| -> u64 { b as u64 };
    let mut f = |template: u8, parts: &[u64]| out.push(feature(template, parts));
    f(0, &[]);
    f(1, &[kw]);
    f(2, &[word(-1)]);
    f(3, &[word(1)]);
    f(4, &[word(-2)]);
    f(5, &[word(2)]);
    f(6, &[sh]);
    // Suffixes of one to four characters, prefixes of one to three.
    for (b, _) in w.char_indices().rev().take(4) {
        f(7, &[hash_bytes(w[b..].as_bytes())]);
    }
    for (b, c) in w.char_indices().take(3) {
        f(8, &[hash_bytes(w[..b + c.len_utf8()].as_bytes())]);
    }
    f(9, &[shape_at(-1)]);
    f(10, &[shape_at(1)]);
    f(11, &[shape_at(-1), sh]);
    f(12, &[sh, shape_at(1)]);
    f(13, &[flag(t.initial)]);
    f(14, &[flag(t.initial), sh]);
    // The article writes this word in lower case too (an ordinary word capitalised), or
    // capitalised away from a sentence start (a name).
    f(15, &[facts.seen(i), flag(t.cap)]);
    // The tags before.
    let (p1, p2) = (history.prev as u64, history.prev2 as u64);
    f(16, &[p1]);
    f(17, &[p2, p1]);
    f(18, &[p1, kw]);
    // Lists and triggers around the token.
    let (g, r) = (&facts.gazetteer, &facts.role);
    f(19, &[byte(g, 0)]);
    f(20, &[byte(g, -1), byte(g, 0)]);
    f(21, &[byte(g, 0), byte(g, 1)]);
    f(22, &[byte(r, 0)]);
    f(23, &[byte(r, -1)]);
    f(24, &[byte(r, 1)]);
    f(25, &[byte(r, -1), sh]);
    f(26, &[word(-1), kw]);
    f(27, &[kw, word(1)]);
    f(28, &[byte(g, 0), sh]);
    // A headline in capitals, a dateline.
    f(29, &[flag(t.upper), flag(t.initial)]);
    // The word as written, and with its neighbours.
    f(30, &[form]);
    f(31, &[form, word(1)]);
    f(32, &[word(-1), form]);
    // The class this word was given earlier in the article, alone and with the shape.
    let seen_as = history.class_of_word(facts, i);
    f(33, &[seen_as]);
    f(34, &[seen_as, sh]);
}

