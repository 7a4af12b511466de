//! Date ranges as résumés write them: `2016 年 9 月 - 2019 年 1 月`, `2022 年 6 月 - 至今`,
//! `2019.02 – 2020.03`, `Jan 2019 – Present`, `2018/10 - 至今`, `2013-12-01`, and with the
//! month first, as American and European résumés write it: `03/2020 – 12/2022`,
//! `5/2019 - Present`, `06.2018`, `05/12/2020` (month, day, year), `Summer 2018` (a season
//! gives the year alone), and quarters (`Q3 2020 – Q1 2022`, `2020 Q3`: from the first month
//! of the first to the last month of the second).

use crate::model::{DateEnd, YearMonth};
use regex::Regex;
use std::sync::LazyLock;

const POINT: &str = r"(?:[0-9]{4}\s*年\s*[0-9]{1,2}\s*月|[0-9]{4}\s*[./-]\s*[0-9]{1,2}(?:\s*[./-]\s*[0-9]{1,2})?|\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01])/[0-9]{4}\b|\b(?:0?[1-9]|1[0-2])\s*[./]\s*[0-9]{4}\b|\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|spring|summer|fall|autumn|winter)\.?,?\s+[0-9]{4}|\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?\s*['’][0-9]{2}\b|\b[Qq][1-4][\s/-]*[0-9]{4}\b|[0-9]{4}[\s/-]*[Qq][1-4]\b|[0-9]{4}\s*年?)";
const END: &str = r"(?i:至今|现在|今|(?:till|until|to)\s+(?:date|now|today)\b|present|now|current|ongoing|today|date\b)";

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<start>{POINT})\s*(?:-{{1,2}}|–{{1,2}}|—{{1,2}}|~|～|至|to|－{{1,2}})\s*(?P<end>{POINT}|{END})"
    ))
    .expect("date range pattern")
});

static POINT_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?P<y1>[0-9]{4})\s*年\s*(?P<m1>[0-9]{1,2})\s*月|(?P<y2>[0-9]{4})\s*[./-]\s*(?P<m2>[0-9]{1,2})(?:\s*[./-]\s*[0-9]{1,2})?|(?P<m6>[0-9]{1,2})/[0-9]{1,2}/(?P<y6>[0-9]{4})|(?P<m5>[0-9]{1,2})\s*[./]\s*(?P<y5>[0-9]{4})|(?P<mon>[a-z]+)\.?,?\s+(?P<y3>[0-9]{4})|(?P<mon2>[a-z]+)\.?\s*['’](?P<yy>[0-9]{2})|q(?P<q1>[1-4])[\s/-]*(?P<y7>[0-9]{4})|(?P<y8>[0-9]{4})[\s/-]*q(?P<q2>[1-4])|(?P<y4>[0-9]{4})\s*年?)$")
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
    } else if let Some(y) = year("y6") {
        (y, month("m6"))
    } else if let Some(y) = year("y5") {
        (y, month("m5"))
    } else if let Some(y) = year("y3") {
        (y, c.name("mon").and_then(|m| month_from_name(m.as_str())))
    } else if let Some(yy) = year("yy") {
        // `Sep '21`, `Jun '98`: 00–50 this century, the rest the last.
        let century = if yy <= 50 { 2000 } else { 1900 };
        (
            century + yy,
            c.name("mon2").and_then(|m| month_from_name(m.as_str())),
        )
    } else if let Some((y, q)) = year("y7").zip(month("q1")).or(year("y8").zip(month("q2"))) {
        // A quarter ("Q3 2020") starts on its first month.
        (y, Some((q - 1) * 3 + 1))
    } else {
        (year("y4")?, None)
    };
    (1900..=2100)
        .contains(&year)
        .then_some(YearMonth { year, month })
}

