import Foundation

/// Imports CSV tables: an edge list, an optional node table, and optionally the `model.csv`
/// that `baligraph export --to csv` writes beside them.
///
/// **Edge table** (see ``EdgeColumns``): one edge per row. Without a node table, nodes are
/// created from the endpoints in order of first appearance (kind `node`, the endpoint text
/// as name). With a node table, an endpoint that names no node is an error.
///
/// **Node table** (see ``NodeColumns``): one node per row. `aliases` and `sources` are lists
/// (`a; b`, or a JSON array); free attribute cells holding a JSON array of strings are
/// lists (``InteropCoding``); a leading `'` that protected a formula-like cell is dropped.
///
/// **Foreign tables** (no `model.csv`): ids that are not slugs become slugs, the original
/// kept as attribute `csv_id`; kinds and relations are declared from the values that
/// appear (``DerivedSchema``; `Type` = `Undirected` makes a relation symmetric); cited
/// source ids are declared with their id as title; rows of a table without a `sources`
/// column cite one declared source, `import` ("Imported from FILE").
///
/// **With `model.csv`** (a folder written by baligraph) the title, schema and sources come
/// from it and ids are taken as they are, so the folder loads back to the same model.
/// `model.csv` has the columns `section,id,field,value`; sections `model` (fields
/// `format`, `title`, `as_of`, `description`), `kind` (`label`, `plural`, `shape`, `color`,
/// `rank`, `article`, `description`), `relation` (`label`, `inverse`, `from`, `to`,
/// `symmetric`, `acyclic`, `description`) and `source` (`title`, `url`, `date`).
///
/// Everything is then checked by the native validator.
enum CSVImporter {
    /// Loads an edge table and an optional node table (either may be nil, not both) and an
    /// optional `model.csv`. `file` names the model in the result.
    static func load(edgesPath: String?, nodesPath: String?, metaPath: String?, file: String)
        -> LoadResult
    {
        var state = CSVImportState(file: file)
        if let metaPath { state.readMeta(path: metaPath) }
        if let nodesPath { state.readNodes(path: nodesPath) }
        if let edgesPath { state.readEdges(path: edgesPath, hasNodeTable: nodesPath != nil) }
        return state.finish()
    }

    /// Loads a single CSV file: an edge table when its header has source and target
    /// columns, else a node table.
    static func loadSingle(path: String) -> LoadResult {
        var failure: Diagnostic?
        guard let reader = CSVReader(path: path, failure: &failure) else {
            return LoadResult(model: nil, diagnostics: failure.map { [$0] } ?? [])
        }
        guard reader.next() else {
            return LoadResult(model: nil, diagnostics: [reader.failure ?? .csvEmpty(path)])
        }
        let header = CSVHeader.read(reader)
        var scratch: [Diagnostic] = []
        let columns = CSVHeader.edgeColumns(
            names: header.names, locations: header.locations, diagnostics: &scratch)
        let lower = Set(header.names.map { $0.lowercased() })
        if !columns.isEdgeTable && lower.contains("id") {
            return load(edgesPath: nil, nodesPath: path, metaPath: nil, file: path)
        }
        return load(edgesPath: path, nodesPath: nil, metaPath: nil, file: path)
    }
}

private struct CSVImportState {
    let file: String
    var doc: RawDocument
    var sink = DiagnosticSink()
    var malformed = false
    var own = false
    var schema = DerivedSchema()
    var slugs = Slugger(fallback: "node")
    /// Original node text → its slug, for nodes declared by the node table.
    var declared: [String: String] = [:]
    var haveNodeTable = false
    var citedSources: [String] = []
    var citedSet: Set<String> = []
    var needImportSource = false

    init(file: String) {
        self.file = file
        doc = RawDocument(location: SourceLocation(file: file, line: 1, column: 1))
    }

    // MARK: model.csv

