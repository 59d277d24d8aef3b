/// A Graphviz layout engine: the algorithm that places nodes and routes edges.
///
/// The raw value is the engine's name in Graphviz (`dot -K<name>`). For output that must
/// be byte-stable (golden files, documentation), prefer ``dot``, ``neato``, ``circo`` or
/// ``twopi``: ``fdp`` is randomised even across fresh `dot` runs, and ``sfdp`` keeps
/// state between renders inside one process.
public enum LayoutEngine: String, Sendable, CaseIterable, Hashable {
    /// Hierarchical layers for directed graphs; draws clusters.
    case dot
    /// Spring model (stress majorisation) for undirected graphs; draws clusters.
    case neato
    /// Force-directed placement; draws clusters. Not deterministic in Graphviz 2.42.
    case fdp
    /// Multiscale force-directed placement for large graphs; ignores clusters.
    case sfdp
    /// Circular layout; ignores clusters. Slow beyond a few dozen nodes.
    case circo
    /// Radial layout around a root node; ignores clusters.
    case twopi
    /// Packs clusters as nested boxes.
    case osage
    /// Squarified treemap of clusters and nodes.
    case patchwork
}
