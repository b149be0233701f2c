//! The sidebar: entities by type (click to select and step through), casualty figures with a
//! bar chart (click a row to see its sentence), and the timeline in date order on an SVG axis.

use std::sync::Arc;

use annotator_core::{Annotation, EntityType};
use leptos::prelude::*;

use crate::components::article::type_label;
use crate::dom::reveal_at;
use crate::render::chart::{casualty_bars, tenths, timeline_axis};
use crate::render::summary::{entities_of, figure, figure_rows, plain, row_matches, timeline_order, EntityRow};
use crate::render::corrections::Figure;
use crate::state::{casualty_id, date_id, mention_id, statement_id, Editing, Ui};

/// Rows a list shows before its "Show more" button: a long transcript has thousands of dates,
/// and rendering them all at once would hold the page.
const FIRST_ROWS: usize = 100;
/// Links a casualty row gives to further statements of its figure.
const STATEMENT_LINKS: usize = 9;
/// Rows each press of "Show more" adds.
const MORE_ROWS: usize = 400;

/// "Show more (100 of 2,562)" under a list cut at `limit`, while rows are left.
fn show_more(total: usize, limit: RwSignal<usize>) -> impl IntoView {
    move || {
        let shown = limit.get();
        (total > shown).then(|| view! {
            <button class="btn ghost more" on:click=move |_| limit.update(|l| *l += MORE_ROWS)>
                {format!("Show more ({shown} of {total})")}
            </button>
        })
    }
}

/// On a wide screen the three panels stand in a column beside the article; on a phone they
/// go below it as tabs (the tab bar only shows there, by CSS). The sidebar stays across
/// corrections; each panel is drawn again only when what it shows changed (see [`Parts`]).
#[component]
pub fn Sidebar(parts: Parts) -> impl IntoView {
    let tab = expect_context::<Ui>().tab;
    let tabs = ["Entities", "Casualties", "Timeline"]
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            view! {
                <button role="tab" id=format!("tab-{i}") aria-selected=move || (tab.get() == i).to_string() on:click=move |_| tab.set(i)>
                    {label}
                </button>
            }
        })
        .collect_view();
    let panel = move |i: usize| move || if tab.get() == i { "tabpanel active" } else { "tabpanel" };
    let Parts { entities, casualties, timeline } = parts;
    view! {
        <aside class="sidebar" aria-label="Summary" tabindex="-1">
            <div class="tabs" role="tablist" aria-label="Summary sections">{tabs}</div>
            <div class=panel(0)>{move || entities.get().map(|ann| view! { <EntitiesPanel ann=ann /> })}</div>
            <div class=panel(1)>{move || casualties.get().map(|ann| view! { <CasualtiesPanel ann=ann /> })}</div>
            <div class=panel(2)>{move || timeline.get().map(|ann| view! { <TimelinePanel ann=ann /> })}</div>
        </aside>
    }
}

/// The annotation as each panel of the summary sees it: a memo per panel that changes only
/// when that panel's part does. Tagging a word on a megabyte's article redraws the entities,
/// not the thousand elements of its figures and dates.
#[derive(Clone, Copy)]
pub struct Parts {
    entities: Memo<Option<Arc<Annotation>>>,
    casualties: Memo<Option<Arc<Annotation>>>,
    timeline: Memo<Option<Arc<Annotation>>>,
}

impl Parts {
    /// `now` gives the annotation on screen (with its corrections).
    pub fn new(now: impl Fn() -> Option<Arc<Annotation>> + Copy + Send + Sync + 'static) -> Parts {
        Parts {
            entities: Memo::new_with_compare(move |_| now(), changed::<0>),
            casualties: Memo::new_with_compare(move |_| now(), changed::<1>),
            timeline: Memo::new_with_compare(move |_| now(), changed::<2>),
        }
    }
}

