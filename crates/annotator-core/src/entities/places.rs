//! Places named after the word that says what they are: an administrative unit ("xã Phước
//! Lộc", "huyện Phước Sơn", "H. Phước Sơn", "TP.Kandahar", "quận 9"), a feature whose word is
//! part of its name ("sông Cầu", "đường Dương Quảng Hàm", "Bệnh viện huyện Krông Pa"), or a
//! descriptor that stays outside the name ("vùng Khizi"). Lists after one such word share it:
//! "các xã Phước Lộc, Phước Công", "vùng Khizi và Apsheron".
//!
//! Mentions of administrative units keep their prefix (a reader sees "xã Phước Lộc" marked)
//! while the entity's name drops it, so "xã Phước Lộc" and "Phước Lộc" are one place; a
//! feature keeps its word in the name, so "sông Krông Năng" and "xã Krông Năng" stay apart.

use super::context::{title_case, vietnamese_syllable, Ctx};
use super::lexicon::Role;
use super::names::{name_run_end, vietnamese_full_name};
use super::organizations::lowercase_completion;
use super::mention::Mention;
use crate::model::EntityType;

pub fn find(ctx: &Ctx, covered: &mut [bool], out: &mut Vec<Mention>) {
    let mut found: Vec<(std::ops::Range<usize>, Mention)> = Vec::new();
    scan(ctx, covered, out, &mut found);
    // A prefix says what its name is: drop other readings of exactly those tokens.
    let names: rustc_hash::FxHashSet<std::ops::Range<usize>> = found.iter().map(|(r, _)| r.clone()).collect();
    out.retain(|o| !(o.kind != EntityType::Location && names.contains(&o.tokens)));
    let mut seen: rustc_hash::FxHashSet<(std::ops::Range<usize>, EntityType)> = out.iter().map(|o| (o.tokens.clone(), o.kind)).collect();
    for (_, m) in found {
        if seen.insert((m.tokens.clone(), m.kind)) {
            out.push(m);
        }
    }
}

