//! The file worker (wasm32): says `model::worker::READY` once loaded, then answers each
//! message (a request of `model::worker`) with bytes (`Uint8Array`) or text. Natively, a small
//! command: `kehoach-xlsx REQUEST-FILE OUT-FILE`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let answer = match e.data().as_string() {
                Some(request) => kehoach_xlsx::handle_request(&request),
                None => kehoach_xlsx::Reply::Text("the request must be text".into()),
            };
            let _ = match answer {
                kehoach_xlsx::Reply::Bytes(bytes) => {
                    reply_to.post_message(&js_sys::Uint8Array::from(bytes.as_slice()))
                }
                kehoach_xlsx::Reply::Text(text) => {
                    reply_to.post_message(&wasm_bindgen::JsValue::from_str(&text))
                }
            };
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&wasm_bindgen::JsValue::from_str(model::worker::READY));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!(
            "usage: kehoach-xlsx REQUEST OUT   (REQUEST: xlsx|json|import, lang, body on 3 lines)"
        );
        return std::process::ExitCode::from(2);
    };
    let result = std::fs::read_to_string(input)
        .map_err(|e| format!("{input}: {e}"))
        .map(|request| kehoach_xlsx::handle_request(&request))
        .and_then(|reply| {
            let bytes = match reply {
                kehoach_xlsx::Reply::Bytes(b) => b,
                kehoach_xlsx::Reply::Text(t) => t.into_bytes(),
            };
            std::fs::write(output, bytes).map_err(|e| format!("{output}: {e}"))
        });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::FAILURE
        }
    }
}
