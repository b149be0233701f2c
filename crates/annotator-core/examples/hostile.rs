//! Writes each hostile shape (tests/support/hostile.rs) at the given sizes into a folder, one
//! file per shape and size, so that the CLI can be timed on them with `/usr/bin/time`:
//!
//! ```sh
//! cargo run --release -p annotator-core --example hostile -- /tmp/hostile 262144 1048576
//! ```
#[path = "../tests/support/hostile.rs"]
#[allow(dead_code)] // the HTML shapes: the CLI reads text
mod hostile;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "hostile".into()));
    std::fs::create_dir_all(&dir)?;
    for size in args.filter_map(|a| a.parse::<usize>().ok()) {
        for s in hostile::SHAPES {
            std::fs::write(dir.join(format!("{}-{}.txt", s.name, size)), (s.make)(size))?;
        }
    }
    Ok(())
}
