//! The neighbourhood diagram of the explorer: the entity in the middle, its neighbours
//! on a circle, one line per relation coloured by family. Plain SVG: every node is a
//! link to its entity page, so it works without JavaScript.

use std::f64::consts::PI;

use kg_graph::dot::{family_color, node_style};
use kg_model::EntityType;
use kg_model::Predicate;

use crate::markup::{entity_href, esc};

/// A neighbour of the centre and the relations between them.
pub struct Neighbour {
    /// Its IRI.
    pub iri: String,
    /// Its label.
    pub label: String,
    /// Its type.
    pub entity_type: Option<EntityType>,
    /// (predicate, outgoing from the centre).
    pub relations: Vec<(String, bool)>,
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

/// The SVG of `centre` and its neighbours.
pub fn neighbourhood(centre_label: &str, centre_type: Option<EntityType>, neighbours: &[Neighbour]) -> String {
    let (w, h) = (760.0, 520.0);
    let (cx, cy, r) = (w / 2.0, h / 2.0, 200.0);
    let shown = &neighbours[..neighbours.len().min(MAX_NEIGHBOURS)];
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"Neighbourhood of {}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">",
        esc(centre_label)
    );
    let n = shown.len().max(1) as f64;
    let mut nodes = String::new();
    for (k, nb) in shown.iter().enumerate() {
        let angle = 2.0 * PI * k as f64 / n - PI / 2.0;
        let (x, y) = (cx + r * angle.cos(), cy + r * angle.sin());
        for (j, (p, outgoing)) in nb.relations.iter().enumerate() {
            let color = Predicate::from_name(p).map_or("#000000", |x| family_color(x.family()));
            let bend = (j as f64 - (nb.relations.len() as f64 - 1.0) / 2.0) * 30.0;
            let (mx, my) = ((cx + x) / 2.0 - bend * angle.sin(), (cy + y) / 2.0 + bend * angle.cos());
            // The label sits on the curve, nearer the neighbour than the crowded centre.
            let (lx, ly) = (0.25 * cx + 0.5 * mx + 0.25 * x, 0.25 * cy + 0.5 * my + 0.25 * y);
            let arrow = if *outgoing { "→" } else { "←" };
            out.push_str(&format!(
                "<path d=\"M{cx:.1},{cy:.1} Q{mx:.1},{my:.1} {x:.1},{y:.1}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\"/>\
                 <text x=\"{lx:.1}\" y=\"{ly:.1}\" fill=\"{color}\" font-size=\"10\" text-anchor=\"middle\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">{} {arrow}</text>",
                esc(p)
            ));
        }
        let (fill, _) = node_style(nb.entity_type);
        nodes.push_str(&format!(
            "<a href=\"{}\"><title>{}</title><ellipse cx=\"{x:.1}\" cy=\"{y:.1}\" rx=\"70\" ry=\"16\" fill=\"{fill}\" stroke=\"#555\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text></a>",
            esc(&entity_href(&nb.iri)),
            esc(&nb.label),
            y + 4.0,
            esc(&short(&nb.label))
        ));
    }
    let (fill, _) = node_style(centre_type);
    out.push_str(&nodes);
    out.push_str(&format!(
        "<ellipse cx=\"{cx}\" cy=\"{cy}\" rx=\"90\" ry=\"20\" fill=\"{fill}\" stroke=\"#222\" stroke-width=\"2\"/>\
         <text x=\"{cx}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text></svg>",
        cy + 4.0,
        esc(&short(centre_label))
    ));
    out
}
