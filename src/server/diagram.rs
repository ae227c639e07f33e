//! `/diagram?entity=IRI`: an SVG of an entity's neighbourhood — the people, bodies, places and
//! events it is directly related to, and the posts linking people to bodies — drawn by the
//! one diagram renderer of govkg ([`crate::render`]), as `govkg diagram` draws.

use oxigraph::model::NamedNode;

use crate::graph::{self, Focus};
use crate::render::{self, Format, Style};
use crate::store::Store;

/// What can go wrong drawing a diagram.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("cannot read the neighbourhood")]
    Graph(#[from] graph::Error),
    #[error(transparent)]
    Render(#[from] render::Error),
}

/// Links read at most, so that a hub (a province's party committee) stays legible.
const MAX_EDGES: usize = 60;

/// Nodes drawn at most; the picture says what it left out.
const MAX_NODES: usize = 40;

/// The SVG of `entity`'s neighbourhood in `store`, in Chinese; its own node is drawn bold and
/// every node links to its IRI.
pub fn svg(store: &Store, entity: &NamedNode) -> Result<Vec<u8>, Error> {
    let (kg, center) = graph::neighbourhood(store, entity, MAX_EDGES)?;
    let view = kg.view(Focus::Around { center, depth: 1 }, MAX_NODES);
    let style = Style {
        links: true,
        ..Style::default()
    };
    Ok(render::render(
        &render::to_dot(&kg, &view, &style),
        Format::Svg,
    )?)
}
