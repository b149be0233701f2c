//! Command-line arguments of `annotate` (SPEC.md "Interfaces").

use crate::error::CliError;

pub const USAGE: &str = "\
Usage: annotate [--lang vi|en|auto] [--date YYYY-MM-DD] [--jsonl] [--compact] [FILE|-]

Annotates a news article (Vietnamese or English): entities, casualty figures and a timeline,
printed as JSON (offsets in Unicode code points of the text as given).

  FILE | -        the article (UTF-8 text); '-' or nothing reads standard input
  --lang L        vi, en or auto (default: auto, detected)
  --date D        publication date; relative and year-less dates resolve against it
                  (YYYY-MM-DD, or a timestamp such as 2020-10-04T08:30:00Z: its day is used)
  --jsonl         read one JSON object per line ({\"id\":…,\"text\":…}, optional \"lang\",
                  \"date\") and write one annotation per line, with its \"id\"
  --compact       print the JSON on one line (always so with --jsonl)
  -h, --help      this help
  -V, --version   the version
";

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Args {
    pub lang: Option<String>,
    pub date: Option<String>,
    pub jsonl: bool,
    pub compact: bool,
    /// `None` or `Some("-")` is standard input.
    pub input: Option<String>,
    pub help: bool,
    pub version: bool,
}

impl Args {
    pub fn parse<I: IntoIterator<Item = String>>(argv: I) -> Result<Args, CliError> {
        let mut args = Args::default();
        let mut it = argv.into_iter();
        let mut only_files = false;
        while let Some(a) = it.next() {
            if only_files || a == "-" || !a.starts_with('-') {
                if args.input.replace(a.clone()).is_some() {
                    return Err(CliError::Usage(format!("only one input file is accepted (got another: {a:?})")));
                }
                continue;
            }
            let (flag, inline) = match a.split_once('=') {
                Some((f, v)) => (f.to_string(), Some(v.to_string())),
                None => (a.clone(), None),
            };
            let mut value = |name: &str| -> Result<String, CliError> {
                inline.clone().or_else(|| it.next()).ok_or_else(|| CliError::Usage(format!("{name} needs a value")))
            };
            match flag.as_str() {
                "--lang" => args.lang = Some(value("--lang")?),
                "--date" => args.date = Some(value("--date")?),
                "--jsonl" => args.jsonl = true,
                "--compact" => args.compact = true,
                "-h" | "--help" => args.help = true,
                "-V" | "--version" => args.version = true,
                "--" => only_files = true,
                _ => return Err(CliError::Usage(format!("unknown option {a:?}"))),
            }
        }
        Ok(args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: &[&str]) -> Result<Args, CliError> {
        Args::parse(v.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_flags_and_file() {
        let a = parse(&["--lang", "vi", "--date=2020-10-04", "a.txt"]).unwrap();
        assert_eq!(a.lang.as_deref(), Some("vi"));
        assert_eq!(a.date.as_deref(), Some("2020-10-04"));
        assert_eq!(a.input.as_deref(), Some("a.txt"));
        assert!(parse(&["--jsonl", "-"]).unwrap().jsonl);
    }

    #[test]
    fn rejects_bad_usage() {
        assert!(matches!(parse(&["--date"]), Err(CliError::Usage(_))));
        assert!(matches!(parse(&["--nope"]), Err(CliError::Usage(_))));
        assert!(matches!(parse(&["a", "b"]), Err(CliError::Usage(_))));
    }
}
