// Annotates large articles off the page's main thread, so the tab stays responsive while a
// 10 MB paste is processed (see src/background.rs). The page posts
// { glue, module, text, lang, date }: `glue` is the URL of the wasm-bindgen JavaScript of the
// very module the page runs and `module` its compiled WebAssembly.Module, so nothing is
// downloaded or compiled twice. The answer is { json } (the annotation as SPEC.md JSON),
// { error } (the engine refused the input: a message for the reader) or { unavailable }
// (this worker could not start the module; the page then annotates on its own thread).
let bindings = null;

self.onmessage = async (event) => {
  const { glue, module, text, lang, date } = event.data;
  if (!bindings) {
    try {
      const m = await import(glue);
      m.initSync({ module });
      bindings = m;
    } catch (e) {
      self.postMessage({ unavailable: String((e && e.message) || e) });
      return;
    }
  }
  try {
    self.postMessage({ json: bindings.annotateToJson(text, lang, date) });
  } catch (e) {
    self.postMessage({ error: String((e && e.message) || e) });
  }
};