    mutating func readMeta(path: String) {
        var failure: Diagnostic?
        guard let reader = CSVReader(path: path, failure: &failure) else {
            if let failure { sink.append(failure) }
            malformed = true
            return
        }
        guard reader.next() else {
            sink.append(reader.failure ?? .csvEmpty(path))
            malformed = true
            return
        }
        let header = CSVHeader.read(reader).names.map { $0.lowercased() }
        guard let sCol = header.firstIndex(of: "section"), let iCol = header.firstIndex(of: "id"),
            let fCol = header.firstIndex(of: "field"), let vCol = header.firstIndex(of: "value")
        else {
            sink.append(
                .csvMissingColumn(
                    "section,id,field,value", table: "model table",
                    accepted: ["section", "id", "field", "value"], at: reader.rowLocation))
            malformed = true
            return
        }
        own = true
        var kinds: [RawKind] = []
        var kindIndex: [String: Int] = [:]
        var relations: [RawRelation] = []
        var relationIndex: [String: Int] = [:]
        var sources: [RawSource] = []
        var sourceIndex: [String: Int] = [:]
        while reader.next() {
            guard reader.fields.count == header.count else {
                sink.append(
                    .csvFieldCount(
                        row: reader.rowNumber, count: reader.fields.count, expected: header.count,
                        at: reader.fields.count < header.count
                            ? reader.endLocation : reader.location(header.count)))
                malformed = true
                continue
            }
            let section = reader.trimmed(sCol)
            let id = Located(value: reader.trimmed(iCol), location: reader.location(iCol))
            let field = reader.trimmed(fCol)
            let text = InteropCoding.unguardFormula(reader.string(vCol))
            let value = InteropCoding.decodeScalar(text)
            let located = Located(value: value, location: reader.location(vCol))
            switch section {
            case "model":
                switch field {
                case "format": doc.format = located
                case "title": doc.title = value
                case "as_of": doc.asOf = located
                case "description": doc.description = value
                default:
                    sink.append(
                        .csvUnknownField("model field '\(field)'", at: reader.location(fCol)))
                }
            case "kind":
                if kindIndex[id.value] == nil {
                    kindIndex[id.value] = kinds.count
                    kinds.append(
                        RawKind(
                            id: id, label: nil, plural: nil, shape: nil, color: nil, rank: nil,
                            article: nil, description: nil))
                }
                let k = kindIndex[id.value]!
                switch field {
                case "label": kinds[k].label = value
                case "plural": kinds[k].plural = value
                case "shape": kinds[k].shape = located
                case "color": kinds[k].color = located
                case "rank":
                    if let n = Int(value), (-1000...1000).contains(n) {
                        kinds[k].rank = n
                    } else {
                        sink.append(
                            .invalidValue(
                                value, for: "rank", expected: "a whole number", at: located.location
                            ))
                    }
                case "article": kinds[k].article = value
                case "description": kinds[k].description = value
                default:
                    sink.append(
                        .csvUnknownField("kind field '\(field)'", at: reader.location(fCol)))
                }
            case "relation":
                if relationIndex[id.value] == nil {
                    relationIndex[id.value] = relations.count
                    relations.append(
                        RawRelation(
                            id: id, label: nil, inverse: nil, from: [], to: [], symmetric: false,
                            acyclic: false, description: nil))
                }
                let r = relationIndex[id.value]!
                switch field {
                case "label": relations[r].label = value
                case "inverse": relations[r].inverse = value
                case "from":
                    relations[r].from = InteropCoding.decodeSemicolonList(text).map {
                        Located(value: $0, location: located.location)
                    }
                case "to":
                    relations[r].to = InteropCoding.decodeSemicolonList(text).map {
                        Located(value: $0, location: located.location)
                    }
                case "symmetric", "acyclic":
                    let flag: Bool
                    switch value.lowercased() {
                    case "true", "yes": flag = true
                    case "false", "no", "": flag = false
                    default:
                        sink.append(
                            .invalidValue(
                                value, for: field, expected: "true or false", at: located.location))
                        flag = false
                    }
                    if field == "symmetric" {
                        relations[r].symmetric = flag
                    } else {
                        relations[r].acyclic = flag
                    }
                case "description": relations[r].description = value
                default:
                    sink.append(
                        .csvUnknownField("relation field '\(field)'", at: reader.location(fCol)))
                }
            case "source":
                if sourceIndex[id.value] == nil {
                    sourceIndex[id.value] = sources.count
                    sources.append(
                        RawSource(id: id, title: nil, url: nil, date: nil, location: id.location))
                }
                let s = sourceIndex[id.value]!
                switch field {
                case "title": sources[s].title = value
                case "url": sources[s].url = located
                case "date": sources[s].date = value
                default:
                    sink.append(
                        .csvUnknownField("source field '\(field)'", at: reader.location(fCol)))
                }
            default:
                sink.append(.csvUnknownField("section '\(section)'", at: reader.location(sCol)))
            }
        }
        if let failure = reader.failure {
            sink.append(failure)
            malformed = true
        }
        doc.kinds = kinds
        doc.relations = relations
        doc.sources = sources
        for k in kinds {
            if k.label == nil {
                sink.append(.missingKey("label", in: "kind '\(k.id.value)'", at: k.id.location))
            }
            if k.plural == nil {
                sink.append(.missingKey("plural", in: "kind '\(k.id.value)'", at: k.id.location))
            }
        }
        for r in relations {
            if r.label == nil {
                sink.append(.missingKey("label", in: "relation '\(r.id.value)'", at: r.id.location))
            }
            if r.inverse == nil {
                sink.append(
                    .missingKey("inverse", in: "relation '\(r.id.value)'", at: r.id.location))
            }
        }
        for s in sources where s.title == nil {
            sink.append(.missingKey("title", in: "source '\(s.id?.value ?? "")'", at: s.location))
        }
    }

