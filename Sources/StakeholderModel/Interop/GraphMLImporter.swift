import Foundation

/// Imports GraphML as NetworkX, yEd, Gephi, igraph and baligraph itself write it.
///
/// **Files written by baligraph** (graph-level data `format` = `baligraph/1`) carry the
/// whole model: graph-level `title`, `as_of`, `description`, `schema` and `sources` (the last
/// two as JSON), and for nodes and edges every field under its own name (lists as JSON
/// arrays, free attributes under their key or `attr:KEY`, see ``InteropCoding``). They are
/// read back exactly, and ids must already be slugs.
///
/// **Foreign files** are mapped: a node's `kind` key gives its kind (default `node`); `name`,
/// else `label`, else a yEd `<y:NodeLabel>`, else the original id gives its name; an edge's
/// `relation`, else `type`, else `label`, else a yEd `<y:EdgeLabel>` gives its relation
/// (default `linked-to`). Every other key becomes a free attribute, with its text as
/// written. Ids become slugs (``Slugger``), the original kept as attribute `graphml_id`;
/// nodes of nested graphs get `graphml_parent`. The schema is derived from the values
/// present (``DerivedSchema``); undirected edges make a symmetric relation. A foreign file
/// has no sources, so one is declared — `import`, "Imported from FILE" — and cited by every
/// node and edge, which keeps strict validation meaningful. Graph-level `name` or `title`
/// becomes the title; other graph-level data goes into the description as `key: value`
/// lines. Empty `<data>` counts as absent; `<key>` defaults apply; values are checked
/// against the key's `attr.type`.
///
/// Either way the result passes the same validator as native models.
enum GraphMLImporter {
    static func load(bytes: [UInt8], file: String) -> LoadResult {
        let (parsed, parseDiagnostics) = GraphMLParser.parse(bytes: bytes, file: file)
        guard let document = parsed else {
            return LoadResult(model: nil, diagnostics: parseDiagnostics.sortedForOutput)
        }
        var reader = GraphMLReader(document: document, file: file)
        reader.diagnostics = parseDiagnostics
        let raw = reader.read()
        return ImportAssembly.finish(
            raw, file: file, diagnostics: reader.diagnostics, malformed: reader.malformed)
    }
}

/// A named value of one element after key resolution and defaults.
private struct Value {
    var name: String
    var key: GraphMLKey
    var text: String
    var location: SourceLocation
}

private struct GraphMLReader {
    let document: GraphMLDocument
    let file: String
    var diagnostics: [Diagnostic] = []
    var malformed = false
    var keys: [String: GraphMLKey] = [:]

    init(document: GraphMLDocument, file: String) {
        self.document = document
        self.file = file
        for key in document.keys where keys[key.id] == nil { keys[key.id] = key }
    }

    /// The element's values: key defaults first, then its `<data>` in file order (a later
    /// value for the same key replaces an earlier one). Empty values count as absent.
    mutating func values(_ data: [GraphMLData], element: String, at location: SourceLocation)
        -> [Value]
    {
        var out: [Value] = []
        var position: [String: Int] = [:]
        func put(_ v: Value) {
            if let i = position[v.key.id] {
                out[i] = v
            } else {
                position[v.key.id] = out.count
                out.append(v)
            }
        }
        for key in document.keys where key.applies(to: element) {
            if let d = key.defaultValue, !d.isEmpty {
                put(Value(name: key.name, key: key, text: d, location: key.location))
            }
        }
        for item in data {
            guard let key = keys[item.key] else {
                diagnostics.append(
                    .undeclaredKey(
                        item.key,
                        suggestions: TextMatching.suggestions(
                            for: item.key, among: document.keys.map(\.id)),
                        at: item.location))
                continue
            }
            if key.yfilesType == nil, !typeAccepts(key.type, item.value) {
                diagnostics.append(
                    .typedValue(item.value, name: key.name, type: key.type, at: item.location))
                continue
            }
            put(Value(name: key.name, key: key, text: item.value, location: item.location))
        }
        return out.filter { !$0.text.isEmpty }
    }

    func typeAccepts(_ type: String, _ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { return true }
        switch type.lowercased() {
        case "int", "long": return Int64(t.hasPrefix("+") ? String(t.dropFirst()) : t) != nil
        case "float", "double":
            return Double(t) != nil
                || ["inf", "-inf", "+inf", "nan", "infinity", "-infinity"]
                    .contains(t.lowercased())
        case "boolean": return ["true", "false", "1", "0"].contains(t.lowercased())
        default: return true
        }
    }

    var isOwnFormat: Bool {
        document.graphData.contains { item in
            keys[item.key]?.name == "format" && item.value.hasPrefix("baligraph/")
        }
    }

    mutating func read() -> RawDocument {
        isOwnFormat ? readOwn() : readForeign()
    }

