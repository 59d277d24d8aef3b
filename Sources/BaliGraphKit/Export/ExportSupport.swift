import StakeholderModel

/// Helpers every exporter shares: attribute columns, value types, escaping.
enum ExportSupport {
    /// The attribute keys used by any of the items, sorted.
    static func attributeKeys(_ lists: [[(key: String, value: AttributeValue)]]) -> [String] {
        var keys = Set<String>()
        for list in lists { for a in list { keys.insert(a.key) } }
        return keys.sorted()
    }

    /// The value type every value of an attribute fits: `long` when each is an integer in
    /// canonical form ("42", not "042"), `double` when each is a canonical decimal ("0.5"),
    /// else `string`. Canonical forms read back to the same text, so typing stays lossless.
    static func valueType(
        of key: String, in lists: [[(key: String, value: AttributeValue)]]
    ) -> String {
        var sawValue = false
        var allLong = true
        var allDouble = true
        for list in lists {
            guard let value = list.first(where: { $0.key == key })?.value else { continue }
            guard case .string(let s) = value else { return "string" }
            sawValue = true
            if allLong, Int(s).map(String.init) != s { allLong = false }
            if allDouble {
                if let d = Double(s), d.isFinite, "\(d)" == s, s.contains(".") || s.contains("e") {
                    // canonical decimal
                } else if Int(s).map(String.init) != s {
                    allDouble = false
                }
            }
            if !allLong && !allDouble { return "string" }
        }
        guard sawValue else { return "string" }
        return allLong ? "long" : allDouble ? "double" : "string"
    }

    /// True for characters that reorder or hide text when displayed: bidirectional controls
    /// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and other invisible format
    /// characters (general category Cf), which could make a label read differently from
    /// what it is ("Trojan Source").
    static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format
    }

    /// Text for a display-only format (DOT, Mermaid): control and invisible formatting
    /// characters dropped, line breaks as spaces.
    static func displayText(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var lastWasSpace = false
        for scalar in s.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            if scalar.properties.generalCategory == .control || isInvisibleFormat(scalar) {
                continue
            }
            out.unicodeScalars.append(scalar)
            lastWasSpace = scalar == " "
        }
        return out
    }

    /// A one-line comment text: control characters and invisible formatting dropped.
    static func commentText(_ s: String) -> String { displayText(s) }

    /// The position of each edge among the earlier edges with the same endpoints (NetworkX's
    /// multigraph key), and optionally the same relation.
    static func parallelKeys(_ edges: [Edge], byRelation: Bool) -> [Int] {
        var seen: [String: Int] = [:]
        return edges.map { e in
            let k = byRelation ? "\(e.from)\u{0}\(e.relation)\u{0}\(e.to)" : "\(e.from)\u{0}\(e.to)"
            let n = seen[k, default: 0]
            seen[k] = n + 1
            return n
        }
    }
}

/// XML 1.0 text escaping.
///
/// `&`, `<`, `>`, `"` and `'` become entity references; in attribute values tab, line feed
/// and carriage return become character references so that attribute normalisation keeps
/// them, and in content a carriage return does. Invisible formatting characters (such as
/// the right-to-left override U+202E) become character references, so the file displays
/// as what it holds and still reads back the same. Characters XML 1.0 cannot carry at all —
/// C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF — are replaced by U+FFFD (the
/// only loss in XML exports; a model rarely has them).
enum XMLEscaping {
    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += attribute ? "&quot;" : "\""
            case "'": out += attribute ? "&apos;" : "'"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else if ExportSupport.isInvisibleFormat(scalar) {
                    out += "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Escaped content text.
    static func text(_ s: String) -> String { escape(s, attribute: false) }
    /// Escaped attribute value (without the quotes).
    static func attribute(_ s: String) -> String { escape(s, attribute: true) }
}
