//! Relations: what the trigger words of a sentence say about the people, bodies and events
//! found in it.
//!
//! Each trigger takes its subject from before it and its object from after it, within limits
//! that follow how the genre writes: a chair is the person in the trigger's clause
//! (`省委书记林武主持召开…`); attendees are every name of the list before `出席`, which may span
//! clauses made only of titled names (`省委副书记商黎光，省领导张吉福、李凤岐……出席会议`); a
//! bare `会议` is the article's current meeting; a meeting named after `传达贯彻` is relayed, and
//! does not become the current one.

use crate::lexicon::{Cue, Trigger};
use crate::model::{Basis, Confidence, EntityId, EntityKind, Node};
use crate::relation::Relation;

use super::body::BodySpan;
use super::chars::{is_clause_end, Sent};
use super::event::EventSpan;
use super::person::PersonSpan;
use super::Builder;

/// A trigger found in a sentence.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    trigger: Trigger,
}

/// Words after `入驻` that stand for the tenants as a group.
const TENANT_NOUNS: [&str; 4] = ["企业", "单位", "机构", "公司"];

/// Words after a product that say it was launched.
const LAUNCHES: [&str; 5] = ["上线运营", "正式上线", "上线", "正式发布", "启用"];

pub(super) fn sentence(
    b: &mut Builder<'_>,
    sent: &Sent,
    people: &[(PersonSpan, EntityId)],
    bodies: &[(BodySpan, EntityId)],
    events: &[EventSpan],
) {
    // A trigger written inside an event's name is the name's word (`…为雷锋同志题词六十周年”座谈会`),
    // not the sentence's.
    let hits: Vec<Hit> = triggers(sent, b.lex, people, bodies)
        .into_iter()
        .filter(|h| !events.iter().any(|e| e.start <= h.start && h.end <= e.end))
        .collect();
    // Events named after a relaying trigger are other meetings, not this article's.
    let mut relayed = vec![false; events.len()];
    for h in hits
        .iter()
        .filter(|h| h.trigger == Trigger::Relation(Relation::Relays))
    {
        for k in relayed_after(sent, events, h) {
            relayed[k] = true;
        }
    }
    let mut ids: Vec<Option<EntityId>> = Vec::with_capacity(events.len());
    for (ev, &rel) in events.iter().zip(&relayed) {
        let id = b.event(sent, ev);
        if let Some(id) = &id {
            if !ev.anaphoric && !rel {
                match ev.kind {
                    EntityKind::Exhibition => b.current_exhibition = Some(id.clone()),
                    _ if b.current.is_none() => b.current = Some(id.clone()),
                    _ => {}
                }
            }
        }
        ids.push(id);
    }
    // `A和B在海口召开`: the meetings of a list held together are what `会议` then means, each.
    // The headline's meeting is the list's first (`省政协召开党组会议和主席会议`), merged with it
    // when the article is done.
    let from_headline = b.current.is_some()
        && b.headline_meeting.as_ref() == Some(&b.current)
        && b.current_group.is_empty();
    let named_current = (0..events.len())
        .find(|&k| !events[k].anaphoric && ids[k].is_some() && ids[k] == b.current);
    let first = named_current.or_else(|| {
        from_headline
            .then(|| {
                (0..events.len()).find(|&k| {
                    ids[k].is_some()
                        && !relayed[k]
                        && !events[k].anaphoric
                        && k + 1 < events.len()
                        && joined(sent, &events[k], &events[k + 1])
                })
            })
            .flatten()
    });
    if let Some(k0) = first {
        let mut group = vec![b.current.clone().expect("current")];
        let mut k = k0;
        while k + 1 < events.len()
            && joined(sent, &events[k], &events[k + 1])
            && !relayed[k + 1]
            && !events[k + 1].anaphoric
            && events[k + 1].kind == EntityKind::Meeting
        {
            k += 1;
            match &ids[k] {
                Some(id) => group.push(id.clone()),
                None => break,
            }
        }
        // Only a list that is held (`A和B在海口召开`), not one relayed or studied.
        let held = ["召开", "举行"]
            .iter()
            .any(|w| clause_after(sent, events[k].end).contains(w));
        if group.len() > 1 && held {
            b.current_group = group;
        }
    }
    let view = View {
        sent,
        people,
        bodies,
        events,
        ids: &ids,
        relayed: &relayed,
    };
    for h in &hits {
        let word = sent.slice(h.start, h.end);
        match h.trigger {
            Trigger::Relation(Relation::Chairs) => chairs(b, &view, h, &word),
            Trigger::Relation(Relation::Attends) => attends(b, &view, h, &word),
            Trigger::Relation(r @ (Relation::Instructs | Relation::Speaks)) => {
                if !relayed_speech(&view, &hits, h) {
                    about_current(b, &view, h, &word, r)
                }
            }
            Trigger::Relation(Relation::Reports) => {
                let rest = clause_after(sent, h.end);
                if word.contains("汇报")
                    || word.contains("报告")
                    || word.ends_with("说明")
                    || rest.contains("情况")
                {
                    about_current(b, &view, h, &word, Relation::Reports);
                }
            }
            Trigger::Relation(Relation::Relays) => relays(b, &view, h, &word),
            Trigger::Relation(Relation::Hosts) => hosts(b, &view, h, &word),
            Trigger::Relation(Relation::Meets) => meets(b, &view, h, &word),
            Trigger::Relation(Relation::Develops) => develops(b, &view, h, &word),
            Trigger::Tenants => tenants(b, &view, h, &word),
            Trigger::Convenes => convenes(b, &view, h, &word),
            // Stated from bylines and from `convenes`, not by trigger words of their own; a
            // relation added to the table must be given a frame here or listed with them.
            Trigger::Relation(Relation::ReportsFor | Relation::Organizes) => {}
        }
    }
    bare_instructions(b, &view);
}

