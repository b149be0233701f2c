//! Large articles are annotated off the main thread, in a module worker
//! (`web/annotate-worker.js`) that instantiates this same WebAssembly module: the page hands
//! it the compiled `WebAssembly.Module` and the URL of its wasm-bindgen glue, so nothing is
//! downloaded or compiled twice. The worker answers with the annotation as JSON (SPEC.md),
//! which is parsed back here.
//!
//! Why: the engine handles a 1 MB article in a fraction of a second but a 10 MB transcript in
//! seconds, and a tab that freezes that long looks dead. Small articles stay on the main
//! thread, where the answer arrives before the next frame.
//!
//! Where no worker can run (the single-file build opened from `file://`, a page whose
//! Content-Security-Policy forbids it) [`annotate`] says so with [`Unavailable`], and the
//! caller annotates on the main thread instead.

use std::cell::RefCell;

use annotator_core::Annotation;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Texts longer than this (in UTF-8 bytes) are annotated in the worker. A real article is
/// 2-30 KB; at 64 KB the engine's slowest shapes of text (no sentence breaks, emoji-led
/// sentences) take about 60 ms of the main thread in WebAssembly, a third of the 200 ms a
/// reader notices (at 200 KB they took 190 ms: too close).
pub const OFF_THREAD_BYTES: usize = 64 * 1024;

#[derive(Clone)]
struct Urls {
    worker: String,
    glue: String,
}

thread_local! {
    static URLS: RefCell<Option<Urls>> = const { RefCell::new(None) };
    /// The worker of the job in flight: a newer article stops it.
    static CURRENT: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
}

/// Enables background annotation. `worker` is the URL of `annotate-worker.js`, `glue` that of
/// the wasm-bindgen JavaScript of the running module; relative URLs resolve against the
/// document, since the worker resolves them against its own location.
pub fn configure(worker: &str, glue: &str) {
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten());
    let absolute = |u: &str| match &base {
        Some(b) => web_sys::Url::new_with_base(u, b).map(|x| x.href()).unwrap_or_else(|_| u.to_string()),
        None => u.to_string(),
    };
    let urls = Urls { worker: absolute(worker), glue: absolute(glue) };
    URLS.with(|u| *u.borrow_mut() = Some(urls));
}

/// Whether `text` should go to the worker (it is large and a worker is configured).
pub fn wanted_for(text: &str) -> bool {
    text.len() > OFF_THREAD_BYTES && URLS.with(|u| u.borrow().is_some())
}

/// The worker could not run; the reason is for the console, the caller falls back.
#[derive(Debug)]
pub struct Unavailable(pub String);

/// The annotation of `text`, computed in the worker. `Ok(Err(message))` is the engine's
/// answer for bad input (binary text, a bad date), worded for the reader.
pub async fn annotate(text: &str, lang: &str, date: &str) -> Result<Result<Annotation, String>, Unavailable> {
    let urls = URLS.with(|u| u.borrow().clone()).ok_or_else(|| Unavailable("no worker configured".into()))?;
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&urls.worker, &opts).map_err(|e| Unavailable(format!("{e:?}")))?;
    if let Some(old) = CURRENT.with(|c| c.borrow_mut().replace(worker.clone())) {
        old.terminate();
    }
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |ev: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &ev.data());
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        let on_error = Closure::once_into_js(move |ev: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &ev);
        });
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    let message = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&message, &JsValue::from_str(k), v);
    let sent = set("glue", &JsValue::from_str(&urls.glue))
        .and_then(|_| set("module", &wasm_bindgen::module()))
        .and_then(|_| set("text", &JsValue::from_str(text)))
        .and_then(|_| set("lang", &JsValue::from_str(lang)))
        .and_then(|_| set("date", &JsValue::from_str(date)))
        .and_then(|_| worker.post_message(&message));
    let result = match sent {
        Ok(()) => wasm_bindgen_futures::JsFuture::from(answer).await.map_err(|_| Unavailable("the worker failed to load".into())),
        Err(e) => Err(Unavailable(format!("{e:?}"))),
    };
    worker.terminate();
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.as_ref().is_some_and(|w| w == &worker) {
            *c = None;
        }
    });
    let data = result?;
    let field = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok().and_then(|v| v.as_string());
    if let Some(json) = field("json") {
        return Ok(serde_json::from_str::<Annotation>(&json).map_err(|e| format!("the annotation could not be read: {e}")));
    }
    if let Some(msg) = field("unavailable") {
        return Err(Unavailable(msg));
    }
    Ok(Err(field("error").unwrap_or_else(|| "the annotation failed".into())))
}