    // MARK: Rows

    /// Checks the row's field count; false (and a diagnostic) when it does not match.
    mutating func rowFits(_ reader: CSVReader, expected: Int) -> Bool {
        if reader.fields.count == expected { return true }
        sink.append(
            .csvFieldCount(
                row: reader.rowNumber, count: reader.fields.count, expected: expected,
                at: reader.fields.count < expected
                    ? reader.endLocation : reader.location(expected)))
        malformed = true
        return false
    }

    func cell(_ reader: CSVReader, _ i: Int?) -> String? {
        guard let i else { return nil }
        let s = InteropCoding.unguardFormula(reader.string(i))
        return s.isEmpty ? nil : s
    }

    func trimmedCell(_ reader: CSVReader, _ i: Int?) -> Located<String>? {
        guard let i else { return nil }
        let s = InteropCoding.unguardFormula(reader.trimmed(i))
        return s.isEmpty ? nil : Located(value: s, location: reader.location(i))
    }

    mutating func sourceList(_ reader: CSVReader, _ i: Int?) -> [Located<String>] {
        guard let text = cell(reader, i) else { return [] }
        let location = reader.location(i!)
        let list = InteropCoding.decodeSemicolonList(text)
        if !own {
            for id in list where citedSet.insert(id).inserted { citedSources.append(id) }
        }
        return list.map { Located(value: $0, location: location) }
    }

    func attributes(_ reader: CSVReader, _ columns: [(index: Int, key: String)]) -> [RawAttribute] {
        var out: [RawAttribute] = []
        for (index, key) in columns {
            guard let text = cell(reader, index) else { continue }
            out.append(
                RawAttribute(
                    key: key, value: InteropCoding.decodeAttribute(text),
                    location: reader.location(index)))
        }
        return ImportAssembly.sortedAttributes(out)
    }

    // MARK: Node table

    /// Opens a table and reads its header row; nil (the problem recorded) when the file
    /// cannot be read or is empty.
    mutating func openTable(path: String) -> (
        reader: CSVReader, header: (names: [String], locations: [SourceLocation])
    )? {
        var failure: Diagnostic?
        guard let reader = CSVReader(path: path, failure: &failure) else {
            if let failure { sink.append(failure) }
            malformed = true
            return nil
        }
        guard reader.next() else {
            sink.append(reader.failure ?? .csvEmpty(path))
            malformed = true
            return nil
        }
        return (reader, CSVHeader.read(reader))
    }

