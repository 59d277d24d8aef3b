import Foundation

/// Turns foreign identifiers into model slugs, deterministically and without collisions.
///
/// `"Evelyn Jefferson"` → `evelyn-jefferson`, `"E1"` → `e1`, `"0"` → `0`. Letters are
/// lower-cased and stripped of accents; every run of other characters becomes one `-`;
/// leading and trailing dashes go. An empty result becomes `fallback`. A slug already
/// handed out gets `-2`, `-3`, … in the order identifiers are first seen, so the same file
/// always gives the same ids. Identifiers that are already slugs map to themselves unless
/// an earlier identifier took that slug.
struct Slugger {
    private var assigned: [String: String] = [:]
    private var taken: Set<String> = []
    let fallback: String

    init(fallback: String) { self.fallback = fallback }

    /// The slug already given to `original`, if any.
    func existing(_ original: String) -> String? { assigned[original] }

    /// The slug for `original`, assigning a fresh one on first sight.
    mutating func slug(for original: String) -> String {
        if let s = assigned[original] { return s }
        let base = Self.base(original, fallback: fallback)
        var candidate = base
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        taken.insert(candidate)
        assigned[original] = candidate
        return candidate
    }

    /// The collision-free base form of an identifier.
    static func base(_ original: String, fallback: String) -> String {
        if ModelValidator.isSlug(original) { return original }
        let folded = original.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var dash = false
        for scalar in folded.unicodeScalars {
            let lower = scalar.properties.lowercaseMapping
            if lower.unicodeScalars.count == 1, let c = lower.unicodeScalars.first,
                ("a"..."z").contains(c) || ("0"..."9").contains(c)
            {
                if dash && !out.isEmpty { out.append("-") }
                dash = false
                out.unicodeScalars.append(c)
            } else {
                dash = true
            }
            if out.unicodeScalars.count >= 100 { break }
        }
        return out.isEmpty ? fallback : out
    }
}