fn scan(ctx: &Ctx, covered: &mut [bool], out: &mut Vec<Mention>, found: &mut Vec<(std::ops::Range<usize>, Mention)>) {
    let n = ctx.len();
    let mut i = 0;
    while i < n {
        // "TP.Kandahar": the prefix glued to the name.
        if let Some(rest) = ctx.tk[i].text.strip_prefix("TP.").filter(|r| r.chars().next().is_some_and(char::is_uppercase)) {
            // "TP.Sóc Trăng": the name goes on after the glued word.
            let e = if i + 1 < n && ctx.tk[i + 1].cap && !ctx.tk[i + 1].sentence_start { name_run_end(ctx, i + 1).max(i + 1) } else { i + 1 };
            let name = if e > i + 1 { format!("{rest} {}", ctx.join(i + 1..e)) } else { rest.to_string() };
            out.push(Mention::strong(i..e, EntityType::Location, name));
            covered[i..e].iter_mut().for_each(|c| *c = true);
            i = e;
            continue;
        }
        let Some((len, role)) = ctx.role_at(i, &[Role::LocPrefix, Role::LocNamed, Role::LocInstitution, Role::LocBare, Role::LocNumbered]) else {
            i += 1;
            continue;
        };
        // "yêu cầu Bệnh viện", "liên bang Peter Frank", "tàu sân bay": the feature word ends a
        // longer word begun before it.
        if (i > 0 && ctx.role_at(i - 1, &[Role::Function]).is_some_and(|(l, _)| l >= 2)) || ctx.inside_compound(i) {
            i += 1;
            continue;
        }
        // "Hồ Văn Lan": a family name that is also a feature word ("hồ", a lake).
        if ctx.tk[i].cap && vietnamese_full_name(ctx, i).is_some_and(|e| e >= i + 3) {
            i = vietnamese_full_name(ctx, i).unwrap_or(i + 1);
            continue;
        }
        let s = i + len;
        if s >= n || ctx.tk[s].noise {
            i += 1;
            continue;
        }
        // "quận 9", "quốc lộ 14": a numbered district or road keeps its word in the name.
        let numbered = role == Role::LocPrefix || ctx.role_at(i, &[Role::LocNumbered]).is_some_and(|(l, _)| l == len);
        if numbered && ctx.tk[s].number && ctx.tk[s].text.len() <= 3 {
            out.push(Mention::strong(i..s + 1, EntityType::Location, title_case(&ctx.join(i..s + 1))));
            i = s + 1;
            continue;
        }
        if role == Role::LocNumbered {
            i += 1; // "tổ" without its number is a word ("tổ công tác")
            continue;
        }
        let mut name_end = name_run_end(ctx, s);
        // "tỉnh Bà Rịa - Vũng Tàu", "thôn Thâm Kéo – Cốc Nam": two names joined by a dash
        // are one unit's name.
        if role == Role::LocPrefix && name_end > s && name_end + 1 < n && matches!(ctx.tk[name_end].text, "-" | "–") && ctx.tk[name_end + 1].cap && !ctx.tk[name_end + 1].sentence_start {
            let e = name_run_end(ctx, name_end + 1);
            if e > name_end + 1 {
                name_end = e;
            }
        }
        // "Bệnh viện huyện Krông Pa": a feature named after the unit it serves.
        if name_end == s && matches!(role, Role::LocNamed | Role::LocInstitution) {
            if let Some((l2, Role::LocPrefix)) = ctx.role_at(s, &[Role::LocPrefix]) {
                let e = name_run_end(ctx, s + l2);
                if e > s + l2 {
                    name_end = e;
                }
            }
        }
        if name_end == s {
            i += 1;
            continue;
        }
        if role == Role::LocInstitution {
            // "Bệnh viện Đa khoa": one capitalised syllable goes on in lower case, as in an
            // organization's name; then the unit the institution serves ("… huyện Chương
            // Mỹ"), itself a place.
            if name_end == s + 1 && !ctx.tk[s].upper && vietnamese_syllable(ctx.tk[s].text) {
                name_end = lowercase_completion(ctx, name_end);
            }
            if let Some((l2, Role::LocPrefix)) = ctx.role_at(name_end, &[Role::LocPrefix]).filter(|_| name_end > s + 1) {
                let e = name_run_end(ctx, name_end + l2);
                if e > name_end + l2 {
                    out.push(Mention::strong(name_end..e, EntityType::Location, ctx.join(name_end + l2..e)));
                    name_end = e;
                }
            }
        }
        let name = ctx.join(s..name_end);
        let mention = match role {
            Role::LocPrefix => Mention::strong(i..name_end, EntityType::Location, name),
            Role::LocNamed | Role::LocInstitution => Mention::strong(i..name_end, EntityType::Location, title_case(&ctx.join(i..name_end))),
            _ => Mention::strong(s..name_end, EntityType::Location, name),
        };
        claim(covered, found, s..name_end, mention);
        // Lists: "các xã Phước Lộc, Phước Công", "vùng Khizi và Apsheron".
        let mut k = name_end;
        while !matches!(role, Role::LocNamed | Role::LocInstitution) && k + 1 < n && (ctx.tk[k].text == "," || ctx.key_is(k, &["và", "and"])) {
            let e = name_run_end(ctx, k + 1);
            if e == k + 1 || ctx.introduces_name(k + 1).is_some() {
                break;
            }
            claim(covered, found, k + 1..e, Mention::strong(k + 1..e, EntityType::Location, ctx.join(k + 1..e)));
            k = e;
        }
        i = k.max(i + 1);
    }
}

/// Records a place and claims its name's tokens.
fn claim(covered: &mut [bool], found: &mut Vec<(std::ops::Range<usize>, Mention)>, name: std::ops::Range<usize>, m: Mention) {
    covered[name.clone()].iter_mut().for_each(|c| *c = true);
    found.push((name, m));
}
