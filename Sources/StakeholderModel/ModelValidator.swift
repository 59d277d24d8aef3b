import Foundation

/// Checks a raw document's cross-references and values, and builds the ``Model``.
struct ModelValidator {
    let document: RawDocument
    let file: String
    var diagnostics: [Diagnostic] = []
    /// How many unknown names got "did you mean" suggestions so far.
    var suggestionsGiven = 0
    /// Declared names prepared for suggestions, by list ("kind", "source", …).
    var preparedNames: [String: TextMatching.Candidates] = [:]

    init(document: RawDocument, file: String) {
        self.document = document
        self.file = file
    }

    /// At most this many unknown names per model get "did you mean" suggestions: each is
    /// compared with every declared name, so thousands of broken references in a large
    /// file would otherwise take minutes.
    static let maxSuggestedNames = 100

    /// Suggestions for an unknown name among the declared `names` of one `list`, within
    /// the budget of ``maxSuggestedNames``.
    mutating func suggestions(for query: String, among names: [String], list: String)
        -> [String]
    {
        guard suggestionsGiven < Self.maxSuggestedNames else { return [] }
        suggestionsGiven += 1
        let prepared = preparedNames[list] ?? TextMatching.Candidates(names)
        preparedNames[list] = prepared
        return prepared.suggestions(for: query)
    }

    /// Graphviz shapes a kind may use (a fixed allow-list: no file-reading shapes).
    static let shapes: Set<String> = [
        "box", "rect", "rectangle", "square", "ellipse", "oval", "circle", "doublecircle",
        "diamond", "hexagon", "octagon", "doubleoctagon", "tripleoctagon", "house",
        "invhouse", "parallelogram", "trapezium", "invtrapezium", "triangle", "invtriangle",
        "pentagon", "septagon", "note", "tab", "folder", "box3d", "component", "cylinder",
        "star", "egg", "plain", "plaintext", "underline", "cds", "signature", "promoter",
    ]