/// The verb of `X要求，……` (or `X要求` closing its line): what a person at the meeting then
/// says are instructions.
const BARE_INSTRUCTION: &str = "要求";

/// `商黎英要求，要进一步加快项目推进力度`: someone already in the room of the current meeting
/// (chairing, attending, speaking) who `要求`s gives it instructions. The word alone says too
/// little elsewhere (`习近平总书记要求` in a report that studies his words), so only a person
/// the article has put at the meeting counts.
fn bare_instructions(b: &mut Builder<'_>, v: &View<'_>) {
    let Some(current) = b.current.clone() else {
        return;
    };
    let n = BARE_INSTRUCTION.chars().count();
    for (p, id) in v.people {
        let said = v.sent.has_at(p.end, BARE_INSTRUCTION)
            && matches!(
                v.sent.char_at(p.end + n),
                Some('，' | '：' | ',' | ':') | None
            );
        if !said {
            continue;
        }
        let in_room = b.facts.iter().any(|f| {
            f.relation.is_presence()
                && f.subject == Node::Entity(id.clone())
                && f.object == Node::Entity(current.clone())
        });
        if in_room {
            b.fact(
                Node::Entity(id.clone()),
                Relation::Instructs,
                Node::Entity(current.clone()),
                BARE_INSTRUCTION,
                v.sent,
            );
        }
    }
}

/// What a sentence holds, for the trigger rules.
struct View<'s> {
    sent: &'s Sent,
    people: &'s [(PersonSpan, EntityId)],
    bodies: &'s [(BodySpan, EntityId)],
    events: &'s [EventSpan],
    ids: &'s [Option<EntityId>],
    relayed: &'s [bool],
}

impl View<'_> {
    /// Start of the clause holding position `i`.
    fn clause_start(&self, i: usize) -> usize {
        (0..i)
            .rev()
            .find(|&j| is_clause_end(self.sent.chars[j]))
            .map_or(0, |j| j + 1)
    }

    fn clause_end(&self, i: usize) -> usize {
        (i..self.sent.len())
            .find(|&j| is_clause_end(self.sent.chars[j]))
            .unwrap_or(self.sent.len())
    }

    /// People named in `a..b`.
    fn people_in(&self, a: usize, b: usize) -> Vec<EntityId> {
        let mut out: Vec<EntityId> = Vec::new();
        for (p, id) in self.people {
            if p.start >= a && p.end <= b && !out.contains(id) {
                out.push(id.clone());
            }
        }
        out
    }

    /// The event named right after `i` (after `了`, `此次` and the like), if any.
    fn event_after(&self, i: usize) -> Option<usize> {
        self.events
            .iter()
            .position(|e| e.start >= i && e.start - i <= 3 && self.gap_ok(i, e.start))
    }

    /// Where the last of [`CAUSATIVES`] in `a..b` starts.
    fn last_causative(&self, a: usize, b: usize) -> Option<usize> {
        (a..b)
            .rev()
            .find(|&k| CAUSATIVES.iter().any(|w| self.sent.has_at(k, w)))
    }

    fn gap_ok(&self, a: usize, b: usize) -> bool {
        (a..b).all(|j| !is_clause_end(self.sent.chars[j]))
    }
}

/// Triggers in the sentence, longest first where they overlap, outside names.
fn triggers(
    sent: &Sent,
    lex: &crate::lexicon::Lexicon,
    people: &[(PersonSpan, EntityId)],
    bodies: &[(BodySpan, EntityId)],
) -> Vec<Hit> {
    let mut hits: Vec<Hit> = sent
        .found
        .iter()
        .filter_map(|f| match f.cue {
            Cue::Trigger(t) => Some(Hit {
                start: f.start,
                end: f.end,
                trigger: t,
            }),
            _ => None,
        })
        .collect();
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        if out.iter().any(|o| o.start < h.end && h.start < o.end) {
            continue;
        }
        // `主持` of `主持人` is a title, not a trigger.
        let in_title = sent.found_between(h.end, h.start + 1).iter().any(|f| {
            matches!(f.cue, Cue::Title(_))
                && f.start <= h.start
                && f.end >= h.end
                && f.end - f.start > h.end - h.start
        });
        // A report's spirit (`传达…省政府工作报告精神`) is what is relayed, not a report given.
        let relayed =
            matches!(h.trigger, Trigger::Relation(Relation::Reports)) && sent.has_at(h.end, "精神");
        let inside = in_title
            || relayed
            || people
                .iter()
                .any(|(p, _)| p.start < h.end && h.start < p.end)
            || bodies
                .iter()
                .any(|(b, _)| b.start < h.end && h.start < b.end);
        if !inside {
            out.push(h);
        }
    }
    // A report's frame holds names and words (`作关于州人民政府州长……的说明`, `作了传达和说明`);
    // its verb may not be in a name, nor in another trigger.
    for h in report_frames(sent, lex) {
        let taken = out
            .iter()
            .any(|o| o.start < h.end && h.start < o.end && !(h.start < o.start && o.end <= h.end))
            || people
                .iter()
                .any(|(p, _)| p.start <= h.start && h.start < p.end)
            || bodies
                .iter()
                .any(|(b, _)| b.start <= h.start && h.start < b.end);
        if !taken {
            out.retain(|o| !(h.start < o.start && o.end <= h.end));
            out.push(h);
        }
    }
    out.sort_by_key(|h| h.start);
    out
}

