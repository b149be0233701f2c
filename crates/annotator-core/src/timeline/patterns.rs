//! Date expressions, Vietnamese and English, as linear-time regexes (the `regex` crate), each
//! with how to turn a match into a calendar value. Day-first for Vietnamese ("4-10" is
//! 4 October). Year-less dates take the reference year, moved back a year when that would put
//! them after the reference date; nothing here invents a year without a reference.

use std::ops::Range;
use std::sync::OnceLock;

use regex::{Captures, Regex, RegexSet};

use super::date::Date;
use crate::numbers::{parse_en_words, parse_vi_words};
use crate::text::language::Language;

/// A resolved value: a day, a month or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Value {
    Day(Date),
    Month(i32, u32),
    Year(i32),
}

impl Value {
    pub fn iso(self) -> String {
        match self {
            Value::Day(d) => d.iso(),
            Value::Month(y, m) => format!("{y:04}-{m:02}"),
            Value::Year(y) => format!("{y:04}"),
        }
    }
}

/// What a pattern found, before the reference date is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Raw {
    Full(Date),
    /// A day of a month without its year, with the weekday written beside it, if any
    /// ("Tuesday, November 19": the year in which it was a Tuesday).
    /// `lean` is the way a cue word before it points: -1 "since", +1 "until" (or a future
    /// tense before it), 0 none.
    DayMonth { day: u32, month: u32, weekday: Option<u32>, lean: i8 },
    MonthYear(i32, u32),
    Month(u32),
    /// A month relative to the reference: -1 is last month.
    MonthOffset(i32),
    /// "March last year": a month in the year before the reference's.
    MonthLastYear(u32),
    Year(i32),
    YearOffset(i32),
    DayOffset(i64),
    /// 0 = Monday.
    Weekday(u32),
    /// A weekday to come: the next one after the reference date, or the reference date
    /// itself ("will meet on Tuesday" in a Tuesday's report is that day).
    WeekdayAhead(u32),
    /// "last October", "since March": the latest such month up to the reference's, or
    /// (`strict`, after "last") before it.
    MonthBefore { month: u32, strict: bool },
    /// "last Monday": the latest such weekday strictly before the reference date.
    WeekdayBefore(u32),
    /// The latest business quarter to have ended: its year ("the quarter" of an earnings
    /// report, "the latest quarter").
    LastQuarter,
    /// A month of the reference's year ("tháng Giêng năm nay").
    MonthThisYear(u32),
    /// A month of the year after the reference's ("tháng 3 năm sau").
    MonthNextYear(u32),
    /// "ngày thứ 8" of something that began on an earlier date of the text.
    NthDay(i64),
    /// "Five years later": after the year the text last named.
    YearsLater(i32),
    /// A month the text looks forward to ("until November", "will open in March"): this
    /// year's if it has not passed, else next year's.
    MonthAhead(u32),
    /// A day counted from the last full day the text named: "cùng ngày" (0), "hôm sau",
    /// "the next day" (1).
    DayAfterLast(i64),
    /// A business quarter, 1 to 4, of the reference's year, or of the year before when it
    /// has not begun by the reference date ("the fourth quarter" in a January report).
    Quarter(u32),
}

/// How far after the reference date a year-less day may lie and keep the reference's year:
/// "the deal closes Nov. 21" in a report of November 13 is this November, while "March 3"
/// in that report, 110 days ahead, is the March before.
pub const DAYS_AHEAD: i64 = 92;

