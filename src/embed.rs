//! The JavaScript API for embedding (SPEC.md "Interfaces"), exported by wasm-bindgen and
//! wrapped by `embed/annotator.js`: `annotateToJson(text, lang, date)`, which the wrapper's
//! `annotate(text, {lang, date})` parses into a plain object, and `mount(element, {text,
//! lang, date, sidebar, theme, stylesheet})`, which renders the whole annotator inside
//! `element`, in a shadow root so that the host page's CSS and ours never meet, and returns a
//! handle with `unmount()`.

use annotator_core::Options;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::Annotator;

fn js_error(msg: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&msg.to_string()).into()
}

/// `annotateToJson(text, lang, date)`: the annotation as SPEC.md JSON text. `annotate()` of
/// `embed/annotator.js` parses it (one string leaves WebAssembly faster than an object graph
/// built field by field), and the page's background worker (`web/annotate-worker.js`) sends
/// it back to the page, which parses it straight into its own types. Errors are thrown as
/// `Error`s with the engine's message.
#[wasm_bindgen(js_name = annotateToJson)]
pub fn annotate_to_json(text: &str, lang: &str, date: &str) -> Result<String, JsValue> {
    let opts = Options::parse(Some(lang), Some(date)).map_err(js_error)?;
    let ann = annotator_core::annotate(text, &opts).map_err(js_error)?;
    serde_json::to_string(&ann).map_err(js_error)
}

/// `configureWorker(workerUrl, glueUrl)`: lets mounted annotators send large articles to a
/// background worker (see `background.rs`); the embedding module calls it with its own URLs.
#[wasm_bindgen(js_name = configureWorker)]
pub fn configure_worker(worker: &str, glue: &str) {
    crate::background::configure(worker, glue);
}

struct MountOptions {
    text: String,
    lang: String,
    date: String,
    sidebar: bool,
    /// "light", "dark" or "auto" (follows the system).
    theme: String,
    /// URL of the annotator's stylesheet, loaded inside the shadow root.
    stylesheet: Option<String>,
    /// Render inside a shadow root (default), or straight into the element when the page
    /// itself carries the stylesheet (the single-file build).
    shadow: bool,
    name: String,
}

impl Default for MountOptions {
    fn default() -> Self {
        MountOptions { text: String::new(), lang: "auto".into(), date: String::new(), sidebar: true, theme: "auto".into(), stylesheet: None, shadow: true, name: "article.txt".into() }
    }
}

impl MountOptions {
    /// The options of `mount(element, options)`: each field read off the object, a missing
    /// (or null) one at its default, one of the wrong type refused by name. (Read by hand:
    /// a general JS-to-serde reader would weigh the page's download down by several KB.)
    fn read(options: &JsValue) -> Result<MountOptions, JsValue> {
        let mut o = MountOptions::default();
        if options.is_undefined() || options.is_null() {
            return Ok(o);
        }
        if !options.is_object() {
            return Err(js_error("bad options: expected an object such as {text, lang, date}"));
        }
        let get = |k: &str| js_sys::Reflect::get(options, &JsValue::from_str(k)).ok().filter(|v| !v.is_undefined() && !v.is_null());
        let string = |k: &str, into: &mut String| -> Result<(), JsValue> {
            if let Some(v) = get(k) {
                *into = v.as_string().ok_or_else(|| js_error(format!("bad options: {k} must be a string")))?;
            }
            Ok(())
        };
        let boolean = |k: &str, into: &mut bool| -> Result<(), JsValue> {
            if let Some(v) = get(k) {
                *into = v.as_bool().ok_or_else(|| js_error(format!("bad options: {k} must be true or false")))?;
            }
            Ok(())
        };
        string("text", &mut o.text)?;
        string("lang", &mut o.lang)?;
        string("date", &mut o.date)?;
        string("theme", &mut o.theme)?;
        string("name", &mut o.name)?;
        boolean("sidebar", &mut o.sidebar)?;
        boolean("shadow", &mut o.shadow)?;
        if let Some(v) = get("stylesheet") {
            o.stylesheet = Some(v.as_string().ok_or_else(|| js_error("bad options: stylesheet must be a string (a URL)"))?);
        }
        Ok(o)
    }
}

/// The seed article, for demos (the single-file build shows it).
#[wasm_bindgen(js_name = seedArticle)]
pub fn seed_article() -> String {
    crate::SEED_ARTICLE.to_string()
}

/// A mounted annotator; `unmount()` removes it and frees its state.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<Box<dyn std::any::Any>>,
    host: web_sys::Element,
}

#[wasm_bindgen]
impl Mounted {
    pub fn unmount(&mut self) {
        self.handle.take();
        match self.host.shadow_root() {
            Some(root) => root.set_inner_html(""),
            None => self.host.set_inner_html(""),
        }
    }
}

/// `mount(element, {text, lang, date, sidebar, theme, stylesheet})`.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<Mounted, JsValue> {
    let o = MountOptions::read(&options)?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(|| js_error("no document"))?;
    let container: web_sys::HtmlElement = doc.create_element("div")?.unchecked_into();
    container.set_class_name(&format!("aa-host theme-{}", o.theme));
    if o.shadow {
        // The stylesheet goes inside the shadow root: the host's CSS and ours never meet.
        let root = match element.shadow_root() {
            Some(r) => r,
            None => element.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
        };
        root.set_inner_html("");
        let link: web_sys::HtmlLinkElement = doc.create_element("link")?.unchecked_into();
        link.set_rel("stylesheet");
        link.set_href(o.stylesheet.as_deref().unwrap_or("annotator.css"));
        root.append_child(&link)?;
        root.append_child(&container)?;
    } else {
        element.set_inner_html("");
        element.append_child(&container)?;
    }
    let MountOptions { text, lang, date, sidebar, name, .. } = o;
    let handle = leptos::mount::mount_to(container, move || view! { <Annotator text=text name=name lang=lang date=date sidebar=sidebar /> });
    Ok(Mounted { handle: Some(Box::new(handle)), host: element })
}
