import Foundation

/// The conventions shared by every foreign format baligraph reads and writes, so that an
/// exporter and its importer agree on them by construction.
///
/// - **Reserved names.** A node's and an edge's own fields (`kind`, `name`, `sources`, …)
///   appear under their plain names in GraphML keys, CSV headers, node-link JSON and Cypher
///   properties. A free attribute whose key is one of those names (or starts with `attr:`) is
///   written as `attr:KEY`, and `attr:` is stripped again on import.
/// - **Values in text cells.** A list is written as a compact JSON array (`["a","b"]`). A
///   scalar is written as is, unless it would read back as something else (it starts with
///   `[` or `"` and parses as JSON, or it is empty): then it is written as a JSON string
///   literal. An empty cell means "absent". The encoding is a bijection, so a round trip
///   loses nothing; other tools see lists as JSON text.
/// - **Foreign ids.** Ids that are not slugs ("Evelyn Jefferson", "E1") become slugs
///   deterministically (``Slugger``); the original is kept in an attribute.
public enum InteropCoding {
    /// Field names of a node that formats carry under their plain names.
    public static let reservedNodeNames: Set<String> = [
        "id", "kind", "name", "label", "short", "aliases", "article", "sources", "confidence",
        "note", "since", "until",
    ]

    /// Field names of an edge that formats carry under their plain names.
    public static let reservedEdgeNames: Set<String> = [
        "id", "key", "source", "target", "from", "to", "relation", "type", "label", "sources",
        "confidence", "note", "since", "until",
    ]

    /// The prefix that marks a free attribute whose key collides with a reserved name.
    public static let attributePrefix = "attr:"

    /// The column, key or property name for a free attribute: the key itself, or `attr:KEY`
    /// when the key is reserved for the element's own fields or already carries the prefix.
    public static func attributeName(_ key: String, reserved: Set<String>) -> String {
        if reserved.contains(key.lowercased()) || key.hasPrefix(attributePrefix) {
            return attributePrefix + key
        }
        return key
    }

    /// The attribute key for a column, key or property name written by
    /// ``attributeName(_:reserved:)``: the name without one leading `attr:`.
    public static func attributeKey(_ name: String) -> String {
        name.hasPrefix(attributePrefix) ? String(name.dropFirst(attributePrefix.count)) : name
    }

    // MARK: Values

    /// A list as a compact JSON array of strings.
    public static func encodeList(_ values: [String]) -> String {
        var out = "["
        for (i, value) in values.enumerated() {
            if i > 0 { out += "," }
            out += jsonString(value)
        }
        return out + "]"
    }

    /// A scalar as it is written into a text cell: itself, or a JSON string literal when it
    /// is empty or would otherwise be read back as a list or a literal.
    public static func encodeScalar(_ value: String) -> String {
        if value.isEmpty { return "\"\"" }
        guard let first = value.utf8.first,
            first == UInt8(ascii: "[") || first == UInt8(ascii: "\"")
        else { return value }
        if decodeStringList(value) != nil || decodeStringLiteral(value) != nil {
            return jsonString(value)
        }
        return value
    }

    /// An attribute value as it is written into a text cell.
    public static func encode(_ value: AttributeValue) -> String {
        switch value {
        case .string(let s): return encodeScalar(s)
        case .list(let l): return encodeList(l)
        }
    }

    /// Reads a text cell written by ``encode(_:)``: a JSON array of strings is a list, a JSON
    /// string literal is that string, anything else is the text itself.
    public static func decodeAttribute(_ text: String) -> AttributeValue {
        if let first = text.utf8.first {
            if first == UInt8(ascii: "["), let list = decodeStringList(text) { return .list(list) }
            if first == UInt8(ascii: "\""), let s = decodeStringLiteral(text) { return .string(s) }
        }
        return .string(text)
    }

