//! What the colours, lines and icons mean.

use super::relation_badge::RelationBadge;
use crate::engine::Relation;
use yew::prelude::*;

#[function_component(Legend)]
pub fn legend() -> Html {
    html! {
        <dl class="legend" aria-label="Legend">
            <div><dt><RelationBadge relation={Relation::Agree} /></dt><dd>{ "the sources say the same" }</dd></div>
            <div><dt><RelationBadge relation={Relation::Compatible} /></dt><dd>{ "different precision, both can be true" }</dd></div>
            <div><dt><RelationBadge relation={Relation::Differ} /></dt><dd>{ "they cannot both be true as stated" }</dd></div>
            <div><dt><span class="badge rel-single"><span class="icon" aria-hidden="true">{ "◦" }</span>{ "One source" }</span></dt><dd>{ "no other article says it" }</dd></div>
        </dl>
    }
}