impl Raw {
    /// How a value is reached from this expression, in words (what the timeline says of a
    /// date when asked why); `inherited` when a year-less day or month took the year of a date
    /// the text gave shortly before.
    pub fn why(self, inherited: bool) -> &'static str {
        match self {
            Raw::DayMonth { .. } | Raw::Month(_) if inherited => "day or month as written; the year of the date given just before",
            Raw::Full(_) | Raw::MonthYear(..) | Raw::Year(_) => "a date written in full",
            Raw::DayMonth { lean: 1, .. } | Raw::MonthAhead(_) => "day or month as written, looking ahead; the next one after the reference date",
            Raw::DayMonth { lean: -1, .. } => "day or month as written, looking back; the last one before the reference date",
            Raw::DayMonth { weekday: Some(_), .. } => "day and month as written; the year in which it fell on the weekday named",
            Raw::DayMonth { .. } | Raw::Month(_) => "day or month as written; the year nearest the reference date",
            Raw::MonthOffset(_) | Raw::MonthLastYear(_) | Raw::MonthThisYear(_) | Raw::MonthNextYear(_) | Raw::MonthBefore { .. } => "a month counted from the reference date",
            Raw::YearOffset(_) => "a year counted from the reference date",
            Raw::DayOffset(_) => "a day counted from the reference date (or from the day a speaker spoke)",
            Raw::Weekday(_) | Raw::WeekdayBefore(_) => "a weekday: the last one up to the reference date",
            Raw::WeekdayAhead(_) => "a weekday looked forward to: the next one from the reference date",
            Raw::LastQuarter | Raw::Quarter(_) => "a business quarter of the reference date's year",
            Raw::NthDay(_) => "a day counted from the start of events the text dated before",
            Raw::YearsLater(_) => "years counted from the year the text named before",
            Raw::DayAfterLast(_) => "a day counted from the day the text named before",
        }
    }

    /// The same expression read as lying ahead of the reference (a future tense before it):
    /// a weekday, a month or a year-less day of the week, month or year to come.
    pub fn ahead(self) -> Raw {
        match self {
            Raw::Weekday(w) => Raw::WeekdayAhead(w),
            Raw::Month(m) => Raw::MonthAhead(m),
            Raw::DayMonth { day, month, weekday, lean: 0 } => Raw::DayMonth { day, month, weekday, lean: 1 },
            other => other,
        }
    }

    /// Resolves against the reference date; `None` when a reference is needed and missing.
    pub fn resolve(self, reference: Option<Date>) -> Option<Value> {
        let r = reference;
        Some(match self {
            Raw::Full(d) => Value::Day(d),
            Raw::MonthYear(y, m) => Value::Month(y, m),
            Raw::Year(y) => Value::Year(y),
            Raw::DayMonth { day, month, weekday, lean } => {
                let r = r?;
                let mut d = Date::new(r.year, month, day)?;
                let ahead = d.to_days() - r.to_days();
                if (lean < 0 && ahead > 0) || (lean == 0 && ahead > DAYS_AHEAD) {
                    d = Date::new(r.year - 1, month, day)?;
                } else if lean > 0 && ahead < 0 {
                    d = Date::new(r.year + 1, month, day)?;
                }
                // The nearest year (this, the one before, the one after) with that weekday.
                if let Some(w) = weekday.filter(|&w| d.weekday() != w) {
                    if let Some(other) = [r.year, r.year - 1, r.year + 1].into_iter().filter_map(|y| Date::new(y, month, day)).filter(|c| c.weekday() == w).min_by_key(|c| (c.to_days() - r.to_days()).abs()) {
                        d = other;
                    }
                }
                Value::Day(d)
            }
            Raw::Month(m) => {
                let r = r?;
                // A month further ahead than the next one is last year's ("in March" in a
                // November report); the next one is this year's ("in September" in an August
                // report looks a few weeks ahead).
                Value::Month(if m > r.month + 1 { r.year - 1 } else { r.year }, m)
            }
            Raw::MonthOffset(k) => {
                let r = r?;
                let idx = r.year * 12 + r.month as i32 - 1 + k;
                Value::Month(idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
            }
            Raw::MonthLastYear(m) => Value::Month(r?.year - 1, m),
            Raw::YearOffset(k) => Value::Year(r?.year + k),
            Raw::DayOffset(k) => Value::Day(r?.add_days(k)),
            Raw::Weekday(w) => {
                let r = r?;
                let back = (r.weekday() + 7 - w) % 7;
                Value::Day(r.add_days(-(back as i64)))
            }
            Raw::MonthAhead(m) => {
                let r = r?;
                Value::Month(if m < r.month { r.year + 1 } else { r.year }, m)
            }
            Raw::MonthThisYear(m) => Value::Month(r?.year, m),
            Raw::MonthNextYear(m) => Value::Month(r?.year + 1, m),
            Raw::WeekdayAhead(w) => {
                let r = r?;
                let ahead = (w + 7 - r.weekday()) % 7;
                Value::Day(r.add_days(ahead as i64))
            }
            Raw::MonthBefore { month, strict } => {
                let r = r?;
                let passed = month < r.month || (month == r.month && !strict);
                Value::Month(if passed { r.year } else { r.year - 1 }, month)
            }
            Raw::WeekdayBefore(w) => {
                let r = r?;
                let back = (r.weekday() + 7 - w) % 7;
                Value::Day(r.add_days(-(if back == 0 { 7 } else { back as i64 })))
            }
            Raw::LastQuarter => {
                let r = r?;
                Value::Year(if r.month <= 3 { r.year - 1 } else { r.year })
            }
            Raw::Quarter(q) => {
                let r = r?;
                Value::Year(if 3 * (q - 1) + 1 > r.month { r.year - 1 } else { r.year })
            }
            Raw::NthDay(_) | Raw::YearsLater(_) | Raw::DayAfterLast(_) => return None,
        })
    }
}

/// A match: where, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: Range<usize>,
    pub raw: Raw,
}

type Build = fn(&Captures) -> Option<Raw>;

struct Pattern {
    re: Regex,
    build: Build,
}

