//! Training the tagger: the averaged perceptron (Collins 2002), decoding greedily as at run
//! time, so the tags before a token are the model's own guesses. Two differences: training
//! scores every token, while tagging skips lower-case words outside a name (tagged O), and
//! tagging ends a name at a lower-case word that names do not hold (`INNER_WORDS`).
//! Deterministic: documents are visited in an order drawn from a fixed seed.

use rustc_hash::FxHashMap;

use super::super::context::Ctx;
use super::features::{features, History, TokenFacts, N_TAGS};
use super::best_allowed;

/// One training document: the NFC text's tokens with their gold tags (see [`gold_tags`]).
pub struct Example<'a> {
    pub ctx: Ctx<'a>,
    pub gold: Vec<usize>,
}

#[derive(Clone, Default)]
struct Weight {
    w: [f32; N_TAGS],
    total: [f64; N_TAGS],
    stamp: [u64; N_TAGS],
}

/// Averaged perceptron weights being learnt.
#[derive(Default)]
pub struct Trainer {
    weights: FxHashMap<u32, Weight>,
    step: u64,
}

impl Trainer {
    fn score(&self, feats: &[u32]) -> [f32; N_TAGS] {
        let mut s = [0f32; N_TAGS];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for (a, b) in s.iter_mut().zip(&w.w) {
                    *a += b;
                }
            }
        }
        s
    }

    fn update(&mut self, feats: &[u32], tag: usize, delta: f32) {
        let step = self.step;
        for f in feats {
            let w = self.weights.entry(*f).or_default();
            w.total[tag] += (step - w.stamp[tag]) as f64 * w.w[tag] as f64;
            w.stamp[tag] = step;
            w.w[tag] += delta;
        }
    }

    /// One pass over `examples` in the order `order`; returns the share of tokens tagged right.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) -> f64 {
        let (mut right, mut all) = (0usize, 0usize);
        let mut feats = Vec::with_capacity(48);
        for &e in order {
            let ex = &examples[e];
            let facts = TokenFacts::new(&ex.ctx);
            let mut history = History::default();
            for i in 0..ex.ctx.len() {
                if ex.ctx.tk[i].sentence_start {
                    history.sentence();
                }
                features(&ex.ctx, &facts, i, &history, &mut feats);
                let guess = best_allowed(&self.score(&feats), history.prev);
                let gold = ex.gold[i];
                self.step += 1;
                if guess != gold {
                    self.update(&feats, gold, 1.0);
                    self.update(&feats, guess, -1.0);
                } else {
                    right += 1;
                }
                all += 1;
                history.push(&facts, &ex.ctx, i, guess);
            }
        }
        right as f64 / all.max(1) as f64
    }

    /// The averaged weights of every feature.
    pub fn averaged(&self) -> Vec<(u32, [f32; N_TAGS])> {
        let step = self.step.max(1);
        let mut out: Vec<(u32, [f32; N_TAGS])> = self
            .weights
            .iter()
            .map(|(k, w)| {
                let mut avg = [0f32; N_TAGS];
                for t in 0..N_TAGS {
                    let total = w.total[t] + (step - w.stamp[t]) as f64 * w.w[t] as f64;
                    avg[t] = (total / step as f64) as f32;
                }
                (*k, avg)
            })
            .collect();
        out.sort_by_key(|(k, _)| *k);
        out
    }
}

/// The gold tag of each token of `ctx`, given where each token starts (`token_starts`, bytes
/// of the document's NFC text) and entity spans as byte ranges of that text with a class each
/// (1 PER, 2 LOC, 3 ORG, 4 MISC): B- on the first token that starts inside a span, I- on the
/// others.
pub fn gold_tags(ctx: &Ctx, token_starts: &[usize], spans: &[(std::ops::Range<usize>, usize)]) -> Vec<usize> {
    let mut tags = vec![0; ctx.len()];
    let mut sorted: Vec<&(std::ops::Range<usize>, usize)> = spans.iter().collect();
    sorted.sort_by_key(|(r, _)| r.start);
    let mut k = 0;
    let mut last_span = usize::MAX;
    for (i, &b) in token_starts.iter().enumerate() {
        while k < sorted.len() && sorted[k].0.end <= b {
            k += 1;
        }
        if let Some((_, class)) = sorted.get(k).filter(|(r, _)| r.start <= b) {
            tags[i] = if last_span == k { 2 * class } else { 2 * class - 1 };
            last_span = k;
        } else {
            last_span = usize::MAX;
        }
    }
    tags
}
