//! The lead of a news article: the outlet line and byline that open it (`本报讯 (山西日报记者
//! 杨文)`, `新华社北京1月4日电（记者 张三）`, `**央视网消息**（新闻联播）：`) and the dateline
//! that follows (`1月4日,` `今天（1月4日）`).

use super::text::{is_cjk, is_space, leading_number};
use crate::model::Date;

/// A date as a dateline writes it, before it is resolved against the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawDate {
    /// `2022年1月4日`
    Full(Date),
    /// `1月4日`
    MonthDay(u8, u8),
    /// `4日`
    Day(u8),
    /// `今天`, `今日`: the publication date itself.
    Today,
}

impl RawDate {
    /// The calendar date, when the dateline is complete or a publication date completes it.
    pub(crate) fn resolve(self, published: Option<Date>) -> Option<Date> {
        match self {
            RawDate::Full(date) => Some(date),
            RawDate::MonthDay(month, day) => Date::resolve_month_day(published?, month, day),
            RawDate::Day(day) => Date::resolve_day(published?, day),
            RawDate::Today => published,
        }
    }
}

/// What the first line of an article's body says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lead {
    /// Byte offset in the line where the body starts, after the outlet line and the byline.
    pub body: usize,
    /// The outlet named by the lead (`山西日报` from `山西日报记者`, `新华社`, `央视网`); `本报`
    /// ("this paper") names none.
    pub outlet: Option<String>,
    pub reporters: Vec<String>,
    pub dateline: Option<RawDate>,
    /// An outlet line or a byline, which marks an article start on its own; a bare dateline
    /// (`1月4日,`) marks one only after a headline.
    pub strong: bool,
}

/// Words that name a role in a byline, never a person.
const ROLES: &[&str] = &[
    "全媒体记者",
    "特约记者",
    "见习记者",
    "实习记者",
    "首席记者",
    "记者",
    "通讯员",
    "实习生",
    "摄影",
];

/// Words that follow a name in a byline to say what the person did.
const DUTIES: &[&str] = &["文", "图", "摄", "报道", "文图", "图文", "整理", "发自"];

/// Reads the lead of a line, or `None` when the line does not open with one.
pub(crate) fn parse_lead(line: &str) -> Option<Lead> {
    // Markdown emphasis, escaped or not, is ignored when matching (`**央视网消息**`,
    // `**央视网消息（**新闻联播）`, `**央视网消\*\***息`) but positions are kept in the line.
    let cs: Vec<(usize, char)> = line
        .char_indices()
        .filter(|&(_, c)| c != '*' && c != '\\')
        .collect();
    let clean: String = cs.iter().map(|&(_, c)| c).collect();
    let byte_at = |k: usize| cs.get(k).map_or(line.len(), |&(b, _)| b);
    let chars: Vec<char> = clean.chars().collect();
    let mut k = chars.iter().take_while(|c| is_space(**c)).count();
    let mut lead = Lead::default();

    let rest: String = chars[k..].iter().collect();
    if let Some(n) = outlet_prefix(&rest, &mut lead) {
        k += n;
        lead.strong = true;
    } else if let Some((n, outlet, names)) = reporter_line(&rest) {
        // `本报记者 张三 李四` on a line of its own.
        lead.outlet = outlet;
        lead.reporters = names;
        lead.strong = true;
        lead.body = byte_at(k + n);
        return Some(lead);
    }
    k += chars[k..].iter().take_while(|c| is_space(**c)).count();
    // `本报记者 张三 报道：`, `□记者 张三 1月4日，`, `本报讯 记者张三报道`: a byline run into the
    // body, without brackets.
    let rest: String = chars[k..].iter().collect();
    if let Some((n, outlet, names)) = inline_byline(&rest) {
        lead.reporters = names;
        if lead.outlet.is_none() {
            lead.outlet = outlet;
        }
        lead.strong = true;
        k += n;
    }
    // A byline in brackets of any kind: `（记者 张三）`, `【全媒体记者 何京 报道】`.
    let closer = match chars.get(k).copied() {
        Some('（' | '(') => Some(['）', ')']),
        Some('【') => Some(['】', '】']),
        Some('〔') => Some(['〕', '〕']),
        Some('[') => Some([']', ']']),
        _ => None,
    };
    if let Some(closer) = closer {
        if let Some(close) = chars[k + 1..]
            .iter()
            .take(48)
            .position(|c| closer.contains(c))
        {
            let inside: String = chars[k + 1..k + 1 + close].iter().collect();
            if let Some((outlet, names)) = byline(&inside) {
                lead.reporters = names;
                if lead.outlet.is_none() {
                    lead.outlet = outlet;
                }
                lead.strong = true;
                k += close + 2;
            } else if lead.strong {
                // `（新闻联播）`: a programme or column name after the outlet, not a byline.
                k += close + 2;
            }
        }
    }
    if lead.strong {
        k += chars[k..].iter().take_while(|c| is_space(**c)).count();
        if matches!(chars.get(k).copied(), Some('：' | ':' | '，' | ',')) {
            k += 1;
        }
        k += chars[k..].iter().take_while(|c| is_space(**c)).count();
    }
    let body: String = chars[k..].iter().collect();
    if lead.dateline.is_none() {
        lead.dateline = dateline(&body);
    }
    if !lead.strong && !starts_with_dateline(&body) {
        return None;
    }
    lead.body = byte_at(k);
    Some(lead)
}