fn num(c: &Captures, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

/// The month (1–12) an English month name or abbreviation starts ("Oct", "October",
/// "sept"), in any case; `None` for any other word.
pub(crate) fn month_en(s: &str) -> Option<u32> {
    let s = s.to_lowercase();
    const M: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    M.iter().position(|m| s.starts_with(m)).map(|i| i as u32 + 1)
}

fn weekday_en(s: &str) -> Option<u32> {
    const D: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let s = s.to_lowercase();
    D.iter().position(|d| s.starts_with(d)).map(|i| i as u32)
}

fn weekday_vi(s: &str) -> Option<u32> {
    let s = s.to_lowercase();
    Some(match s.split_whitespace().last()? {
        "hai" | "2" => 0,
        "ba" | "3" => 1,
        "tư" | "4" => 2,
        "năm" | "5" => 3,
        "sáu" | "6" => 4,
        "bảy" | "7" => 5,
        "nhật" => 6,
        _ => return None,
    })
}

fn full(c: &Captures) -> Option<Raw> {
    let y: i32 = c.name("y")?.as_str().parse().ok()?;
    Date::new(y, num(c, "m")?, num(c, "d")?).map(Raw::Full)
}

fn day_month(c: &Captures) -> Option<Raw> {
    let (day, month) = (num(c, "d")?, num(c, "m")?);
    Date::new(2000, month, day)?; // a real day of that month (2000 is a leap year)
    Some(Raw::DayMonth { day, month, weekday: None, lean: 0 })
}

fn en_full(c: &Captures) -> Option<Raw> {
    let y: i32 = c.name("y")?.as_str().parse().ok()?;
    Date::new(y, month_en(c.name("mon")?.as_str())?, num(c, "d")?).map(Raw::Full)
}

fn en_day_month(c: &Captures) -> Option<Raw> {
    let month = month_en(c.name("mon")?.as_str())?;
    let day = num(c, "d")?;
    Date::new(2000, month, day)?;
    let lean = match c.name("cue").map(|m| m.as_str().to_lowercase()) {
        Some(cue) if cue == "since" => -1,
        Some(_) => 1,
        None => 0,
    };
    Some(Raw::DayMonth { day, month, weekday: c.name("wd").and_then(|w| weekday_en(w.as_str())), lean })
}

fn vi_offset_years(c: &Captures) -> Option<Raw> {
    let n = c.name("n")?.as_str().to_lowercase();
    let k = n.parse::<u64>().ok().or_else(|| parse_vi_words(&n.split_whitespace().collect::<Vec<_>>()))?;
    (k <= 200).then_some(Raw::YearOffset(-(k as i32)))
}

fn en_offset_years(c: &Captures) -> Option<Raw> {
    let n = c.name("n")?.as_str().to_lowercase();
    let k = n.parse::<u64>().ok().or_else(|| parse_en_words(&n.split_whitespace().collect::<Vec<_>>()))?;
    (k <= 200).then_some(Raw::YearOffset(-(k as i32)))
}

/// "3 days ago", "cách đây 3 ngày", "4 ngày trước", "12 months ago": counted back from the
/// reference, in days or months (weeks as seven days).
/// The count and unit of "three days ago", "hai tuần trước", "two days later": (n, unit).
fn counted(c: &Captures) -> Option<(i64, String)> {
    let n = c.name("n")?.as_str().to_lowercase();
    let words: Vec<&str> = n.split_whitespace().collect();
    let k = n.parse::<u64>().ok().or_else(|| parse_en_words(&words)).or_else(|| parse_vi_words(&words)).or_else(|| (n == "a" || n == "an").then_some(1))? as i64;
    Some((k, c.name("unit")?.as_str().to_lowercase().trim_end_matches('s').to_string()))
}

/// "Two days later", "a week later": counted from the last day the text named.
fn counted_on(c: &Captures) -> Option<Raw> {
    match counted(c)? {
        (k, u) if u == "day" && k <= 366 => Some(Raw::DayAfterLast(k)),
        (k, u) if u == "week" && k <= 52 => Some(Raw::DayAfterLast(7 * k)),
        _ => None,
    }
}

fn counted_back(c: &Captures) -> Option<Raw> {
    let (k, unit) = counted(c)?;
    match unit.as_str() {
        "day" | "ngày" if k <= 366 => Some(Raw::DayOffset(-k)),
        "week" | "tuần" if k <= 52 => Some(Raw::DayOffset(-7 * k)),
        "month" | "tháng" if k <= 120 => Some(Raw::MonthOffset(-(k as i32))),
        _ => None,
    }
}

const VI_DAYPART: &str = r"(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|khuya|rạng sáng|sáng sớm|chiều tối|đêm khuya)";
const EN_MONTH: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

fn compile(lang: Language) -> Vec<Pattern> {
    let p = |re: &str, build: Build| Pattern { re: Regex::new(re).expect("pattern compiles"), build };
    match lang {
        Language::Vi => vec![
            // "ngày 4-10-2020", "4/10/2020", "ngày 27/9/2020"
            p(&format!(r"(?i:{VI_DAYPART}\s+)?(?-u:\b)(?P<d>\d{{1,2}})[-/.](?P<m>\d{{1,2}})[-/.](?P<y>(?:19|20)\d\d)(?-u:\b)"), full),
            // "9h sáng 3/6", "hôm nay, 1/11", "chiều qua (2/6)", "ngày 4-10", "hôm 27-9", "tối 21.5"
            p(&format!(r"(?i:(?:\d{{1,2}}h(?:\d\d)?\s+)?(?:(?:hôm nay|sáng nay|chiều nay|tối nay|trưa nay|hôm qua|sáng qua|trưa qua|chiều qua|tối qua|đêm qua)\s*[,(]?\s*|{VI_DAYPART}\s+(?:ngày\s+)?))(?-u:\b)(?P<d>\d{{1,2}})[-/.](?P<m>\d{{1,2}})(?-u:\b)\)?(?P<tail>\s*(?:km|m|%|cm|mm|kg|tấn|triệu|tỷ))?"), |c| if c.name("tail").is_some() { None } else { day_month(c) }),
            // "cuối tháng 7.2015", "tháng 10/2020"
            p(r"(?i:(?:cuối|đầu|giữa)\s+)?(?i:tháng)\s+(?P<m>\d{1,2})[/.-](?P<y>(?:19|20)\d\d)(?-u:\b)", |c| { let m = num(c, "m")?; (1..=12).contains(&m).then(|| Raw::MonthYear(c.name("y").and_then(|y| y.as_str().parse().ok()).unwrap_or(0), m)) }),
            // "giữa tháng 4", "tháng 10"
            p(r"(?i:(?:cuối|đầu|giữa)\s+)?(?i:tháng)\s+(?P<m>\d{1,2})(?-u:\b)(?P<tail>\s*(?:năm|tuổi|qua|trước|tới|nay))?", |c| if c.name("tail").is_some() { None } else { num(c, "m").filter(|m| (1..=12).contains(m)).map(Raw::Month) }),
            // "năm 2020", "SN 1979"
            p(r"(?i:năm|SN|sinh năm)\s+(?P<y>(?:19|20)\d\d)(?-u:\b)", |c| c.name("y")?.as_str().parse().ok().map(Raw::Year)),
            // "tháng 12 năm ngoái", "tháng Giêng năm nay"
            p(r"(?i:tháng\s+(?P<m>\d{1,2}|giêng|chạp)\s+năm\s+(?P<rel>nay|ngoái|trước|sau|tới))(?-u:\b)", |c| {
                let m = match c.name("m")?.as_str().to_lowercase().as_str() { "giêng" => 1, "chạp" => 12, d => d.parse().ok()? };
                if !(1..=12).contains(&m) { return None; }
                Some(match c.name("rel")?.as_str().to_lowercase().as_str() {
                    "nay" => Raw::MonthThisYear(m),
                    "sau" | "tới" => Raw::MonthNextYear(m),
                    _ => Raw::MonthLastYear(m),
                })
            }),
            // "EURO 2016", "V-League 2021", "mùa giải 2021", "cổ tức 2020": a year after a
            // capitalised name or a word of seasons and accounts (the year alone is marked)
            p(r"(?:[A-ZĐ][\w\-]*|(?i:mùa giải|mùa|cổ tức|niên khóa|năm tài chính|Tết|khóa))\s+(?P<span>(?:19|20)\d\d)(?-u:\b)(?P<tail>\s*(?:người|đồng|tỷ|triệu|USD|km|m|ha|con|xe|tấn|kg|%))?", |c| if c.name("tail").is_some() { None } else { c.name("span")?.as_str().parse().ok().map(Raw::Year) }),
            p(r"(?i:năm ngoái|năm trước)", |_| Some(Raw::YearOffset(-1))),
            p(r"(?i:năm nay)", |_| Some(Raw::YearOffset(0))),
            // (not "trong 20-30 năm tới", the years to come)
            p(r"(?P<n>\d\s+)?(?i:năm tới|năm sau)", |c| if c.name("n").is_some() { None } else { Some(Raw::YearOffset(1)) }),
            // "cùng ngày", "21h cùng ngày", "hôm sau", "ngày hôm sau": from the last day named
            p(r"(?i:(?:\d{1,2}h(?:\d\d)?\s+)?(?:(?:sáng|trưa|chiều|tối|đêm)\s+)?cùng ngày)", |_| Some(Raw::DayAfterLast(0))),
            p(r"(?i:(?:(?:ngày|sáng|trưa|chiều|tối|đêm)\s+)?hôm sau)", |_| Some(Raw::DayAfterLast(1))),
            // "ngay trong đêm", "Một giờ sau", "vài giờ sau": the day last named
            p(r"(?i:ngay trong (?:ngày|đêm)|(?:\d{1,2}|một|hai|ba|vài|mấy) (?:giờ|tiếng) sau)", |_| Some(Raw::DayAfterLast(0))),
            // "hôm thứ hai", "tối thứ bảy tuần qua", "sáng chủ nhật": a weekday after a part of
            // the day ("thứ hai" alone is also "second")
            p(r"(?i:(?:hôm|sáng|trưa|chiều|tối|đêm)\s+(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)(?:\s+tuần\s+(?:qua|trước|này))?)", |c| weekday_vi(c.get(0)?.as_str().to_lowercase().split(" tuần").next()?).map(Raw::Weekday)),
            // "(26/6)", "từ 22/4": a day and month after an opening bracket or "from"
            p(r"(?:\(|(?i:từ|đến)\s+)(?P<span>(?P<d>\d{1,2})/(?P<m>\d{1,2}))(?-u:\b)", day_month),
            // "cách đây 3 ngày", "4 ngày trước", "2 tuần trước"
            p(r"(?i:cách đây\s+(?P<n>\d{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?P<unit>ngày|tuần|tháng))", counted_back),
            // (not "15 ngày trước kỳ điều hành", "3 ngày trước khi…", "2 ngày trước đó": days
            // before an event, not before the reference)
            p(r"(?i:(?P<n>\d{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?P<unit>ngày|tuần|tháng)\s+trước)(?P<tail>\s+(?:khi|kỳ|đó|lúc|hạn|thời điểm|phiên|cuộc|vụ|trận|sự kiện))?", |c| if c.name("tail").is_some() { None } else { counted_back(c) }),
            p(r"(?i:hôm nay|sáng nay|chiều nay|tối nay|trưa nay|ngày hôm nay)", |_| Some(Raw::DayOffset(0))),
            p(r"(?i:hôm qua|sáng qua|trưa qua|chiều qua|tối qua|đêm qua|ngày hôm qua)", |_| Some(Raw::DayOffset(-1))),
            p(r"(?i:ngày mai)", |_| Some(Raw::DayOffset(1))),
            p(r"(?i:tháng trước|tháng qua)(?-u:\b)", |_| Some(Raw::MonthOffset(-1))),
            // "cách đây 6 năm", "Khoảng một năm trước"
            p(r"(?i:cách đây\s+(?P<n>\d{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+năm)", vi_offset_years),
            p(r"(?i:(?:khoảng\s+)?(?P<n>\d{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+năm\s+trước)", vi_offset_years),
            // weekdays: "thứ Hai", "Chủ nhật" (capitalised: "thứ hai" is also "second")
            p(r"(?:[Tt]hứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy))|(?:[Cc]hủ [Nn]hật)", |c| weekday_vi(c.get(0)?.as_str()).map(Raw::Weekday)),
            // "ngày thứ 8" of something
            p(r"(?i:ngày thứ)\s+(?P<n>\d{1,3})(?-u:\b)", |c| num(c, "n").filter(|&n| n >= 1).map(|n| Raw::NthDay(n as i64))),
        ],
        Language::En => vec![
            // "October 4, 2020", "Jan. 7-9 2015", "Tuesday, November 19, 2019"
            p(&format!(r"(?-u:\b)(?P<mon>{EN_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*-\s*\d{{1,2}})?,?\s+(?P<y>(?:19|20)\d\d)(?-u:\b)"), en_full),
            // "4 October 2020"
            // (With the "on" the day-and-month pattern below may take: "on 3 March 2021" is one
            // date, not "on 3 March" and a year.)
            p(&format!(r"(?-u:\b)(?:[Oo]n\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{EN_MONTH})\s*,?\s+(?P<y>(?:19|20)\d\d)(?-u:\b)"), en_full),
            // "Tuesday, November 19", "Oct. 4", "September 2"
            p(&format!(r"(?-u:\b)(?:(?P<cue>(?i:since|until|till))\s+)?(?:(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<mon>{EN_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:\s*-\s*\d{{1,2}}(?-u:\b))?"), en_day_month),
            // "15 November", "On 9 January"
            p(&format!(r"(?-u:\b)(?:[Oo]n\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{EN_MONTH})(?-u:\b)"), en_day_month),
            // "June 2019", "in November 2018"
            p(&format!(r"(?-u:\b)(?:(?i:in|since|by|until|of|early|late|mid-?)\s+)?(?P<mon>{EN_MONTH})\s+(?P<y>(?:19|20)\d\d)(?-u:\b)"), |c| Some(Raw::MonthYear(c.name("y")?.as_str().parse().ok()?, month_en(c.name("mon")?.as_str())?))),
            // "March last year", "In March last year"
            p(&format!(r"(?-u:\b)(?:(?i:in)\s+)?(?P<mon>{EN_MONTH})\s+last\s+year(?-u:\b)"), |c| Some(Raw::MonthLastYear(month_en(c.name("mon")?.as_str())?))),
            // "until November", "by March": a month ahead
            p(r"(?-u:\b)(?i:until|till|by|next)\s+(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)(?P<tail>\s+\d{1,4}(?-u:\b))?", |c| if c.name("tail").is_some() { None } else { month_en(c.name("mon")?.as_str()).map(Raw::MonthAhead) }),
            // "the 2022/23 season": the season's first year
            p(r"(?-u:\b)(?P<span>(?:19|20)\d\d)/\d\d\s+(?i:season)(?-u:\b)", |c| c.name("span")?.as_str().parse().ok().map(Raw::Year)),
            // "Two days later", "a week later"
            p(r"(?-u:\b)(?i:(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?)\s+later)(?-u:\b)", counted_on),
            // "Five years later"
            p(r"(?-u:\b)(?i:(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+later)(?-u:\b)", |c| { let n = c.name("n")?.as_str().to_lowercase(); let k = n.parse::<u64>().ok().or_else(|| parse_en_words(&[n.as_str()]))?; Some(Raw::YearsLater(k as i32)) }),
            // "in April", "since July", "last March" (a bare capitalised month after a cue word)
            // (not "since July 17": the day is read by the day-and-month pattern)
            // ("this March" is this year's; "mid-November" is written with or without a space)
            p(r"(?-u:\b)(?:(?P<cue>(?i:in|since|from|early|late|mid|last|this|of|during|before|after|through|throughout|until|till))\s+|(?i:mid-)\s*)(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)(?P<day>\s+\d{1,2}(?-u:\b))?", |c| {
                let month = month_en(c.name("mon")?.as_str())?;
                match c.name("cue").map(|w| w.as_str().to_lowercase()) {
                    _ if c.name("day").is_some() => None,
                    Some(w) if w == "this" => Some(Raw::MonthThisYear(month)),
                    Some(w) if w == "last" || w == "since" => Some(Raw::MonthBefore { month, strict: w == "last" }),
                    _ => Some(Raw::Month(month)),
                }
            }),
            p(r"(?-u:\b)(?i:today|tonight|this morning|this afternoon|this evening|earlier today)(?-u:\b)", |_| Some(Raw::DayOffset(0))),
            p(r"(?-u:\b)(?i:yesterday|last night)(?-u:\b)", |_| Some(Raw::DayOffset(-1))),
            p(r"(?-u:\b)(?i:tomorrow)(?-u:\b)", |_| Some(Raw::DayOffset(1))),
            p(r"(?-u:\b)(?i:last month)(?-u:\b)", |_| Some(Raw::MonthOffset(-1))),
            p(r"(?-u:\b)(?i:this month)(?-u:\b)", |_| Some(Raw::MonthOffset(0))),
            p(r"(?-u:\b)(?i:next month)(?-u:\b)", |_| Some(Raw::MonthOffset(1))),
            // "three days ago", "12 months ago", "a week ago"
            p(r"(?-u:\b)(?i:(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>days?|weeks?|months?)\s+ago)(?-u:\b)", counted_back),
            // "the same day", "the next day", "the following day": from the last day named
            p(r"(?-u:\b)(?i:(?:on\s+)?the same day|later that day)(?-u:\b)", |_| Some(Raw::DayAfterLast(0))),
            p(r"(?-u:\b)(?i:the (?:next|following) (?:day|morning))(?-u:\b)", |_| Some(Raw::DayAfterLast(1))),
            p(r"(?-u:\b)(?i:(?:hours|minutes) (?:later|after)|that (?:evening|night|afternoon|morning))(?-u:\b)", |_| Some(Raw::DayAfterLast(0))),
            p(r"(?-u:\b)(?i:last year|a year ago|a year earlier|a year before|the year before|the previous year|the year-ago|year-earlier|year-ago)(?-u:\b)", |_| Some(Raw::YearOffset(-1))),
            p(r"(?-u:\b)(?i:(?:(?:earlier|later|so far|early|late)\s+)?this year)(?-u:\b)", |_| Some(Raw::YearOffset(0))),
            p(r"(?-u:\b)(?i:(?:(?:early|late)\s+)?next year)(?-u:\b)", |_| Some(Raw::YearOffset(1))),
            // "the third quarter", "third-quarter profit"
            p(r"(?-u:\b)(?i:(?P<q>first|second|third|fourth)[- ]quarter(?:\s+of\s+(?P<y>(?:19|20)\d\d))?)(?-u:\b)", |c| match c.name("y") {
                Some(y) => y.as_str().parse().ok().map(Raw::Year),
                None => Some(Raw::Quarter(match c.name("q")?.as_str().to_lowercase().as_str() { "first" => 1, "second" => 2, "third" => 3, _ => 4 })),
            }),
            p(r"(?-u:\b)(?i:(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|a hundred)\s+years?\s+ago)(?-u:\b)", en_offset_years),
            // weekdays, with an optional part of day: "Monday night", "overnight Monday", "Tuesday's"
            // ("last Monday" said on a Monday is a week back; "Monday" alone is today)
            // (not "every Monday", "each Friday": a habit, not a date)
            p(r"(?-u:\b)(?:(?P<every>(?i:every|each))\s+)?(?:(?P<cue>(?i:overnight|early|late|last))\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?(?-u:\b)", |c| {
                if c.name("every").is_some() {
                    return None;
                }
                let w = weekday_en(c.name("wd")?.as_str())?;
                Some(if c.name("cue").is_some_and(|k| k.as_str().eq_ignore_ascii_case("last")) { Raw::WeekdayBefore(w) } else { Raw::Weekday(w) })
            }),
            // Holidays on a fixed day: "Christmas Eve", "New Year's Day", "on Halloween"
            p(r"(?-u:\b)(?P<h>Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year’s Eve|New Year's Day|New Year’s Day|Valentine's Day|Valentine’s Day|Halloween)(?-u:\b)", |c| {
                let h = c.name("h")?.as_str().replace('’', "'");
                let (day, month) = match h.as_str() {
                    "Christmas Eve" => (24, 12),
                    "Christmas Day" | "Christmas" => (25, 12),
                    "New Year's Eve" => (31, 12),
                    "New Year's Day" => (1, 1),
                    "Valentine's Day" => (14, 2),
                    _ => (31, 10),
                };
                Some(Raw::DayMonth { day, month, weekday: None, lean: 0 })
            }),
            // "this summer", "last winter", "next spring": the season's year
            p(r"(?-u:\b)(?P<cue>(?i:this past|this|last|next))\s+(?i:spring|summer|autumn|fall|winter)(?-u:\b)", |c| {
                let cue = c.name("cue")?.as_str().to_lowercase();
                Some(Raw::YearOffset(match cue.as_str() { "last" => -1, "next" => 1, _ => 0 }))
            }),
            // "the latest quarter", "in the quarter" (the one a report covers: the last to end),
            // "this quarter", "the current quarter" (not "the quarter-final", "a quarter of")
            p(r"(?-u:\b)(?P<which>this|the current|the latest|the most recent|the)\s+quarter(?-u:\b)(?P<tail>-)?", |c| match c.name("which")?.as_str() {
                _ if c.name("tail").is_some() => None,
                "this" | "the current" => Some(Raw::YearOffset(0)),
                _ => Some(Raw::LastQuarter),
            }),
            // "since 9/11": the day of the 2001 attacks, named by its date (not "9/11/2001")
            p(r"(?-u:\b)9/11(?P<tail>/|-\d|\d)?", |c| if c.name("tail").is_some() { None } else { Date::new(2001, 9, 11).map(Raw::Full) }),
            // "on the eighth day"
            p(r"(?-u:\b)(?i:on the|the)\s+(?P<n>\d{1,3})(?:st|nd|rd|th)\s+day(?-u:\b)", |c| num(c, "n").map(|n| Raw::NthDay(n as i64))),
            // bare years: "the 2015 attack", "in 2015"
            p(r"(?:(?-u:\b)(?i:in|since|by|of|the|until)\s+)?(?-u:\b)(?P<y>(?:19[5-9]|20[0-4])\d)(?-u:\b)(?P<tail>\s*(?:%|km|people|kg|tonnes|miles|feet|m(?-u:\b)))?", |c| if c.name("tail").is_some() { None } else { c.name("y")?.as_str().parse().ok().map(Raw::Year) }),
            // older years need a word of time before them: "since 1949", "in 1898"
            p(r"(?-u:\b)(?i:in|since|until|before|after)\s+(?P<y>1[6-9]\d\d)(?-u:\b)(?P<tail>\s*(?:%|km|people|kg|tonnes|miles|feet|metres|meters|hours|hrs|GMT|UTC|local|m(?-u:\b)|h(?-u:\b)))?", |c| if c.name("tail").is_some() { None } else { c.name("y")?.as_str().parse::<i32>().ok().filter(|&y| y < 1950).map(Raw::Year) }),
        ],
    }
}

/// The patterns of a language, and all of them as one set: the set tells in one pass over a
/// line which patterns match there, so that each pattern only searches the lines it matches.
/// (Twenty searches of the whole text, each with its own literal prefilter, were half of the
/// engine's time in WebAssembly, where the prefilters have no SIMD.)
struct Patterns {
    list: Vec<Pattern>,
    set: RegexSet,
}

fn patterns(lang: Language) -> &'static Patterns {
    static VI: OnceLock<Patterns> = OnceLock::new();
    static EN: OnceLock<Patterns> = OnceLock::new();
    let build = || {
        let list = compile(lang);
        let set = RegexSet::new(list.iter().map(|p| p.re.as_str())).expect("patterns compile");
        Patterns { list, set }
    };
    match lang {
        Language::Vi => VI.get_or_init(build),
        Language::En => EN.get_or_init(build),
    }
}

