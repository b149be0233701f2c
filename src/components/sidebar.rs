//! The sidebar: entities by type, casualty figures, and the timeline in date order.

use annotator_core::{Annotation, EntityType};
use leptos::prelude::*;

use crate::components::article::type_label;
use crate::render::summary::{entities_of, figure, timeline_order};

#[component]
pub fn Sidebar(ann: Annotation) -> impl IntoView {
    view! {
        <aside class="sidebar" aria-label="Summary">
            <EntitiesPanel ann=ann.clone() />
            <CasualtiesPanel ann=ann.clone() />
            <TimelinePanel ann=ann />
        </aside>
    }
}

#[component]
fn EntitiesPanel(ann: Annotation) -> impl IntoView {
    let groups = EntityType::ALL
        .iter()
        .map(|&k| {
            let rows = entities_of(&ann, k);
            let count = rows.len();
            let items = rows
                .into_iter()
                .map(|r| {
                    let aliases = (!r.aliases.is_empty()).then(|| view! { <span class="aliases">{r.aliases.join(", ")}</span> });
                    view! {
                        <li class=format!("entity ent-{}", k.as_str())>
                            <span class="name">{r.name}</span>
                            <span class="count" title="mentions">{r.mentions}</span>
                            {aliases}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="entity-group">
                    <h4>{type_label(k)}" "<span class="muted">{count}</span></h4>
                    <ul>{items}</ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="entities-h">
            <h3 id="entities-h">"Entities"</h3>
            {if ann.entities.is_empty() { Some(view! { <p class="empty">"No entities found."</p> }) } else { None }}
            {groups}
        </section>
    }
}

#[component]
fn CasualtiesPanel(ann: Annotation) -> impl IntoView {
    let rows = ann
        .casualties
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <td>{c.kind.as_str().replace('_', " ")}</td>
                    <td class="num">{figure(c)}</td>
                    <td>{c.group.as_str()}</td>
                    <td>{c.party.clone().unwrap_or_default()}</td>
                    <td>{c.location.clone().unwrap_or_default()}</td>
                    <td>{c.source.clone().unwrap_or_default()}</td>
                    <td>{c.date.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let empty = ann.casualties.is_empty();
    view! {
        <section class="panel" aria-labelledby="casualties-h">
            <h3 id="casualties-h">"Casualties"</h3>
            {if empty {
                view! { <p class="empty">"No casualty figures in this article."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="casualties">
                            <thead><tr><th>"Kind"</th><th>"Figure"</th><th>"Group"</th><th>"Party"</th><th>"Place"</th><th>"Source"</th><th>"Date"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn TimelinePanel(ann: Annotation) -> impl IntoView {
    let items = timeline_order(&ann)
        .into_iter()
        .map(|i| {
            let t = &ann.timeline[i];
            view! {
                <li>
                    <time datetime=t.value.clone()>{t.value.clone()}</time>
                    <span class="expr">{t.text.clone()}</span>
                    <span class="event">{t.event.text.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="timeline-h">
            <h3 id="timeline-h">"Timeline"</h3>
            {if ann.timeline.is_empty() { Some(view! { <p class="empty">"No dated events found."</p> }) } else { None }}
            <ol class="timeline">{items}</ol>
        </section>
    }
}