/// Recognises an outlet line at the start of `s` (`本报讯`, `本报太原1月4日讯`,
/// `新华社北京1月4日电`, `央视网消息`) and returns how many chars it takes. Fills in the outlet
/// and a dateline found inside it.
fn outlet_prefix(s: &str, lead: &mut Lead) -> Option<usize> {
    let chars: Vec<char> = s.chars().collect();
    if s.starts_with("本报讯") {
        return Some(3);
    }
    // The outlet line ends at 讯 or 电 within a few characters, with only a place and a
    // date before it (no punctuation, which would mean we are in a sentence).
    let end = chars.iter().take(24).position(|c| {
        matches!(
            *c,
            '讯' | '电' | '，' | ',' | '。' | '：' | ':' | '（' | '(' | ' '
        )
    });
    if let Some(e) = end.filter(|&e| e >= 3 && matches!(chars[e], '讯' | '电')) {
        let head: String = chars[..e].iter().collect();
        let date_before = head.ends_with('日');
        if head.starts_with("本报") || date_before {
            if !head.starts_with("本报") {
                lead.outlet = outlet_name(&head);
            }
            lead.dateline = (0..head.chars().count()).find_map(|i| {
                let tail: String = head.chars().skip(i).collect();
                full_or_month_day(&tail).map(|(d, _)| d)
            });
            return Some(e + 1);
        }
    }
    // `央视网消息` `人民网消息`: an outlet and 消息 ("news from").
    let xiaoxi = chars.iter().take(12).collect::<String>().find("消息")?;
    let n = s[..xiaoxi].chars().count();
    if n >= 2 && chars[..n].iter().all(|c| is_cjk(*c)) {
        lead.outlet = Some(chars[..n].iter().collect());
        return Some(n + 2);
    }
    None
}

/// The outlet at the start of an outlet line: up to the first 社, 网, 报 or 台
/// (`新华社北京1月4日电` → `新华社`, `光明日报北京1月4日电` → `光明日报`).
fn outlet_name(head: &str) -> Option<String> {
    let chars: Vec<char> = head.chars().collect();
    let end = chars
        .iter()
        .take(8)
        .position(|c| matches!(*c, '社' | '网' | '报' | '台'))?;
    (end >= 1).then(|| chars[..=end].iter().collect())
}

/// A byline line of its own: `本报记者 张三 李四`, `记者 张三`, `山西日报记者 杨文`.
fn reporter_line(s: &str) -> Option<(usize, Option<String>, Vec<String>)> {
    let n = s.chars().count();
    let role = s.find("记者").or_else(|| s.find("通讯员"))?;
    if n > 30 || s[..role].chars().count() > 10 || s.contains(['。', '，', ',', '：']) {
        return None;
    }
    let before = &s[..role];
    // An outlet: a paper, an agency, a site, a station, or a county's media centre
    // (`赤壁融媒体记者`, `县融媒体中心记者`).
    let outlet_like = before.is_empty()
        || before == "本报"
        || before.ends_with(['报', '社', '网', '台', '站'])
        || before.ends_with("媒体")
        || before.ends_with("中心");
    let (outlet, names) = byline(s)?;
    (outlet_like && !names.is_empty()).then_some((n, outlet, names))
}

