//! Public corpora (../shared/corpora, never copied into the repo) scored with their own
//! `tools/score.py` on this CLI, against floors 0.02 below the measured score. Skips with a
//! message when the corpora or python3 are absent.

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpora() -> Option<PathBuf> {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora");
    d.join("tools/score.py").exists().then(|| d.canonicalize().ok()).flatten()
}

/// The "overall F1: KEY=VALUE" of score.py on `gold` for `task`.
fn score(dir: &Path, task: &str, gold: &str, extra: &[&str]) -> f64 {
    let out = Command::new("python3")
        .arg(dir.join("tools/score.py"))
        .args([task, dir.join(gold).to_str().expect("a UTF-8 path"), "--bin", env!("CARGO_BIN_EXE_annotate")])
        .args(extra)
        .output()
        .expect("python3 runs");
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    println!("--- {task} {gold} ---\n{report}{}", String::from_utf8_lossy(&out.stderr));
    let last = report.lines().find(|l| l.starts_with("overall F1:")).expect("an overall line");
    last.rsplit('=').next().and_then(|v| v.trim().parse().ok()).expect("a number")
}

#[test]
fn conll2003_dev_entities_stay_above_their_floor() {
    let Some(dir) = corpora() else {
        eprintln!("SKIPPED: ../shared/corpora not found beside the repo; the CoNLL-2003 floor was not checked");
        return;
    };
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("SKIPPED: python3 not found; the CoNLL-2003 floor was not checked");
        return;
    }
    // Measured 0.879 (2026-12-01, end of the day); floor 0.02 below.
    let f1 = score(&dir, "ner", "conll2003/dev.jsonl", &[]);
    assert!(f1 + 1e-9 >= 0.859, "CoNLL-2003 dev exact-span F1 {f1:.3} fell below its floor 0.859");
}
