//! The `annotate` command as a user runs it: on the seed file, on stdin, in JSONL batches,
//! and on bad input (clear message, non-zero exit, never a panic).

use std::io::Write;
use std::process::{Command, Output, Stdio};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/000_4b482bd7dbe4f5f8.txt");

fn annotate(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annotate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("annotate runs");
    // The command may exit before reading its input (a bad option): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn assert_offsets(text: &str, v: &serde_json::Value) {
    let chars: Vec<char> = text.chars().collect();
    let check = |s: &serde_json::Value| {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert!(a <= b && b <= chars.len(), "span out of bounds: {s}");
        assert_eq!(chars[a..b].iter().collect::<String>(), s["text"].as_str().unwrap());
    };
    for e in v["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            check(m);
        }
    }
    for c in v["casualties"].as_array().unwrap() {
        check(c);
    }
    for t in v["timeline"].as_array().unwrap() {
        check(t);
        check(&t["event"]);
    }
    for n in v["noise"].as_array().unwrap() {
        check(n);
    }
}

#[test]
fn seed_file_gives_valid_json_with_consistent_offsets() {
    let out = annotate(&["--date", "2020-10-04", SEED], b"");
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["language"], "vi");
    assert_eq!(v["reference_date"], "2020-10-04");
    for key in ["entities", "casualties", "timeline", "noise"] {
        assert!(v[key].is_array(), "{key} is an array");
    }
    let text = std::fs::read_to_string(SEED).unwrap();
    assert_offsets(&text, &v);
}

#[test]
fn reads_stdin_and_forces_language() {
    let out = annotate(&["--lang", "en", "--compact", "-"], "Police said two people died in Hanoi on Monday.".as_bytes());
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["language"], "en");
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim().lines().count(), 1);
}

#[test]
fn jsonl_batch_keeps_ids_and_reports_bad_lines() {
    let input = "{\"id\":\"a\",\"text\":\"Hà Nội hôm nay mưa to.\"}\n\nnot json\n{\"id\":7,\"text\":\"Two were killed in Paris.\",\"date\":\"2020-09-02\"}\n";
    let out = annotate(&["--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "a bad line makes the batch exit 1");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["language"], "vi");
    assert!(lines[1]["error"].as_str().unwrap().contains("line 3"));
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["reference_date"], "2020-09-02");
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 3"));
}

#[test]
fn jsonl_error_rows_keep_the_id_of_a_record_that_is_not_utf8() {
    let out = annotate(&["--jsonl"], b"{\"id\":\"r1\",\"text\":\"caf\xe9\"}\n{\"id\":\"r2\",\"text\":\"\"}\n");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "one row per record");
    assert_eq!(lines[0]["id"], "r1");
    assert!(lines[0]["error"].as_str().unwrap().contains("not UTF-8"));
    assert_eq!(lines[1]["id"], "r2");
    assert!(lines[1]["error"].as_str().unwrap().contains("empty"));
}

#[test]
fn bad_input_gets_a_clear_message_and_nonzero_exit() {
    let cases: Vec<(Vec<&str>, &[u8], &str)> = vec![
        (vec![], b"   \n", "empty"),
        (vec![], b"\xff\xfe\x00binary", "not UTF-8"),
        (vec![], b"ELF\x00\x01\x02 valid UTF-8 but binary", "binary"),
        (vec!["/nonexistent/article.txt"], b"", "cannot read"),
        (vec!["--date", "2020-13-45", "-"], b"x", "invalid date"),
        (vec!["--lang", "fr", "-"], b"x", "invalid language"),
        (vec!["--bogus"], b"", "unknown option"),
    ];
    for (args, stdin, needle) in cases {
        let out = annotate(&args, stdin);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(err.contains(needle), "{args:?}: stderr {err:?} should mention {needle:?}");
        assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    }
}

#[test]
fn help_and_version() {
    let out = annotate(&["--help"], b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--jsonl"));
    assert!(annotate(&["--version"], b"").status.success());
}