/// A byline closing an article on a line of its own (`记者:李柏翠 胡定勇`, `记 者|吕晓琼`,
/// `（记者 张三）`): the reporters it names.
pub(crate) fn closing_byline(line: &str) -> Option<Vec<String>> {
    let s: String = line
        .trim_matches(|c: char| is_space(c) || matches!(c, '（' | '(' | '）' | ')' | '【' | '】'))
        .replace("记 者", "记者")
        .replace("记　者", "记者")
        .chars()
        .map(|c| {
            if matches!(c, '：' | ':' | '|' | '｜') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let (_, _, names) = reporter_line(&s)?;
    Some(names)
}

/// What a web page's information line says (`来源：市政府办公室　发布时间：2023-04-12 16:30`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    pub date: Option<Date>,
    pub source: Option<String>,
}

/// Keys of a page's information line whose value is the publication date.
const META_DATE_KEYS: &[&str] = &[
    "发布时间",
    "发布日期",
    "发稿时间",
    "更新时间",
    "时间",
    "日期",
];

/// Keys whose value is the source.
const META_SOURCE_KEYS: &[&str] = &["来源", "稿源"];

/// Other keys of an information line. A line that opens with any key and a colon is
/// furniture, not a headline.
const META_OTHER_KEYS: &[&str] = &["作者", "编辑", "责任编辑", "浏览次数", "点击数", "字号"];

/// Reads a page's information line, or `None` when the line is not one.
pub(crate) fn meta_line(line: &str) -> Option<Meta> {
    let line = line.trim_matches(is_space);
    let value_after = |key: &str| -> Option<&str> {
        let at = line.find(key)?;
        let rest = line[at + key.len()..].trim_start_matches(is_space);
        let rest = rest.strip_prefix(['：', ':'])?;
        let rest = rest.trim_start_matches(is_space);
        let end = rest.find(|c: char| is_space(c)).unwrap_or(rest.len());
        Some(&rest[..end])
    };
    let mut keys = META_DATE_KEYS
        .iter()
        .chain(META_SOURCE_KEYS)
        .chain(META_OTHER_KEYS);
    let opens = keys.any(|k| {
        line.strip_prefix(k)
            .is_some_and(|r| r.trim_start_matches(is_space).starts_with(['：', ':']))
    });
    if !opens {
        return None;
    }
    let date = META_DATE_KEYS
        .iter()
        .filter_map(|k| value_after(k))
        .find_map(|v| {
            Date::parse(v).or_else(|| match full_or_month_day(v) {
                Some((RawDate::Full(d), _)) => Some(d),
                _ => None,
            })
        });
    let source = META_SOURCE_KEYS
        .iter()
        .filter_map(|k| value_after(k))
        .find(|v| !v.is_empty())
        .map(str::to_string);
    Some(Meta { date, source })
}

/// Marks some papers set before a byline.
const BYLINE_MARKS: &[char] = &['□', '■', '●', '◆', '○'];

/// A byline opening a body line without brackets, with the chars it takes: a role (after an
/// outlet or `本报`, ≤ 6 chars), names of at most four characters, then `报道` or the dateline.
/// A sentence that starts with `记者` (`记者从省卫健委获悉，`) runs into punctuation first and
/// is no byline.
fn inline_byline(s: &str) -> Option<(usize, Option<String>, Vec<String>)> {
    let chars: Vec<char> = s.chars().collect();
    let marks = chars
        .iter()
        .take_while(|c| BYLINE_MARKS.contains(c))
        .count();
    let rest: String = chars[marks..].iter().collect();
    let role = ROLES.iter().filter_map(|r| rest.find(r)).min()?;
    let before = &rest[..role];
    let outlet_like =
        before.is_empty() || before == "本报" || before.ends_with(['报', '社', '网', '台', '站']);
    if !outlet_like || before.chars().count() > 6 {
        return None;
    }
    let tail: Vec<char> = rest.chars().collect();
    let start = before.chars().count();
    let mut end = None;
    let mut skip = 0;
    for i in start..tail.len().min(start + 40) {
        let here: String = tail[i..].iter().take(2).collect();
        if here == "报道" {
            end = Some(i);
            skip = 2;
            break;
        }
        let c = tail[i];
        if c.is_ascii_digit() || "０１２３４５６７８９".contains(c) {
            end = Some(i);
            break;
        }
        if !(is_cjk(c) || is_space(c) || c == '·' || c == '、') {
            return None;
        }
    }
    let end = end?;
    let segment: String = tail[..end].iter().collect();
    let (outlet, names) = byline(&segment)?;
    if names.is_empty()
        || names
            .iter()
            .any(|n| n.chars().count() > 4 && !n.contains('·'))
    {
        return None;
    }
    let mut n = marks + end + skip;
    let after: Vec<char> = tail[end + skip..].to_vec();
    let spaces = after.iter().take_while(|c| is_space(**c)).count();
    n += spaces;
    if matches!(after.get(spaces), Some('：' | ':' | '，' | ',')) && skip > 0 {
        n += 1;
    }
    Some((n, outlet, names))
}

/// Splits a byline (`山西日报记者 杨文`, `记者 赵继钊 殷雪莹`, `记者 张三、李四 通讯员 王五`)
/// into its outlet and the names, or `None` when it names no role.
pub(crate) fn byline(s: &str) -> Option<(Option<String>, Vec<String>)> {
    let first_role = ROLES.iter().filter_map(|r| s.find(r)).min()?;
    let before = s[..first_role].trim_matches(is_space);
    let outlet = (!before.is_empty() && before != "本报" && !before.contains(is_space))
        .then(|| before.to_string());
    let mut rest = s[first_role..].to_string();
    for role in ROLES {
        rest = rest.replace(role, " ");
    }
    let names = rest
        .split(|c: char| is_space(c) || matches!(c, '、' | '，' | ',' | '；' | ';' | '/' | '／'))
        .map(|t| t.trim_matches(|c: char| !(is_cjk(c) || c == '·')))
        .filter(|t| !t.is_empty() && !DUTIES.contains(t))
        .filter(|t| {
            let n = t.chars().count();
            (2..=10).contains(&n) && t.chars().all(|c| is_cjk(c) || c == '·')
        })
        .map(str::to_string)
        .collect();
    Some((outlet, names))
}

/// A dateline at the start of a body: `2022年1月4日` `1月4日` `4日` `今天（1月4日）` `今天`.
pub(crate) fn dateline(body: &str) -> Option<RawDate> {
    let body = body.trim_start_matches(is_space);
    for today in ["今天", "今日"] {
        if let Some(rest) = body.strip_prefix(today) {
            let inner = rest
                .strip_prefix(['（', '('])
                .and_then(full_or_month_day)
                .map(|(d, _)| d);
            return Some(inner.unwrap_or(RawDate::Today));
        }
    }
    if let Some((date, _)) = full_or_month_day(body) {
        return Some(date);
    }
    let (day, used) = leading_number(body, 2)?;
    body[used..]
        .starts_with('日')
        .then_some(day)
        .filter(|d| (1..=31).contains(d))
        .map(|d| RawDate::Day(d as u8))
}

fn starts_with_dateline(body: &str) -> bool {
    let body = body.trim_start_matches(is_space);
    !body.starts_with("今") && dateline(body).is_some()
}

/// `2022年1月4日` or `1月4日` at the start of `s`, with the bytes it takes.
fn full_or_month_day(s: &str) -> Option<(RawDate, usize)> {
    let (first, used) = leading_number(s, 4)?;
    if let Some(rest) = s[used..].strip_prefix('年') {
        let (month, u) = leading_number(rest, 2)?;
        let (md, n) = month_day(month, &rest[u..], used + '年'.len_utf8() + u)?;
        let RawDate::MonthDay(m, d) = md else {
            return None;
        };
        return Some((Date::new(first as i32, m, d).map_or(md, RawDate::Full), n));
    }
    if s[..used].chars().count() > 2 {
        return None;
    }
    month_day(first, &s[used..], used)
}

/// After the month's digits: `月4日`.
fn month_day(month: u32, rest: &str, used: usize) -> Option<(RawDate, usize)> {
    let rest2 = rest.strip_prefix('月')?;
    let (day, u) = leading_number(rest2, 2)?;
    if !rest2[u..].starts_with('日') || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let n = used + '月'.len_utf8() + u + '日'.len_utf8();
    Some((RawDate::MonthDay(month as u8, day as u8), n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn leads() {
        // (line, body starts with, outlet, reporters, dateline, strong)
        type Case<'a> = (
            &'a str,
            &'a str,
            Option<&'a str>,
            &'a [&'a str],
            Option<RawDate>,
            bool,
        );
        let cases: &[Case] = &[
            (
                "【全媒体记者 何京 报道】9月10日,中国共产党麦市镇第十次代表大会召开。",
                "9月10日",
                None,
                &["何京"],
                Some(RawDate::MonthDay(9, 10)),
                true,
            ),
            (
                "赤壁融媒体记者 余晶 孙芬",
                "",
                Some("赤壁融媒体"),
                &["余晶", "孙芬"],
                None,
                true,
            ),
            (
                "本报讯 (山西日报记者 杨文)1月4日,省委书记林武主持召开会议",
                "1月4日,省委书记",
                Some("山西日报"),
                &["杨文"],
                Some(RawDate::MonthDay(1, 4)),
                true,
            ),
            (
                "本报讯 (记者 赵继钊 殷雪莹)1月4日,省委常委",
                "1月4日",
                None,
                &["赵继钊", "殷雪莹"],
                Some(RawDate::MonthDay(1, 4)),
                true,
            ),
            (
                "本报讯 (记者 徐方伟)1月5日晋源区消息,由该区",
                "1月5日晋源区消息",
                None,
                &["徐方伟"],
                Some(RawDate::MonthDay(1, 5)),
                true,
            ),
            (
                "本报太原1月4日讯（记者 张三、李四 通讯员 王五）今天，全省",
                "今天，全省",
                None,
                &["张三", "李四", "王五"],
                Some(RawDate::MonthDay(1, 4)),
                true,
            ),
            (
                "本报记者 刘华 通讯员 李强生 报道：3月4日，市委书记",
                "3月4日，市委书记",
                None,
                &["刘华", "李强生"],
                Some(RawDate::MonthDay(3, 4)),
                true,
            ),
            (
                "□记者 王芳 3月4日，副省长",
                "3月4日，副省长",
                None,
                &["王芳"],
                Some(RawDate::MonthDay(3, 4)),
                true,
            ),
            (
                "本报讯 记者周明报道 3月4日下午，区委书记",
                "3月4日下午，区委书记",
                None,
                &["周明"],
                Some(RawDate::MonthDay(3, 4)),
                true,
            ),
            (
                "新华社北京1月4日电（记者 张三/文）国务院总理",
                "国务院总理",
                Some("新华社"),
                &["张三"],
                Some(RawDate::MonthDay(1, 4)),
                true,
            ),
            (
                "**央视网消息**（新闻联播）：2022年1月4日，国家主席",
                "2022年1月4日",
                Some("央视网"),
                &[],
                Some(RawDate::Full(Date::new(2022, 1, 4).unwrap())),
                true,
            ),
            (
                "**央视网消息（**新闻联播）：水利部今天（1月6日）发布",
                "水利部",
                Some("央视网"),
                &[],
                None,
                true,
            ),
            (
                r"**央视网消\*\***息\*\*（新闻联播）：中共中央总书记",
                "中共中央总书记",
                Some("央视网"),
                &[],
                None,
                true,
            ),
            (
                "央视网消息（新闻联播）：今天（2月28日），国务院新闻办公室",
                "今天（2月28日）",
                Some("央视网"),
                &[],
                Some(RawDate::MonthDay(2, 28)),
                true,
            ),
            (
                "（记者 赵继钊 殷雪莹）4日，省委常委",
                "4日，",
                None,
                &["赵继钊", "殷雪莹"],
                Some(RawDate::Day(4)),
                true,
            ),
            (
                "12月30日，省委召开会议。",
                "12月30日",
                None,
                &[],
                Some(RawDate::MonthDay(12, 30)),
                false,
            ),
        ];
        for &(line, body, outlet, reporters, dateline, strong) in cases {
            let lead = parse_lead(line).unwrap_or_else(|| panic!("no lead in {line}"));
            assert!(
                line[lead.body..].starts_with(body),
                "{line}: body at {:?}",
                &line[lead.body..]
            );
            assert_eq!(lead.outlet.as_deref(), outlet, "{line}");
            assert_eq!(lead.reporters, reporters, "{line}");
            assert_eq!(lead.dateline, dateline, "{line}");
            assert_eq!(lead.strong, strong, "{line}");
        }
    }

    #[test]
    fn information_lines_of_web_pages() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "来源：市政府办公室　发布时间：2023-04-12 16:30　浏览次数：1024",
                Some("2023-04-12"),
                Some("市政府办公室"),
            ),
            ("发布日期：2022年1月4日", Some("2022-01-04"), None),
            (
                "时间: 2022/1/4  来源: 新华网",
                Some("2022-01-04"),
                Some("新华网"),
            ),
            ("字号：大 中 小", None, None),
        ];
        for &(line, date, source) in cases {
            let meta = meta_line(line).unwrap_or_else(|| panic!("no meta in {line}"));
            assert_eq!(meta.date.map(|d| d.to_string()).as_deref(), date, "{line}");
            assert_eq!(meta.source.as_deref(), source, "{line}");
        }
        for line in ["时间就是生命", "来源于群众", "市政府召开常务会议"] {
            assert_eq!(meta_line(line), None, "{line}");
        }
    }

    #[test]
    fn not_leads() {
        for line in [
            "林武指出,要清醒认识当前疫情防控任务的艰巨性",
            "会议以视频方式开到市一级。",
            "1月份全省经济运行平稳。",
            "蓝佛安提出具体要求 商黎光出席",
            "记者从省卫生健康委获悉，全省新增病例",
            "记者3月4日从省卫生健康委获悉",
            "",
        ] {
            assert_eq!(parse_lead(line), None, "{line}");
        }
    }

    #[test]
    fn closing_bylines() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("记者:李柏翠 胡定勇", Some(&["李柏翠", "胡定勇"])),
            ("记 者|吕晓琼", Some(&["吕晓琼"])),
            ("（记者 张三 通讯员 李四）", Some(&["张三", "李四"])),
            ("记者从省卫生健康委获悉，全省新增病例", None),
            ("会议要求，各级记者站要做好报道。", None),
        ];
        for (line, want) in cases {
            let got = closing_byline(line);
            let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn reporter_lines() {
        let lead = parse_lead("本报记者 张三 李四").unwrap();
        assert_eq!(lead.reporters, ["张三", "李四"]);
        assert_eq!(lead.body, "本报记者 张三 李四".len());
        assert!(lead.strong);
    }

    #[test]
    fn datelines_resolve_against_publication() {
        let published = Some(d("2022-01-02"));
        let cases: &[(RawDate, Option<&str>)] = &[
            (RawDate::MonthDay(12, 30), Some("2021-12-30")),
            (RawDate::MonthDay(1, 2), Some("2022-01-02")),
            (RawDate::Day(31), Some("2021-12-31")),
            (RawDate::Day(1), Some("2022-01-01")),
            (RawDate::Today, Some("2022-01-02")),
            (RawDate::Full(d("2020-05-01")), Some("2020-05-01")),
        ];
        for (raw, want) in cases {
            assert_eq!(
                raw.resolve(published).map(|d| d.to_string()).as_deref(),
                *want,
                "{raw:?}"
            );
        }
        assert_eq!(RawDate::MonthDay(1, 4).resolve(None), None);
    }
}
