//! The small card shown while a mention is hovered or focused: type, canonical name, the
//! aliases seen, and how many mentions the entity has.

use std::sync::Arc;

use annotator_core::Annotation;
use leptos::prelude::*;

use crate::render::chart::tenths;
use crate::components::article::type_label;
use crate::render::summary::entities_of;
use crate::state::Ui;

#[component]
pub fn MentionCard(ann: Arc<Annotation>) -> impl IntoView {
    let ui = expect_context::<Ui>();
    move || {
        let card = ui.card.get()?;
        let e = ann.entities.get(card.entity)?;
        let row = entities_of(&ann, e.kind).into_iter().find(|r| r.index == card.entity)?;
        // Positioned through the CSSOM, not a style attribute: allowed under a strict CSP.
        let (left, top) = (format!("{}px", tenths(card.x.max(4.0))), format!("{}px", tenths(card.y + 6.0)));
        Some(view! {
            <div class=format!("card ent-{}", e.kind.as_str()) role="tooltip" style:left=left style:top=top>
                <div class="card-type">{type_label(e.kind)}</div>
                <div class="card-name">{row.name.clone()}</div>
                {(!row.aliases.is_empty()).then(|| view! { <div class="card-aliases">"Also: "{row.aliases.join(", ")}</div> })}
                <div class="card-count">{format!("{} mention{}", row.mentions, if row.mentions == 1 { "" } else { "s" })}</div>
            </div>
        })
    }
}
