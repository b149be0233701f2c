//! The few places the page touches the DOM directly: scrolling a mark into view and flashing
//! it, downloading a file, copying to the clipboard, reading a dropped or opened file.

use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The id of the mark last revealed, so that a mark drawn again (its part changed by a
    /// correction) is drawn as the current one still.
    static CURRENT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Whether `id` is the mark last revealed (see [`reveal`]).
pub fn is_current(id: &str) -> bool {
    CURRENT.with_borrow(|c| c.as_deref() == Some(id))
}

/// Forgets the mark last revealed: a new article's marks reuse the same ids.
pub fn forget_current() {
    CURRENT.with_borrow_mut(|c| *c = None);
}

/// Scrolls the element with `id` to the middle of the view, flashes it and marks it as the
/// current one (`.current`, an outline that stays after the flash, on one element at a time:
/// where the reader was taken, by the stepper, a casualty row or a date).
pub fn reveal(id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(el) = doc.get_element_by_id(id) else { return };
    CURRENT.with_borrow_mut(|c| *c = Some(id.to_string()));
    if let Ok(old) = doc.query_selector_all(".mark.current") {
        for k in 0..old.length() {
            if let Some(e) = old.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = e.class_list().remove_1("current");
            }
        }
    }
    let _ = el.class_list().add_1("current");
    // Smooth within a few screens; a jump further (from a phone's summary below a long article
    // to its first lines) is made at once: a smooth scroll over a megabyte draws every
    // paragraph it passes, frame after frame, and shows nothing the reader wants.
    let far = web_sys::window().and_then(|w| w.inner_height().ok()?.as_f64()).is_some_and(|h| el.get_bounding_client_rect().top().abs() > 3.0 * h);
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_behavior(if far { web_sys::ScrollBehavior::Instant } else { web_sys::ScrollBehavior::Smooth });
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    let cl = el.class_list();
    let _ = cl.remove_1("flash");
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.offset_width(); // restart the animation
    }
    let _ = cl.add_1("flash");
}

/// Reveals the mark `id` that starts at code point `at`: the article is first asked to render
/// up to it (a long one is put on screen progressively), then, once that has happened, it is
/// scrolled to and flashed.
pub fn reveal_at(ui: crate::state::Ui, id: String, at: usize) {
    use leptos::prelude::Set;
    ui.need.set(Some(at));
    leptos::prelude::set_timeout(move || reveal(&id), std::time::Duration::ZERO);
}

/// Moves the focus to the element `selector` finds inside the annotator that `ev` happened
/// in (an embedding page may hold several annotators).
pub fn focus_in_root(ev: &web_sys::MouseEvent, selector: &str) {
    let el = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest(".aa-root").ok().flatten()).and_then(|r| r.query_selector(selector).ok().flatten());
    if let Some(h) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = h.focus();
        h.scroll_into_view();
    }
}

/// Adds `class` to (or takes it from) every mark of entity `e` inside `root`: the few marks
/// concerned, found by their `data-entity`, instead of a re-render of every mark.
pub fn set_class_of_entity(root: &web_sys::Element, e: usize, class: &str, on: bool) {
    let Ok(marks) = root.query_selector_all(&format!(".mark[data-entity=\"{e}\"]")) else { return };
    for k in 0..marks.length() {
        if let Some(el) = marks.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            let _ = if on { el.class_list().add_1(class) } else { el.class_list().remove_1(class) };
        }
    }
}

/// Moves the selected entity's current mention `delta` places on (round the end), and
/// reveals it: the stepper's ‹ › and the N / Shift+N keys. `starts` are where the entity's
/// mentions start.
pub fn step_mention(ui: crate::state::Ui, entity: usize, starts: &[usize], delta: isize) {
    use leptos::prelude::{GetUntracked, Set};
    if starts.is_empty() {
        return;
    }
    let i = (ui.step.get_untracked() as isize + delta).rem_euclid(starts.len() as isize) as usize;
    ui.step.set(i);
    reveal_at(ui, crate::state::mention_id(entity, starts[i]), starts[i]);
}

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys_array(content);
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let (Ok(a), Some(body)) = (doc.create_element("a"), doc.body()) {
            let a: web_sys::HtmlAnchorElement = a.unchecked_into();
            a.set_href(&url);
            a.set_download(name);
            let _ = body.append_child(&a);
            a.click();
            a.remove();
        }
    }
    // The download has started reading the blob; free it a little later.
    leptos::prelude::set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(10));
}

fn js_sys_array(s: &str) -> JsValue {
    let arr = js_sys::Array::new();
    arr.push(&JsValue::from_str(s));
    arr.into()
}

/// Closes the `<details>` menu an event came from (after the user picked an item).
pub fn close_menu(ev: &web_sys::MouseEvent) {
    if let Some(menu) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("details").ok().flatten()) {
        let _ = menu.remove_attribute("open");
    }
}

/// The code-point span of the user's selection inside the article, if it is one: every piece
/// of the article carries its start (`data-s`) and holds one text node.
/// Whether the page's selection starts and ends in the same paragraph (or headline) of the
/// article: a mention never spans two.
pub fn selection_in_one_block() -> bool {
    let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else { return true };
    let block = |n: Option<web_sys::Node>| n.and_then(|n| n.parent_element()).and_then(|e| e.closest("p, h2").ok().flatten());
    match (block(sel.anchor_node()), block(sel.focus_node())) {
        (Some(a), Some(b)) => a.is_same_node(Some(&b)),
        _ => true,
    }
}