/// A match of a pattern in the line starting at byte `offset` of `text`, unless its context
/// says it is not a date.
fn accept(text: &str, offset: usize, c: &Captures, build: Build) -> Option<Found> {
    // A pattern may read words around the expression it marks: its `span` group.
    let whole = c.get(0)?;
    let m = c.name("span").unwrap_or(whole);
    let (start, end) = (offset + m.start(), offset + m.end());
    let (outer_start, outer_end) = (offset + whole.start(), offset + whole.end());
    // Numbers glued to other numbers are not dates ("12-3-4", "10/2" in "lớp 10/2").
    let before = text[..outer_start].chars().next_back();
    let after = text[outer_end..].chars().next();
    if before.is_some_and(|b| b.is_ascii_digit() || b == '/' || b == '-' || b == '.' && text[..start].ends_with(|c: char| c.is_ascii_digit()))
        || after.is_some_and(|a| a.is_ascii_digit() || a == '/' && !m.as_str().ends_with(')'))
    {
        return None;
    }
    let near = crate::text::floor_char_boundary(text, start.saturating_sub(12));
    if text[near..start].trim_end().to_lowercase().ends_with("lớp") {
        return None;
    }
    let raw = build(c)?;
    let mut end = end;
    // A trailing space swallowed by an optional group is not part of the expression.
    while text[..end].ends_with(char::is_whitespace) {
        end -= 1;
    }
    Some(Found { range: start..end, raw })
}

