import Foundation

/// Text helpers shared by name resolution and validation.
public enum TextMatching {
    /// The form used to compare names: case- and accent-folded, punctuation turned into single
    /// spaces, a leading "the " dropped. "The  Viet-Nam" and "viet nam" compare equal.
    public static func normalize(_ text: String) -> String {
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
    public static func suggestions(for query: String, among candidates: [String], limit: Int = 3)
        -> [String]
    {
        let q = normalize(query)
        let threshold = Swift.max(2, q.count / 3)
        var scored: [(Int, String)] = []
        var seen = Set<String>()
        for candidate in candidates where seen.insert(candidate).inserted {
            let c = normalize(candidate)
            var d = editDistance(q, c)
            if !q.isEmpty && c.count > q.count && c.hasPrefix(q) { d = Swift.min(d, 1) }
            if d <= threshold { scored.append((d, candidate)) }
        }
        scored.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return scored.prefix(limit).map(\.1)
    }
}
