use super::{Decode, Items};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Decodes item `at` as `at * 10`, except the positions in `broken`; counts every call.
struct Tens {
    len: usize,
    broken: Vec<usize>,
    calls: AtomicUsize,
}

impl Tens {
    fn new(len: usize, broken: &[usize]) -> Arc<Tens> {
        Arc::new(Tens { len, broken: broken.to_vec(), calls: AtomicUsize::new(0) })
    }

    fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }
}

impl Decode<u32> for Tens {
    fn len(&self) -> usize {
        self.len
    }

    fn decode(&self, at: usize) -> Option<u32> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        if at >= self.len || self.broken.contains(&at) {
            return None;
        }
        Some(u32::try_from(at).ok()? * 10)
    }
}

fn lazy(source: &Arc<Tens>) -> Items<u32> {
    Items::lazy(Arc::clone(source) as Arc<dyn Decode<u32>>)
}

#[test]
fn lazy_items_are_decoded_on_first_read_and_only_once() {
    let source = Tens::new(4, &[]);
    let items = lazy(&source);
    assert!(items.is_lazy());
    assert_eq!(items.len(), 4);
    assert_eq!(source.calls(), 0, "nothing decoded before a read");
    assert_eq!(items.get(2), Some(&20));
    assert_eq!(items.get(2), Some(&20));
    assert_eq!(source.calls(), 1);
    let all: Vec<u32> = items.iter().copied().collect();
    assert_eq!(all, [0, 10, 20, 30]);
    assert_eq!(source.calls(), 4, "item 2 was not decoded again");
    assert_eq!((items.first(), items.last()), (Some(&0), Some(&30)));
    assert_eq!(source.calls(), 4);
}

#[test]
fn a_clone_shares_the_items_already_decoded() {
    let source = Tens::new(3, &[]);
    let items = lazy(&source);
    assert_eq!(items.get(0), Some(&0));
    let copy = items.clone();
    assert_eq!(copy.get(0), Some(&0));
    assert_eq!(source.calls(), 1);
    assert_eq!(copy.get(1), Some(&10));
    assert_eq!(source.calls(), 2);
}

#[test]
fn get_out_of_range_is_none() {
    let source = Tens::new(3, &[]);
    assert_eq!(lazy(&source).get(3), None);
    assert_eq!(source.calls(), 0, "no decoding past the end");
    assert_eq!(Items::from(vec![1, 2, 3]).get(3), None);
    assert_eq!(Items::<u32>::new().get(0), None);
}

#[test]
fn an_item_that_fails_to_decode_is_none_and_skipped_by_iteration() {
    let source = Tens::new(5, &[1, 4]);
    let items = lazy(&source);
    assert_eq!(items.len(), 5, "the length counts positions");
    assert_eq!(items.get(1), None);
    assert_eq!(items.iter().copied().collect::<Vec<_>>(), [0, 20, 30]);
    assert_eq!(items.iter().rev().copied().collect::<Vec<_>>(), [30, 20, 0]);
    assert_eq!(items.last(), Some(&30));
    assert_eq!(format!("{items:?}"), "[0, 20, 30]");
}

#[test]
fn iteration_from_both_ends_meets_in_the_middle() {
    let items = lazy(&Tens::new(4, &[]));
    let mut iter = items.iter();
    assert_eq!((iter.next(), iter.next_back()), (Some(&0), Some(&30)));
    assert_eq!((iter.next_back(), iter.next()), (Some(&20), Some(&10)));
    assert_eq!((iter.next(), iter.next_back()), (None, None));
}

#[test]
fn to_mut_materialises_lazy_items_skipping_failures() {
    let source = Tens::new(4, &[2]);
    let mut items = lazy(&source);
    assert_eq!(items.get(0), Some(&0));
    items.to_mut().push(99);
    assert!(!items.is_lazy());
    assert_eq!(items.as_slice(), Some(&[0, 10, 30, 99][..]));
    items.push(7);
    assert_eq!(items.len(), 5);
    assert_eq!(lazy(&Tens::new(3, &[0])).into_vec(), [10, 20]);
}

#[test]
fn owned_and_lazy_items_with_the_same_content_are_equal() {
    let owned: Items<u32> = (0..4).map(|i| i * 10).collect();
    assert_eq!(owned, lazy(&Tens::new(4, &[])));
    assert_eq!(lazy(&Tens::new(4, &[])), owned);
    assert_ne!(owned, lazy(&Tens::new(3, &[])));
    assert_ne!(owned, lazy(&Tens::new(4, &[3])), "an undecodable item is not equal to one");
    assert_ne!(owned, Items::from(vec![0, 10, 20, 31]));
}

#[test]
fn items_serialize_exactly_as_a_vector() {
    let vec: Vec<u32> = vec![0, 10, 20];
    let ron_vec = ron::to_string(&vec).expect("serialize a vector");
    let lazy = lazy(&Tens::new(3, &[]));
    assert_eq!(ron::to_string(&lazy).expect("serialize lazy items"), ron_vec);
    let owned = Items::from(vec.clone());
    assert_eq!(ron::to_string(&owned).expect("serialize owned items"), ron_vec);
    let back: Items<u32> = ron::from_str(&ron_vec).expect("deserialize");
    assert!(!back.is_lazy());
    assert_eq!(back.into_vec(), vec);
    let json = serde_json::to_string(&lazy).expect("serialize to JSON");
    assert_eq!(json, serde_json::to_string(&vec).expect("serialize to JSON"));
    let postcard = postcard::to_stdvec(&lazy).expect("serialize to postcard");
    assert_eq!(postcard, postcard::to_stdvec(&vec).expect("serialize to postcard"));
    let back: Items<u32> = postcard::from_bytes(&postcard).expect("deserialize postcard");
    assert_eq!(back, lazy);
}

#[test]
fn lazy_items_that_fail_to_decode_serialize_as_the_items_that_remain() {
    let lazy = lazy(&Tens::new(3, &[1]));
    let postcard = postcard::to_stdvec(&lazy).expect("serialize to postcard");
    let back: Vec<u32> = postcard::from_bytes(&postcard).expect("a well-formed sequence");
    assert_eq!(back, [0, 20]);
}
