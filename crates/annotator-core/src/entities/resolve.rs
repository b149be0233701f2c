//! One entity per referent: mentions with the same type and canonical name are one entity;
//! a lone surname is the person named in full nearby ("Aliyev" → "Ilham Aliyev"); a
//! misspelling one edit away from a place or organization named in the same article is that
//! place ("Azecbaijan" → "Azerbaijan").

use std::collections::HashMap;

use super::fold::key;
use super::recognize::Mention;
use super::Found;
use crate::model::EntityType;
use crate::text::Document;

/// Whether `a` and `b` are at most one edit (insert, delete, substitute) apart.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let mut i = 0;
    while i < short.len() && short[i] == long[i] {
        i += 1;
    }
    if short.len() == long.len() {
        short[i + 1.min(short.len() - i)..] == long[i + 1.min(long.len() - i)..]
    } else {
        short[i..] == long[i + 1..]
    }
}

/// Merges mentions into entities, in order of first mention.
pub fn resolve(doc: &Document, mut mentions: Vec<Mention>) -> Vec<Found> {
    let text = doc.text();
    let tok_text = |m: &Mention| -> String {
        let r = doc.tokens[m.tokens.start].range.start..doc.tokens[m.tokens.end - 1].range.end;
        text[r].to_string()
    };
    mentions.sort_by(|a, b| a.tokens.start.cmp(&b.tokens.start).then(b.tokens.end.cmp(&a.tokens.end)));
    mentions.dedup_by(|a, b| a.tokens == b.tokens && a.kind == b.kind);

    // Full names of people (two words or more), for lone surnames.
    let people: Vec<(usize, String, String)> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && !m.canonical.starts_with('\u{0}') && m.tokens.len() >= 2)
        .map(|m| {
            let last = doc.tokens[m.tokens.end - 1].text(text);
            (m.tokens.start, key(last), m.canonical.clone())
        })
        .collect();
    let named: Vec<(String, EntityType, String)> = mentions
        .iter()
        .filter(|m| matches!(m.kind, EntityType::Location | EntityType::Organization) && !m.canonical.starts_with('\u{0}'))
        .map(|m| (tok_text(m), m.kind, m.canonical.clone()))
        .collect();

    let mut resolved: Vec<Mention> = Vec::new();
    for mut m in mentions {
        if let Some(bare) = m.canonical.strip_prefix('\u{0}').map(str::to_string) {
            // A lone capitalised word: a known person's surname, a misspelt place, or nothing.
            let k = key(&bare);
            let nearest = people.iter().filter(|(_, last, _)| *last == k).min_by_key(|(pos, _, _)| pos.abs_diff(m.tokens.start));
            if let Some((_, _, full)) = nearest {
                m.canonical = full.clone();
            } else if let Some((_, kind, canon)) = named.iter().find(|(t, _, _)| t.chars().count() >= 6 && bare.chars().count() >= 6 && within_one_edit(t, &bare)) {
                m.kind = *kind;
                m.canonical = canon.clone();
            } else {
                continue;
            }
        }
        resolved.push(m);
    }
    // Remove person guesses nested inside another mention (a name inside an organization).
    let spans: Vec<(std::ops::Range<usize>, EntityType)> = resolved.iter().map(|m| (m.tokens.clone(), m.kind)).collect();
    resolved.retain(|m| {
        m.kind != EntityType::Person
            || !spans.iter().any(|(r, k)| *k != EntityType::Person && r.start <= m.tokens.start && m.tokens.end <= r.end && r.len() > m.tokens.len() && *k == EntityType::Organization)
    });

    let mut index: HashMap<(EntityType, String), usize> = HashMap::new();
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

    #[test]
    fn one_edit() {
        assert!(within_one_edit("Azerbaijan", "Azecbaijan"));
        assert!(within_one_edit("Philippines", "Philppines"));
        assert!(within_one_edit("abc", "abc"));
        assert!(!within_one_edit("Armenia", "Albania"));
        assert!(!within_one_edit("Iran", "Iraq2"));
    }
}