/// Whether panel `P`'s part differs between two annotations (0 entities, 1 casualties, 2
/// timeline).
fn changed<const P: u8>(old: Option<&Option<Arc<Annotation>>>, new: Option<&Option<Arc<Annotation>>>) -> bool {
    match (old.and_then(Option::as_ref), new.and_then(Option::as_ref)) {
        (Some(a), Some(b)) => match P {
            0 => a.entities != b.entities,
            1 => a.casualties != b.casualties,
            _ => a.timeline != b.timeline || a.reference_date != b.reference_date,
        },
        (None, None) => false,
        _ => true,
    }
}

/// The entities by type, most mentioned first. The list follows the legend's type toggles (a
/// hidden type is named, not listed) and a filter box: a name, or another way the article
/// writes it, holding what was typed, case, accents and tones aside ("ha noi" finds "Hà Nội").
#[component]
fn EntitiesPanel(ann: Arc<Annotation>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let filter = RwSignal::new(String::new());
    let wanted = Memo::new(move |_| filter.with(|f| plain(f.trim())));
    // Where each entity is first mentioned: where a click on its row goes.
    let first: Vec<usize> = ann.entities.iter().map(|e| e.mentions.first().map(|m| m.start).unwrap_or(0)).collect();
    let all_rows: Vec<Vec<EntityRow>> = EntityType::ALL.iter().map(|&k| entities_of(&ann, k)).collect();
    let any_kept = {
        let all_rows = all_rows.clone();
        move || wanted.with(|f| all_rows.iter().flatten().any(|r| row_matches(r, f)))
    };
    let groups = EntityType::ALL
        .iter()
        .zip(all_rows)
        .map(|(&k, rows)| {
            let limit = RwSignal::new(FIRST_ROWS);
            let total = rows.len();
            // (Plain closures, not memos: the group is drawn again on each change of the
            // filter anyway, and each memo's type costs the page's download.)
            let kept = move || wanted.with(|f| rows.iter().filter(|r| row_matches(r, f)).cloned().collect::<Vec<_>>());
            let first = first.clone();
            move || {
                if total == 0 {
                    return None;
                }
                if ui.hidden.with(|h| h.contains(&k)) {
                    return Some(view! { <p class="muted hidden-type">{format!("{}: {total} hidden (the legend above the article shows them again).", type_label(k))}</p> }.into_any());
                }
                let rows = kept();
                if rows.is_empty() {
                    return None;
                }
                let count = rows.len();
                let items = rows
                    .into_iter()
                    .take(limit.get())
                    .map(|r| {
                        let e = r.index;
                        let at = first[e];
                        let aliases = (!r.aliases.is_empty()).then(|| view! { <span class="aliases">{r.aliases.join(", ")}</span> });
                        let class = move || format!("entity ent-{}{}", k.as_str(), if ui.selected.get() == Some(e) { " sel" } else { "" });
                        view! {
                            <li>
                                <button class=class on:click=move |_| { ui.selected.set(Some(e)); ui.step.set(0); reveal_at(ui, mention_id(e, at), at); }>
                                    <span class="name">{r.name}</span>
                                    <span class="count" title="mentions">{r.mentions}</span>
                                    {aliases}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                let of = if count < total { format!("{count} of {total}") } else { total.to_string() };
                Some(view! {
                    <div class="entity-group">
                        <h4>{type_label(k)}" "<span class="muted">{of}</span></h4>
                        <ul>{items}</ul>
                        {show_more(count, limit)}
                    </div>
                }.into_any())
            }
        })
        .collect_view();
    let none = ann.entities.is_empty();
    view! {
        <section class="panel" aria-labelledby="entities-h">
            <h3 id="entities-h">"Entities"</h3>
            {none.then(|| view! { <p class="empty">"No entities found."</p> })}
            {(!none).then(|| view! {
                <input type="search" class="filter" placeholder="Filter entities…" aria-label="Filter entities"
                    prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
            })}
            {move || (!none && !any_kept()).then(|| view! { <p class="empty" role="status">{format!("No entity matches “{}”.", filter.get().trim())}</p> })}
            {groups}
        </section>
    }
}

#[component]
fn CasualtiesPanel(ann: Arc<Annotation>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let limit = RwSignal::new(FIRST_ROWS);
    // One row per figure: its repeats, and later items stating it more or less exactly.
    let figure_rows = figure_rows(&ann);
    let total = figure_rows.len();
    let all = ann.casualties.clone();
    let rows = move || figure_rows
        .iter()
        .take(limit.get())
        .map(|row| {
            let (i, c) = (row.index, &all[row.index]);
            let kind = c.kind.as_str().replace('_', " ");
            let at = c.start;
            // Why it was read (its cue word and the construction), and where else the article
            // states the same figure.
            let cue = c.cue.as_ref().map(|q| format!("“{}”, ", q.text));
            // (A link for each of the first few: a figure a long text repeats thousands of
            // times must not draw thousands of buttons.)
            let told = row.statements.iter().enumerate().skip(1).take(STATEMENT_LINKS).map(|(k, &(j, at))| {
                let id = if at == all[j].start { casualty_id(j) } else { statement_id(j, at) };
                view! { " "<button class="link" on:click=move |_| reveal_at(ui, id.clone(), at) title="Show this statement of the figure">{format!("#{}", k + 1)}</button> }
            }).collect_view();
            let n = row.statements.len();
            let more = n.saturating_sub(STATEMENT_LINKS + 1);
            let told = (n > 1).then(|| view! { <span class="told">" · stated "{n}" times: #1"{told}{(more > 0).then(|| format!(" and {more} more"))}</span> });
            let editing = Editing::Figure { at: (c.start, c.end), quote: c.text.clone(), figure: Figure::of(c), existing: true };
            view! {
                <tr>
                    <td><button class="link" on:click=move |_| reveal_at(ui, casualty_id(i), at) title="Show the sentence">{kind}</button></td>
                    <td class="num">{figure(c)}</td>
                    <td data-label="Group">{c.group.as_str()}</td>
                    <td data-label="Party">{c.party.clone().unwrap_or_default()}</td>
                    <td data-label="Place">{c.location.clone().unwrap_or_default()}</td>
                    <td data-label="Source">{c.source.clone().unwrap_or_default()}</td>
                    <td data-label="Date">{c.date.clone().unwrap_or_default()}</td>
                    <td class="why">"Why: "{cue}{c.why.clone()}{told}</td>
                    <td><button class="btn small ghost" title="Correct or remove this figure" on:click=move |_| ui.editing.set(Some(editing.clone()))>"Edit"</button></td>
                </tr>
            }
        })
        .collect_view();
    let bars = casualty_bars(&ann);
    let chart = (!bars.is_empty()).then(|| {
        let h = bars.len() * 22;
        let items = bars
            .into_iter()
            .enumerate()
            .map(|(i, b)| {
                let y = i * 22;
                view! {
                    <g>
                        <rect x="0" y=(y + 3).to_string() height="14" width=tenths(4.0 + b.share * 150.0) class="bar" rx="3" />
                        <text x=tenths(10.0 + b.share * 150.0) y=(y + 14).to_string() class="bar-value">{b.value}</text>
                        <text x="200" y=(y + 14).to_string() class="bar-label">{b.label}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg class="bars" viewBox=format!("0 0 340 {h}") role="img" aria-label="Casualty figures by kind and party">{items}</svg>
        }
    });
    view! {
        <section class="panel" aria-labelledby="casualties-h">
            <h3 id="casualties-h">"Casualties"</h3>
            {if ann.casualties.is_empty() {
                view! { <p class="empty">"No casualty figures in this article."</p> }.into_any()
            } else {
                view! {
                    {chart}
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Casualty figures">
                        <table class="casualties">
                            <thead><tr><th>"Kind"</th><th>"Figure"</th><th>"Group"</th><th>"Party"</th><th>"Place"</th><th>"Source"</th><th>"Date"</th><th>"Why"</th><th>"Correct"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {show_more(total, limit)}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn TimelinePanel(ann: Arc<Annotation>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    // The axis is drawn 300 units wide: marks closer than a dot (12 units) share one.
    let axis = timeline_axis(&ann, 12.0 / 300.0).map(|axis| {
        let x = |at: f64| 10.0 + at * 300.0;
        let marks = axis
            .marks
            .iter()
            .map(|m| {
                let (first, n) = (m.dates[0].1, m.items());
                let at = ann.timeline[first].start;
                let (label, title) = (m.label(), m.label());
                let go = move || reveal_at(ui, date_id(first), at);
                let (cx, r) = (tenths(x(m.at)), if n > 1 { "7" } else { "5" });
                // A dot is a button: Tab reaches it, Enter or Space shows the sentence of its
                // first date, as a click does.
                view! {
                    <g class="mark" tabindex="0" role="button" aria-label=label
                        on:click=move |_| go()
                        on:keydown=move |ev: web_sys::KeyboardEvent| if matches!(ev.key().as_str(), "Enter" | " ") { ev.prevent_default(); go() }>
                        <title>{title}</title>
                        <circle cx=cx.clone() cy="26" r=r class="tick" />
                        {(n > 1).then(|| view! { <text x=cx y="29" class="tick-count" text-anchor="middle">{n.min(99).to_string()}</text> })}
                    </g>
                }
            })
            .collect_view();
        let refmark = axis.reference.map(|r| view! {
            <g><line x1=tenths(x(r)) x2=tenths(x(r)) y1="14" y2="38" class="ref-line" />
            <text x=tenths(x(r)) y="10" class="ref-label" text-anchor={if r > 0.8 { "end" } else if r < 0.2 { "start" } else { "middle" }}>{format!("reference {}", ann.reference_date.clone().unwrap_or_default())}</text></g>
        });
        let range = format!("Dated events from {} to {} on a time axis; the dashed line marks the reference date (the publication date, when known)", axis.from, axis.to);
        view! {
            <svg class="axis" viewBox="0 0 320 60" role="group" aria-label=range>
                <line x1="10" x2="310" y1="26" y2="26" class="axis-line" />
                {marks}
                {refmark}
                <text x="10" y="54" class="range-label" text-anchor="start">{axis.from.clone()}</text>
                <text x="310" y="54" class="range-label" text-anchor="end">{axis.to.clone()}</text>
            </svg>
        }
    });
    let order = timeline_order(&ann);
    let total = order.len();
    let limit = RwSignal::new(FIRST_ROWS);
    let all = ann.timeline.clone();
    let items = move || order
        .iter()
        .take(limit.get())
        .filter_map(|&i| all.get(i).map(|t| (i, t)))
        .map(|(i, t)| {
            let at = t.start;
            let editing = Editing::Date { at: (t.start, t.end), quote: t.text.clone(), value: t.value.clone(), existing: true };
            view! {
                <li>
                    <button class="link" on:click=move |_| reveal_at(ui, date_id(i), at)>
                        <time datetime=t.value.clone()>{t.value.clone()}</time>
                        <span class="expr">{t.text.clone()}</span>
                    </button>
                    <button class="btn small ghost" title="Correct or remove this date" on:click=move |_| ui.editing.set(Some(editing.clone()))>"Edit"</button>
                    <span class="event">{t.event.text.clone()}</span>
                    <span class="why">"Why: "{t.why.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="timeline-h">
            <h3 id="timeline-h">"Timeline"</h3>
            {ann.timeline.is_empty().then(|| view! { <p class="empty">"No dated events found."</p> })}
            {axis}
            <ol class="timeline">{items}</ol>
            {show_more(total, limit)}
        </section>
    }
}