/// Verbs that open a report whose name is written inside it (`作|政府工作|报告`).
const REPORT_OPENERS: [&str; 4] = ["作了", "做了", "作", "做"];

/// What closes such a report: the report or the explanation given (`作关于…的说明`).
const REPORT_CLOSERS: [&str; 2] = ["报告", "说明"];

/// Characters after a closer that make it another word (`报告会`, `报告厅`, `说明书`).
const REPORT_CLOSER_GOES_ON: &str = "会厅书单";

/// How far a report's name may run after `关于` (`作关于州第十五届人民代表大会常务委员会主任、
/// 副主任……候选人建议名单的说明`): it may hold the list's commas.
const REPORT_ABOUT_CHARS: usize = 160;

/// `副乡长杨红年同志作政府工作报告`, `王玺玉到会作了有关人事事项的说明`: a report named between
/// its verb and its head, as one reports hit. The verb is no part of a word (`工作`, `作为`); the
/// name stays in its clause unless it opens with `关于`, which is closed by `的` and the head.
fn report_frames(sent: &Sent, lex: &crate::lexicon::Lexicon) -> Vec<Hit> {
    let mut out = Vec::new();
    for i in 0..sent.len() {
        let Some(open) = REPORT_OPENERS.iter().find(|w| sent.has_at(i, w)) else {
            continue;
        };
        let in_word = (i > 0 && lex.is_word(&sent.slice(i - 1, i + 1)))
            || (open.chars().count() == 1 && lex.is_word(&sent.slice(i, i + 2)));
        if in_word {
            continue;
        }
        let from = i + open.chars().count();
        let about = sent.has_at(from, "关于");
        let limit = (from..sent.len())
            .find(|&j| {
                matches!(sent.chars[j], '；' | '。' | '：') || (!about && sent.chars[j] == '，')
            })
            .unwrap_or(sent.len())
            .min(from + REPORT_ABOUT_CHARS);
        let close = (from + 1..limit).find_map(|j| {
            let w = REPORT_CLOSERS.iter().find(|w| sent.has_at(j, w))?;
            let end = j + w.chars().count();
            let goes_on = sent
                .char_at(end)
                .is_some_and(|c| REPORT_CLOSER_GOES_ON.contains(c));
            (!goes_on && (!about || sent.chars[j - 1] == '的')).then_some(end)
        });
        if let Some(end) = close {
            out.push(Hit {
                start: i,
                end,
                trigger: Trigger::Relation(Relation::Reports),
            });
        }
    }
    out
}

fn clause_after(sent: &Sent, i: usize) -> String {
    let e = (i..sent.len())
        .find(|&j| matches!(sent.chars[j], '。' | '；' | '，'))
        .unwrap_or(sent.len());
    sent.slice(i, e)
}

/// The event a trigger is about: the one named right after it, else the current one.
fn object_event(b: &mut Builder<'_>, v: &View<'_>, h: &Hit) -> Option<EntityId> {
    if let Some(k) = v.event_after(h.end) {
        if let Some(id) = &v.ids[k] {
            return Some(id.clone());
        }
    }
    b.current.clone()
}

/// Verbs after which the attendee or chair is someone else than the person before them; they
/// also end the words of the post after them (`欢迎|国务院总理李强`).
pub(super) const CAUSATIVES: [&str; 4] = ["欢迎", "邀请", "委派", "安排"];

/// Adverbs that may open a clause going on with the previous clause's subject
/// (`……考察，并主持召开`, `31日主持召开`, `先后两次主持召开`).
const CARRY_ON: [&str; 17] = [
    "并", "还", "又", "也", "随后", "同时", "之后", "先后", "专门", "亲自", "再次", "多次", "曾",
    "上午", "下午", "晚上", "当天",
];

/// Whether the words before a trigger leave its clause without a subject of its own: nothing
/// but adverbs, dates, counts (`两次`) and a place (`在西宁`).
fn goes_on(lead: &str) -> bool {
    let chars: Vec<char> = lead.chars().collect();
    let mut i = 0;
    'outer: while i < chars.len() {
        let rest: String = chars[i..].iter().collect();
        for w in CARRY_ON {
            if rest.starts_with(w) {
                i += w.chars().count();
                continue 'outer;
            }
        }
        // `31日`, `3月24日`, `7次`, `两次`.
        let mut j = i;
        while j < chars.len() && super::chars::is_numeral(chars[j]) {
            j += 1;
        }
        if j > i && j < chars.len() && matches!(chars[j], '日' | '月' | '次' | '号') {
            i = j + 1;
            continue;
        }
        // `在西宁`, `在北京`: a short place ends the lead.
        if chars[i] == '在' && chars.len() - i <= 7 {
            return true;
        }
        return false;
    }
    true
}

