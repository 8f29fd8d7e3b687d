//! A relation as icon and word, coloured: never colour alone.

use super::{relation_icon, relation_label};
use crate::engine::Relation;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationBadgeProps {
    pub relation: Relation,
}

#[function_component(RelationBadge)]
pub fn relation_badge(p: &RelationBadgeProps) -> Html {
    html! {
        <span class={classes!("badge", format!("rel-{}", p.relation.as_str()))}>
            <span class="icon" aria-hidden="true">{ relation_icon(p.relation) }</span>
            { relation_label(p.relation) }
        </span>
    }
}
