import StakeholderModel

extension ModelExporter {
    /// The model as NetworkX node-link JSON, the shape `networkx.node_link_data` writes and
    /// `networkx.node_link_graph(data)` reads with NetworkX 3.6's default key names.
    ///
    /// `{"directed": true, "multigraph": true, "graph": {…}, "nodes": [{"id": …, …}],
    /// "edges": [{"source": …, "target": …, "key": 0, …}]}`. `graph` holds `format`, `title`,
    /// `as_of`, `description`, and `schema` and `sources` as JSON objects. Nodes hold `kind`,
    /// `name`, `short`, `aliases`, `article`, `sources`, `confidence`, `note`, `since`,
    /// `until` and the free attributes (as `attr:KEY` when the key collides); edges hold
    /// `relation`, `label`, `sources`, `confidence`, `note`, `since`, `until` and attributes.
    /// `key` numbers the parallel edges between the same two nodes from 0, as NetworkX's
    /// multigraphs do. Lists are JSON arrays; attributes whose every value is a canonical
    /// integer or decimal are JSON numbers (as in the GraphML export); absent values are left
    /// out; object keys are sorted.
    public static func nodeLinkJSON(_ model: Model) -> String {
        let nodeAttrs = model.nodes.map(\.attributes)
        let edgeAttrs = model.edges.map(\.attributes)
        var types: [String: String] = [:]
        for key in ExportSupport.attributeKeys(nodeAttrs) {
            types["n\u{0}" + key] = ExportSupport.valueType(of: key, in: nodeAttrs)
        }
        for key in ExportSupport.attributeKeys(edgeAttrs) {
            types["e\u{0}" + key] = ExportSupport.valueType(of: key, in: edgeAttrs)
        }
        func attributes(
            _ list: [(key: String, value: AttributeValue)], reserved: Set<String>, domain: String
        ) -> [String: JSONValue] {
            var out: [String: JSONValue] = [:]
            for (key, value) in list {
                let name = InteropCoding.attributeName(key, reserved: reserved)
                switch value {
                case .string(let s):
                    switch types[domain + "\u{0}" + key] {
                    case "long": out[name] = Int(s).map { .int($0) } ?? .string(s)
                    case "double": out[name] = Double(s).map { .double($0) } ?? .string(s)
                    default: out[name] = .string(s)
                    }
                case .list(let l): out[name] = .array(l.map { .string($0) })
                }
            }
            return out
        }
        func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }

        var graph: [String: JSONValue] = [
            "format": .string(Model.formatVersion), "title": .string(model.title),
            "schema": schemaJSONValue(model.schema),
            "sources": .array(
                model.sources.map { s in
                    var o: [String: JSONValue] = ["id": .string(s.id), "title": .string(s.title)]
                    if let url = s.url { o["url"] = .string(url) }
                    if let date = s.date { o["date"] = .string(date) }
                    return .object(o)
                }),
        ]
        if let asOf = model.asOf { graph["as_of"] = .string(asOf.description) }
        if let d = model.description { graph["description"] = .string(d) }

        let nodes: [JSONValue] = model.nodes.map { node in
            var o = attributes(
                node.attributes, reserved: InteropCoding.reservedNodeNames, domain: "n")
            o["id"] = .string(node.id)
            o["kind"] = .string(node.kind)
            o["name"] = .string(node.name)
            if let short = node.short { o["short"] = .string(short) }
            if !node.aliases.isEmpty { o["aliases"] = strings(node.aliases) }
            if let article = node.article { o["article"] = .string(article) }
            if !node.sources.isEmpty { o["sources"] = strings(node.sources) }
            o["confidence"] = .string(node.confidence.rawValue)
            if let note = node.note { o["note"] = .string(note) }
            if let since = node.validity.since { o["since"] = .string(since.description) }
            if let until = node.validity.until { o["until"] = .string(until.description) }
            return .object(o)
        }
        let keys = ExportSupport.parallelKeys(model.edges, byRelation: false)
        let edges: [JSONValue] = zip(model.edges, keys).map { edge, key in
            var o = attributes(
                edge.attributes, reserved: InteropCoding.reservedEdgeNames, domain: "e")
            o["source"] = .string(edge.from)
            o["target"] = .string(edge.to)
            o["key"] = .int(key)
            o["relation"] = .string(edge.relation)
            if let label = model.schema.relation(edge.relation)?.label {
                o["label"] = .string(label)
            }
            if !edge.sources.isEmpty { o["sources"] = strings(edge.sources) }
            o["confidence"] = .string(edge.confidence.rawValue)
            if let note = edge.note { o["note"] = .string(note) }
            if let since = edge.validity.since { o["since"] = .string(since.description) }
            if let until = edge.validity.until { o["until"] = .string(until.description) }
            return .object(o)
        }
        return JSONValue.object([
            "directed": .bool(true), "multigraph": .bool(true), "graph": .object(graph),
            "nodes": .array(nodes), "edges": .array(edges),
        ]).serialized()
    }

    /// The schema as a JSON value (the same content as ``InteropCoding/schemaJSON(_:)``).
    static func schemaJSONValue(_ schema: Schema) -> JSONValue {
        .object([
            "kinds": .array(
                schema.kinds.map { k in
                    var o: [String: JSONValue] = [
                        "id": .string(k.id), "label": .string(k.label), "plural": .string(k.plural),
                        "shape": .string(k.shape), "rank": .int(k.rank),
                        "article": .string(k.article),
                    ]
                    if let c = k.color { o["color"] = .string(c) }
                    if let d = k.description { o["description"] = .string(d) }
                    return .object(o)
                }),
            "relations": .array(
                schema.relations.map { r in
                    var o: [String: JSONValue] = [
                        "id": .string(r.id), "label": .string(r.label),
                        "inverse": .string(r.inverse),
                        "from": .array(r.from.map { .string($0) }),
                        "to": .array(r.to.map { .string($0) }),
                        "symmetric": .bool(r.symmetric), "acyclic": .bool(r.acyclic),
                    ]
                    if let d = r.description { o["description"] = .string(d) }
                    return .object(o)
                }),
        ])
    }
}
