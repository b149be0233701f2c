//! Python bindings of the engine: the same annotation as the CLI's JSON (SPEC.md), as Python
//! dicts. The engine runs without the GIL held, so threads (and `annotate_many`) use every
//! core; an engine error (empty or binary text, a bad option) is a `ValueError` carrying the
//! engine's message.

use std::sync::atomic::{AtomicUsize, Ordering};

use annotator_core::{annotate as engine_annotate, Options};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The annotation of `text` as SPEC JSON, or the engine's message.
fn annotate_json(text: &str, lang: Option<&str>, date: Option<&str>) -> Result<String, String> {
    let options = Options::parse(lang, date).map_err(|e| e.to_string())?;
    let ann = engine_annotate(text, &options).map_err(|e| e.to_string())?;
    // Through a JSON value, as the command line writes it: keys in sorted order.
    serde_json::to_value(&ann).map(|v| v.to_string()).map_err(|e| e.to_string())
}

/// Each text's annotation (or message), in order, on `workers` threads taking the next text
/// as they finish (texts differ a lot in length).
fn annotate_all(texts: &[String], lang: Option<&str>, date: Option<&str>, workers: usize) -> Vec<Result<String, String>> {
    let next = AtomicUsize::new(0);
    let mut out: Vec<Option<Result<String, String>>> = (0..texts.len()).map(|_| None).collect();
    let done: Vec<Vec<(usize, Result<String, String>)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers.max(1).min(texts.len().max(1)))
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(t) = texts.get(i) else { break };
                        // A text that made the engine panic is that text's error, not its
                        // worker's: the other texts it annotated keep their answers.
                        let r = std::panic::catch_unwind(|| annotate_json(t, lang, date)).unwrap_or_else(|_| Err("the engine failed on this text (a bug: please report it)".to_string()));
                        mine.push((i, r));
                    }
                    mine
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    for (i, r) in done.into_iter().flatten() {
        out[i] = Some(r);
    }
    out.into_iter().map(|r| r.unwrap_or_else(|| Err("the worker annotating this text stopped".to_string()))).collect()
}

fn to_dict(py: Python<'_>, json: &str) -> PyResult<PyObject> {
    Ok(py.import("json")?.getattr("loads")?.call1((json,))?.unbind())
}

/// annotate(text, lang=None, date=None) -> dict
///
/// Annotates one news article (Vietnamese or English) and returns the annotation of SPEC.md as
/// a dict: "language", "reference_date", "entities" (each with every mention), "casualties",
/// "timeline" and "noise". Offsets count Unicode code points of `text`, end exclusive.
///
/// lang: "vi", "en" or "auto"/None (detected). date: the publication date, "YYYY-MM-DD" (or a
/// timestamp starting so), that relative and year-less dates resolve against.
///
/// Raises ValueError with the engine's message for an empty or binary text or a bad option.
#[pyfunction]
#[pyo3(signature = (text, lang=None, date=None))]
fn annotate(py: Python<'_>, text: String, lang: Option<String>, date: Option<String>) -> PyResult<PyObject> {
    let json = py.allow_threads(|| annotate_json(&text, lang.as_deref(), date.as_deref())).map_err(PyValueError::new_err)?;
    to_dict(py, &json)
}

/// annotate_json(text, lang=None, date=None) -> str
///
/// The same annotation as annotate(), as the JSON text the `annotate` command line prints
/// (compact, keys sorted): for writing archives without a round trip through dicts.
///
/// Raises ValueError with the engine's message, as annotate() does.
#[pyfunction]
#[pyo3(name = "annotate_json", signature = (text, lang=None, date=None))]
fn annotate_json_py(py: Python<'_>, text: String, lang: Option<String>, date: Option<String>) -> PyResult<String> {
    py.allow_threads(|| annotate_json(&text, lang.as_deref(), date.as_deref())).map_err(PyValueError::new_err)
}

/// annotate_many(texts, lang=None, date=None, workers=None, errors="raise") -> list[dict]
///
/// Annotates many articles in parallel (one thread per core unless `workers` says otherwise)
/// and returns their annotations in the order given. lang and date apply to every text.
///
/// errors="raise" (the default) raises ValueError for the first text the engine refuses,
/// naming its index; errors="return" puts {"error": message} in that text's place instead, so
/// that a batch always gives one result per input.
#[pyfunction]
#[pyo3(signature = (texts, lang=None, date=None, workers=None, errors="raise"))]
fn annotate_many(py: Python<'_>, texts: Vec<String>, lang: Option<String>, date: Option<String>, workers: Option<usize>, errors: &str) -> PyResult<Vec<PyObject>> {
    let raise = match errors {
        "raise" => true,
        "return" => false,
        other => return Err(PyValueError::new_err(format!("errors must be \"raise\" or \"return\", not {other:?}"))),
    };
    let workers = workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if workers == 0 {
        return Err(PyValueError::new_err("workers must be at least 1"));
    }
    let results = py.allow_threads(|| annotate_all(&texts, lang.as_deref(), date.as_deref(), workers));
    let mut out = Vec::with_capacity(results.len());
    for (i, r) in results.into_iter().enumerate() {
        match r {
            Ok(json) => out.push(to_dict(py, &json)?),
            Err(msg) if raise => return Err(PyValueError::new_err(format!("text {i}: {msg}"))),
            Err(msg) => out.push(to_dict(py, &serde_json::json!({ "error": msg }).to_string())?),
        }
    }
    Ok(out)
}

/// Article Annotator's engine: people, places, organizations and weapons, casualty figures
/// and a timeline of dated events in Vietnamese and English news articles.
#[pymodule]
fn article_annotator(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(annotate, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_json_py, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_many, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
