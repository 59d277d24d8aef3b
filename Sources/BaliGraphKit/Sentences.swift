import StakeholderModel

/// Edges and paths read as English, from the schema's labels and the nodes' articles.
enum Sentences {
    /// "Australia is a member of the Steering Group".
    static func sentence(_ edge: Edge, in model: Model) -> String {
        let label = model.schema.relation(edge.relation)?.label ?? edge.relation
        return "\(phrase(edge.from, in: model)) \(label) \(phrase(edge.to, in: model))"
    }

    /// The inverse reading: "the Steering Group has member Australia".
    static func inverseSentence(_ edge: Edge, in model: Model) -> String {
        let label = model.schema.relation(edge.relation)?.inverse ?? edge.relation
        return "\(phrase(edge.to, in: model)) \(label) \(phrase(edge.from, in: model))"
    }

    /// "Viet Nam now co-chairs …" / "… is now a member of …". A tie to a node that is new
    /// itself, or a relation in the past tense ("was held in"), is stated plainly.
    static func nowSentence(_ edge: Edge, in model: Model, newNode: Bool = false) -> String {
        let label = model.schema.relation(edge.relation)?.label ?? edge.relation
        if newNode || isPastTense(label) { return sentence(edge, in: model) }
        return
            "\(phrase(edge.from, in: model)) \(adverb("now", label)) \(phrase(edge.to, in: model))"
    }

    /// "Malaysia no longer co-chairs …" / "… is no longer a member of …"; a tie to a node
    /// that is gone, or a past-tense relation, reads "no longer recorded: …".
    static func noLongerSentence(_ edge: Edge, in model: Model, goneNode: Bool = false) -> String {
        let label = model.schema.relation(edge.relation)?.label ?? edge.relation
        if goneNode || isPastTense(label) {
            return "no longer recorded: " + sentence(edge, in: model)
        }
        return
            "\(phrase(edge.from, in: model)) \(adverb("no longer", label)) \(phrase(edge.to, in: model))"
    }

    /// True for labels that describe a past event ("was held in", "were adopted at").
    static func isPastTense(_ label: String) -> Bool {
        label.hasPrefix("was ") || label.hasPrefix("were ")
    }

    /// Puts an adverb after a leading auxiliary ("is now a member of") or before the verb
    /// ("now co-chairs").
    static func adverb(_ word: String, _ label: String) -> String {
        for aux in ["is ", "are ", "was ", "has ", "have "] where label.hasPrefix(aux) {
            return aux + word + " " + label.dropFirst(aux.count)
        }
        return word + " " + label
    }

    /// A node's name with its article, or the id when the node is unknown.
    static func phrase(_ id: String, in model: Model) -> String {
        model.node(id).map { model.phrase(for: $0) } ?? id
    }

    /// Capitalises the first letter ("the Ad Hoc Group" → "The Ad Hoc Group").
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