    static func isSlug(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 120 else {
            return false
        }
        guard ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
                || $0 == "."
        }
    }

    static func isSourceID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.count <= 120
            && id.unicodeScalars.allSatisfy {
                $0.isASCII
                    && (CharacterSet.alphanumerics.contains($0)
                        || "-_.".unicodeScalars.contains($0))
            }
    }

    /// True for an absolute http(s) URL with a host and no whitespace or control characters.
    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        guard
            !text.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control || $0 == " " || $0 == "\"" || $0 == "<"
                    || $0 == ">" || $0 == "`"
            })
        else { return false }
        guard let url = URL(string: text), let host = url.host, !host.isEmpty else { return false }
        return true
    }

    mutating func date(_ text: Located<String>?) -> PartialDate? {
        guard let text else { return nil }
        guard let date = PartialDate(text.value) else {
            diagnostics.append(.invalidDate(text.value, at: text.location))
            return nil
        }
        return date
    }

    mutating func validity(since: Located<String>?, until: Located<String>?) -> Validity {
        let s = date(since)
        let u = date(until)
        if let s, let u, let since, s.firstDay > u.lastDay {
            diagnostics.append(.dateOrder(since: s, until: u, at: since.location))
        }
        return Validity(since: s, until: u)
    }

    mutating func validate() -> Model? {
        let doc = document
        let top = doc.location
        if let format = doc.format, format.value != Model.formatVersion {
            diagnostics.append(.unsupportedFormat(format.value, at: format.location))
        }
        let asOf = date(doc.asOf)

        // Kinds.
        var kinds: [Kind] = []
        var kindIDs: [String: SourceLocation] = [:]
        for raw in doc.kinds {
            if !Self.isSlug(raw.id.value) {
                diagnostics.append(.invalidID(raw.id.value, what: "kind", at: raw.id.location))
            }
            if let first = kindIDs[raw.id.value] {
                diagnostics.append(
                    .duplicateID(raw.id.value, what: "kind", first: first, at: raw.id.location))
                continue
            }
            kindIDs[raw.id.value] = raw.id.location
            var shape = "box"
            if let s = raw.shape {
                if Self.shapes.contains(s.value) {
                    shape = s.value
                } else {
                    diagnostics.append(
                        .invalidValue(
                            s.value, for: "shape",
                            expected: "a Graphviz shape such as box, ellipse or hexagon",
                            at: s.location))
                }
            }
            if let c = raw.color, !Self.isHexColor(c.value) {
                diagnostics.append(
                    .invalidValue(
                        c.value, for: "color", expected: "a colour as #rrggbb", at: c.location))
            }
            kinds.append(
                Kind(
                    id: raw.id.value, label: raw.label ?? raw.id.value,
                    plural: raw.plural ?? raw.id.value,
                    shape: shape,
                    color: raw.color.flatMap {
                        Self.isHexColor($0.value) ? $0.value.lowercased() : nil
                    },
                    rank: raw.rank ?? 5, article: raw.article ?? "", description: raw.description,
                    location: raw.id.location))
        }
        let kindNames = kinds.map(\.id)

        // Relations.
        var relations: [RelationType] = []
        var relationIDs: [String: SourceLocation] = [:]
        for raw in doc.relations {
            if !Self.isSlug(raw.id.value) {
                diagnostics.append(.invalidID(raw.id.value, what: "relation", at: raw.id.location))
            }
            if let first = relationIDs[raw.id.value] {
                diagnostics.append(
                    .duplicateID(raw.id.value, what: "relation", first: first, at: raw.id.location))
                continue
            }
            relationIDs[raw.id.value] = raw.id.location
            for k in raw.from + raw.to where kindIDs[k.value] == nil {
                diagnostics.append(
                    .unknownKind(
                        k.value,
                        suggestions: suggestions(for: k.value, among: kindNames, list: "kind"),
                        at: k.location))
            }
            relations.append(
                RelationType(
                    id: raw.id.value, label: raw.label ?? raw.id.value,
                    inverse: raw.inverse ?? raw.id.value,
                    from: raw.from.map(\.value), to: raw.to.map(\.value), symmetric: raw.symmetric,
                    acyclic: raw.acyclic, description: raw.description, location: raw.id.location))
        }
        let schema = Schema(kinds: kinds, relations: relations)
        let relationNames = relations.map(\.id)

        // Sources.
        var sources: [Source] = []
        var sourceIDs: [String: SourceLocation] = [:]
        for raw in doc.sources {
            guard let id = raw.id else { continue }
            if !Self.isSourceID(id.value) {
                diagnostics.append(.invalidID(id.value, what: "source", at: id.location))
            }
            if let first = sourceIDs[id.value] {
                diagnostics.append(
                    .duplicateID(id.value, what: "source", first: first, at: id.location))
                continue
            }
            sourceIDs[id.value] = id.location
            if let url = raw.url, !Self.isWebURL(url.value) {
                diagnostics.append(.invalidURL(url.value, at: url.location))
            }
            sources.append(
                Source(
                    id: id.value, title: raw.title ?? id.value,
                    url: raw.url.flatMap { Self.isWebURL($0.value) ? $0.value : nil },
                    date: raw.date,
                    location: id.location))
        }
        let sourceNames = sources.map(\.id)

        func checkSources(
            _ list: [Located<String>], given: Bool, what: String, at location: SourceLocation
        ) {
            if list.isEmpty {
                diagnostics.append(.noSource(what, at: location))
            }
            for s in list where sourceIDs[s.value] == nil {
                diagnostics.append(
                    .unknownSource(
                        s.value,
                        suggestions: suggestions(for: s.value, among: sourceNames, list: "source"),
                        at: s.location))
            }
        }

        // Nodes.
        var nodes: [Node] = []
        var nodeIDs: [String: (location: SourceLocation, kind: String)] = [:]
        for raw in doc.nodes {
            guard let id = raw.id, let kind = raw.kind, let name = raw.name else { continue }
            if !Self.isSlug(id.value) {
                diagnostics.append(.invalidID(id.value, what: "node", at: id.location))
            }
            if let first = nodeIDs[id.value] {
                diagnostics.append(
                    .duplicateID(id.value, what: "node", first: first.location, at: id.location))
                continue
            }
            if kindIDs[kind.value] == nil {
                diagnostics.append(
                    .unknownKind(
                        kind.value,
                        suggestions: suggestions(for: kind.value, among: kindNames, list: "kind"),
                        at: kind.location))
            }
            if name.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                diagnostics.append(
                    .invalidValue("", for: "name", expected: "a non-empty name", at: name.location))
            }
            nodeIDs[id.value] = (id.location, kind.value)
            checkSources(
                raw.sources, given: raw.sourcesGiven, what: "node '\(id.value)'", at: id.location)
            for attribute in raw.attributes where attribute.key == "url" {
                for value in attribute.value.values where !Self.isWebURL(value) {
                    diagnostics.append(.invalidURL(value, at: attribute.location))
                }
            }
            nodes.append(
                Node(
                    id: id.value, kind: kind.value, name: name.value, short: raw.short?.value,
                    aliases: raw.aliases.map(\.value), article: raw.article,
                    attributes: raw.attributes.map { ($0.key, $0.value) },
                    sources: raw.sources.map(\.value), confidence: raw.confidence, note: raw.note,
                    validity: validity(since: raw.since, until: raw.until), location: id.location))
        }
        checkAliases()
        let nodeNames = nodes.map(\.id)

        // Edges.
        var edges: [Edge] = []
        for raw in doc.edges {
            guard let from = raw.from, let relation = raw.relation, let to = raw.to else {
                continue
            }
            var endpointsKnown = true
            for end in [from, to] where nodeIDs[end.value] == nil {
                endpointsKnown = false
                diagnostics.append(
                    .unknownNode(
                        end.value, relation: relation.value,
                        suggestions: suggestions(for: end.value, among: nodeNames, list: "node"),
                        at: end.location))
            }
            let type = schema.relation(relation.value)
            if type == nil {
                diagnostics.append(
                    .unknownRelation(
                        relation.value,
                        suggestions: suggestions(
                            for: relation.value, among: relationNames, list: "relation"),
                        at: relation.location))
            }
            if let type, endpointsKnown, let fk = nodeIDs[from.value]?.kind,
                let tk = nodeIDs[to.value]?.kind
            {
                if !type.from.isEmpty && !type.from.contains(fk) {
                    diagnostics.append(
                        .kindNotAllowed(
                            relation: type.id, kind: fk, node: from.value, side: "from",
                            allowed: type.from, at: from.location))
                }
                if !type.to.isEmpty && !type.to.contains(tk) {
                    diagnostics.append(
                        .kindNotAllowed(
                            relation: type.id, kind: tk, node: to.value, side: "to",
                            allowed: type.to, at: to.location))
                }
            }
            if from.value == to.value {
                diagnostics.append(.selfLoop(from.value, relation: relation.value, at: to.location))
            }
            checkSources(
                raw.sources, given: raw.sourcesGiven,
                what: "edge '\(from.value) \(relation.value) \(to.value)'", at: raw.location)
            for attribute in raw.attributes where attribute.key == "url" {
                for value in attribute.value.values where !Self.isWebURL(value) {
                    diagnostics.append(.invalidURL(value, at: attribute.location))
                }
            }
            edges.append(
                Edge(
                    from: from.value, relation: relation.value, to: to.value,
                    sources: raw.sources.map(\.value), confidence: raw.confidence, note: raw.note,
                    validity: validity(since: raw.since, until: raw.until),
                    attributes: raw.attributes.map { ($0.key, $0.value) }, location: raw.location))
        }
        checkCycles(edges: edges, schema: schema)

        guard let title = doc.title else { return nil }
        _ = top
        return Model(
            title: title, asOf: asOf, description: doc.description, schema: schema,
            sources: sources,
            nodes: nodes, edges: edges, file: file)
    }

    static func isHexColor(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        return s.count == 7 && s[0] == "#"
            && s.dropFirst().allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// Every alias, short name and ISO code must not name another node.
    mutating func checkAliases() {
        struct Claim {
            var node: String
            var text: String
            var location: SourceLocation
            var primary: Bool
        }
        var claims: [String: [Claim]] = [:]
        for raw in document.nodes {
            guard let id = raw.id, let name = raw.name else { continue }
            var mine: [Claim] = [
                Claim(node: id.value, text: id.value, location: id.location, primary: true),
                Claim(node: id.value, text: name.value, location: name.location, primary: true),
            ]
            if let short = raw.short {
                mine.append(
                    Claim(
                        node: id.value, text: short.value, location: short.location, primary: false)
                )
            }
            for alias in raw.aliases {
                mine.append(
                    Claim(
                        node: id.value, text: alias.value, location: alias.location, primary: false)
                )
            }
            for attribute in raw.attributes where attribute.key == "iso2" || attribute.key == "iso3"
            {
                for value in attribute.value.values {
                    mine.append(
                        Claim(
                            node: id.value, text: value, location: attribute.location,
                            primary: false))
                }
            }
            var seen = Set<String>()
            for claim in mine {
                let key = TextMatching.normalize(claim.text)
                guard !key.isEmpty, seen.insert(key).inserted else { continue }
                claims[key, default: []].append(claim)
            }
        }
        for key in claims.keys.sorted() {
            let list = claims[key]!
            let owners = Set(list.map(\.node))
            guard owners.count > 1 else { continue }
            for claim in list where !claim.primary {
                // Report a clash once: against a primary name, or else at the later alias.
                let others = list.filter {
                    $0.node != claim.node && ($0.primary || $0.location < claim.location)
                }
                guard let other = others.first(where: \.primary) ?? others.first else { continue }
                diagnostics.append(
                    .aliasClash(
                        claim.text, node: claim.node, other: other.node,
                        otherLocation: other.location, at: claim.location))
            }
        }
    }

    /// Relations marked `acyclic` must not form a directed cycle.
    mutating func checkCycles(edges: [Edge], schema: Schema) {
        for relation in schema.relations where relation.acyclic {
            let list = edges.filter { $0.relation == relation.id && $0.from != $0.to }
            var adjacency: [String: [Edge]] = [:]
            for e in list { adjacency[e.from, default: []].append(e) }
            var state: [String: Int] = [:]  // 1 = on stack, 2 = done
            var reported = false
            for startNode in list.map(\.from) where state[startNode] == nil && !reported {
                // Iterative DFS keeping the path to report the cycle.
                var stack: [(node: String, next: Int)] = [(startNode, 0)]
                var path: [Edge] = []
                state[startNode] = 1
                while let top = stack.last, !reported {
                    let out = adjacency[top.node] ?? []
                    if top.next < out.count {
                        stack[stack.count - 1].next += 1
                        let e = out[top.next]
                        switch state[e.to] {
                        case nil:
                            state[e.to] = 1
                            stack.append((e.to, 0))
                            path.append(e)
                        case 1:
                            let cycleStart = path.firstIndex { $0.from == e.to } ?? path.count
                            let names = path[cycleStart...].map(\.from) + [e.from, e.to]
                            diagnostics.append(
                                .cycle(relation: relation.id, nodes: names, at: e.location))
                            reported = true
                        default: break
                        }
                    } else {
                        state[top.node] = 2
                        stack.removeLast()
                        if !path.isEmpty { path.removeLast() }
                    }
                }
            }
        }
    }
}
