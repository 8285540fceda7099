//! The neighbourhood diagram of the explorer: the entity in the middle, its neighbours
//! on a circle, one line per relation coloured by family. Plain SVG: every node is a
//! link to its entity page, so it works without JavaScript.

use std::f64::consts::PI;

use kg_graph::dot::{family_color, node_style};
use kg_model::{EntityType, Predicate};
use maud::{html, Markup};

use crate::markup::entity_href;

/// A neighbour of the centre and the relations between them.
pub struct Neighbour {
    /// Its IRI.
    pub iri: String,
    /// Its label.
    pub label: String,
    /// Its type.
    pub entity_type: Option<EntityType>,
    /// (predicate, outgoing from the centre).
    pub relations: Vec<(Predicate, bool)>,
}

/// Most neighbours drawn; the page lists the rest.
pub const MAX_NEIGHBOURS: usize = 24;

fn short(label: &str) -> String {
    if label.chars().count() > 22 {
        format!("{}…", label.chars().take(21).collect::<String>())
    } else {
        label.to_string()
    }
}

/// A coordinate as the diagram writes it.
fn at(v: f64) -> String {
    format!("{v:.1}")
}

/// The SVG of `centre` and its neighbours (an `svg` element, for an HTML page or, through
/// [`svg_document`], on its own).
pub fn neighbourhood(centre_label: &str, centre_type: Option<EntityType>, neighbours: &[Neighbour]) -> Markup {
    let (w, h) = (760.0, 520.0);
    let (cx, cy, r) = (w / 2.0, h / 2.0, 200.0);
    let shown = &neighbours[..neighbours.len().min(MAX_NEIGHBOURS)];
    let n = shown.len().max(1) as f64;
    let placed: Vec<(&Neighbour, f64, f64, f64)> = shown
        .iter()
        .enumerate()
        .map(|(k, nb)| {
            let angle = 2.0 * PI * k as f64 / n - PI / 2.0;
            (nb, angle, cx + r * angle.cos(), cy + r * angle.sin())
        })
        .collect();
    let aria = format!("Neighbourhood of {centre_label}");
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (w) " " (h) } width=(w) height=(h) role="img" aria-label=(aria)
            font-family="Helvetica, Arial, sans-serif" font-size="12" {
            @for (nb, angle, x, y) in &placed {
                @for (j, (p, outgoing)) in nb.relations.iter().enumerate() {
                    @let color = family_color(p.family());
                    @let bend = (j as f64 - (nb.relations.len() as f64 - 1.0) / 2.0) * 30.0;
                    @let (mx, my) = ((cx + x) / 2.0 - bend * angle.sin(), (cy + y) / 2.0 + bend * angle.cos());
                    // The label sits on the curve, nearer the neighbour than the crowded centre.
                    @let (lx, ly) = (0.25 * cx + 0.5 * mx + 0.25 * x, 0.25 * cy + 0.5 * my + 0.25 * y);
                    path d={ "M" (at(cx)) "," (at(cy)) " Q" (at(mx)) "," (at(my)) " " (at(*x)) "," (at(*y)) }
                        fill="none" stroke=(color) stroke-width="1.5" {}
                    text x=(at(lx)) y=(at(ly)) fill=(color) font-size="10" text-anchor="middle" paint-order="stroke" stroke="#fff"
                        stroke-width="3" { (p.name()) " " (if *outgoing { "→" } else { "←" }) }
                }
            }
            @for (nb, _, x, y) in &placed {
                a href=(entity_href(&nb.iri)) {
                    title { (nb.label) }
                    ellipse cx=(at(*x)) cy=(at(*y)) rx="70" ry="16" fill=(node_style(nb.entity_type).0) stroke="#555" {}
                    text x=(at(*x)) y=(at(y + 4.0)) text-anchor="middle" { (short(&nb.label)) }
                }
            }
            ellipse cx=(cx) cy=(cy) rx="90" ry="20" fill=(node_style(centre_type).0) stroke="#222" stroke-width="2" {}
            text x=(cx) y=(at(cy + 4.0)) text-anchor="middle" font-weight="bold" { (short(centre_label)) }
        }
    }
}

/// The diagram as a document of its own (`image/svg+xml`): the characters XML 1.0
/// cannot carry, which a label read from a text may hold, are dropped.
pub fn svg_document(diagram: Markup) -> String {
    diagram.into_string().chars().filter(|&c| kg_graph::tables::is_xml_char(c)).collect()
}
