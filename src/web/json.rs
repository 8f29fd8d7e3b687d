//! JSON in the page without `serde_json` (issue 8: it cost ~45 KB gzip of wasm): values go
//! to and from JavaScript objects through `serde-wasm-bindgen` (in its JSON-compatible mode:
//! plain objects for maps, `null` for `None`), and the browser's own `JSON.parse` and
//! `JSON.stringify` turn those into text.
//!
//! Known limits: numbers are JavaScript numbers, so an integer past 2^53 cannot be written
//! (an error, never a silently rounded value); `stringify` writes keys in the order the
//! structs declare them (serde_json sorted them), which JSON does not care about.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// A Rust value as a JavaScript value (objects, arrays, strings, numbers, `null`).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, String> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())
}

/// A JavaScript value read as a Rust value.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// A JavaScript value as JSON text, indented by two spaces when `pretty`.
pub fn stringify_js(value: &JsValue, pretty: bool) -> Result<String, String> {
    let text = if pretty {
        js_sys::JSON::stringify_with_replacer_and_space(value, &JsValue::NULL, &JsValue::from_f64(2.0))
    } else {
        js_sys::JSON::stringify(value)
    };
    text.map(String::from).map_err(|e| error_text(&e))
}

/// A Rust value as JSON text.
pub fn stringify<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    stringify_js(&to_js(value)?, false)
}

/// JSON text as a JavaScript value; the error is the browser's message ("Unexpected token ...").
pub fn parse_js(text: &str) -> Result<JsValue, String> {
    js_sys::JSON::parse(text).map_err(|e| error_text(&e))
}

/// JSON text read as a Rust value.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    from_js(parse_js(text)?)
}

/// A field of a JavaScript object, `None` when it is missing or `null` (or `v` is no object).
pub fn get(v: &JsValue, key: &str) -> Option<JsValue> {
    if !v.is_object() {
        return None;
    }
    js_sys::Reflect::get(v, &JsValue::from_str(key)).ok().filter(|x| !x.is_null() && !x.is_undefined())
}

/// The elements of a JavaScript array; `None` when `v` is not an array.
pub fn array(v: &JsValue) -> Option<Vec<JsValue>> {
    js_sys::Array::is_array(v).then(|| js_sys::Array::from(v).iter().collect())
}

/// Sets a field of a JavaScript object (nothing happens when `v` is no object).
pub fn set(v: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(v, &JsValue::from_str(key), value);
}

fn error_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "unknown error".to_string())
}
