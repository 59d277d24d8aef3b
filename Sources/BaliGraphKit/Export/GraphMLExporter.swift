import StakeholderModel

extension ModelExporter {
    /// The model as GraphML that carries all of it.
    ///
    /// Graph-level data: `format`, `title`, `as_of`, `description`, and `schema` and
    /// `sources` as compact JSON (``InteropCoding/schemaJSON(_:)``). Node data: `kind`,
    /// `name`, `label` (the name again, which Gephi and yEd display), `short`, `aliases`,
    /// `article`, `sources`, `confidence`, `note`, `since`, `until`, then one key per free
    /// attribute (named by its key, or `attr:KEY` when that collides). Edge data:
    /// `relation`, `label` (the relation's label), `sources`, `confidence`, `note`, `since`,
    /// `until`, then attributes. Key ids are `g_…`, `n_…`, `e_…` (`n_a0`, `n_a1`, … for
    /// attributes in key order); edge ids are `e0`, `e1`, … in model order.
    ///
    /// Lists are JSON arrays in text and dates keep their precision (`2012-09`), so reading
    /// the file back with baligraph gives the same model: nothing is lost for our own reader
    /// (except characters XML 1.0 cannot carry, see ``XMLEscaping``). Other tools see lists
    /// and the schema as JSON strings; attributes whose every value is a canonical integer
    /// or decimal are typed `long` or `double` so that NetworkX reads numbers (weights).
    public static func graphML(_ model: Model) -> String {
        let nodeAttrs = model.nodes.map(\.attributes)
        let edgeAttrs = model.edges.map(\.attributes)
        let nodeKeys = ExportSupport.attributeKeys(nodeAttrs)
        let edgeKeys = ExportSupport.attributeKeys(edgeAttrs)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<!-- A baligraph/1 model: baligraph reads it back without loss. -->\n"
        out +=
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
            + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        func key(_ id: String, _ domain: String, _ name: String, _ type: String = "string") {
            out +=
                "  <key id=\"\(XMLEscaping.attribute(id))\" for=\"\(domain)\""
                + " attr.name=\"\(XMLEscaping.attribute(name))\" attr.type=\"\(type)\"/>\n"
        }
        for name in ["format", "title", "as_of", "description", "schema", "sources"] {
            key("g_" + name, "graph", name)
        }
        for name in nodeFields { key("n_" + name, "node", name) }
        for (i, k) in nodeKeys.enumerated() {
            key(
                "n_a\(i)", "node",
                InteropCoding.attributeName(k, reserved: InteropCoding.reservedNodeNames),
                ExportSupport.valueType(of: k, in: nodeAttrs))
        }
        for name in edgeFields { key("e_" + name, "edge", name) }
        for (i, k) in edgeKeys.enumerated() {
            key(
                "e_a\(i)", "edge",
                InteropCoding.attributeName(k, reserved: InteropCoding.reservedEdgeNames),
                ExportSupport.valueType(of: k, in: edgeAttrs))
        }
        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        func data(_ key: String, _ value: String?, indent: String) {
            guard let value else { return }
            out += "\(indent)<data key=\"\(key)\">\(XMLEscaping.text(value))</data>\n"
        }
        let g = "    "
        data("g_format", Model.formatVersion, indent: g)
        data("g_title", InteropCoding.encodeScalar(model.title), indent: g)
        data("g_as_of", model.asOf?.description, indent: g)
        data("g_description", model.description.map(InteropCoding.encodeScalar), indent: g)
        data("g_schema", InteropCoding.schemaJSON(model.schema), indent: g)
        data("g_sources", InteropCoding.sourcesJSON(model.sources), indent: g)
        let n = "      "
        for node in model.nodes {
            out += "    <node id=\"\(XMLEscaping.attribute(node.id))\">\n"
            data("n_kind", node.kind, indent: n)
            data("n_name", node.name, indent: n)
            data("n_label", node.name, indent: n)
            data("n_short", node.short.map(InteropCoding.encodeScalar), indent: n)
            data(
                "n_aliases", node.aliases.isEmpty ? nil : InteropCoding.encodeList(node.aliases),
                indent: n)
            data("n_article", node.article.map(InteropCoding.encodeScalar), indent: n)
            data(
                "n_sources", node.sources.isEmpty ? nil : InteropCoding.encodeList(node.sources),
                indent: n)
            data("n_confidence", node.confidence.rawValue, indent: n)
            data("n_note", node.note.map(InteropCoding.encodeScalar), indent: n)
            data("n_since", node.validity.since?.description, indent: n)
            data("n_until", node.validity.until?.description, indent: n)
            for (i, k) in nodeKeys.enumerated() {
                data("n_a\(i)", node.attribute(k).map(InteropCoding.encode), indent: n)
            }
            out += "    </node>\n"
        }
        for (index, edge) in model.edges.enumerated() {
            out +=
                "    <edge id=\"e\(index)\" source=\"\(XMLEscaping.attribute(edge.from))\""
                + " target=\"\(XMLEscaping.attribute(edge.to))\">\n"
            data("e_relation", edge.relation, indent: n)
            data("e_label", model.schema.relation(edge.relation)?.label, indent: n)
            data(
                "e_sources", edge.sources.isEmpty ? nil : InteropCoding.encodeList(edge.sources),
                indent: n)
            data("e_confidence", edge.confidence.rawValue, indent: n)
            data("e_note", edge.note.map(InteropCoding.encodeScalar), indent: n)
            data("e_since", edge.validity.since?.description, indent: n)
            data("e_until", edge.validity.until?.description, indent: n)
            for (i, k) in edgeKeys.enumerated() {
                data(
                    "e_a\(i)",
                    edge.attributes.first { $0.key == k }.map { InteropCoding.encode($0.value) },
                    indent: n)
            }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    static let nodeFields = [
        "kind", "name", "label", "short", "aliases", "article", "sources", "confidence", "note",
        "since", "until",
    ]
    static let edgeFields = [
        "relation", "label", "sources", "confidence", "note", "since", "until",
    ]
}