/// People in the trigger's clause before it; when the clause has none and goes on from the
/// previous one (it opens with the trigger or with `并`), the first person of the nearest
/// clause before it that names one.
fn subjects_before(v: &View<'_>, h: &Hit) -> Vec<EntityId> {
    let mut cs = v.clause_start(h.start);
    // `A欢迎各国领导人出席`, `应A邀请出席`: who attends comes after the causative verb.
    if let Some(k) = v.last_causative(cs, h.start) {
        cs = k + 1;
    }
    let here = v.people_in(cs, h.start);
    if !here.is_empty() {
        return here;
    }
    let lead = v.sent.slice(cs, h.start);
    let carries = goes_on(&lead);
    if !carries || cs == 0 || v.sent.chars[cs - 1] == ' ' {
        return here;
    }
    // The clause's subject is its last person that is not part of another's title
    // (`国家主席习近平特别代表、国家副主席王岐山将率团……，出席`).
    let mut end = cs - 1;
    while end > 0 {
        let start = v.clause_start(end);
        let inside_chain = |p: &PersonSpan| {
            v.people
                .iter()
                .any(|(q, _)| q.start >= p.end && q.posts.iter().any(|post| post.start <= p.start))
        };
        let head = v
            .people
            .iter()
            .rfind(|(p, _)| p.start >= start && p.end <= end && !inside_chain(p))
            .map(|(_, id)| id.clone());
        if let Some(head) = head {
            return vec![head];
        }
        if start == 0 {
            break;
        }
        end = start - 1;
    }
    here
}

fn chairs(b: &mut Builder<'_>, v: &View<'_>, h: &Hit, word: &str) {
    let mut subjects = subjects_before(v, h);
    if subjects.is_empty() {
        let cs = v.clause_start(h.start);
        if let Some((_, id)) = v
            .bodies
            .iter()
            .rfind(|(s, _)| s.start >= cs && s.end <= h.start)
        {
            subjects.push(id.clone());
        }
    }
    if subjects.is_empty() {
        return;
    }
    // `主持召开` always names the meeting it convenes, maybe after words of its own
    // (`主持召开为期一天的……会议`); bare `主持` names it right after, or means the article's.
    let convenes = word.contains("召开") || v.sent.has_at(h.end, "召开");
    let next = v.event_after(h.end).or_else(|| {
        let ce = v.clause_end(h.end);
        convenes
            .then(|| {
                v.events
                    .iter()
                    .position(|e| e.start >= h.end && e.end <= ce)
            })
            .flatten()
    });
    let object = match next {
        Some(k) => match v.ids[k].clone() {
            Some(id) => {
                if !v.events[k].anaphoric {
                    b.current = Some(id.clone());
                }
                b.date_event(&id, v.sent, h.start);
                Some(id)
            }
            // `会议` before the article named its meeting in this sentence (`中共中央政治局
            // 召开会议 …… 习近平主持会议`): the meeting is the current one by now.
            None => b
                .current
                .clone()
                .or_else(|| title_meeting(b))
                .or_else(|| chaired_unnamed(b, v, h, k, &subjects)),
        },
        // `负责主持这两项工作`: something other than a meeting is chaired.
        None if !convenes && continues_with_word(v.sent, h.end) => None,
        None => b.current.clone().or_else(|| title_meeting(b)),
    };
    let Some(object) = object else { return };
    // `主持召开……委员会第一次、第二次会议`: the chair chairs each meeting of the list.
    let mut objects = vec![object];
    if let Some(mut k) = next.filter(|&k| !v.events[k].anaphoric) {
        while k + 1 < v.events.len()
            && !v.events[k + 1].anaphoric
            && joined(v.sent, &v.events[k], &v.events[k + 1])
        {
            k += 1;
            objects.extend(v.ids[k].iter().cloned());
        }
    }
    for s in subjects {
        for object in &objects {
            b.fact(
                Node::Entity(s.clone()),
                Relation::Chairs,
                Node::Entity(object.clone()),
                word,
                v.sent,
            );
        }
    }
}

/// A meeting for an article that says `主持会议` before naming any: the one its headline
/// names, if it names one.
fn title_meeting(b: &mut Builder<'_>) -> Option<EntityId> {
    let id = b.headline_event()?;
    b.current = Some(id.clone());
    Some(id)
}

/// A meeting the text names by its kind alone, with no meeting named before
/// (`李克强……主持召开座谈会`): named by who chaired it, on its day (`李克强主持召开的座谈会`),
/// as a reader would. A bare `会议` says too little to name one.
fn chaired_unnamed(
    b: &mut Builder<'_>,
    v: &View<'_>,
    h: &Hit,
    k: usize,
    subjects: &[EntityId],
) -> Option<EntityId> {
    let ev = &v.events[k];
    if super::GENERIC_HEADS.contains(&ev.label.as_str()) {
        return None;
    }
    let chair = subjects
        .first()
        .filter(|id| id.kind == EntityKind::Person)?;
    let name = b.entities.get(chair)?.label.clone();
    let label = format!("{name}主持召开的{}", ev.label);
    let id = named_meeting(b, v.sent, &label, h.start, Basis::ChairedMeeting);
    b.mention(&id, v.sent, ev.start, ev.end);
    b.current = Some(id.clone());
    Some(id)
}

