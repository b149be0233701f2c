//! The CLI's one error type: every way a run can fail, each with a message that says what to
//! do, and the exit code it gets (2 for usage, 1 for everything else).

use std::fmt;

#[derive(Debug)]
pub enum CliError {
    Usage(String),
    Read { what: String, err: std::io::Error },
    NotUtf8 { what: String, byte: usize },
    Engine { what: String, err: annotator_core::Error },
    BadJsonLine { line: usize, msg: String },
    Write(std::io::Error),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(m) => write!(f, "{m}\nTry 'annotate --help'."),
            CliError::Read { what, err } => write!(f, "cannot read {what}: {err}"),
            CliError::NotUtf8 { what, byte } => write!(f, "{what} is not UTF-8 text (invalid byte at offset {byte}); is it a binary file? Save the article as UTF-8 text"),
            CliError::Engine { what, err } => write!(f, "{what}: {err}"),
            CliError::BadJsonLine { line, msg } => write!(f, "line {line}: {msg}"),
            CliError::Write(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

impl std::error::Error for CliError {}
