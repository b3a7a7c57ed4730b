//! Entry point: mounts the app.
fn main() {
    yew::Renderer::<kehoach_app::app::App>::new().render();
}
