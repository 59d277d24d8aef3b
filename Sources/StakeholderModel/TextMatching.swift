import Foundation

/// Text helpers shared by name resolution and validation.
public enum TextMatching {
    /// The form used to compare names: case- and accent-folded, punctuation turned into single
    /// spaces, a leading "the " dropped. "The  Viet-Nam" and "viet nam" compare equal.
    public static func normalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(text) }
        if let latin = normalizeLatin(text) { return latin }
        return normalizeGeneral(text)
    }

    /// ``normalize(_:)`` for text in ASCII and the Latin letters U+00C0–U+017F (names such as
    /// "Türkiye" or "Côte d'Ivoire"), without Foundation, whose first folding costs a quarter
    /// of a millisecond at start-up; nil for any other character. ``latinFolded`` holds what
    /// Foundation's case-, diacritic- and width-insensitive folding gives for each of those
    /// letters (a test checks every one against Foundation).
    static func normalizeLatin(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar, alphanumeric: Bool) {
            if alphanumeric {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let byte = UInt8(v)
                let lower =
                    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
                if byte == UInt8(ascii: "'") { continue }
                emit(
                    Unicode.Scalar(lower),
                    alphanumeric: (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lower))
            } else if (0xC0...0x17F).contains(v) {
                // × and ÷ are the only symbols in the range; everything else folds to letters.
                let isSymbol = v == 0xD7 || v == 0xF7
                for folded in latinFolded[Int(v) - 0xC0].unicodeScalars {
                    emit(folded, alphanumeric: !isSymbol)
                }
            } else {
                return nil
            }
        }
        var result = String(out)
        if result.hasPrefix("the ") { result.removeFirst(4) }
        return result
    }

    /// Foundation's folding of U+00C0…U+017F, in order (generated; checked by a test).
    static let latinFolded: [String] = [
        "a", "a", "a", "a", "a", "a", "\u{E6}", "c",  // U+00C0
        "e", "e", "e", "e", "i", "i", "i", "i",  // U+00C8
        "\u{F0}", "n", "o", "o", "o", "o", "o", "\u{D7}",  // U+00D0
        "\u{F8}", "u", "u", "u", "u", "y", "\u{FE}", "ss",  // U+00D8
        "a", "a", "a", "a", "a", "a", "\u{E6}", "c",  // U+00E0
        "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E8
        "\u{F0}", "n", "o", "o", "o", "o", "o", "\u{F7}",  // U+00F0
        "\u{F8}", "u", "u", "u", "u", "y", "\u{FE}", "y",  // U+00F8
        "a", "a", "a", "a", "a", "a", "c", "c",  // U+0100
        "c", "c", "c", "c", "c", "c", "d", "d",  // U+0108
        "\u{111}", "\u{111}", "e", "e", "e", "e", "e", "e",  // U+0110
        "e", "e", "e", "e", "g", "g", "g", "g",  // U+0118
        "g", "g", "g", "g", "h", "h", "\u{127}", "\u{127}",  // U+0120
        "i", "i", "i", "i", "i", "i", "i", "i",  // U+0128
        "i", "\u{131}", "\u{133}", "\u{133}", "j", "j", "k", "k",  // U+0130
        "\u{138}", "l", "l", "l", "l", "l", "l", "\u{140}",  // U+0138
        "\u{140}", "\u{142}", "\u{142}", "n", "n", "n", "n", "n",  // U+0140
        "n", "\u{2BC}n", "\u{14B}", "\u{14B}", "o", "o", "o", "o",  // U+0148
        "o", "o", "\u{153}", "\u{153}", "r", "r", "r", "r",  // U+0150
        "r", "r", "s", "s", "s", "s", "s", "s",  // U+0158
        "s", "s", "t", "t", "t", "t", "\u{167}", "\u{167}",  // U+0160
        "u", "u", "u", "u", "u", "u", "u", "u",  // U+0168
        "u", "u", "u", "u", "w", "w", "y", "y",  // U+0170
        "y", "z", "z", "z", "z", "z", "z", "s",  // U+0178
    ]

    /// ``normalize(_:)`` for any text, folding through Foundation.
    static func normalizeGeneral(_ text: String) -> String {
        let folded = text.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for ch in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(ch) {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(ch)
            } else if ch == "'" || ch == "\u{2019}" {
                continue  // "People's" == "Peoples"
            } else {
                pendingSpace = true
            }
        }
        if out.hasPrefix("the ") { out.removeFirst(4) }
        return out
    }

    /// ``normalize(_:)`` for ASCII text, byte by byte without Foundation (most names are
    /// ASCII; folding through Foundation cost a tenth of `render --all`).
    static func normalizeASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lower)
            {
                if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(lower)
            } else if byte == UInt8(ascii: "'") {
                continue
            } else {
                pendingSpace = true
            }
        }
        if out.starts(with: Array("the ".utf8)) { out.removeFirst(4) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The Levenshtein edit distance between two strings, compared by Unicode scalars.
    ///
    /// - Complexity: O(*m·n*) time, O(*n*) memory.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidates closest to `query` (at most `limit`), nearest first, ties by name; only
    /// candidates within a distance that grows with the query's length.
    ///
    /// To ask about many queries against the same names, prepare them once as
    /// ``Candidates``.
    public static func suggestions(for query: String, among candidates: [String], limit: Int = 3)
        -> [String]
    {
        Candidates(candidates).suggestions(for: query, limit: limit)
    }

    /// Names normalised once for any number of ``suggestions(for:limit:)`` queries.
    public struct Candidates: Sendable {
        /// Queries longer than this many normalised scalars get no suggestions: the edit
        /// distance costs time proportional to the product of the lengths, and a hostile
        /// file can make both sides megabytes long.
        public static let maxQueryLength = 200

        private var entries:
            [(name: String, normalized: String, characters: Int, scalars: [Unicode.Scalar])] = []

        /// Prepares `names` (duplicates are dropped).
        public init(_ names: [String]) {
            var seen = Set<String>()
            for name in names where seen.insert(name).inserted {
                let normalized = TextMatching.normalize(name)
                entries.append(
                    (name, normalized, normalized.count, Array(normalized.unicodeScalars)))
            }
        }

        /// The names closest to `query` (at most `limit`), nearest first, ties by name; only
        /// names within a distance that grows with the query's length.
        ///
        /// - Complexity: O(*n*·*k*²) for *n* names and a query of *k* scalars; names whose
        ///   length alone puts them out of reach cost O(1).
        public func suggestions(for query: String, limit: Int = 3) -> [String] {
            let q = TextMatching.normalize(query)
            let x = Array(q.unicodeScalars)
            guard x.count <= Self.maxQueryLength else { return [] }
            let characters = q.count
            let threshold = Swift.max(2, characters / 3)
            var scored: [(Int, String)] = []
            for entry in entries {
                var d: Int?
                if !q.isEmpty && entry.characters > characters && entry.normalized.hasPrefix(q) {
                    d = 1
                } else if abs(entry.scalars.count - x.count) <= threshold {
                    d = TextMatching.editDistance(x, entry.scalars, atMost: threshold)
                }
                if let d { scored.append((d, entry.name)) }
            }
            scored.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            return scored.prefix(limit).map(\.1)
        }
    }

    /// The Levenshtein distance between `x` and `y` when it is at most `bound`, else nil;
    /// only the band of the table within `bound` of the diagonal is computed.
    ///
    /// - Complexity: O(*m*·`bound`) time, O(*n*) memory.
    static func editDistance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], atMost bound: Int)
        -> Int?
    {
        guard abs(x.count - y.count) <= bound else { return nil }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        let outside = bound + 1
        var previous = (0...y.count).map { Swift.min($0, outside) }
        var current = [Int](repeating: outside, count: y.count + 1)
        for i in 1...x.count {
            let low = Swift.max(1, i - bound)
            let high = Swift.min(y.count, i + bound)
            current[0] = Swift.min(i, outside)
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = current[0]
            if low <= high {
                for j in low...high {
                    let cost = x[i - 1] == y[j - 1] ? 0 : 1
                    let value = Swift.min(
                        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, outside)
                    current[j] = value
                    rowMinimum = Swift.min(rowMinimum, value)
                }
            }
            if high < y.count { current[high + 1] = outside }
            if rowMinimum > bound { return nil }
            swap(&previous, &current)
        }
        return previous[y.count] <= bound ? previous[y.count] : nil
    }
}