/// Attendees: every name of the list before the trigger, across clauses made only of names
/// and their titles; or, in `出席会议的哈萨克斯坦总统托卡耶夫`, the names after `的`.
fn attends(b: &mut Builder<'_>, v: &View<'_>, h: &Hit, word: &str) {
    let after = v.event_after(h.end);
    // `会见来华出席……对话会的世界银行行长马尔帕斯`: the attendees are named after `的`.
    let relative: Vec<EntityId> = match after {
        Some(k) if v.sent.char_at(v.events[k].end) == Some('的') => {
            let e = v.events[k].end;
            v.people_in(e, v.clause_end(e))
        }
        _ => Vec::new(),
    };
    let relative_clause = !relative.is_empty();
    let mut subjects = if relative_clause {
        relative
    } else {
        subjects_before(v, h)
    };
    let cs = v.clause_start(h.start);
    // `区领导A、B，各镇办党委书记参加会议`: the clause of the trigger names a group, and the list
    // of names is before it.
    let listed = !subjects.is_empty() || (!relative_clause && group_clause(v, cs, h.start));
    if listed && after.is_none_or(|k| v.sent.char_at(v.events[k].end) != Some('的')) {
        for id in listed_before(v, cs) {
            if !subjects.contains(&id) {
                subjects.push(id);
            }
        }
    }
    let object = match after {
        Some(k) => v.ids[k].clone().or_else(|| b.current.clone()),
        // `参加会见`, `参加比赛`: something other than an event is attended.
        None if continues_with_word(v.sent, h.end) => None,
        None => b.current.clone(),
    };
    let Some(object) = object else { return };
    for s in subjects {
        b.fact(
            Node::Entity(s),
            Relation::Attends,
            Node::Entity(object.clone()),
            word,
            v.sent,
        );
    }
}

/// The people of the clauses before `cs` that go on the trigger's list: clauses after `，` or
/// `；` that name people and hold no trigger and no event (`区领导A、B，区检察院检察长C，
/// 各镇办党委书记参加会议`); clauses that only name a group (`在家的县委常委`) are passed over;
/// the clause that holds a trigger (`主持会议`), names the meeting, or is anything else ends it.
fn listed_before(v: &View<'_>, mut cs: usize) -> Vec<EntityId> {
    let mut out = Vec::new();
    while cs > 0 && matches!(v.sent.chars[cs - 1], '，' | '；') {
        let prev = v.clause_start(cs - 1);
        let end = cs - 1;
        let trigger = v
            .sent
            .found_between(prev + 1, end)
            .iter()
            .any(|f| f.start >= prev && f.end <= end && matches!(f.cue, Cue::Trigger(_)));
        let event = v.events.iter().any(|e| e.start < end && e.end > prev);
        let people = v.people_in(prev, end);
        if trigger
            || event
            || (people.is_empty() && !group_clause(v, prev, end) && !unread_name(v, prev, end))
        {
            break;
        }
        out.extend(people);
        cs = prev;
    }
    out
}

/// Whether `a..b` is a title and then a name the person finder could not read
/// (`旗人大常委会主任宝音满都呼`): two to six Han characters after the title, and nothing else.
/// Such a clause is a member of a list of attendees, passed over.
fn unread_name(v: &View<'_>, a: usize, b: usize) -> bool {
    let found = v.sent.found_between(a, b);
    let Some(title_end) = found
        .iter()
        .filter(|f| f.start >= a && f.end <= b && matches!(f.cue, Cue::Title(_)))
        .map(|f| f.end)
        .max()
    else {
        return false;
    };
    let tail = b - title_end;
    let plain = found.iter().all(|f| {
        f.end <= title_end || f.start >= b || !matches!(f.cue, Cue::Verb | Cue::Trigger(_))
    });
    (2..=6).contains(&tail)
        && (title_end..b).all(|i| super::chars::is_han(v.sent.chars[i]))
        && plain
}

/// Words that may close a clause naming a group of attendees after its title (`……副县长应邀`,
/// `……负责人等`).
const AFTER_GROUP: [&str; 6] = ["应邀", "等", "同志", "们", "也", "均"];

/// Whether `a..b` names a group of people and nothing else: no person, no verb (causatives
/// included), no trigger, and it ends with a title (`区直及驻区部门主要负责人、各镇办党委书记`,
/// `县政府副县长应邀`) or a group's word (`负责人`), or names bodies (`各乡镇政府、县政府各部门、
/// 省州驻县各单位`).
/// Such a clause is a member of a list of attendees that names no one.
fn group_clause(v: &View<'_>, a: usize, b: usize) -> bool {
    // `邀请两国总统出席`: the group is whom someone else invites, not a list.
    let causative = v.last_causative(a, b).is_some();
    if b <= a || b - a > GROUP_CLAUSE_CHARS || causative || !v.people_in(a, b).is_empty() {
        return false;
    }
    let mut end = b;
    while let Some(w) = AFTER_GROUP
        .iter()
        .find(|w| end >= a + w.chars().count() && v.sent.has_at(end - w.chars().count(), w))
    {
        end -= w.chars().count();
    }
    let found = v.sent.found_between(a, end);
    let inside = |f: &&crate::lexicon::Found| f.start >= a && f.end <= end;
    let verb = found
        .iter()
        .filter(inside)
        .any(|f| matches!(f.cue, Cue::Verb | Cue::Trigger(_)));
    let titled = found
        .iter()
        .filter(inside)
        .any(|f| f.end == end && matches!(f.cue, Cue::Title(_)));
    let bodies = v.bodies.iter().any(|(s, _)| s.start >= a && s.end <= end);
    let heads = GROUP_HEADS.iter().any(|w| {
        let n = w.chars().count();
        end >= a + n && v.sent.has_at(end - n, w)
    });
    !verb && (titled || bodies || heads)
}

/// Words that end a group's name in a list of attendees and are no title before a name
/// (`县直各单位主要负责人`; `有关负责人表示` names no one).
const GROUP_HEADS: [&str; 2] = ["负责人", "负责同志"];