    mutating func readNodes(path: String) {
        haveNodeTable = true
        guard let (reader, header) = openTable(path: path) else { return }
        var headerProblems: [Diagnostic] = []
        let c = CSVHeader.nodeColumns(
            names: header.names, locations: header.locations, diagnostics: &headerProblems)
        sink.append(contentsOf: headerProblems)
        guard let idColumn = c.id else {
            sink.append(
                .csvMissingColumn(
                    "id", table: "node table", accepted: ["id"], at: reader.rowLocation))
            malformed = true
            return
        }
        if !headerProblems.isEmpty { malformed = true }
        if c.sources == nil { needImportSource = true }
        while reader.next() {
            guard rowFits(reader, expected: c.count) else { continue }
            guard let original = trimmedCell(reader, idColumn) else {
                sink.append(
                    .csvEmptyField("id", row: reader.rowNumber, at: reader.location(idColumn)))
                continue
            }
            var raw = RawNode(location: original.location)
            var attributes = attributes(reader, c.attributes)
            if own {
                raw.id = original
            } else {
                let id = slugs.slug(for: original.value)
                if id != original.value {
                    attributes.append(
                        RawAttribute(
                            key: "csv_id", value: .string(original.value),
                            location: original.location))
                    attributes = ImportAssembly.sortedAttributes(attributes)
                }
                raw.id = Located(value: id, location: original.location)
            }
            declared[original.value] = raw.id!.value
            let kind = trimmedCell(reader, c.kind)
            if own {
                raw.kind = kind
                if kind == nil {
                    sink.append(
                        .csvEmptyField(
                            "kind", row: reader.rowNumber, at: reader.location(c.kind ?? idColumn)))
                }
            } else {
                raw.kind = Located(
                    value: schema.kind(kind?.value, at: kind?.location ?? original.location),
                    location: kind?.location ?? original.location)
            }
            if let name = cell(reader, c.name) {
                raw.name = Located(value: name, location: reader.location(c.name!))
            } else if own {
                sink.append(
                    .csvEmptyField(
                        "name", row: reader.rowNumber, at: reader.location(c.name ?? idColumn)))
            } else {
                raw.name = original
            }
            raw.short = cell(reader, c.short).map {
                Located(value: InteropCoding.decodeScalar($0), location: reader.location(c.short!))
            }
            if let text = cell(reader, c.aliases) {
                let location = reader.location(c.aliases!)
                raw.aliases = InteropCoding.decodeSemicolonList(text).map {
                    Located(value: $0, location: location)
                }
            }
            raw.article = cell(reader, c.article).map(InteropCoding.decodeScalar)
            raw.attributes = attributes
            if c.sources != nil {
                raw.sources = sourceList(reader, c.sources)
            } else if !own {
                raw.sources = [
                    Located(value: ImportAssembly.importSourceID, location: original.location)
                ]
            }
            raw.sourcesGiven = true
            raw.confidence = ImportAssembly.confidence(
                trimmedCell(reader, c.confidence), into: &extra)
            raw.note = cell(reader, c.note).map(InteropCoding.decodeScalar)
            raw.since = trimmedCell(reader, c.since)
            raw.until = trimmedCell(reader, c.until)
            doc.nodes.append(raw)
            flushExtra()
        }
        if let failure = reader.failure {
            sink.append(failure)
            malformed = true
        }
    }

    /// Diagnostics from helpers that take an `inout` array.
    var extra: [Diagnostic] = []

    mutating func flushExtra() {
        if !extra.isEmpty {
            sink.append(contentsOf: extra)
            extra.removeAll()
        }
    }

    // MARK: Edge table

