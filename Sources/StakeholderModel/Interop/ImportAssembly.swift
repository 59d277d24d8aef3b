import Foundation

/// The schema of a foreign file, derived from the kind and relation values it uses.
///
/// Kind and relation ids are the slugs of the values ("Member State" → `member-state`);
/// values with the same slug are one kind. The first spelling seen becomes the label.
/// Nodes without a kind get `node` ("Node"); edges without a relation get `linked-to`
/// ("is linked to"). A relation whose every edge is undirected is declared symmetric.
struct DerivedSchema {
    private var kindOrder: [String] = []
    private var kindInfo: [String: (label: String, location: SourceLocation)] = [:]
    private var relationOrder: [String] = []
    private var relationInfo:
        [String: (label: String, location: SourceLocation, undirected: Bool, directedSeen: Bool)] =
            [:]

    /// Values already seen → their ids (slugging each of a million values is slow).
    private var kindCache: [String: String] = [:]
    private var relationCache: [String: String] = [:]

    static let defaultKind = "node"
    static let defaultRelation = "linked-to"

    /// The kind id for a value (nil or blank: the default kind).
    mutating func kind(_ value: String?, at location: SourceLocation) -> String {
        if let value, let id = kindCache[value] { return id }
        let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let id = text.isEmpty ? Self.defaultKind : Slugger.base(text, fallback: Self.defaultKind)
        if let value { kindCache[value] = id }
        if kindInfo[id] == nil {
            kindOrder.append(id)
            kindInfo[id] = (text.isEmpty ? "Node" : InteropCoding.capitalized(text), location)
        }
        return id
    }

    /// The relation id for a value (nil or blank: the default relation).
    mutating func relation(_ value: String?, directed: Bool, at location: SourceLocation)
        -> String
    {
        let id: String
        let text: String
        if let value, let cached = relationCache[value] {
            id = cached
            text = value
        } else {
            text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            id =
                text.isEmpty
                ? Self.defaultRelation : Slugger.base(text, fallback: Self.defaultRelation)
            if let value { relationCache[value] = id }
        }
        if var info = relationInfo[id] {
            if directed { info.directedSeen = true } else { info.undirected = true }
            relationInfo[id] = info
        } else {
            relationOrder.append(id)
            relationInfo[id] = (
                text.isEmpty ? "is linked to" : InteropCoding.humanized(text), location, !directed,
                directed
            )
        }
        return id
    }

    /// The raw kinds, in order of first use.
    var rawKinds: [RawKind] {
        kindOrder.map { id in
            let info = kindInfo[id]!
            let plural = info.label.hasSuffix("s") ? info.label : info.label + "s"
            return RawKind(
                id: Located(value: id, location: info.location), label: info.label,
                plural: plural, shape: nil, color: nil, rank: nil, article: nil, description: nil)
        }
    }

    /// The raw relations, in order of first use.
    var rawRelations: [RawRelation] {
        relationOrder.map { id in
            let info = relationInfo[id]!
            let symmetric = info.undirected && !info.directedSeen
            let inverse: String
            if symmetric {
                inverse = info.label
            } else if id == Self.defaultRelation {
                inverse = "is linked from"
            } else {
                inverse = "has '\(info.label)' from"
            }
            return RawRelation(
                id: Located(value: id, location: info.location), label: info.label,
                inverse: inverse, from: [], to: [], symmetric: symmetric, acyclic: false,
                description: nil)
        }
    }
}

/// The last steps every importer shares.
enum ImportAssembly {
    /// The id of the source a foreign file's nodes and edges cite.
    static let importSourceID = "import"

    /// The one source declared for a foreign file.
    static func importSource(file: String) -> RawSource {
        RawSource(
            id: Located(
                value: importSourceID, location: SourceLocation(file: file, line: 1, column: 1)),
            title: "Imported from \(displayName(file))", url: nil, date: nil,
            location: SourceLocation(file: file, line: 1, column: 1))
    }

    /// The file's last path component (what titles show, so they do not depend on folders).
    static func displayName(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return name.isEmpty ? path : name
    }

    /// Checks the raw document with the native validator, so imports obey exactly the
    /// rules native models do, and returns a model only when there is no error.
    /// `malformed` (rows or elements that could not be read) skips the validator, whose
    /// findings about half-read records would only be noise.
    static func finish(
        _ raw: RawDocument, file: String, diagnostics: [Diagnostic], malformed: Bool
    ) -> LoadResult {
        var all = diagnostics
        if raw.nodes.count > ModelLimits.maxNodes {
            all.append(
                .tooMany(
                    "nodes", count: raw.nodes.count, limit: ModelLimits.maxNodes, at: raw.location))
            return LoadResult(model: nil, diagnostics: all.sortedForOutput)
        }
        if malformed {
            return LoadResult(model: nil, diagnostics: all.sortedForOutput)
        }
        var validator = ModelValidator(document: raw, file: file)
        let model = validator.validate()
        all += validator.diagnostics
        let sorted = all.sortedForOutput
        return LoadResult(model: sorted.hasErrors ? nil : model, diagnostics: sorted)
    }