/// The longest clause [`group_clause`] reads as a group: local reports list their units at
/// length (`市人大法制委委员和市人大常委会各委办室（局）、市政府有关部门、…负责同志`).
const GROUP_CLAUSE_CHARS: usize = 80;

/// Whether a word (not a boundary, `并` or `了`) follows `i`: the trigger has its own object.
fn continues_with_word(sent: &Sent, i: usize) -> bool {
    match sent.char_at(i) {
        Some(c) if super::chars::is_han(c) => !matches!(c, '并' | '了' | '和' | '及' | '等'),
        _ => false,
    }
}

/// Instructions and speeches: the people of the clause, about the current meeting.
fn about_current(b: &mut Builder<'_>, v: &View<'_>, h: &Hit, word: &str, r: Relation) {
    let subjects = subjects_before(v, h);
    if subjects.is_empty() {
        return;
    }
    let Some(object) = object_event(b, v, h) else {
        return;
    };
    for s in subjects {
        b.fact(
            Node::Entity(s),
            r,
            Node::Entity(object.clone()),
            word,
            v.sent,
        );
    }
}

/// Whether a speech named at `h` is one the meeting studies rather than one given at it
/// (`传达学习习近平总书记重要讲话精神`): a relaying trigger earlier in the clause, or `精神`
/// right after.
fn relayed_speech(v: &View<'_>, hits: &[Hit], h: &Hit) -> bool {
    let clause = v.clause_start(h.start);
    v.sent.has_at(h.end, "精神")
        || hits.iter().any(|r| {
            r.trigger == Trigger::Relation(Relation::Relays)
                && r.start >= clause
                && r.end <= h.start
        })
}

/// The events a relaying trigger names (indices into `events`): the one right after it, those
/// listed after that (`传达A和B精神`), and every later one of its clause whose `精神` is
/// relayed (`传达学习…重要指示精神和3月30日中共中央政治局会议精神、3月31日国务院常务会议精神`).
fn relayed_after(sent: &Sent, events: &[EventSpan], h: &Hit) -> Vec<usize> {
    let clause_end = (h.end..sent.len())
        .find(|&j| matches!(sent.chars[j], '。' | '；' | '！' | '？'))
        .unwrap_or(sent.len());
    let mut out: Vec<usize> = Vec::new();
    for (k, e) in events.iter().enumerate() {
        if e.start < h.end || e.start >= clause_end || e.anaphoric {
            continue;
        }
        let near = e.start - h.end <= 2;
        let spirit = sent.has_at(e.end, "精神");
        let listed = k > 0 && out.last() == Some(&(k - 1)) && joined(sent, &events[k - 1], e);
        if near || spirit || listed {
            out.push(k);
        }
    }
    // Those listed before a relayed one (`全国、省、市公安工作会议精神`) are relayed too.
    for k in (0..events.len().saturating_sub(1)).rev() {
        let e = &events[k];
        if !out.contains(&k)
            && out.contains(&(k + 1))
            && e.start >= h.end
            && !e.anaphoric
            && joined(sent, e, &events[k + 1])
        {
            out.push(k);
        }
    }
    out.sort_unstable();
    out
}

/// `传达贯彻 MEETING 精神`: the sentence's own meeting relays the one named.
fn relays(b: &mut Builder<'_>, v: &View<'_>, h: &Hit, word: &str) {
    let named = relayed_after(v.sent, v.events, h);
    let Some(&k) = named.first() else {
        return;
    };
    let objects: Vec<EntityId> = named.iter().filter_map(|&j| v.ids[j].clone()).collect();
    if objects.is_empty() {
        return;
    }
    let subject = (0..k)
        .rev()
        .find(|&j| !v.relayed[j] && !v.events[j].anaphoric && v.events[j].end <= h.start)
        .and_then(|j| v.ids[j].clone())
        .or_else(|| b.current.clone());
    let Some(subject) = subject else { return };
    for object in objects {
        b.fact(
            Node::Entity(subject.clone()),
            Relation::Relays,
            Node::Entity(object),
            word,
            v.sent,
        );
    }
}

/// Whether event `b` follows event `a` in a list (`A和B`, `A、B`).
fn joined(sent: &Sent, a: &EventSpan, b: &EventSpan) -> bool {
    super::event::JOINS
        .iter()
        .any(|c| sent.has_at(a.end, c) && a.end + c.chars().count() == b.start)
}

/// `EVENT 在 VENUE 举行`, `EXHIBITION 亮相 VENUE`: the venue hosts the event.
fn hosts(b: &mut Builder<'_>, v: &View<'_>, h: &Hit, word: &str) {
    let venue_before = v.bodies.iter().find(|(s, _)| {
        s.end <= h.start
            && h.start - s.end <= 1
            && s.start > 0
            && matches!(v.sent.chars[s.start - 1], '在' | '于')
    });
    let venue_after = v
        .bodies
        .iter()
        .find(|(s, _)| s.start >= h.end && s.start - h.end <= 1);
    let (venue, before_at) = match (venue_before, venue_after) {
        (Some((s, id)), _) => (id.clone(), s.start - 1),
        (None, Some((_, id))) => (id.clone(), h.start),
        (None, None) => {
            // `在北京举行`: a place, not a body; the event still happened, so date it.
            if let Some(k) = nearest_event_before(v, h.start) {
                if let Some(id) = v.ids[k].clone() {
                    b.date_event(&id, v.sent, h.start);
                }
            }
            return;
        }
    };
    let event = match nearest_event_before(v, before_at) {
        Some(k) => v.ids[k].clone(),
        None => b.current_exhibition.clone().or(b.current.clone()),
    };
    let Some(event) = event else { return };
    b.date_event(&event, v.sent, h.start);
    b.fact(
        Node::Entity(venue),
        Relation::Hosts,
        Node::Entity(event),
        word,
        v.sent,
    );
}

