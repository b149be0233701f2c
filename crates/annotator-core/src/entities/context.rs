//! What the recognizer knows about each token, and the questions it asks of the lexicon.


use crate::text::fold::key;
use super::lexicon::{opened_by_vocab, phrase_at, Lexicon, Opened, PhraseIndex, Role, Trigger};
use crate::text::language::Language;
use crate::text::tokens::TokenKind;
use crate::text::{Document, Key};

/// Per-token facts the rules read.
pub struct Tk<'a> {
    pub text: &'a str,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// All letters upper-case, at least two of them: an acronym.
    pub upper: bool,
    pub word: bool,
    pub number: bool,
    /// First word of its sentence, line, quote or list item.
    pub initial: bool,
    /// First token of its sentence (or window: see `text::sentences`).
    pub sentence_start: bool,
    pub noise: bool,
    /// Written right after the token before it, with no space ("'s" after "Magistrate").
    pub glued: bool,
    /// On a line in title case (most of its words capitalised: a headline, a subhead):
    /// capitals there say nothing of names.
    pub headline: bool,
}

pub struct Ctx<'a> {
    pub tk: Vec<Tk<'a>>,
    /// The document's token keys (borrowed: computed once in `Document::new`).
    pub keys: &'a [Key],
    pub lex: &'static Lexicon,
    pub triggers: &'static PhraseIndex<Trigger>,
    pub lang: Language,
    /// Each token's key number (see [`Document::vocab`]). `Document::key_id` gives the same
    /// through the token's form; this copy saves that second load on the rules' hottest
    /// questions (asked several times per token), for 4 bytes a token.
    kid: Vec<u32>,
    /// Each token's form number (see [`Document::forms`]), and how many forms there are.
    pub forms: &'a [u32],
    pub form_count: usize,
    /// What the document shows of each key (by number): [`LOWERCASE_SEEN`],
    /// [`MIDCAP_SEEN`], [`NAMED_IN_PROSE`].
    seen: Vec<u8>,
    /// The gazetteer phrases that start with each key (by number), looked up once per key.
    places: Vec<Opened<'static, super::lexicon::Known>>,
    /// The triggers that start with each token's key, looked up once per key.
    starts: Vec<Opened<'static, Trigger>>,
    /// The triggers whose whole phrase stands at each token (in the index's order, longest
    /// first), with their length in tokens: `hits[hit_at[i]..hit_at[i + 1]]`. The rules ask
    /// `role_at` many times per token, each time for other roles; the phrases are compared
    /// with the text once.
    hits: Vec<(usize, &'static Trigger)>,
    hit_at: Vec<u32>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document) -> Ctx<'a> {
        let text = doc.text();
        let mut tk: Vec<Tk<'a>> = Vec::with_capacity(doc.tokens.len());
        let mut sent = 0usize;
        let mut fresh = true;
        let mut new_sentence = true;
        let mut prev_end = usize::MAX;
        let mut noise_at = 0;
        for t in &doc.tokens {
            while sent < doc.sentences.len() && doc.sentences[sent].end <= t.range.start {
                sent += 1;
                fresh = true;
                new_sentence = true;
            }
            let sentence_start = std::mem::take(&mut new_sentence);
            let s = t.text(text);
            let word = t.kind == TokenKind::Word;
            let number = t.kind == TokenKind::Number;
            let cap = word && s.chars().next().is_some_and(char::is_uppercase);
            // Two letters or more, all capitals: one pass, that stops at a small letter.
            let upper = word && {
                let mut letters = 0;
                s.chars().filter(|c| c.is_alphabetic()).all(|c| {
                    letters += 1;
                    c.is_uppercase()
                }) && letters >= 2
            };
            let initial = (word || number) && fresh;
            if word || number {
                fresh = false;
            }
            // A colon, an opening quote, a bullet or a dash opens a new "sentence".
            if t.kind == TokenKind::Punct && matches!(s, ":" | "“" | "\"" | "•" | "–" | "—" | "‘") {
                fresh = true;
            }
            let glued = t.range.start == prev_end;
            prev_end = t.range.end;
            // Noise ranges are sorted like the tokens: walked along, not searched.
            while noise_at < doc.noise.len() && doc.noise[noise_at].end <= t.range.start {
                noise_at += 1;
            }
            let noise = doc.noise.get(noise_at).is_some_and(|n| n.start < t.range.end);
            tk.push(Tk { text: s, cap, upper, word, number, initial, sentence_start, noise, glued, headline: false });
        }
        // Title-case lines: three words or more, at least 60% of them capitalised, and not
        // a list or a table row (no comma, no parenthesis, no number at the end: "Given ,
        // Breen , Staunton", "I. Healy c Ranatunga b Muralitharan 8" are names).
        let mut k = 0;
        for line in doc.lines() {
            let first = k;
            while k < tk.len() && doc.tokens[k].range.start < line.end {
                k += 1;
            }
            let words = tk[first..k].iter().filter(|t| t.word).count();
            let caps = tk[first..k].iter().filter(|t| t.word && t.cap).count();
            let listing = tk[first..k].iter().any(|t| matches!(t.text, "," | "(" | ")")) || tk[first..k].last().is_some_and(|t| t.number);
            if words >= 3 && caps * 5 >= words * 3 && !listing {
                tk[first..k].iter_mut().for_each(|t| t.headline = true);
            }
        }
        let kid: Vec<u32> = doc.forms.iter().map(|&f| doc.key_ids[f as usize]).collect();
        let mut seen = vec![0u8; doc.vocab.len()];
        for (t, &k) in tk.iter().zip(&kid) {
            if t.word && !t.cap {
                seen[k as usize] |= LOWERCASE_SEEN;
            } else if t.cap && !t.initial {
                seen[k as usize] |= MIDCAP_SEEN | if t.headline { 0 } else { NAMED_IN_PROSE };
            }
        }
        let lex = Lexicon::get();
        let triggers = &lex.triggers[&doc.language];
        let by_key = opened_by_vocab(triggers, &doc.vocab);
        let places = opened_by_vocab(&lex.gazetteer, &doc.vocab);
        let starts: Vec<_> = kid.iter().map(|&k| by_key[k as usize]).collect();
        // A phrase matches where its words are the text's and no token of it is noise; a
        // capitalised-only trigger where the text capitalises it.
        let (mut hits, mut hit_at) = (Vec::new(), Vec::with_capacity(tk.len() + 1));
        for (i, cands) in starts.iter().enumerate() {
            hit_at.push(hits.len() as u32);
            for (phrase, t) in cands.iter().copied().flatten() {
                let n = phrase.len();
                if phrase_at(phrase, &doc.keys, i) && (!t.capitalised || tk[i].cap) && tk[i..i + n].iter().all(|t| !t.noise) {
                    hits.push((n, t));
                }
            }
        }
        hit_at.push(hits.len() as u32);
        Ctx { tk, keys: &doc.keys, lex, triggers, lang: doc.language, kid, forms: &doc.forms, form_count: doc.form_count(), seen, places, starts, hits, hit_at }
    }

    /// Whether the document also writes token `i`'s word in lower case: an ordinary word.
    pub fn lowercase_seen(&self, i: usize) -> bool {
        self.seen_as(i, LOWERCASE_SEEN)
    }

    /// Whether the document capitalises token `i`'s word away from a sentence start: a name.
    pub fn midcap_seen(&self, i: usize) -> bool {
        self.seen_as(i, MIDCAP_SEEN)
    }

    /// The same, in prose only (not on title-case lines): a word capitalised there is a name
    /// by the writer's own hand.
    pub fn named_in_prose(&self, i: usize) -> bool {
        self.seen_as(i, NAMED_IN_PROSE)
    }

    fn seen_as(&self, i: usize, flag: u8) -> bool {
        self.kid.get(i).is_some_and(|&k| self.seen[k as usize] & flag != 0)
    }

    /// Token `i`'s key number: equal for tokens with equal keys (below the vocabulary's
    /// size, `keys_count`).
    pub fn key_id(&self, i: usize) -> u32 {
        self.kid[i]
    }

    pub fn keys_count(&self) -> usize {
        self.seen.len()
    }

    /// The gazetteer phrases that start with token `i`'s key.
    pub fn places_from(&self, i: usize) -> Option<&'static [(Vec<String>, super::lexicon::Known)]> {
        self.places[*self.kid.get(i)? as usize]
    }

    pub fn len(&self) -> usize {
        self.tk.len()
    }

    /// The longest trigger of one of `want` roles starting at `i`: (length, role).
    pub fn role_at(&self, i: usize, want: &[Role]) -> Option<(usize, Role)> {
        self.trigger_at(i, want, false)
    }

    /// The same, among the triggers the tagger was trained with (its features must not
    /// change under a model: see [`Trigger::seen_by_tagger`]).
    pub fn role_at_as_trained(&self, i: usize, want: &[Role]) -> Option<(usize, Role)> {
        self.trigger_at(i, want, true)
    }

    fn trigger_at(&self, i: usize, want: &[Role], trained_only: bool) -> Option<(usize, Role)> {
        let hits = &self.hits[*self.hit_at.get(i)? as usize..*self.hit_at.get(i + 1)? as usize];
        hits.iter().find(|(_, t)| (t.seen_by_tagger || !trained_only) && want.contains(&t.role)).map(|&(n, t)| (n, t.role))
    }

    /// Whether a trigger of a role that introduces a name (a title, a place word, an
    /// organization's head) stands at `i`: name runs are cut there.
    pub fn introduces_name(&self, i: usize) -> Option<(usize, Role)> {
        self.role_at(i, &[Role::PersonTitle, Role::PersonTitleKept, Role::LocPrefix, Role::LocNamed, Role::LocInstitution, Role::LocBare, Role::OrgHead, Role::OrgStandalone, Role::OrgMedia, Role::OrgBare, Role::WeaponHead])
    }

    /// A trigger of one of `want` roles that ends right before token `end`: (start, role).
    pub fn role_ending_at(&self, end: usize, want: &[Role]) -> Option<(usize, Role)> {
        (1..=4.min(end)).rev().find_map(|n| {
            let s = end - n;
            self.role_at(s, want).filter(|&(len, _)| len == n).map(|(_, r)| (s, r))
        })
    }

    pub fn is(&self, i: usize, role: Role) -> bool {
        self.role_at(i, &[role]).is_some_and(|(n, _)| n == 1)
    }

    /// Whether some trigger phrase of any role opens on token `i`'s word (a word of the
    /// lexicons: "Police", "Army", "Monday"), whether or not the whole phrase is there.
    pub fn may_trigger(&self, i: usize) -> bool {
        self.starts.get(i).copied().flatten().is_some()
    }

    /// Whether token `i` is inside a compound word that began before it ("bang" in "liên
    /// bang", "sân bay" in "tàu sân bay", "không" in "Hàng không"): not a word of its own.
    pub fn inside_compound(&self, i: usize) -> bool {
        (1..=2).any(|back| i >= back && self.role_at(i - back, &[Role::Compound]).is_some_and(|(l, _)| l > back))
    }

    /// Whether token `i` is the "s" of a possessive: the tokens of "People's" are "People",
    /// `'` and a glued `s`.
    pub fn possessive_s(&self, i: usize) -> bool {
        i > 0 && &*self.keys[i] == "s" && self.tk[i].glued && matches!(self.tk[i - 1].text, "'" | "\u{2019}")
    }

    /// A word that can be part of a name: capitalised or an acronym ("PC45", "S-300").
    pub fn is_name_word(&self, i: usize) -> bool {
        let t = &self.tk[i];
        !t.noise && t.word && (t.cap || t.upper)
    }

    /// Whether token `i` is one of `words` (compared by matching key).
    pub fn key_is(&self, i: usize, words: &[&str]) -> bool {
        // An ASCII word's key is its lower case: compared byte by byte, nothing allocated
        // (this runs for most tokens of an English text).
        let same = |w: &str| {
            let k: &str = &self.keys[i];
            if w.is_ascii() {
                k.len() == w.len() && k.bytes().zip(w.bytes()).all(|(a, b)| a == b.to_ascii_lowercase())
            } else {
                key(w) == k
            }
        };
        i < self.keys.len() && words.iter().any(|w| same(w))
    }

    /// Whether token `i` ends an organization's tail ([`TAIL_STOP`], keyed once).
    pub fn is_tail_stop(&self, i: usize) -> bool {
        static KEYS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
        KEYS.get_or_init(|| TAIL_STOP.iter().map(|w| key(w)).collect()).contains(&*self.keys[i])
    }

    /// The words of `r` as written, any space between two of them as one space.
    pub fn join(&self, r: std::ops::Range<usize>) -> String {
        let mut out = String::new();
        for k in r.clone() {
            if k > r.start && !self.tk[k].glued {
                out.push(' ');
            }
            out.push_str(self.tk[k].text);
        }
        out
    }

    /// A capitalised word at a sentence start that the document shows to be ordinary.
    pub fn ordinary_initial(&self, i: usize) -> bool {
        self.is(i, Role::Function) || (self.tk[i].initial && self.lowercase_seen(i) && !self.midcap_seen(i))
    }
}

