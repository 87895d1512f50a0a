//! The direction of every feed, item and page title in the fixtures
//! (`fixtures/titles/directions.tsv`, each row labelled by what a reader
//! expects), shown by `title_direction`.

use barg_core::{title_direction, Direction};

#[test]
fn every_fixture_title_reads_in_its_own_direction() {
    let table = include_str!("../fixtures/titles/directions.tsv");
    let (mut rows, mut mixed, mut wrong) = (0, 0, Vec::new());
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut cols = line.split('\t');
        let (Some(want), Some(path), Some(title)) = (cols.next(), cols.next(), cols.next()) else {
            panic!("a row has expected, path and title: {line}");
        };
        let want = match want {
            "rtl" => Direction::Rtl,
            "ltr" => Direction::Ltr,
            other => panic!("expected is rtl or ltr, not {other}"),
        };
        rows += 1;
        if cols.next().is_some() {
            mixed += 1;
        }
        if title_direction(title, Direction::Ltr) != want {
            wrong.push(format!("{title} ({path})"));
        }
    }
    assert!(
        rows > 400 && mixed > 30,
        "the table has {rows} rows, {mixed} mixed"
    );
    assert!(
        wrong.is_empty(),
        "{} of {rows} titles read the wrong way: {wrong:#?}",
        wrong.len()
    );
}
