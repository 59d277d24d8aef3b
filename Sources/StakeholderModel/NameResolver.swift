/// The answer to "which node does this name mean?".
public enum Resolution: Sendable, Equatable {
    /// Exactly one node matched.
    case found(String)
    /// Several nodes match equally well: their ids, sorted.
    case ambiguous([String])
    /// Nothing matched: the nearest names, best first.
    case notFound(suggestions: [String])
}

/// Resolves user-typed node names: an id, name, short name, alias or ISO code, case- and
/// accent-insensitively.
public struct NameResolver: Sendable {
    private var exact: [String: [String]] = [:]
    private var displayNames: [String] = []
    private var displayToID: [String: String] = [:]

    /// The texts a node answers to: id, name, short name, aliases, ISO codes.
    static func keys(of node: Node) -> [String] {
        var keys = [node.id, node.name]
        if let short = node.short { keys.append(short) }
        keys += node.aliases
        for attribute in ["iso2", "iso3"] {
            keys += node.attribute(attribute)?.values ?? []
        }
        return keys
    }

    /// Resolves one query without building an index: what `NameResolver(model:)` followed
    /// by ``resolve(_:)`` answers, cheaper when there is a single query (a command's
    /// start-up). Texts that cannot normalise to the query are not normalised: an ASCII
    /// text never grows when normalised, so one shorter than the normalised query is skipped.
    public static func resolve(_ query: String, in model: Model) -> Resolution {
        let key = TextMatching.normalize(query)
        let length = key.utf8.count
        var ids: [String] = []
        if !key.isEmpty {
            for node in model.nodes {
                let matches = keys(of: node).contains { text in
                    if text.utf8.count < length && text.utf8.allSatisfy({ $0 < 0x80 }) {
                        return false
                    }
                    return TextMatching.normalize(text) == key
                }
                if matches { ids.append(node.id) }
            }
        }
        if !ids.isEmpty {
            let unique = Array(Set(ids)).sorted()
            return unique.count == 1 ? .found(unique[0]) : .ambiguous(unique)
        }
        return NameResolver(model: model).resolve(query)
    }

    /// Indexes every node of the model.
    public init(model: Model) {
        for node in model.nodes {
            let keys = Self.keys(of: node)
            var seen = Set<String>()
            for key in keys {
                let normalized = TextMatching.normalize(key)
                guard !normalized.isEmpty, seen.insert(normalized).inserted else { continue }
                exact[normalized, default: []].append(node.id)
            }
            displayNames.append(node.name)
            displayToID[node.name] = node.id
            if let short = node.short {
                displayNames.append(short)
                displayToID[short] = displayToID[short] ?? node.id
            }
        }
    }

    /// Resolves one query.
    public func resolve(_ query: String) -> Resolution {
        let key = TextMatching.normalize(query)
        if let ids = exact[key] {
            let unique = Array(Set(ids)).sorted()
            return unique.count == 1 ? .found(unique[0]) : .ambiguous(unique)
        }
        // A unique prefix of a name ("disruption" for the Disruption working group) is
        // not guessed: the user gets suggestions instead, so nothing is silently chosen.
        let suggestions = TextMatching.suggestions(for: query, among: displayNames.sorted())
        return .notFound(suggestions: suggestions)
    }
}