    mutating func readEdges(path: String, hasNodeTable: Bool) {
        guard let (reader, header) = openTable(path: path) else { return }
        var headerProblems: [Diagnostic] = []
        let c = CSVHeader.edgeColumns(
            names: header.names, locations: header.locations, diagnostics: &headerProblems)
        sink.append(contentsOf: headerProblems)
        if !headerProblems.isEmpty { malformed = true }
        guard let sourceColumn = c.source, let targetColumn = c.target else {
            let missing = c.source == nil ? "source" : "target"
            sink.append(
                .csvMissingColumn(
                    missing, table: "edge table",
                    accepted: missing == "source"
                        ? EdgeColumns.sourceNames : EdgeColumns.targetNames,
                    at: reader.rowLocation))
            malformed = true
            return
        }
        if c.sources == nil { needImportSource = true }
        var created: Set<String> = []
        while reader.next() {
            guard rowFits(reader, expected: c.count) else { continue }
            let rowLocation = reader.rowLocation
            var raw = RawEdge(location: rowLocation)
            var ends: [Located<String>] = []
            for column in [sourceColumn, targetColumn] {
                guard let original = trimmedCell(reader, column) else {
                    sink.append(
                        .csvEmptyField(
                            header.names[column], row: reader.rowNumber, at: reader.location(column)
                        ))
                    continue
                }
                if let id = declared[original.value] {
                    ends.append(Located(value: id, location: original.location))
                } else if hasNodeTable || own {
                    // Left as written: the validator reports it, with suggestions.
                    ends.append(original)
                } else {
                    let id = slugs.slug(for: original.value)
                    if created.insert(id).inserted {
                        var node = RawNode(location: original.location)
                        node.id = Located(value: id, location: original.location)
                        node.kind = Located(
                            value: schema.kind(nil, at: original.location),
                            location: original.location)
                        node.name = original
                        if id != original.value {
                            node.attributes = [
                                RawAttribute(
                                    key: "csv_id", value: .string(original.value),
                                    location: original.location)
                            ]
                        }
                        node.sources = [
                            Located(
                                value: ImportAssembly.importSourceID, location: original.location)
                        ]
                        node.sourcesGiven = true
                        needImportSource = true
                        doc.nodes.append(node)
                    }
                    ends.append(Located(value: id, location: original.location))
                }
            }
            guard ends.count == 2 else { continue }
            raw.from = ends[0]
            raw.to = ends[1]

            // Relation: `relation`, else `type` unless it is Gephi's Directed/Undirected,
            // else `label`; the columns not used for it are attributes.
            var relation = trimmedCell(reader, c.relation)
            var directed = true
            var attributes = attributes(reader, c.attributes)
            if let type = trimmedCell(reader, c.type) {
                switch type.value.lowercased() {
                case "directed": directed = true
                case "undirected": directed = false
                default:
                    if relation == nil {
                        relation = type
                    } else {
                        attributes.append(
                            RawAttribute(
                                key: header.names[c.type!], value: .string(type.value),
                                location: type.location))
                    }
                }
            }
            if let label = trimmedCell(reader, c.label) {
                if relation == nil {
                    relation = label
                } else {
                    attributes.append(
                        RawAttribute(
                            key: header.names[c.label!],
                            value: .string(cell(reader, c.label) ?? label.value),
                            location: label.location))
                }
            }
            if own {
                raw.relation = relation
                if relation == nil {
                    sink.append(
                        .csvEmptyField(
                            "relation", row: reader.rowNumber,
                            at: reader.location(c.relation ?? sourceColumn)))
                }
            } else {
                raw.relation = Located(
                    value: schema.relation(
                        relation?.value, directed: directed, at: relation?.location ?? rowLocation),
                    location: relation?.location ?? rowLocation)
            }
            raw.attributes = ImportAssembly.sortedAttributes(attributes)
            if c.sources != nil {
                raw.sources = sourceList(reader, c.sources)
            } else if !own {
                raw.sources = [Located(value: ImportAssembly.importSourceID, location: rowLocation)]
            }
            raw.sourcesGiven = true
            raw.confidence = ImportAssembly.confidence(
                trimmedCell(reader, c.confidence), into: &extra)
            raw.note = cell(reader, c.note).map(InteropCoding.decodeScalar)
            raw.since = trimmedCell(reader, c.since)
            raw.until = trimmedCell(reader, c.until)
            doc.edges.append(raw)
            flushExtra()
        }
        if let failure = reader.failure {
            sink.append(failure)
            malformed = true
        }
    }

    // MARK: Result

    mutating func finish() -> LoadResult {
        let top = SourceLocation(file: file, line: 1, column: 1)
        if !own {
            doc.format = Located(value: Model.formatVersion, location: top)
            doc.title = "Imported from \(ImportAssembly.displayName(file))"
            doc.kinds = schema.rawKinds
            doc.relations = schema.rawRelations
            var sources: [RawSource] = []
            if needImportSource { sources.append(ImportAssembly.importSource(file: file)) }
            for id in citedSources where id != ImportAssembly.importSourceID || !needImportSource {
                sources.append(
                    RawSource(
                        id: Located(value: id, location: top), title: id, url: nil, date: nil,
                        location: top))
            }
            doc.sources = sources
        } else if doc.title == nil {
            sink.append(.missingKey("title", in: "model.csv", at: top))
        }
        return ImportAssembly.finish(doc, file: file, diagnostics: sink.all, malformed: malformed)
    }
}
