//! What the case files (`tests/data/*.tsv`) share: lines that are not comments, each checked
//! by its test and reported with its file and line number, and expected items written in
//! order, separated by " | ", or "none".

/// Checks every case line of `data` with `check` (given the line's `file:line` and the
/// line), gathering what it reports into one failure.
pub fn check_lines(file: &str, data: &str, mut check: impl FnMut(&str, &str) -> Vec<String>) {
    let mut failures = Vec::new();
    for (n, line) in data.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()) {
        let at = format!("{file}:{}", n + 1);
        failures.extend(check(&at, line).into_iter().map(|f| format!("{at}: {f}")));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The failure, if any, when `text` gave `found` and its case expects the items `expected`
/// ("a | b", or "none"), in that order.
#[allow(dead_code)] // not every case file lists ordered items
pub fn same_items(text: &str, expected: &str, found: &[String]) -> Vec<String> {
    let want: Vec<&str> = if expected == "none" { Vec::new() } else { expected.split(" | ").collect() };
    if found.iter().map(String::as_str).eq(want.iter().copied()) {
        Vec::new()
    } else {
        vec![format!("{text:?}\n   want {want:?}\n   got  {found:?}")]
    }
}