/// Parses an end point: a date or "present" in either language.
pub fn parse_end(s: &str) -> Option<DateEnd> {
    let t = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if [
        "至今",
        "现在",
        "今",
        "present",
        "now",
        "current",
        "ongoing",
        "today",
        // Indian résumés: `Sep 2021 – Till Date`, `from Aug 2020 to till date`.
        "date",
        "till date",
        "till now",
        "till today",
        "until now",
        "until today",
        "until date",
        "to date",
        "to now",
        "to today",
    ]
    .contains(&t.as_str())
    {
        return Some(DateEnd::Present);
    }
    let point = parse_point(s)?;
    // A quarter as the end ("– Q1 2022") runs to its last month.
    let quarter = s.trim().to_ascii_lowercase().contains('q');
    Some(DateEnd::Date(match point.month {
        Some(m) if quarter => YearMonth {
            month: Some(m + 2),
            ..point
        },
        _ => point,
    }))
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

/// The span of `r` in `line` with the brackets around it, when it has them (`Head of
/// Logistics – Musgrave Group (2018 – present)`, `（2019.03-至今）`): dates cut out of a header
/// leave no bracket behind in its organisation or title.
pub fn with_brackets(line: &str, r: &DateRange) -> std::ops::Range<usize> {
    let before = line[..r.span.start].trim_end();
    let after = line[r.span.end..].trim_start();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']')] {
        if before.ends_with(open) && after.starts_with(close) {
            return before.len() - open.len_utf8()..line.len() - after.len() + close.len_utf8();
        }
    }
    r.span.clone()
}

