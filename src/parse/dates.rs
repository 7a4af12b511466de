//! Date ranges as résumés write them: `2016 年 9 月 - 2019 年 1 月`, `2022 年 6 月 - 至今`,
//! `2019.02 – 2020.03`, `Jan 2019 – Present`, `2018/10 - 至今`, `2013-12-01`.

use crate::model::{DateEnd, YearMonth};
use regex::Regex;
use std::sync::LazyLock;

const POINT: &str = r"(?:[0-9]{4}\s*年\s*[0-9]{1,2}\s*月|[0-9]{4}\s*[./-]\s*[0-9]{1,2}(?:\s*[./-]\s*[0-9]{1,2})?|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?,?\s+[0-9]{4}|[0-9]{4}\s*年?)";
const END: &str = r"(?i:至今|现在|今|present|now|current|ongoing|today)";

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<start>{POINT})\s*(?:-|–|—|~|～|至|to|－)\s*(?P<end>{POINT}|{END})"
    ))
    .expect("date range pattern")
});

static POINT_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?P<y1>[0-9]{4})\s*年\s*(?P<m1>[0-9]{1,2})\s*月|(?P<y2>[0-9]{4})\s*[./-]\s*(?P<m2>[0-9]{1,2})(?:\s*[./-]\s*[0-9]{1,2})?|(?P<mon>[a-z]+)\.?,?\s+(?P<y3>[0-9]{4})|(?P<y4>[0-9]{4})\s*年?)$")
        .expect("date point pattern")
});

/// A date range found in a line: the matched text and its parsed ends.
#[derive(Debug, Clone, PartialEq)]
pub struct DateRange {
    /// Byte range of the match in the line.
    pub span: std::ops::Range<usize>,
    /// Start of the range.
    pub start: Option<YearMonth>,
    /// End of the range.
    pub end: Option<DateEnd>,
}

fn month_from_name(name: &str) -> Option<u8> {
    let n = name.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| n.starts_with(m))
        .map(|i| i as u8 + 1)
}

/// Parses one date point such as `2019.02`, `2019 年 2 月`, `Feb 2019` or `2019`.
pub fn parse_point(s: &str) -> Option<YearMonth> {
    let c = POINT_PARTS.captures(s.trim())?;
    let year = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u16>().ok());
    let month = |k: &str| {
        c.name(k)
            .and_then(|m| m.as_str().parse::<u8>().ok())
            .filter(|m| (1..=12).contains(m))
    };
    let (year, month) = if let Some(y) = year("y1") {
        (y, month("m1"))
    } else if let Some(y) = year("y2") {
        (y, month("m2"))
    } else if let Some(y) = year("y3") {
        (y, c.name("mon").and_then(|m| month_from_name(m.as_str())))
    } else {
        (year("y4")?, None)
    };
    (1900..=2100)
        .contains(&year)
        .then_some(YearMonth { year, month })
}

/// Parses an end point: a date or "present" in either language.
pub fn parse_end(s: &str) -> Option<DateEnd> {
    let t = s.trim().to_lowercase();
    if [
        "至今", "现在", "今", "present", "now", "current", "ongoing", "today",
    ]
    .contains(&t.as_str())
    {
        return Some(DateEnd::Present);
    }
    parse_point(s).map(DateEnd::Date)
}

/// Finds the first date range in `line`.
pub fn find_range(line: &str) -> Option<DateRange> {
    let c = RANGE.captures(line)?;
    let m = c.get(0)?;
    let start = parse_point(&c["start"]);
    let end = parse_end(&c["end"]);
    start.as_ref()?;
    Some(DateRange {
        span: m.range(),
        start,
        end,
    })
}

/// Whether `line` is nothing but a date range (allowing emphasis markers and brackets around it).
pub fn is_range_line(line: &str) -> bool {
    let t = line
        .trim()
        .trim_matches(|c: char| "*_()（）[]|".contains(c))
        .trim();
    match find_range(t) {
        Some(r) => r.span.start == 0 && r.span.end == t.len(),
        None => false,
    }
}

/// Parses an ISO-like date from JSON Resume (`2013-12-01`, `2013-12`, `2013`).
pub fn parse_iso(s: &str) -> Option<YearMonth> {
    let mut it = s.trim().split('-');
    let year = it.next()?.parse::<u16>().ok()?;
    let month = it
        .next()
        .and_then(|m| m.parse::<u8>().ok())
        .filter(|m| (1..=12).contains(m));
    Some(YearMonth { year, month })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: u16, month: u8) -> YearMonth {
        YearMonth {
            year,
            month: Some(month),
        }
    }

    #[test]
    fn chinese_ranges() {
        let r = find_range("2016 年 9 月 - 2019 年 1 月").unwrap();
        assert_eq!(r.start, Some(ym(2016, 9)));
        assert_eq!(r.end, Some(DateEnd::Date(ym(2019, 1))));
        let r = find_range("2022 年 6 月 - 至今").unwrap();
        assert_eq!(r.end, Some(DateEnd::Present));
        assert!(is_range_line("2022 年 6 月 - 至今"));
        assert!(is_range_line("*2018/10 - 至今*"));
    }

    #[test]
    fn dotted_and_english_ranges() {
        let r = find_range("2019.02 – 2020.03").unwrap();
        assert_eq!(r.start, Some(ym(2019, 2)));
        assert_eq!(r.end, Some(DateEnd::Date(ym(2020, 3))));
        let r = find_range("Remote | Jan 2019 – Present").unwrap();
        assert_eq!(r.start, Some(ym(2019, 1)));
        assert_eq!(r.end, Some(DateEnd::Present));
        assert!(is_range_line("Sept 2016 to Dec 2018"));
        assert!(!is_range_line("中国, 北京"));
        assert!(!is_range_line("2018 年夏, 爱彼迎发力中国市场"));
    }

    #[test]
    fn iso_dates() {
        assert_eq!(parse_iso("2013-12-01"), Some(ym(2013, 12)));
        assert_eq!(
            parse_iso("2013"),
            Some(YearMonth {
                year: 2013,
                month: None
            })
        );
        assert_eq!(parse_iso("soon"), None);
    }
}