fn nearest_event_before(v: &View<'_>, i: usize) -> Option<usize> {
    let cs = v.clause_start(i);
    (0..v.events.len())
        .rev()
        .find(|&k| v.events[k].end <= i && v.events[k].start >= cs && !v.relayed[k])
}

/// `A 会见 B`.
fn meets(b: &mut Builder<'_>, v: &View<'_>, h: &Hit, word: &str) {
    let subjects = subjects_before(v, h);
    let objects = v.people_in(h.end, v.clause_end(h.end));
    for s in &subjects {
        for o in &objects {
            b.fact(
                Node::Entity(s.clone()),
                Relation::Meets,
                Node::Entity(o.clone()),
                word,
                v.sent,
            );
        }
    }
}

/// `BODY 召开 MEETING` and `MEETING 在京召开`: the meeting happened; the body organised it.
fn convenes(b: &mut Builder<'_>, v: &View<'_>, h: &Hit, word: &str) {
    let cs = v.clause_start(h.start);
    let body = v
        .bodies
        .iter()
        .rfind(|(s, _)| s.start >= cs && s.end <= h.start)
        .map(|(s, id)| (*s, id.clone()));
    let after = v.event_after(h.end);
    let meeting = match after {
        Some(k) if !v.events[k].anaphoric => v.ids[k].clone(),
        Some(_) | None => {
            // A meeting named before (`……第六十五次主席会议14日在京召开`).
            let before = nearest_event_before(v, h.start).and_then(|k| v.ids[k].clone());
            match (before, after, &body) {
                (Some(id), _, _) => Some(id),
                // `中共中央政治局召开会议`: the body's meeting, named after it.
                (None, Some(_), Some((s, _))) => {
                    let label = format!("{}会议", v.sent.slice(s.start, s.end));
                    Some(named_meeting(
                        b,
                        v.sent,
                        &label,
                        h.start,
                        Basis::BodyMeeting,
                    ))
                }
                (None, Some(k), None) => v.ids[k].clone(),
                (None, None, _) => None,
            }
        }
    };
    let Some(meeting) = meeting else { return };
    // A later meeting the sentence announces (`……主席会议召开，决定常委会会议26日召开`) does
    // not take the place of the one it reports; one referred back to (`预备会议之后，…主席团
    // 召开第一次会议`) does not stand before it.
    let first = v
        .events
        .iter()
        .zip(v.ids)
        .filter(|(e, _)| !e.anaphoric)
        .find_map(|(_, id)| id.as_ref())
        == Some(&meeting);
    if b.current.is_none() || first {
        b.current = Some(meeting.clone());
    }
    b.date_event(&meeting, v.sent, h.start);
    if let Some((_, org)) = body {
        b.fact(
            Node::Entity(org),
            Relation::Organizes,
            Node::Entity(meeting),
            word,
            v.sent,
        );
    }
}

/// A meeting named by the words of the text around it (`中共中央政治局会议`).
fn named_meeting(
    b: &mut Builder<'_>,
    sent: &Sent,
    label: &str,
    at: usize,
    basis: Basis,
) -> EntityId {
    let resolved = b.juris.resolve(label, b.lex);
    let date = super::explicit_day(sent, at, b.article).or(b.article.date());
    let key = match date {
        Some(d) => format!("{resolved}@{d}"),
        None => format!("{resolved}@{}", b.article.id),
    };
    let id = EntityId::new(EntityKind::Meeting, key);
    let e = b.entity(id.clone(), label, basis);
    e.add_alias(&resolved);
    e.date = e.date.or(date);
    id
}

/// `VENUE 入驻 BODY…`: the building hosts its tenants; `VENUE入驻企业合作开发的PRODUCT`:
/// the tenants are named later, as the makers of the product.
fn tenants(b: &mut Builder<'_>, v: &View<'_>, h: &Hit, word: &str) {
    let venue = v
        .bodies
        .iter()
        .find(|(s, _)| s.end <= h.start && h.start - s.end <= 1 && s.kind.is_venue())
        .map(|(_, id)| id.clone())
        .or_else(|| b.last_venue.clone());
    let Some(venue) = venue else { return };
    let ce = v.clause_end(h.end);
    let tenants: Vec<EntityId> = v
        .bodies
        .iter()
        .filter(|(s, _)| s.start >= h.end && s.end <= ce)
        .map(|(_, id)| id.clone())
        .collect();
    for t in &tenants {
        b.fact(
            Node::Entity(venue.clone()),
            Relation::Hosts,
            Node::Entity(t.clone()),
            word,
            v.sent,
        );
    }
    if tenants.is_empty() && TENANT_NOUNS.iter().any(|n| v.sent.has_at(h.end, n)) {
        // The tenants as a group make something: remember the product.
        if let Some((product, launch)) = product_after(b, v, h.end + 2) {
            b.tenant_products.push((venue, product, launch));
        }
    }
}

