//! The article with its marks: entities coloured by type, dates and casualty figures
//! underlined, noise muted. Text goes into text nodes only, never into HTML.

use annotator_core::{Annotation, EntityType};
use leptos::prelude::*;

use crate::render::layout::{Layout, Mark, MarkKind, Piece};

/// CSS classes and a tooltip for a piece covered by `marks`.
fn decorate(all: &[Mark], ann: &Annotation, piece: &Piece) -> (String, String) {
    let mut classes = vec!["mark".to_string()];
    let mut titles = Vec::new();
    let mut depth = 0;
    for &m in &piece.marks {
        match all[m].kind {
            MarkKind::Entity { kind, entity } => {
                depth += 1;
                classes.push(format!("ent-{}", kind.as_str()));
                if let Some(e) = ann.entities.get(entity) {
                    titles.push(format!("{}: {}", type_label(kind), e.name));
                }
            }
            MarkKind::Date { index } => {
                classes.push("date".into());
                if let Some(t) = ann.timeline.get(index) {
                    titles.push(format!("Date: {}", t.value));
                }
            }
            MarkKind::Casualty { index } => {
                classes.push("casualty".into());
                if let Some(c) = ann.casualties.get(index) {
                    titles.push(format!("Casualties: {} {}", crate::render::summary::figure(c), c.kind.as_str()));
                }
            }
            MarkKind::Noise => {
                classes.push("noise".into());
                titles.push("Page noise (not part of the article)".into());
            }
        }
    }
    if depth > 1 {
        classes.push("nested".into());
    }
    (classes.join(" "), titles.join(" · "))
}

pub fn type_label(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "Person",
        EntityType::Location => "Location",
        EntityType::Organization => "Organization",
        EntityType::Weapon => "Weapon",
    }
}

#[component]
pub fn ArticleView(layout: Layout, ann: Annotation) -> impl IntoView {
    let Layout { marks, paragraphs } = layout;
    let body = paragraphs
        .into_iter()
        .map(|p| {
            let pieces = p
                .pieces
                .iter()
                .map(|piece| {
                    if piece.marks.is_empty() {
                        piece.text.clone().into_any()
                    } else {
                        let (class, title) = decorate(&marks, &ann, piece);
                        view! { <span class=class title=title>{piece.text.clone()}</span> }.into_any()
                    }
                })
                .collect_view();
            if p.headline {
                view! { <h2 class="headline">{pieces}</h2> }.into_any()
            } else {
                view! { <p>{pieces}</p> }.into_any()
            }
        })
        .collect_view();
    view! {
        <article class="article" aria-label="Annotated article">
            <Legend ann=ann.clone() />
            {body}
        </article>
    }
}

#[component]
fn Legend(ann: Annotation) -> impl IntoView {
    let items = EntityType::ALL
        .iter()
        .map(|&k| {
            let n = ann.entities.iter().filter(|e| e.kind == k).count();
            view! { <li class=format!("legend-item ent-{}", k.as_str())>{type_label(k)}" "<b>{n}</b></li> }
        })
        .collect_view();
    view! {
        <ul class="legend" aria-label="Entity types">
            {items}
            <li class="legend-item date">"Date "<b>{ann.timeline.len()}</b></li>
            <li class="legend-item casualty">"Casualties "<b>{ann.casualties.len()}</b></li>
        </ul>
    }
}
