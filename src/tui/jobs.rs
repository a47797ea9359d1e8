//! Work done off the UI thread: opening a source in the browser, reloading a dataset that
//! changed on disk, finishing a load. Each producer reports with an [`Action`], which the
//! event loop takes between key events and gives to `update` like any other.
//!
//! It owns the channel and nothing else: what a job does, and what its action changes, belong
//! to the effect that started it and to `update`. A job that outlives the browser sends into
//! a closed channel and its report is dropped, which is what quitting should do.

use super::action::Action;
use std::sync::mpsc::{self, Receiver, Sender};

/// The channel from background work to the event loop.
pub struct Jobs {
    tx: Sender<Action>,
    rx: Receiver<Action>,
}

impl Default for Jobs {
    fn default() -> Self {
        Self::new()
    }
}

impl Jobs {
    pub fn new() -> Jobs {
        let (tx, rx) = mpsc::channel();
        Jobs { tx, rx }
    }

    /// A sender for a long-lived producer (a file watcher) that reports more than once.
    pub fn sender(&self) -> Sender<Action> {
        self.tx.clone()
    }

    /// Runs `work` on its own thread; its action reaches the loop when it is done.
    pub fn spawn(&self, work: impl FnOnce() -> Action + Send + 'static) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            // The loop may have ended (the user quit): nobody is left to tell.
            let _ = tx.send(work());
        });
    }

    /// The next report, if one has arrived; never waits.
    pub fn try_next(&self) -> Option<Action> {
        self.rx.try_recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait(jobs: &Jobs) -> Option<Action> {
        let until = Instant::now() + Duration::from_secs(10);
        while Instant::now() < until {
            if let Some(a) = jobs.try_next() {
                return Some(a);
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        None
    }

    #[test]
    fn a_spawned_job_reports_its_action_to_the_loop() {
        let jobs = Jobs::new();
        assert_eq!(jobs.try_next(), None, "nothing before any work");
        jobs.spawn(|| Action::Resize(7, 9));
        assert_eq!(wait(&jobs), Some(Action::Resize(7, 9)));
        assert_eq!(jobs.try_next(), None, "each report arrives once");
    }

    #[test]
    fn a_long_lived_sender_reports_many_times_in_order() {
        let jobs = Jobs::new();
        let tx = jobs.sender();
        std::thread::spawn(move || {
            for w in 1..=3 {
                tx.send(Action::Resize(w, w)).unwrap();
            }
        });
        let got: Vec<_> = (0..3).filter_map(|_| wait(&jobs)).collect();
        assert_eq!(got, vec![Action::Resize(1, 1), Action::Resize(2, 2), Action::Resize(3, 3)]);
    }
}