    // MARK: Files written by baligraph

    mutating func readOwn() -> RawDocument {
        let top = SourceLocation(file: file, line: 1, column: 1)
        var doc = RawDocument(location: top)
        var title: Located<String>?
        for v in values(document.graphData, element: "graph", at: top) {
            switch v.name {
            case "format": doc.format = Located(value: v.text, location: v.location)
            case "title": title = Located(value: v.text, location: v.location)
            case "as_of": doc.asOf = Located(value: v.text, location: v.location)
            case "description": doc.description = InteropCoding.decodeScalar(v.text)
            case "schema":
                switch MetadataJSON.decode(MetadataJSON.SchemaDTO.self, from: v.text) {
                case .success(let schema):
                    doc.kinds = MetadataJSON.rawKinds(schema.kinds, at: v.location)
                    doc.relations = MetadataJSON.rawRelations(schema.relations, at: v.location)
                case .failure(let problem):
                    diagnostics.append(
                        .embeddedJSON("'schema'", problem: problem.text, at: v.location))
                }
            case "sources":
                switch MetadataJSON.decode([MetadataJSON.SourceDTO].self, from: v.text) {
                case .success(let sources):
                    doc.sources = MetadataJSON.rawSources(sources, at: v.location)
                case .failure(let problem):
                    diagnostics.append(
                        .embeddedJSON("'sources'", problem: problem.text, at: v.location))
                }
            default:
                diagnostics.append(
                    .unknownKey(
                        v.name, in: "the graph", suggestions: [], at: v.location))
            }
        }
        if let title {
            doc.title = InteropCoding.decodeScalar(title.value)
        } else {
            diagnostics.append(.missingKey("title", in: "the graph", at: top))
        }
        for node in document.nodes {
            var raw = RawNode(location: node.location)
            raw.id = Located(value: node.id, location: node.location)
            var attributes: [RawAttribute] = []
            for v in values(node.data, element: "node", at: node.location) {
                let located = Located(value: v.text, location: v.location)
                switch v.name {
                case "kind": raw.kind = located
                case "name": raw.name = located
                case "label": break  // the name again, for Gephi and yEd
                case "short":
                    raw.short = Located(
                        value: InteropCoding.decodeScalar(v.text), location: v.location)
                case "aliases": raw.aliases = list(v)
                case "article": raw.article = InteropCoding.decodeScalar(v.text)
                case "sources":
                    raw.sources = list(v)
                    raw.sourcesGiven = true
                case "confidence":
                    raw.confidence = ImportAssembly.confidence(located, into: &diagnostics)
                case "note": raw.note = InteropCoding.decodeScalar(v.text)
                case "since": raw.since = located
                case "until": raw.until = located
                default:
                    attributes.append(
                        RawAttribute(
                            key: InteropCoding.attributeKey(v.name),
                            value: InteropCoding.decodeAttribute(v.text), location: v.location))
                }
            }
            if raw.kind == nil {
                diagnostics.append(.missingKey("kind", in: "node '\(node.id)'", at: node.location))
            }
            if raw.name == nil {
                diagnostics.append(.missingKey("name", in: "node '\(node.id)'", at: node.location))
            }
            raw.attributes = ImportAssembly.sortedAttributes(attributes)
            doc.nodes.append(raw)
        }
        for edge in document.edges {
            var raw = RawEdge(location: edge.location)
            raw.from = Located(value: edge.source, location: edge.sourceLocation)
            raw.to = Located(value: edge.target, location: edge.targetLocation)
            var attributes: [RawAttribute] = []
            for v in values(edge.data, element: "edge", at: edge.location) {
                let located = Located(value: v.text, location: v.location)
                switch v.name {
                case "relation": raw.relation = located
                case "label": break  // the relation's label, for Gephi and yEd
                case "sources":
                    raw.sources = list(v)
                    raw.sourcesGiven = true
                case "confidence":
                    raw.confidence = ImportAssembly.confidence(located, into: &diagnostics)
                case "note": raw.note = InteropCoding.decodeScalar(v.text)
                case "since": raw.since = located
                case "until": raw.until = located
                default:
                    attributes.append(
                        RawAttribute(
                            key: InteropCoding.attributeKey(v.name),
                            value: InteropCoding.decodeAttribute(v.text), location: v.location))
                }
            }
            if raw.relation == nil {
                diagnostics.append(
                    .missingKey(
                        "relation", in: "the edge '\(edge.source)' → '\(edge.target)'",
                        at: edge.location))
            }
            raw.attributes = ImportAssembly.sortedAttributes(attributes)
            doc.edges.append(raw)
        }
        return doc
    }

    func list(_ v: Value) -> [Located<String>] {
        InteropCoding.decodeSemicolonList(v.text).map { Located(value: $0, location: v.location) }
    }

