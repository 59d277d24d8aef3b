/// A compact, line-based serialisation of a validated ``Model``, read back without parsing
/// YAML or validating again.
///
/// The built-in model is compiled into the binary in this form (generated from
/// `Data/bali-process.yaml` by `make embed`; a test checks that decoding it gives exactly
/// the model the YAML loader builds), so that commands on the built-in model start in about
/// a millisecond instead of the ~15 ms a YAML parse and validation take.
///
/// One record per line; fields are separated by tabs, list items by `|`, an attribute's key
/// and values by `` ` `` (printable, so the encoding can live in a Swift string literal).
/// Optional fields start with `+` when present and are `-` when absent. Backslash, newline,
/// carriage return and the three separators are escaped inside values.
public enum ModelCodec {
    /// The first line of every encoding; bump it when the layout changes.
    public static let header = "baligraph-codec/1"

    static let field: UInt8 = 0x09
    static let item: UInt8 = UInt8(ascii: "|")
    static let pair: UInt8 = UInt8(ascii: "`")

    // MARK: Encoding

    static func escape(_ text: String) -> String {
        guard
            text.utf8.contains(where: {
                $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") || $0 == field || $0 == item
                    || $0 == pair || $0 == UInt8(ascii: "\r")
            })
        else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "|": out += "\\i"
            case "`": out += "\\p"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func optional(_ text: String?) -> String { text.map { "+" + escape($0) } ?? "-" }
    /// A list: empty for no items, else `+` then the items (so `[""]` differs from `[]`).
    static func list(_ items: [String]) -> String {
        items.isEmpty ? "" : "+" + items.map(escape).joined(separator: "|")
    }
    static func attributes(_ attributes: [(key: String, value: AttributeValue)]) -> String {
        attributes.map { key, value in
            switch value {
            case .string(let s): return escape(key) + "`s" + escape(s)
            case .list(let l): return ([escape(key), "l"] + l.map(escape)).joined(separator: "`")
            }
        }.joined(separator: "|")
    }
    static func location(_ l: SourceLocation) -> [String] { [String(l.line), String(l.column)] }

    /// Encodes a model.
    public static func encode(_ model: Model) -> String {
        var lines = [header]
        func record(_ fields: [String]) { lines.append(fields.joined(separator: "\t")) }
        record([
            "M", escape(model.title), optional(model.asOf?.description),
            optional(model.description),
            escape(model.file),
        ])
        for k in model.schema.kinds {
            record(
                [
                    "K", escape(k.id), escape(k.label), escape(k.plural), escape(k.shape),
                    optional(k.color),
                    String(k.rank), escape(k.article), optional(k.description),
                ] + location(k.location))
        }
        for r in model.schema.relations {
            record(
                [
                    "R", escape(r.id), escape(r.label), escape(r.inverse), list(r.from), list(r.to),
                    r.symmetric ? "1" : "0", r.acyclic ? "1" : "0", optional(r.description),
                ] + location(r.location))
        }
        for s in model.sources {
            record(
                ["S", escape(s.id), escape(s.title), optional(s.url), optional(s.date)]
                    + location(s.location))
        }
        for n in model.nodes {
            record(
                [
                    "N", escape(n.id), escape(n.kind), escape(n.name), optional(n.short),
                    list(n.aliases),
                    optional(n.article), attributes(n.attributes), list(n.sources),
                    n.confidence.rawValue,
                    optional(n.note), optional(n.validity.since?.description),
                    optional(n.validity.until?.description),
                ] + location(n.location))
        }
        for e in model.edges {
            record(
                [
                    "E", escape(e.from), escape(e.relation), escape(e.to), list(e.sources),
                    e.confidence.rawValue,
                    optional(e.note), optional(e.validity.since?.description),
                    optional(e.validity.until?.description), attributes(e.attributes),
                ] + location(e.location))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Decoding

    /// Why an encoding could not be read (only a corrupted or mismatched encoding fails).
    public struct DecodingError: Error, Sendable, Equatable {
        /// The 1-based line of the encoding.
        public var line: Int
        /// What was wrong.
        public var reason: String
    }

    /// The text of `range` in `base`, escapes undone.
    static func unescape(_ base: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var plain = true
        for i in range where base[i] == UInt8(ascii: "\\") {
            plain = false
            break
        }
        if plain {
            return String(decoding: UnsafeBufferPointer(rebasing: base[range]), as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var escaped = false
        for i in range {
            let b = base[i]
            if escaped {
                switch b {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(field)
                case UInt8(ascii: "i"): out.append(item)
                case UInt8(ascii: "p"): out.append(pair)
                default: out.append(b)
                }
                escaped = false
            } else if b == UInt8(ascii: "\\") {
                escaped = true
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The pieces of `range` between `separator` bytes (empty pieces kept), appended to `out`.
    static func split(
        _ base: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, on separator: UInt8,
        into out: inout [Range<Int>]
    ) {
        var start = range.lowerBound
        for i in range where base[i] == separator {
            out.append(start..<i)
            start = i + 1
        }
        out.append(start..<range.upperBound)
    }

    /// The fields of one record, read in order. Ranges index the whole encoding, so no
    /// field is copied until it becomes a `String`.
    struct Fields {
        let base: UnsafeBufferPointer<UInt8>
        var parts: [Range<Int>] = []
        var line = 0
        var index = 1

        /// Starts on the record in `range`, line `line`.
        mutating func reset(_ range: Range<Int>, line: Int) {
            parts.removeAll(keepingCapacity: true)
            ModelCodec.split(base, range, on: ModelCodec.field, into: &parts)
            self.line = line
            index = 1
        }

        /// The record type: the first byte of the first field.
        var type: UInt8? { parts[0].isEmpty ? nil : base[parts[0].lowerBound] }

        mutating func next() throws(DecodingError) -> Range<Int> {
            guard index < parts.count else {
                throw DecodingError(line: line, reason: "too few fields")
            }
            defer { index += 1 }
            return parts[index]
        }
        mutating func string() throws(DecodingError) -> String {
            ModelCodec.unescape(base, try next())
        }
        mutating func optional() throws(DecodingError) -> String? {
            let raw = try next()
            guard let first = raw.first.map({ base[$0] }) else {
                throw DecodingError(line: line, reason: "empty optional")
            }
            if first == UInt8(ascii: "-") && raw.count == 1 { return nil }
            guard first == UInt8(ascii: "+") else {
                throw DecodingError(line: line, reason: "bad optional")
            }
            return ModelCodec.unescape(base, raw.dropFirst())
        }
        /// The items of `range` split on `|`, each unescaped.
        func items(_ range: Range<Int>) -> [String] {
            var out: [String] = []
            var start = range.lowerBound
            for i in range where base[i] == ModelCodec.item {
                out.append(ModelCodec.unescape(base, start..<i))
                start = i + 1
            }
            out.append(ModelCodec.unescape(base, start..<range.upperBound))
            return out
        }
        mutating func list() throws(DecodingError) -> [String] {
            let raw = try next()
            if raw.isEmpty { return [] }
            guard base[raw.lowerBound] == UInt8(ascii: "+") else {
                throw DecodingError(line: line, reason: "bad list")
            }
            return items(raw.dropFirst())
        }
        mutating func int() throws(DecodingError) -> Int {
            let raw = try next()
            var i = raw.lowerBound
            let negative = i < raw.upperBound && base[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            guard i < raw.upperBound, raw.upperBound - i <= 18 else {
                throw DecodingError(line: line, reason: "not a number")
            }
            var value = 0
            while i < raw.upperBound {
                let d = base[i] &- UInt8(ascii: "0")
                guard d <= 9 else { throw DecodingError(line: line, reason: "not a number") }
                value = value * 10 + Int(d)
                i += 1
            }
            return negative ? -value : value
        }
        mutating func date() throws(DecodingError) -> PartialDate? {
            guard let text = try optional() else { return nil }
            guard let d = PartialDate(text) else {
                throw DecodingError(line: line, reason: "bad date")
            }
            return d
        }
        mutating func confidence() throws(DecodingError) -> Confidence {
            guard let c = Confidence(rawValue: try string()) else {
                throw DecodingError(line: line, reason: "bad confidence")
            }
            return c
        }
        mutating func attributes() throws(DecodingError) -> [(key: String, value: AttributeValue)] {
            let raw = try next()
            if raw.isEmpty { return [] }
            var out: [(key: String, value: AttributeValue)] = []
            var entries: [Range<Int>] = []
            ModelCodec.split(base, raw, on: ModelCodec.item, into: &entries)
            var parts: [Range<Int>] = []
            for entry in entries {
                parts.removeAll(keepingCapacity: true)
                ModelCodec.split(base, entry, on: ModelCodec.pair, into: &parts)
                guard parts.count >= 2, let tagAt = parts[1].first else {
                    throw DecodingError(line: line, reason: "bad attribute")
                }
                let tag = base[tagAt]
                let key = ModelCodec.unescape(base, parts[0])
                if tag == UInt8(ascii: "s") {
                    out.append((key, .string(ModelCodec.unescape(base, parts[1].dropFirst()))))
                } else if tag == UInt8(ascii: "l") && parts[1].count == 1 {
                    out.append(
                        (key, .list(parts.dropFirst(2).map { ModelCodec.unescape(base, $0) })))
                } else {
                    throw DecodingError(line: line, reason: "bad attribute value")
                }
            }
            return out
        }
        mutating func location(file: String) throws(DecodingError) -> SourceLocation {
            SourceLocation(file: file, line: try int(), column: try int())
        }
    }

    /// Decodes what ``encode(_:)`` wrote.
    public static func decode(_ text: String) throws(DecodingError) -> Model {
        var text = text
        // A string literal is already contiguous UTF-8: read it in place.
        let result: Result<Model, DecodingError> = text.withUTF8 { buffer in
            do throws(DecodingError) {
                return .success(try decode(buffer))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func decode(_ base: UnsafeBufferPointer<UInt8>) throws(DecodingError) -> Model {
        var end = base.count
        if end > 0 && base[end - 1] == 0x0A { end -= 1 }
        var lines: [Range<Int>] = []
        split(base, 0..<end, on: 0x0A, into: &lines)
        guard
            String(decoding: UnsafeBufferPointer(rebasing: base[lines[0]]), as: UTF8.self)
                == header
        else {
            throw DecodingError(line: 1, reason: "not a \(header) encoding")
        }
        var title = ""
        var asOf: PartialDate? = nil
        var description: String? = nil
        var file = ""
        var kinds: [Kind] = []
        var relations: [RelationType] = []
        var sources: [Source] = []
        var nodes: [Node] = []
        var edges: [Edge] = []
        var f = Fields(base: base)
        for (i, line) in lines.enumerated().dropFirst() {
            f.reset(line, line: i + 1)
            switch f.type {
            case UInt8(ascii: "M"):
                title = try f.string()
                asOf = try f.date()
                description = try f.optional()
                file = try f.string()
            case UInt8(ascii: "K"):
                kinds.append(
                    Kind(
                        id: try f.string(), label: try f.string(), plural: try f.string(),
                        shape: try f.string(),
                        color: try f.optional(), rank: try f.int(), article: try f.string(),
                        description: try f.optional(), location: try f.location(file: file)))
            case UInt8(ascii: "R"):
                relations.append(
                    RelationType(
                        id: try f.string(), label: try f.string(), inverse: try f.string(),
                        from: try f.list(),
                        to: try f.list(), symmetric: try f.string() == "1",
                        acyclic: try f.string() == "1",
                        description: try f.optional(), location: try f.location(file: file)))
            case UInt8(ascii: "S"):
                sources.append(
                    Source(
                        id: try f.string(), title: try f.string(), url: try f.optional(),
                        date: try f.optional(),
                        location: try f.location(file: file)))
            case UInt8(ascii: "N"):
                let id = try f.string()
                let kind = try f.string()
                let name = try f.string()
                let short = try f.optional()
                let aliases = try f.list()
                let article = try f.optional()
                let attributes = try f.attributes()
                let nodeSources = try f.list()
                let confidence = try f.confidence()
                let note = try f.optional()
                let validity = Validity(since: try f.date(), until: try f.date())
                nodes.append(
                    Node(
                        id: id, kind: kind, name: name, short: short, aliases: aliases,
                        article: article,
                        attributes: attributes, sources: nodeSources, confidence: confidence,
                        note: note,
                        validity: validity, location: try f.location(file: file)))
            case UInt8(ascii: "E"):
                let from = try f.string()
                let relation = try f.string()
                let to = try f.string()
                let edgeSources = try f.list()
                let confidence = try f.confidence()
                let note = try f.optional()
                let validity = Validity(since: try f.date(), until: try f.date())
                let attributes = try f.attributes()
                edges.append(
                    Edge(
                        from: from, relation: relation, to: to, sources: edgeSources,
                        confidence: confidence,
                        note: note, validity: validity, attributes: attributes,
                        location: try f.location(file: file)))
            default:
                throw DecodingError(line: i + 1, reason: "unknown record")
            }
        }
        return Model(
            title: title, asOf: asOf, description: description,
            schema: Schema(kinds: kinds, relations: relations), sources: sources, nodes: nodes,
            edges: edges,
            file: file)
    }
}
