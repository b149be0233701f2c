//! What `annotate` does with its arguments: read, annotate, print.

use std::io::{BufWriter, Read, Write};

use annotator_core::{annotate, Options};
use serde::Deserialize;

use crate::args::{Args, USAGE};
use crate::error::CliError;

/// Runs the command; returns the exit code (non-zero when any JSONL record failed).
pub fn run(args: &Args) -> Result<i32, CliError> {
    if args.help {
        print!("{USAGE}");
        return Ok(0);
    }
    if args.version {
        println!("annotate {}", env!("CARGO_PKG_VERSION"));
        return Ok(0);
    }
    let options = Options::parse(args.lang.as_deref(), args.date.as_deref())
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let what = match args.input.as_deref() {
        None | Some("-") => "standard input".to_string(),
        Some(p) => format!("'{p}'"),
    };
    let bytes = read_input(args.input.as_deref()).map_err(|err| CliError::Read { what: what.clone(), err })?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let code = if args.jsonl {
        run_jsonl(&bytes, &options, &mut out)?
    } else {
        let text = std::str::from_utf8(&bytes).map_err(|e| CliError::NotUtf8 { what: what.clone(), byte: e.valid_up_to() })?;
        let ann = annotate(text, &options).map_err(|err| CliError::Engine { what, err })?;
        let json = if args.compact { serde_json::to_string(&ann) } else { serde_json::to_string_pretty(&ann) };
        writeln!(out, "{}", json.expect("annotation serialises")).map_err(CliError::Write)?;
        0
    };
    out.flush().map_err(CliError::Write)?;
    Ok(code)
}

fn read_input(path: Option<&str>) -> std::io::Result<Vec<u8>> {
    match path {
        None | Some("-") => {
            let mut v = Vec::new();
            std::io::stdin().read_to_end(&mut v)?;
            Ok(v)
        }
        Some(p) => std::fs::read(p),
    }
}

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

/// One annotation per input line, each carrying its record's `id`. A bad record gets an
/// `{"id":…,"error":…}` line (and a message on stderr) so the batch goes on; the exit code is
/// then 1.
fn run_jsonl(bytes: &[u8], defaults: &Options, out: &mut impl Write) -> Result<i32, CliError> {
    let mut failed = 0usize;
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let n = i + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let result = std::str::from_utf8(line)
            .map_err(|e| CliError::NotUtf8 { what: format!("line {n}"), byte: e.valid_up_to() })
            .and_then(|l| serde_json::from_str::<Record>(l).map_err(|e| CliError::BadJsonLine { line: n, msg: format!("not a {{\"id\",\"text\"}} object: {e}") }))
            .and_then(|rec| {
                let opts = Options::parse(rec.lang.as_deref().or(defaults.language.map(|l| l.code())), rec.date.as_deref())
                    .map(|o| Options { date: o.date.or(defaults.date), ..o })
                    .map_err(|err| CliError::Engine { what: format!("line {n}"), err })?;
                let ann = annotate(&rec.text, &opts).map_err(|err| CliError::Engine { what: format!("line {n}"), err })?;
                let mut obj = serde_json::to_value(&ann).expect("annotation serialises");
                if let serde_json::Value::Object(m) = &mut obj {
                    m.insert("id".into(), rec.id.clone());
                }
                Ok((rec.id, obj))
            });
        match result {
            Ok((_, obj)) => writeln!(out, "{obj}").map_err(CliError::Write)?,
            Err(e) => {
                failed += 1;
                eprintln!("annotate: {e}");
                // The record's id, also from a line that is not UTF-8 (its text holds a bad
                // byte, its id most likely does not): read leniently for the id alone.
                let id = serde_json::from_str::<serde_json::Value>(&String::from_utf8_lossy(line)).ok().and_then(|v| v.get("id").cloned()).unwrap_or(serde_json::Value::Null);
                writeln!(out, "{}", serde_json::json!({"id": id, "error": e.to_string()})).map_err(CliError::Write)?;
            }
        }
    }
    Ok(if failed > 0 { 1 } else { 0 })
}
