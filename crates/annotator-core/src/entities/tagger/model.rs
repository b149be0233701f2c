//! The tagger's weights: a compact file compiled into the engine (`data/model/*.bin`, written
//! by the training command); on first use each feature's row is unpacked into a table from
//! its hash to its weights as floats (a few milliseconds, about 1 MB), so scoring a feature
//! is one hash probe and nine additions.
//!
//! Format: the magic `AATAG4\0\0`; `n` (u32, little-endian); 4 reserved bytes; the `n`
//! feature hashes, ascending, as the gaps between neighbours (the first gap from 0) written as
//! four byte planes, most significant byte of every gap first; `n` row scales (u8 `e`: the
//! scale is 2^((e − 128) / 8)); then `n` rows of one i8 weight per tag. The gaps and planes
//! are for gzip: random 32-bit hashes do not compress, while the high bytes of sorted gaps are
//! nearly all zero (113 KB of hashes become 72 KB gzip, the same model). A weight is `i8 × its row's scale`: one scale per feature, because weights span orders of
//! magnitude (the bias is updated on every mistake, a rare word's feature a few times), and
//! one scale for all would round most of them to zero. An empty model (`n` = 0) tags nothing.

use super::features::N_TAGS;

const MAGIC: &[u8; 8] = b"AATAG4\0\0";
const HEADER: usize = 16;

/// The weights of a model file.
pub struct Model {
    n: usize,
    /// Feature hash → its weight for each tag: an open-addressing table (linear probing, at
    /// most half full) of `hashes[slot]` with `rows[slot]`, empty slots marked by
    /// [`Model::EMPTY_ROW`] in `row_of`. Scoring asks it some thirty times per capitalised
    /// word, mostly for features the model does not hold: one multiplication and a load or
    /// two each, where a general hash map probes in groups and checks tags first.
    hashes: Vec<u32>,
    row_of: Vec<u32>,
    rows: Vec<[f32; N_TAGS]>,
    shift: u32,
}

/// A model file that cannot be read (only ever a build defect: the files are compiled in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadModel(pub &'static str);

impl Model {
    pub fn read(bytes: &'static [u8]) -> Result<Model, BadModel> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(BadModel("not a tagger model (bad magic)"));
        }
        let n = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize;
        if bytes.len() != HEADER + n * (5 + N_TAGS) {
            return Err(BadModel("truncated tagger model"));
        }
        let gap = |k: usize| u32::from_be_bytes(std::array::from_fn(|p| bytes[HEADER + p * n + k]));
        let weights = HEADER + 5 * n;
        let bits = (2 * n).max(2).next_power_of_two().trailing_zeros();
        let mut model = Model { n, hashes: vec![0; 1 << bits], row_of: vec![Model::EMPTY_ROW; 1 << bits], rows: Vec::with_capacity(n), shift: 32 - bits };
        let mut hash = 0u32;
        for k in 0..n {
            hash = hash.wrapping_add(gap(k));
            let scale = scale_of(bytes[HEADER + 4 * n + k]);
            let row = &bytes[weights + k * N_TAGS..weights + (k + 1) * N_TAGS];
            let mut slot = model.slot(hash);
            // (Hashes are ascending and distinct: a gap of zero would repeat one.)
            while model.row_of[slot] != Model::EMPTY_ROW {
                if model.hashes[slot] == hash {
                    return Err(BadModel("a feature hash listed twice"));
                }
                slot = (slot + 1) & (model.hashes.len() - 1);
            }
            model.hashes[slot] = hash;
            model.row_of[slot] = model.rows.len() as u32;
            model.rows.push(std::array::from_fn(|t| row[t] as i8 as f32 * scale));
        }
        Ok(model)
    }

    const EMPTY_ROW: u32 = u32::MAX;

    /// The first slot a hash is looked for in (Fibonacci hashing: the high bits of a
    /// multiplication spread hashes that differ only in low bits).
    fn slot(&self, hash: u32) -> usize {
        (hash.wrapping_mul(0x9e37_79b9) >> self.shift) as usize
    }

    /// The weights of feature `hash`, if the model holds it.
    fn row(&self, hash: u32) -> Option<&[f32; N_TAGS]> {
        let mask = self.hashes.len() - 1;
        let mut slot = self.slot(hash);
        loop {
            let r = self.row_of[slot];
            if r == Model::EMPTY_ROW {
                return None;
            }
            if self.hashes[slot] == hash {
                return self.rows.get(r as usize);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Whether the model has any weight (an empty one is shipped before the first training).
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    pub fn len(&self) -> usize {
        self.n
    }

    /// Adds the weights of `features` to `scores`.
    pub fn score(&self, features: &[u32], scores: &mut [f32; N_TAGS]) {
        for f in features {
            if let Some(row) = self.row(*f) {
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// The bytes of a model holding `weights` (feature hash → one weight per tag), each
    /// quantised to 8 bits; features whose largest weight is under `min_abs` are left out.
    pub fn write(weights: &[(u32, [f32; N_TAGS])], min_abs: f32) -> Vec<u8> {
        let mut kept: Vec<&(u32, [f32; N_TAGS])> = weights.iter().filter(|(_, w)| w.iter().any(|x| x.abs() >= min_abs)).collect();
        kept.sort_by_key(|(k, _)| *k);
        // The smallest scale step at which the row's largest weight still fits in 127.
        let code = |w: &[f32; N_TAGS]| {
            let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
            if max == 0.0 {
                0
            } else {
                ((max / 127.0).log2() * 8.0).ceil().clamp(-128.0, 127.0) as i32 + 128
            }
        };
        let mut out = Vec::with_capacity(HEADER + kept.len() * (5 + N_TAGS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        let gaps: Vec<[u8; 4]> = kept.iter().scan(0u32, |last, (k, _)| Some((k - std::mem::replace(last, *k)).to_be_bytes())).collect();
        for plane in 0..4 {
            out.extend(gaps.iter().map(|g| g[plane]));
        }
        for (_, w) in &kept {
            out.push(code(w) as u8);
        }
        for (_, w) in &kept {
            let s = scale_of(code(w) as u8);
            out.extend(w.iter().map(|x| (x / s).round().clamp(-127.0, 127.0) as i8 as u8));
        }
        out
    }
}

/// The scale a row's code stands for.
fn scale_of(code: u8) -> f32 {
    ((code as f32 - 128.0) / 8.0).exp2()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_reads_back() {
        let w = vec![
            (7u32, [1.0, -2.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
            (3, [0.01; N_TAGS]),
            (u32::MAX, [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0]),
            (0x0100_0005, [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0]),
        ];
        let bytes: &'static [u8] = Box::leak(Model::write(&w, 0.1).into_boxed_slice());
        let m = Model::read(bytes).unwrap();
        assert_eq!(m.len(), 3, "the feature under the threshold is pruned");
        let mut s = [0f32; N_TAGS];
        m.score(&[7, 3, 99], &mut s);
        assert!((s[0] - 1.0).abs() < 0.02 && (s[1] + 2.0).abs() < 0.02, "{s:?}");
        let mut s = [0f32; N_TAGS];
        m.score(&[u32::MAX, 0x0100_0005], &mut s);
        assert!((s[8] - 3.0).abs() < 0.03 && (s[7] + 1.0).abs() < 0.02, "hashes far apart read back: {s:?}");
        assert!(Model::read(b"nonsense").is_err());
    }
}