const LOWERCASE_SEEN: u8 = 1;
const MIDCAP_SEEN: u8 = 2;
const NAMED_IN_PROSE: u8 = 4;

/// Words that end a name's tail: verbs of saying, linking words, prepositions.
pub const TAIL_STOP: &[&str] = &[
    "cho", "biết", "ông", "bà", "đã", "và", "của", "ở", "tại", "với", "trong", "là", "thì", "được", "bị", "đang", "sẽ",
    "này", "đó", "khi", "để", "về", "có", "không", "nhưng", "vẫn", "cũng", "mới", "vừa", "sau", "trước", "ngày", "hôm",
    "từ", "chức", "năng", "liên", "quan", "địa", "phương", "nhiều", "các", "những", "một", "lần", "the", "and", "of", "in",
    "said", "on", "a", "an", "to", "for", "at", "by", "with",
];

pub fn title_case(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Whether a word is written with Vietnamese letters (so not a foreign name).
/// Whether `s` is shaped like one Vietnamese syllable, with or without its marks: an initial
/// consonant (cluster), vowels, and a final among c, ch, m, n, ng, nh, p, t ("Quang", "Huy",
/// "Nguyễn"; not "Getty", "Images", "Reuters").
pub fn vietnamese_syllable(s: &str) -> bool {
    let w = s.to_lowercase();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') || (c != 'đ' && looks_vietnamese(c.encode_utf8(&mut [0; 4])));
    let rest = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr"].iter().find_map(|p| w.strip_prefix(p)).unwrap_or_else(|| {
        let mut cs = w.chars();
        match cs.next() {
            Some(c) if "bcdđghklmnpqrstvx".contains(c) => cs.as_str(),
            _ => w.as_str(),
        }
    });
    let body = rest.trim_start_matches(vowel);
    let vowels = rest.len() - body.len();
    vowels > 0 && matches!(body, "" | "c" | "ch" | "m" | "n" | "ng" | "nh" | "p" | "t")
}

pub fn looks_vietnamese(s: &str) -> bool {
    s.chars().any(|c| matches!(c, 'đ' | 'Đ' | 'ă' | 'Ă' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'â' | 'Â' | 'ê' | 'Ê' | 'ô' | 'Ô') || ('\u{C0}'..='\u{1EF9}').contains(&c))
}