    /// Reads a scalar text cell written by ``encodeScalar(_:)``.
    public static func decodeScalar(_ text: String) -> String {
        if text.utf8.first == UInt8(ascii: "\""), let s = decodeStringLiteral(text) { return s }
        return text
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, and the
    /// line and paragraph separators U+2028/U+2029 too (valid JSON either way, but they end
    /// a line in JavaScript source, where the explorer page embeds JSON); other characters,
    /// non-ASCII included, written as they are. The one JSON string writer of the project.
    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Parses `["a", "b"]` (a JSON array whose items are all strings); nil otherwise.
    public static func decodeStringList(_ text: String) -> [String]? {
        var p = JSONTextParser(Array(text.utf8))
        p.skipSpace()
        guard p.eat(UInt8(ascii: "[")) else { return nil }
        var items: [String] = []
        p.skipSpace()
        if p.eat(UInt8(ascii: "]")) {
            p.skipSpace()
            return p.atEnd ? items : nil
        }
        while true {
            p.skipSpace()
            guard let item = p.string() else { return nil }
            items.append(item)
            p.skipSpace()
            if p.eat(UInt8(ascii: ",")) { continue }
            guard p.eat(UInt8(ascii: "]")) else { return nil }
            break
        }
        p.skipSpace()
        return p.atEnd ? items : nil
    }

    /// Parses a whole JSON string literal; nil when the text is anything else.
    public static func decodeStringLiteral(_ text: String) -> String? {
        var p = JSONTextParser(Array(text.utf8))
        guard let s = p.string(), p.atEnd else { return nil }
        return s
    }

    // MARK: Lists in CSV cells

    /// A list for a CSV cell that people edit (aliases, sources): `a; b` when that reads back
    /// unchanged, else a JSON array.
    public static func encodeSemicolonList(_ values: [String]) -> String {
        if values.isEmpty { return "" }
        let plain = values.allSatisfy { v in
            !v.isEmpty && !v.contains(";") && v == v.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let joined = values.joined(separator: "; ")
        if plain, let first = joined.utf8.first, first != UInt8(ascii: "["),
            first != UInt8(ascii: "\"")
        {
            return joined
        }
        return encodeList(values)
    }

    /// Reads a list cell: a JSON array of strings, or items separated by `;` (trimmed, empty
    /// items dropped).
    public static func decodeSemicolonList(_ text: String) -> [String] {
        if text.utf8.first == UInt8(ascii: "["), let list = decodeStringList(text) { return list }
        return text.split(separator: ";", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    // MARK: Spreadsheet formulas

    /// Protects a CSV cell from spreadsheets that run cells starting with `=`, `+`, `-` or `@`
    /// as formulas: such a cell (unless it is a plain number) gets one more leading `'`.
    /// Cells that already start with quotes followed by one of those characters get one more
    /// too, so ``unguardFormula(_:)`` restores every cell exactly.
    public static func guardFormula(_ cell: String) -> String {
        let bytes = cell.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex, bytes[index] == UInt8(ascii: "'") {
            index = bytes.index(after: index)
        }
        guard index != bytes.endIndex, formulaStarts.contains(bytes[index]) else { return cell }
        if index == bytes.startIndex, isPlainNumber(cell) { return cell }
        return "'" + cell
    }

    /// Undoes ``guardFormula(_:)``: drops one leading `'` in front of quotes and a formula
    /// character.
    public static func unguardFormula(_ cell: String) -> String {
        let bytes = cell.utf8
        guard bytes.first == UInt8(ascii: "'") else { return cell }
        var index = bytes.startIndex
        while index != bytes.endIndex, bytes[index] == UInt8(ascii: "'") {
            index = bytes.index(after: index)
        }
        guard index != bytes.endIndex, formulaStarts.contains(bytes[index]) else { return cell }
        return String(cell.dropFirst())
    }

    static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
    ]

    /// `[+-]digits[.digits][e[+-]digits]`: a number a spreadsheet shows as a number.
    static func isPlainNumber(_ s: String) -> Bool {
        var b = Array(s.utf8)[...]
        if let f = b.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { b = b.dropFirst() }
        func digits() -> Int {
            var n = 0
            while let c = b.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) {
                b = b.dropFirst()
                n += 1
            }
            return n
        }
        var count = digits()
        if b.first == UInt8(ascii: ".") {
            b = b.dropFirst()
            count += digits()
        }
        guard count > 0 else { return false }
        if let e = b.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            b = b.dropFirst()
            if let f = b.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
                b = b.dropFirst()
            }
            guard digits() > 0 else { return false }
        }
        return b.isEmpty
    }

    // MARK: Display helpers for derived schemas

    /// A label for a kind or relation read from a foreign file: `-` and `_` become spaces.
    static func humanized(_ value: String) -> String {
        let spaced = String(
            value.unicodeScalars.map { $0 == "-" || $0 == "_" ? " " : Character($0) })
        return spaced.trimmingCharacters(in: .whitespaces).isEmpty ? value : spaced
    }

    /// The same with the first letter in upper case (kind labels).
    static func capitalized(_ value: String) -> String {
        let h = humanized(value)
        guard let first = h.first else { return h }
        return first.uppercased() + h.dropFirst()
    }
}

/// A minimal strict JSON reader for string literals and arrays of strings.
struct JSONTextParser {
    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { i == bytes.count }

    mutating func skipSpace() {
        while i < bytes.count,
            bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D
        {
            i += 1
        }
    }

    mutating func eat(_ b: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == b else { return false }
        i += 1
        return true
    }

    mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            i += 1
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// A string literal at the current position.
    mutating func string() -> String? {
        guard eat(UInt8(ascii: "\"")) else { return nil }
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            switch c {
            case UInt8(ascii: "\""):
                return String(validating: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var v = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(v) {
                        guard eat(UInt8(ascii: "\\")), eat(UInt8(ascii: "u")), let low = hex4(),
                            (0xDC00...0xDFFF).contains(low)
                        else { return nil }
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(v) else { return nil }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            default:
                if c < 0x20 { return nil }
                out.append(c)
            }
        }
        return nil
    }
}
