//! A value that outlives the pages showing it (the current path, a shared document, the
//! pages "Vis flere" loaded), watched by each page through a trigger of the page's own.
//!
//! Why not one app-level signal read by every page: in reactive_graph 0.2 an effect that is
//! dropped stays in the subscriber list of every signal it read, as a dead weak entry
//! (its allocation included). A document that has loaded does not change again, so each
//! page visit left its effects behind: 0.5–1.3 KB of wasm memory per navigation, for good;
//! and even the path, which changes on every navigation, kept about 40 bytes per visit of a
//! page that read it (measured with the counting allocator, docs/perf.md "Memory"). A
//! trigger owned by the page is dropped with the page, its subscriber list with it.

use leptos::prelude::*;

pub struct Watched<T: Send + Sync + 'static> {
    value: StoredValue<T>,
    watchers: Watchers,
}

impl<T: Send + Sync + 'static> Clone for Watched<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Watched<T> {}

impl<T: Clone + Send + Sync + 'static> Watched<T> {
    /// A value owned by the current owner.
    pub fn new(value: T) -> Self {
        Self {
            value: StoredValue::new(value),
            watchers: Watchers(StoredValue::new(Vec::new())),
        }
    }

    /// The value now, without watching it. `None` once its owner is gone.
    pub fn get(&self) -> Option<T> {
        self.value.try_get_value()
    }

    /// Changes the value and tells every watching page. Nothing happens once the owner is gone.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        if self.value.try_update_value(f).is_some() {
            self.watchers.notify();
        }
    }

    pub fn set(&self, value: T) {
        self.update(|v| *v = value);
    }

    /// Changes the value without telling anyone: for a value that now says what is already
    /// shown (the address of a list that grew in place).
    pub fn update_quietly(&self, f: impl FnOnce(&mut T)) {
        self.value.try_update_value(f);
    }

    /// The value as a signal for the current owner (the page or region asking): it follows
    /// every change, and what it subscribes its readers to is dropped with that owner.
    pub fn watch(&self) -> Signal<T>
    where
        T: Default,
    {
        let trigger = self.watchers.add();
        let value = self.value;
        Signal::derive(move || {
            trigger.track();
            value.try_get_value().unwrap_or_default()
        })
    }
}

/// The triggers of the owners watching a value; not generic, so the wasm has it once.
#[derive(Clone, Copy)]
struct Watchers(StoredValue<Vec<Trigger>>);

impl Watchers {
    /// A trigger owned by the current owner. The list forgets the triggers of owners gone.
    fn add(&self) -> Trigger {
        let trigger = Trigger::new();
        self.0.try_update_value(|w| {
            w.retain(|t| !t.is_disposed());
            w.push(trigger);
        });
        trigger
    }

    fn notify(&self) {
        // A copy of the list: a page rendering because of this may start watching too.
        for trigger in self.0.try_get_value().unwrap_or_default() {
            trigger.notify();
        }
    }

    #[cfg(test)]
    fn live(&self) -> usize {
        self.0
            .with_value(|w| w.iter().filter(|t| !t.is_disposed()).count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_follows_changes_and_lets_go_when_it_goes() {
        let app = Owner::new();
        app.with(|| {
            let shared = Watched::new(1);
            let page = app.child();
            let seen = page.with(|| shared.watch());
            // A memo recomputes only when told: it shows that readers are notified.
            let shown = page.with(|| Memo::new(move |_| seen.get()));
            assert_eq!(shown.get_untracked(), 1);

            shared.set(2);
            assert_eq!(shown.get_untracked(), 2);
            assert_eq!(shared.watchers.live(), 1);

            // The page goes, and with it what its readers subscribed to.
            page.cleanup();
            assert_eq!(shared.watchers.live(), 0);

            // The value stays for the next page, with what changed meanwhile.
            shared.update(|v| *v += 1);
            let next = app.child();
            assert_eq!(next.with(|| shared.watch()).get_untracked(), 3);
        });
    }

    #[test]
    fn two_hundred_visits_leave_nothing_behind() {
        let app = Owner::new();
        app.with(|| {
            let shared = Watched::new(String::from("dokument"));
            for _ in 0..200 {
                let page = app.child();
                let seen = page.with(|| shared.watch());
                assert_eq!(seen.get_untracked(), "dokument");
                page.cleanup();
            }
            assert_eq!(shared.watchers.live(), 0);
            // Disposed triggers are dropped from the list as new pages start watching.
            assert!(shared.watchers.0.with_value(Vec::len) <= 1);
        });
    }

    #[test]
    fn changes_after_the_owner_is_gone_are_ignored() {
        let app = Owner::new();
        let shared = app.with(|| Watched::new(1));
        app.cleanup();
        shared.set(2);
        assert_eq!(shared.get(), None);
    }
}
