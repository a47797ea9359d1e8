//! `talks browse QUERY` from a script: the query is checked first, then the terminal.

use crate::harness::Dir;

#[test]
fn browse_checks_its_query_before_asking_for_a_terminal() {
    let run = Dir::new().run(&["browse", "vnue:istanbul"]);
    run.code(2).stderr_has("venue");
    // A valid query without a terminal: the browser says it needs one.
    Dir::new().run(&["browse", "venue:istanbul"]).code(5).stderr_has("needs a terminal");
}