/// All date expressions of `text`, leftmost-longest, never overlapping, in text order.
pub fn find(text: &str, lang: Language) -> Vec<Found> {
    let ps = patterns(lang);
    let mut all: Vec<Found> = Vec::new();
    // Line by line: a date expression never spans lines. A line starts after a newline, a
    // non-word character, so word boundaries at its start are the same as in the whole text.
    let mut from = 0;
    for to in text.match_indices('\n').map(|(i, _)| i).chain(std::iter::once(text.len())) {
        let line = &text[from..to];
        if !line.trim().is_empty() {
            for k in ps.set.matches(line).iter() {
                for c in ps.list[k].re.captures_iter(line) {
                    if let Some(f) = accept(text, from, &c, ps.list[k].build) {
                        all.push(f);
                    }
                }
            }
        }
        from = to + 1;
    }
    all.sort_by(|a, b| a.range.start.cmp(&b.range.start).then(b.range.end.cmp(&a.range.end)));
    let mut out: Vec<Found> = Vec::new();
    // The end of the last run of years read as a possible list: a year inside it is not
    // read again (a line of thousands of years is read once, not once per year).
    let mut read_until = 0;
    for f in all {
        if out.last().is_some_and(|l| f.range.start < l.range.end) {
            continue;
        }
        let listed = if let Raw::Year(_) = f.raw { f.range.end } else { 0 };
        out.push(f);
        if listed > 0 && listed >= read_until {
            let (years, end) = listed_years(text, listed);
            read_until = end;
            out.extend(years);
        }
    }
    out
}

