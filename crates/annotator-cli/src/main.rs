//! `annotate`: the engine on the command line (SPEC.md "Interfaces").

mod args;
mod error;
mod run;

use std::io::Write;

fn main() {
    let code = match args::Args::parse(std::env::args().skip(1)).and_then(|a| run::run(&a)) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "annotate: {e}");
            e.exit_code()
        }
    };
    std::process::exit(code);
}