    // MARK: Foreign files

    mutating func readForeign() -> RawDocument {
        let top = SourceLocation(file: file, line: 1, column: 1)
        var doc = RawDocument(location: top)
        doc.format = Located(value: Model.formatVersion, location: top)
        var title: String?
        var description: [String] = []
        for v in values(document.graphData, element: "graph", at: top) {
            let lower = v.name.lowercased()
            if title == nil, lower == "name" || lower == "title" {
                title = v.text
            } else if v.key.yfilesType == nil {
                description.append("\(v.name): \(v.text)")
            }
        }
        doc.title = title ?? "Imported from \(ImportAssembly.displayName(file))"
        doc.description = description.isEmpty ? nil : description.joined(separator: "\n")
        let source = ImportAssembly.importSource(file: file)
        doc.sources = [source]

        var schema = DerivedSchema()
        var slugs = Slugger(fallback: "node")
        for node in document.nodes {
            let id = slugs.slug(for: node.id)
            var raw = RawNode(location: node.location)
            raw.id = Located(value: id, location: node.location)
            var kind: Value?
            var name: Value?
            var label: Value?
            var graphicsLabel: Value?
            var rest: [Value] = []
            for v in values(node.data, element: "node", at: node.location) {
                if v.key.yfilesType != nil {
                    if v.key.yfilesType == "nodegraphics", graphicsLabel == nil,
                        !v.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    {
                        graphicsLabel = v
                    }
                    continue
                }
                switch v.name.lowercased() {
                case "kind" where kind == nil: kind = v
                case "name" where name == nil && !isBlank(v.text): name = v
                case "label" where label == nil && !isBlank(v.text): label = v
                default: rest.append(v)
                }
            }
            let nameValue = name ?? label ?? graphicsLabel
            if let label, name != nil { rest.append(label) }
            raw.kind = Located(
                value: schema.kind(kind?.text, at: kind?.location ?? node.location),
                location: kind?.location ?? node.location)
            raw.name = Located(
                value: nameValue?.text ?? node.id, location: nameValue?.location ?? node.location)
            var attributes = rest.map {
                RawAttribute(key: $0.name, value: .string($0.text), location: $0.location)
            }
            if id != node.id {
                attributes.append(
                    RawAttribute(
                        key: "graphml_id", value: .string(node.id), location: node.location))
            }
            if let parent = node.parent {
                attributes.append(
                    RawAttribute(
                        key: "graphml_parent", value: .string(parent), location: node.location))
            }
            raw.attributes = ImportAssembly.sortedAttributes(attributes)
            raw.sources = [Located(value: ImportAssembly.importSourceID, location: node.location)]
            raw.sourcesGiven = true
            doc.nodes.append(raw)
        }
        for edge in document.edges {
            var raw = RawEdge(location: edge.location)
            raw.from = Located(
                value: slugs.existing(edge.source) ?? edge.source, location: edge.sourceLocation)
            raw.to = Located(
                value: slugs.existing(edge.target) ?? edge.target, location: edge.targetLocation)
            var relation: Value?
            var type: Value?
            var label: Value?
            var graphicsLabel: Value?
            var rest: [Value] = []
            for v in values(edge.data, element: "edge", at: edge.location) {
                if v.key.yfilesType != nil {
                    if v.key.yfilesType == "edgegraphics", graphicsLabel == nil,
                        !isBlank(v.text)
                    {
                        graphicsLabel = v
                    }
                    continue
                }
                switch v.name.lowercased() {
                case "relation" where relation == nil && !isBlank(v.text): relation = v
                case "type" where type == nil && !isBlank(v.text): type = v
                case "label" where label == nil && !isBlank(v.text): label = v
                default: rest.append(v)
                }
            }
            let chosen = relation ?? type ?? label ?? graphicsLabel
            for v in [type, label] {
                if let v, v.key.id != chosen?.key.id { rest.append(v) }
            }
            let directed = edge.directed ?? document.edgeDefaultDirected
            raw.relation = Located(
                value: schema.relation(
                    chosen?.text, directed: directed, at: chosen?.location ?? edge.location),
                location: chosen?.location ?? edge.location)
            var attributes = rest.map {
                RawAttribute(key: $0.name, value: .string($0.text), location: $0.location)
            }
            if let id = edge.id {
                attributes.append(
                    RawAttribute(key: "graphml_id", value: .string(id), location: edge.location))
            }
            raw.attributes = ImportAssembly.sortedAttributes(attributes)
            raw.sources = [Located(value: ImportAssembly.importSourceID, location: edge.location)]
            raw.sourcesGiven = true
            doc.edges.append(raw)
        }
        doc.kinds = schema.rawKinds
        doc.relations = schema.rawRelations
        return doc
    }

    func isBlank(_ s: String) -> Bool {
        s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
