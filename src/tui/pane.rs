//! A scrollable list of item indices with a selection: what every list view and the
//! timeline keep, apart from the rest of the state so that views can share it.

/// A scrollable list of item indices with a selection.
#[derive(Debug, Clone, Default)]
pub struct Pane {
    pub items: Vec<usize>,
    pub selected: usize,
    /// The first visible item.
    pub offset: usize,
}

impl Pane {
    pub fn current(&self) -> Option<usize> {
        self.items.get(self.selected).copied()
    }
}