/// The years listed after a year: "các năm 2017, 2018 và 2019", "in 2015 and 2016" are one
/// item each. (A range, "2009-2010", "từ 2009 đến 2010", is one item, dated by its start.)
fn listed_years(text: &str, mut at: usize) -> (Vec<Found>, usize) {
    static NEXT: OnceLock<Regex> = OnceLock::new();
    let next = NEXT.get_or_init(|| Regex::new(r"^\s*(?:,|và|hoặc|and|or)\s+(?P<y>(?:19|20)\d\d)(?-u:\b)").expect("pattern compiles"));
    let mut out = Vec::new();
    let mut closed = false; // by a conjunction: "In 2019, 2020 people died" is no list
    while let Some(c) = next.captures(&text[at..]) {
        let (Some(y), Some(m)) = (c.name("y"), c.get(0)) else { break };
        if text[at + m.end()..].starts_with(|ch: char| ch.is_ascii_digit() || ch == '%') {
            break;
        }
        if let Ok(year) = y.as_str().parse() {
            out.push(Found { range: at + y.start()..at + y.end(), raw: Raw::Year(year) });
        }
        closed = !m.as_str()[..y.start()].contains(',');
        at += m.end();
    }
    if !closed {
        out.clear();
    }
    (out, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(text: &str, lang: Language, r: &str) -> Vec<(String, String)> {
        let r = Date::parse_iso(r);
        find(text, lang).into_iter().filter_map(|f| Some((text[f.range].to_string(), f.raw.resolve(r)?.iso()))).collect()
    }

    #[test]
    fn vietnamese_dates() {
        let t = "Khói lửa bốc lên, ngày 4-10-2020. Ông Hajiyev ngày 4-10 cho biết, giao tranh bùng phát hôm 27-9.";
        assert_eq!(vals(t, Language::Vi, "2020-10-04"), vec![("ngày 4-10-2020".into(), "2020-10-04".into()), ("ngày 4-10".into(), "2020-10-04".into()), ("hôm 27-9".into(), "2020-09-27".into())]);
        let t = "Thời điểm 9h sáng 3/6, vụ việc được phát hiện vào lúc 18h chiều qua (2/6). Anh Thủy (SN 1979) và sáng nay.";
        assert_eq!(vals(t, Language::Vi, "2016-06-03"), vec![("9h sáng 3/6".into(), "2016-06-03".into()), ("18h chiều qua (2/6)".into(), "2016-06-02".into()), ("SN 1979".into(), "1979".into()), ("sáng nay".into(), "2016-06-03".into())]);
        let t = "đổ bộ hôm nay, 1/11. Cuối tháng 7.2015 và giữa tháng 4, năm 1960, cách đây 6 năm.";
        assert_eq!(vals(t, Language::Vi, "2016-05-22").iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), vec!["2015-11-01", "2015-07", "2016-04", "1960", "2010"]);
    }

    #[test]
    fn vietnamese_traps() {
        // class names, quantities, ranges and distances are not dates
        assert!(vals("em Lan (lớp 10/2 trường) chở 4-5m3 gỗ, từ 19-31 triệu người, 4-10 km", Language::Vi, "2020-11-01").is_empty());
    }

    #[test]
    fn english_dates() {
        let t = "On 9 January, attacks on January 7-9 2015 in Paris. Today, on Tuesday, November 19, and Monday night, last month, March last year, in April.";
        let v = vals(t, Language::En, "2020-09-28");
        let got: Vec<&str> = v.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(got, vec!["2020-01-09", "2015-01-07", "2020-09-28", "2019-11-19", "2020-09-28", "2020-08", "2019-03", "2020-04"]);
    }

    #[test]
    fn english_traps() {
        assert!(vals("at 2.15pm local time, a score of 2-1, 300 km", Language::En, "2020-09-28").is_empty());
    }
}