/// The dates of an entry on a line below its header: a range, or one date alone ("2017",
/// "Summer 2017", "06/2017", "2017年") read as a range from it to itself, as résumés date an
/// internship, a summer job or a short contract by its year or month. A date inside other
/// text is no entry's dates.
pub fn entry_dates(line: &str) -> Option<DateRange> {
    if let Some(r) = find_range(line) {
        return Some(r);
    }
    let inner = line
        .trim()
        .trim_matches(|c: char| "*_()（）[]|".contains(c))
        .trim();
    let point = parse_point(inner)?;
    // `inner` is a slice of `line`: its offset is where it starts.
    let start = inner.as_ptr() as usize - line.as_ptr() as usize;
    Some(DateRange {
        span: start..start + inner.len(),
        start: Some(point),
        end: Some(DateEnd::Date(point)),
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
        // 51job doubles the dash ('2020/08--至今'); Word turns it into a double em dash.
        let r = find_range("2020/08--至今  苏州恒泰精密制造有限公司  财务主管").unwrap();
        assert_eq!(
            (r.start, r.end),
            (Some(ym(2020, 8)), Some(DateEnd::Present))
        );
        assert_eq!(&"2020/08--至今  苏州"[r.span], "2020/08--至今");
        let r = find_range("2015/07--2020/07").unwrap();
        assert_eq!(r.end, Some(DateEnd::Date(ym(2020, 7))));
        assert!(is_range_line("2016.09——2019.06"));
    }

    #[test]
    fn till_date_and_two_digit_years() {
        // Indian and British résumés end a current job with "Till Date" or "to date".
        for line in [
            "Sep 2021 – Till Date",
            "Sep 2021 - till now",
            "Sep 2021 to date",
            "from Aug 2020 to till date.",
        ] {
            let r = find_range(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(r.end, Some(DateEnd::Present), "{line}");
            assert_eq!(
                r.start.map(|s| s.year),
                Some(if line.contains("Aug") { 2020 } else { 2021 })
            );
        }
        let r = find_range("Sep '21 – Present").unwrap();
        assert_eq!(r.start, Some(ym(2021, 9)));
        let r = find_range("Jan ’19 - Mar ’22").unwrap();
        assert_eq!(r.end, Some(DateEnd::Date(ym(2022, 3))));
        let r = find_range("Jun '98 – Aug '04").unwrap();
        assert_eq!(
            (r.start, r.end),
            (Some(ym(1998, 6)), Some(DateEnd::Date(ym(2004, 8))))
        );
        // A date named in a sentence is no end ("2019 - dated design").
        assert!(find_range("2019 - dated design").is_none());
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
    fn quarters_run_from_the_first_month_of_one_to_the_last_of_the_other() {
        // "Q3 2020 – Q1 2022" had been no dates at all: the job nested under the one above.
        let r = find_range("Q3 2020 – Q1 2022").unwrap();
        assert_eq!(r.start, Some(ym(2020, 7)));
        assert_eq!(r.end, Some(DateEnd::Date(ym(2022, 3))));
        let r = find_range("2018 – q2 2020").unwrap();
        assert_eq!(
            r.start,
            Some(YearMonth {
                year: 2018,
                month: None
            })
        );
        assert_eq!(r.end, Some(DateEnd::Date(ym(2020, 6))));
        let r = find_range("Staff Engineer, 2021 Q4 - Present").unwrap();
        assert_eq!(r.start, Some(ym(2021, 10)));
        assert!(is_range_line("Q3/2020 - Q4/2021"));
        // A quarter is no date inside a word or a model name.
        assert!(
            find_range("Audi Q5 2019 - 2020 review").is_some_and(|r| r.start
                == Some(YearMonth {
                    year: 2019,
                    month: None
                }))
        );
        assert!(find_range("HQ2 2019 - 2021").is_some_and(|r| r.start
            == Some(YearMonth {
                year: 2019,
                month: None
            })));
    }

    #[test]
    fn month_first_ranges() {
        let r = find_range("03/2020 – 12/2022").unwrap();
        assert_eq!(r.start, Some(ym(2020, 3)));
        assert_eq!(r.end, Some(DateEnd::Date(ym(2022, 12))));
        let r = find_range("5/2019 - Present").unwrap();
        assert_eq!(r.start, Some(ym(2019, 5)));
        assert_eq!(r.end, Some(DateEnd::Present));
        assert_eq!(
            find_range("06.2018 - 09.2020").unwrap().start,
            Some(ym(2018, 6))
        );
        assert!(is_range_line("05/2019 – Present"));
        assert!(is_range_line("Summer 2018 - Fall 2019"));
        assert_eq!(
            find_range("Summer 2018 - Fall 2019").unwrap().start,
            Some(YearMonth {
                year: 2018,
                month: None
            })
        );
        // Year first still reads year first, and no month 13 is taken.
        assert_eq!(
            find_range("2019/05 - 2020/06").unwrap().start,
            Some(ym(2019, 5))
        );
        assert_eq!(
            find_range("2019 - 2021").unwrap().start.unwrap().month,
            None
        );
        assert_eq!(find_range("13/2020 - 14/2021"), None);
        // An American full date gives its month, not its day.
        let r = find_range("05/12/2020 - Present").unwrap();
        assert_eq!((r.start, r.span.start), (Some(ym(2020, 5)), 0));
        // A lone fraction or score is no date, nor a range of years no résumé spans.
        assert_eq!(find_range("scored 3/2000 on the test"), None);
        assert_eq!(find_range("cut errors from 1/1000 to 1/5000"), None);
        // A season inside a word is no season ("Waterfall 2019 – 2021" is a range of
        // years after a word).
        let r = find_range("Waterfall 2019 – 2021").unwrap();
        assert_eq!(r.span.start, "Waterfall ".len());
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

    #[test]
    fn an_entry_is_dated_by_a_range_or_one_date_alone_on_its_line() {
        fn one(s: &str) -> Option<(Option<YearMonth>, Option<DateEnd>, &str)> {
            entry_dates(s).map(|r| (r.start, r.end, &s[r.span]))
        }
        let y = |year| YearMonth { year, month: None };
        assert_eq!(
            one("2017"),
            Some((Some(y(2017)), Some(DateEnd::Date(y(2017))), "2017"))
        );
        assert_eq!(
            one(" (Summer 2018) "),
            Some((Some(y(2018)), Some(DateEnd::Date(y(2018))), "Summer 2018"))
        );
        assert_eq!(one("06/2017").and_then(|(s, _, _)| s), Some(ym(2017, 6)));
        assert_eq!(one("2019 – 2021").map(|(_, _, t)| t), Some("2019 – 2021"));
        // Inside other text, or not a year: no entry's dates.
        assert_eq!(one("B.S. Computer Science, 2017"), None);
        assert_eq!(one("12000"), None);
        assert_eq!(one("Kubernetes"), None);
    }
}
