//! The QR reader worker (wasm32): says `kehoach_scan::READY` once loaded, then answers each
//! frame (an `ImageData`) with the texts of the QR codes in it, one per line. Natively, a
//! small command reading a raw RGBA file: `kehoach-scan WIDTH HEIGHT FILE`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let texts = match e.data().dyn_into::<web_sys::ImageData>() {
                Ok(img) => kehoach_scan::decode_rgba(
                    img.width() as usize,
                    img.height() as usize,
                    &img.data(),
                ),
                Err(_) => Vec::new(),
            };
            let _ = reply_to.post_message(&wasm_bindgen::JsValue::from_str(&kehoach_scan::answer(
                &texts,
            )));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&wasm_bindgen::JsValue::from_str(kehoach_scan::READY));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [w, h, file] = args.as_slice() else {
        eprintln!("usage: kehoach-scan WIDTH HEIGHT RGBA-FILE");
        return std::process::ExitCode::from(2);
    };
    let (Ok(w), Ok(h)) = (w.parse::<usize>(), h.parse::<usize>()) else {
        eprintln!("WIDTH and HEIGHT are whole numbers");
        return std::process::ExitCode::from(2);
    };
    match std::fs::read(file) {
        Ok(bytes) => {
            println!(
                "{}",
                kehoach_scan::answer(&kehoach_scan::decode_rgba(w, h, &bytes))
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{file}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