/// The product made in `……开发的 PRODUCT 上线运营`, and its launch as an event.
fn product_after(
    b: &mut Builder<'_>,
    v: &View<'_>,
    from: usize,
) -> Option<(String, Option<EntityId>)> {
    let ce = v.clause_end(from);
    let de = (from..ce).find(|&j| v.sent.chars[j] == '的')?;
    let (end, launch) = LAUNCHES
        .iter()
        .find_map(|l| {
            (de + 1..ce)
                .find(|&j| v.sent.has_at(j, l))
                .map(|j| (j, Some(*l)))
        })
        .unwrap_or((ce, None));
    let product = v.sent.slice(de + 1, end);
    if product.chars().count() < 2 {
        return None;
    }
    let launch_id = launch.map(|l| {
        let label = format!("{product}{l}");
        named_event(b, v.sent, &label, de + 1, end + l.chars().count())
    });
    Some((product, launch_id))
}

/// An event named by the words around it (a launch), with its mention.
fn named_event(b: &mut Builder<'_>, sent: &Sent, label: &str, a: usize, e: usize) -> EntityId {
    let date = b.article.date();
    let key = match date {
        Some(d) => format!("{label}@{d}"),
        None => format!("{label}@{}", b.article.id),
    };
    let id = EntityId::new(EntityKind::Event, key);
    let ent = b.entity(id.clone(), label, Basis::NamedEvent);
    ent.date = ent.date.or(date);
    b.mention(&id, sent, a, e);
    id
}

/// `PRODUCT 由 A 和 B 合作开发`: the bodies made the product.
fn develops(b: &mut Builder<'_>, v: &View<'_>, h: &Hit, _word: &str) {
    let cs = v.clause_start(h.start);
    let Some(by) = (cs..h.start).rev().find(|&j| v.sent.chars[j] == '由') else {
        return;
    };
    let makers: Vec<EntityId> = v
        .bodies
        .iter()
        .filter(|(s, _)| s.start > by && s.end <= h.start)
        .map(|(_, id)| id.clone())
        .collect();
    if makers.is_empty() {
        return;
    }
    let mut product_start = cs;
    for d in ["这个", "这款", "该", "此"] {
        if v.sent.has_at(product_start, d) {
            product_start += d.chars().count();
        }
    }
    let product = if by > product_start {
        v.sent.slice(product_start, by)
    } else {
        String::new()
    };
    let evidence = b.evidence(v.sent);
    b.product_makers.push((makers, product, evidence));
}

/// Ties tenants-as-a-group to the makers named for the same product: the building hosts them,
/// and they develop the launch.
pub(super) fn resolve_products(b: &mut Builder<'_>) {
    let pairs = b.tenant_products.clone();
    let makers = b.product_makers.clone();
    for (venue, product, launch) in pairs {
        for (bodies, named, evidence) in &makers {
            let same = !named.is_empty()
                && (product.ends_with(named.as_str()) || named.ends_with(product.as_str()));
            if !same {
                continue;
            }
            for body in bodies {
                let fact = |s: &EntityId, r: Relation, o: &EntityId| crate::model::Fact {
                    subject: Node::Entity(s.clone()),
                    relation: r,
                    object: Node::Entity(o.clone()),
                    trigger: String::new(),
                    date: b.article.date(),
                    evidence: evidence.clone(),
                    confidence: Confidence::FULL,
                };
                let mut new = vec![fact(&venue, Relation::Hosts, body)];
                if let Some(l) = &launch {
                    new.push(fact(body, Relation::Develops, l));
                }
                for f in new {
                    if !b.facts.iter().any(|g| {
                        g.subject == f.subject
                            && g.relation == f.relation
                            && g.object == f.object
                            && g.evidence.sentence == f.evidence.sentence
                    }) {
                        b.facts.push(f);
                    }
                }
            }
        }
    }
}

/// Words that put what follows in the clause later than the report (`将`, `将于`, `即将`,
/// `拟`): `李强将于…出席…` announces an attendance.
const LATER: [&str; 7] = ["将于", "将在", "将要", "即将", "拟于", "将", "拟"];

/// Whether `sent` announces the act its `trigger` names for later: a word of [`LATER`], a word
/// of its own as the segmenter reads the sentence (not `将军`), stands before the trigger in
/// its clause.
pub fn announces(sent: &Sent, trigger: &str) -> bool {
    if trigger.is_empty() {
        return false;
    }
    (0..sent.len())
        .filter(|&i| sent.has_at(i, trigger))
        .any(|at| {
            let clause_start = (0..at)
                .rev()
                .find(|&k| is_clause_end(sent.chars[k]))
                .map_or(0, |k| k + 1);
            (clause_start..at).any(|k| {
                LATER.iter().any(|w| {
                    let n = w.chars().count();
                    sent.has_at(k, w) && sent.is_word(k, k + n)
                })
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn an_act_announced_for_later() {
        let lex = Lexicon::builtin().unwrap();
        // (sentence, trigger, whether it announces the act)
        let cases = [
            ("国务院总理李强将于11月8日出席峰会。", "出席", true),
            ("习近平将出席开幕式并发表主旨演讲。", "出席", true),
            ("习近平出席开幕式并发表主旨演讲。", "出席", false),
            // Not a word of its own: a general is no future.
            ("将军出席了仪式。", "出席", false),
            // Another clause's future is not this act's.
            ("会议将于明年召开，李强出席。", "出席", false),
        ];
        for (text, trigger, want) in cases {
            let chars: Vec<char> = text.chars().collect();
            let sent = Sent::new(0, &chars, 0, chars.len(), &lex);
            assert_eq!(announces(&sent, trigger), want, "{text}");
        }
    }
}