pub fn selection_offsets() -> Option<(usize, usize)> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.is_collapsed() {
        return None;
    }
    let at = |node: Option<web_sys::Node>, offset: u32| -> Option<usize> {
        let node = node?;
        let el = node.parent_element()?;
        let start: usize = el.get_attribute("data-s")?.parse().ok()?;
        let text = node.text_content().unwrap_or_default();
        let units: Vec<u16> = text.encode_utf16().take(offset as usize).collect();
        Some(start + String::from_utf16_lossy(&units).chars().count())
    };
    let a = at(sel.anchor_node(), sel.anchor_offset())?;
    let b = at(sel.focus_node(), sel.focus_offset())?;
    Some((a.min(b), a.max(b)))
}

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "corrections cannot be saved: this browser's storage is unavailable (private mode?)".to_string())
}

/// Reads a saved value; `Ok(None)` when there is none.
pub fn load(key: &str) -> Result<Option<String>, String> {
    storage()?.get_item(key).map_err(|_| "corrections cannot be read from storage".to_string())
}

/// Saves a value, or removes it when `value` is `None`; says why when storage refuses (full).
pub fn save(key: &str, value: Option<&str>) -> Result<(), String> {
    let s = storage()?;
    match value {
        Some(v) => s.set_item(key, v).map_err(|_| "corrections cannot be saved: the browser's storage is full".to_string()),
        None => s.remove_item(key).map_err(|_| "corrections cannot be removed from storage".to_string()),
    }
}

/// Asks the reader to confirm `question` (the browser's own dialog); `false` where there is
/// no window to ask in.
pub fn confirm(question: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}

/// Copies `text` to the clipboard (best effort: the browser may refuse without a gesture).
pub fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// The text of a file the user opened or dropped, or why it cannot be used.
pub async fn read_file(file: web_sys::File) -> Result<(String, String), String> {
    let name = file.name();
    crate::render::input::check_size(&name, file.size() as usize)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| format!("cannot read {name}"))?;
    let text = text.as_string().unwrap_or_default();
    Ok((name, text))
}

/// The article element of the annotator that `el` is in (an embedding page may hold several).
pub fn article_of(el: &web_sys::Element) -> Option<web_sys::Element> {
    el.closest(".aa-root").ok().flatten()?.query_selector(".article").ok().flatten()
}

/// The DOM position of code point `at` of the text in the article `root`: the text node of
/// the piece that holds it, the offset in UTF-16 units there, and that character's length in
/// them. Pieces carry their first code point in `data-s`, in text order: found by bisection.
/// `None` when that piece is not on screen yet.
fn position(pieces: &web_sys::NodeList, at: usize) -> Option<(web_sys::Node, u32, u32)> {
    let start_of = |k: u32| -> Option<usize> { pieces.item(k)?.dyn_into::<web_sys::Element>().ok()?.get_attribute("data-s")?.parse().ok() };
    let (mut lo, mut hi) = (0u32, pieces.length());
    while lo + 1 < hi {
        let mid = (lo + hi) / 2;
        if start_of(mid)? <= at { lo = mid } else { hi = mid }
    }
    let piece = pieces.item(lo)?;
    let start = start_of(lo)?;
    let node = piece.first_child()?;
    let text = node.text_content()?;
    let mut units = 0u32;
    let mut chars = text.chars();
    for _ in start..at {
        units += chars.next()?.len_utf16() as u32;
    }
    Some((node, units, chars.next()?.len_utf16() as u32))
}

/// Paints `spans` (code points) of the article `root` with the CSS highlight `name` (the
/// Custom Highlight API: no element is added to the article, so a thousand hits cost no
/// re-render), and scrolls the piece holding `current` into view. Spans not on screen yet
/// are left out. `false` where the browser has no such API.
pub fn highlight(root: &web_sys::Element, name: &str, spans: &[(usize, usize)], current: Option<usize>) -> bool {
    use js_sys::Reflect;
    let Some(window) = web_sys::window() else { return false };
    let Some(doc) = window.document() else { return false };
    let registry = Reflect::get(&window, &"CSS".into()).and_then(|css| Reflect::get(&css, &"highlights".into())).ok().filter(|r| !r.is_undefined());
    let ctor = Reflect::get(&window, &"Highlight".into()).ok().and_then(|c| c.dyn_into::<js_sys::Function>().ok());
    let (Some(registry), Some(ctor)) = (registry, ctor) else { return false };
    let Ok(pieces) = root.query_selector_all("[data-s]") else { return false };
    let ranges = js_sys::Array::new();
    for &(s, e) in spans {
        let (Some((a, ao, _)), Some((b, bo, last))) = (position(&pieces, s), position(&pieces, e.saturating_sub(1))) else { continue };
        let bo = bo + last;
        let Ok(range) = doc.create_range() else { continue };
        if range.set_start(&a, ao).is_ok() && range.set_end(&b, bo).is_ok() {
            ranges.push(&range);
        }
    }
    let call = |method: &str, args: &js_sys::Array| {
        if let Ok(f) = Reflect::get(&registry, &method.into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = f.apply(&registry, args);
        }
    };
    match Reflect::construct(&ctor, &ranges) {
        Ok(h) if ranges.length() > 0 => call("set", &js_sys::Array::of2(&name.into(), &h)),
        _ => call("delete", &js_sys::Array::of1(&name.into())),
    }
    if let Some((node, ..)) = current.and_then(|at| position(&pieces, at)) {
        if let Some(el) = node.parent_element() {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }
    true
}
