//! The room's camera (issue 16): the live picture, the QR codes read from it (each new
//! text is read like a paste), a beep, a flash and a counter per plan accepted, and a clear
//! message when the camera is refused or absent or the reader fails. The camera and the QR
//! reader (a web worker) start when this mounts and stop when it goes.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use model::words::room::RoomWords;
use yew::prelude::*;

use super::use_app;
use crate::platform::camera::{self, CameraProblem, Scanner};
use crate::state::{Action, RoomAction};

const VIDEO_ID: &str = "room-video";

/// The camera panel.
#[component]
pub fn RoomScanner() -> Html {
    let app = use_app();
    let lang = app.lang;
    let problem = use_state_eq(|| None::<CameraProblem>);
    let live = use_state_eq(|| false);
    let accepted = use_state_eq(|| 0usize);
    // Readings sent to the room and not yet answered (a report is the answer).
    let pending = use_mut_ref(|| 0usize);
    let scanner: Rc<RefCell<Option<Scanner>>> = use_mut_ref(|| None);
    {
        let d = app.dispatcher();
        let (problem, live, pending, scanner) = (
            problem.clone(),
            live.clone(),
            pending.clone(),
            scanner.clone(),
        );
        use_effect_with((), move |_| {
            // A code stays in front of the camera for many frames: read each text once.
            let seen: RefCell<BTreeSet<String>> = RefCell::new(BTreeSet::new());
            let on_codes = move |texts: Vec<String>| {
                live.set(true);
                let fresh: Vec<String> = texts
                    .into_iter()
                    .filter(|t| seen.borrow_mut().insert(t.clone()))
                    .collect();
                if !fresh.is_empty() {
                    *pending.borrow_mut() += 1;
                    d.dispatch(Action::Room(RoomAction::Read(fresh.join("\n"))));
                }
            };
            let on_problem = move |p| problem.set(Some(p));
            *scanner.borrow_mut() = Some(camera::start(VIDEO_ID, on_codes, on_problem));
            move || {
                scanner.borrow_mut().take();
            }
        });
    }
    {
        // Each answer to a reading from the camera: beep and count the plans accepted.
        let (accepted, pending, scanner) = (accepted.clone(), pending.clone(), scanner.clone());
        use_effect_with(app.room.report.clone(), move |r| {
            let mut p = pending.borrow_mut();
            if let (Some(r), true) = (r, *p > 0) {
                *p -= 1;
                let [added, replaced, ..] = r.counts();
                if added + replaced > 0 {
                    accepted.set(*accepted + added + replaced);
                    if let Some(s) = scanner.borrow().as_ref() {
                        s.beep();
                    }
                }
            }
        });
    }
    let message = (*problem).as_ref().map(|p| match p {
        CameraProblem::Denied(why) => RoomWords::CameraDenied.fill(lang, &[why]),
        CameraProblem::Absent(why) => RoomWords::CameraAbsent.fill(lang, &[why]),
        CameraProblem::Reader(why) => RoomWords::ScannerFailed.fill(lang, &[why]),
    });
    let n = *accepted;
    html! {
        <section class="room-scan" data-testid="room-scanner">
            <div class="room-video-box">
                <video id={VIDEO_ID} muted=true autoplay=true playsinline=true></video>
                // Re-mounted on every accepted code: its animation is the flash.
                if n > 0 {
                    <div class="room-flash" key={n.to_string()} aria-hidden="true"></div>
                }
            </div>
            <div class="room-scan-text">
                if let Some(m) = message {
                    <p class="field-error" role="alert" data-testid="room-camera-problem">{ m }</p>
                } else if *live || n > 0 {
                    <p>{ RoomWords::ScanHelp.get(lang) }</p>
                } else {
                    <p>{ RoomWords::ScanStarting.get(lang) }</p>
                }
                <p class="room-scan-count" data-testid="room-scan-count" data-value={n.to_string()}
                    role="status" aria-live="polite">
                    { RoomWords::ScanAccepted.fill(lang, &[&n.to_string()]) }
                </p>
            </div>
        </section>
    }
}
