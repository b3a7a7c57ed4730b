//! The XLSX web worker (wasm32): says "ready" once loaded, then answers each message (the
//! request JSON as a string) with the workbook's bytes (`Uint8Array`) or an error message
//! (a string). Natively, a small command: `kehoach-xlsx request.json out.xlsx`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let answer = match e.data().as_string() {
                Some(json) => kehoach_xlsx::handle_request(&json),
                None => Err("the request must be a JSON string".into()),
            };
            let _ = match answer {
                Ok(bytes) => reply_to.post_message(&js_sys::Uint8Array::from(bytes.as_slice())),
                Err(msg) => reply_to.post_message(&wasm_bindgen::JsValue::from_str(&msg)),
            };
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&wasm_bindgen::JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!(
            "usage: kehoach-xlsx REQUEST.json OUT.xlsx   (REQUEST = {{\"lang\":\"vi\",\"code\":\"<share code>\"}})"
        );
        return std::process::ExitCode::from(2);
    };
    let result = std::fs::read_to_string(input)
        .map_err(|e| format!("{input}: {e}"))
        .and_then(|json| kehoach_xlsx::handle_request(&json))
        .and_then(|bytes| std::fs::write(output, bytes).map_err(|e| format!("{output}: {e}")));
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::FAILURE
        }
    }
}