    /// Parses a confidence value, or reports it.
    static func confidence(_ text: Located<String>?, into diagnostics: inout [Diagnostic])
        -> Confidence
    {
        guard let text, !text.value.isEmpty else { return .stated }
        guard let value = Confidence(rawValue: text.value.lowercased()) else {
            diagnostics.append(
                .invalidValue(
                    text.value, for: "confidence", expected: "'stated' or 'inferred'",
                    at: text.location))
            return .stated
        }
        return value
    }

    /// Attributes sorted by key, the last value of a repeated key winning.
    static func sortedAttributes(_ list: [RawAttribute]) -> [RawAttribute] {
        if list.count < 2 { return list }
        if zip(list, list.dropFirst()).allSatisfy({ $0.key < $1.key }) { return list }
        var byKey: [String: RawAttribute] = [:]
        for a in list { byKey[a.key] = a }
        return byKey.keys.sorted().map { byKey[$0]! }
    }
}

/// The JSON shapes of the schema and sources that GraphML written by baligraph carries
/// in its graph-level `schema` and `sources` data (and the CSV `model.csv` mirrors).
enum MetadataJSON {
    struct KindDTO: Codable {
        var id: String
        var label: String?
        var plural: String?
        var shape: String?
        var color: String?
        var rank: Int?
        var article: String?
        var description: String?
    }

    struct RelationDTO: Codable {
        var id: String
        var label: String?
        var inverse: String?
        var from: [String]?
        var to: [String]?
        var symmetric: Bool?
        var acyclic: Bool?
        var description: String?
    }

    struct SchemaDTO: Codable {
        var kinds: [KindDTO]
        var relations: [RelationDTO]
    }

    struct SourceDTO: Codable {
        var id: String
        var title: String?
        var url: String?
        var date: String?
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and booleans cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func schema(_ schema: Schema) -> String {
        encode(
            SchemaDTO(
                kinds: schema.kinds.map {
                    KindDTO(
                        id: $0.id, label: $0.label, plural: $0.plural, shape: $0.shape,
                        color: $0.color, rank: $0.rank, article: $0.article,
                        description: $0.description)
                },
                relations: schema.relations.map {
                    RelationDTO(
                        id: $0.id, label: $0.label, inverse: $0.inverse, from: $0.from, to: $0.to,
                        symmetric: $0.symmetric, acyclic: $0.acyclic, description: $0.description)
                }))
    }

    static func sources(_ sources: [Source]) -> String {
        encode(sources.map { SourceDTO(id: $0.id, title: $0.title, url: $0.url, date: $0.date) })
    }

    struct Problem: Error {
        var text: String
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) -> Result<T, Problem> {
        do {
            return .success(try JSONDecoder().decode(type, from: Data(text.utf8)))
        } catch let DecodingError.dataCorrupted(context) {
            return .failure(Problem(text: context.debugDescription))
        } catch let DecodingError.keyNotFound(key, _) {
            return .failure(Problem(text: "an entry has no '\(key.stringValue)'"))
        } catch let DecodingError.typeMismatch(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .failure(Problem(text: "'\(path)' has the wrong type"))
        } catch {
            return .failure(Problem(text: "\(error)"))
        }
    }

    static func rawKinds(_ dtos: [KindDTO], at location: SourceLocation) -> [RawKind] {
        dtos.map {
            RawKind(
                id: Located(value: $0.id, location: location), label: $0.label, plural: $0.plural,
                shape: $0.shape.map { Located(value: $0, location: location) },
                color: $0.color.map { Located(value: $0, location: location) }, rank: $0.rank,
                article: $0.article, description: $0.description)
        }
    }

    static func rawRelations(_ dtos: [RelationDTO], at location: SourceLocation) -> [RawRelation] {
        dtos.map {
            RawRelation(
                id: Located(value: $0.id, location: location), label: $0.label,
                inverse: $0.inverse,
                from: ($0.from ?? []).map { Located(value: $0, location: location) },
                to: ($0.to ?? []).map { Located(value: $0, location: location) },
                symmetric: $0.symmetric ?? false, acyclic: $0.acyclic ?? false,
                description: $0.description)
        }
    }

    static func rawSources(_ dtos: [SourceDTO], at location: SourceLocation) -> [RawSource] {
        dtos.map {
            RawSource(
                id: Located(value: $0.id, location: location), title: $0.title,
                url: $0.url.map { Located(value: $0, location: location) }, date: $0.date,
                location: location)
        }
    }
}

extension InteropCoding {
    /// The model's schema as the compact JSON that GraphML written by baligraph carries in
    /// its graph-level `schema` data: `{"kinds":[{"id":…,"label":…,…}],"relations":[…]}`,
    /// in schema order, keys sorted.
    public static func schemaJSON(_ schema: Schema) -> String { MetadataJSON.schema(schema) }

    /// The model's sources as compact JSON: `[{"id":…,"title":…,"url":…,"date":…}]`.
    public static func sourcesJSON(_ sources: [Source]) -> String {
        MetadataJSON.sources(sources)
    }
}
