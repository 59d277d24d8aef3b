import Diagrams
import Foundation
import StakeholderModel

/// `diff OLD NEW` and `diff --from DATE --to DATE`: what changed, in words and in JSON.
public enum DiffCommand {
    /// One side of a comparison.
    public enum Side: Sendable, Equatable {
        /// A model file.
        case file(String)
        /// A model file at a git revision: `REV:PATH`.
        case gitRevision(String)
        /// The invocation's model on a date.
        case date(PartialDate)

        /// Reads an argument: an existing file, else `REV:PATH` for git.
        public static func parse(_ text: String) -> Side {
            if FileManager.default.fileExists(atPath: text) || !text.contains(":") {
                return .file(text)
            }
            return .gitRevision(text)
        }
    }

    /// A side loaded: its label and model.
    struct Loaded {
        var label: String
        var model: Model
    }

    static func load(_ side: Side, _ invocation: Invocation) -> Result<Loaded, BaliError> {
        switch side {
        case .file(let path):
            var inv = invocation
            inv.dataPath = path
            inv.asOf = nil
            return ModelStore.load(inv).map { Loaded(label: path, model: $0.full) }
        case .gitRevision(let spec):
            guard let output = ProcessRunner.run("git", ["show", spec]) else {
                return .failure(
                    BaliError(
                        "cannot run git to read '\(spec)'",
                        notes: ["install git, or give two files"]))
            }
            guard output.status == 0 else {
                return .failure(
                    BaliError(
                        "git cannot read '\(spec)': \(output.stderr.trimmingCharacters(in: .whitespacesAndNewlines))",
                        notes: [
                            "use REV:PATH with a path relative to the repository root, e.g. HEAD~1:Data/bali-process.yaml"
                        ]))
            }
            switch ModelStore.decodeUTF8(output.stdout, file: spec) {
            case .failure(let e): return .failure(e)
            case .success(let text):
                let result = ModelStore.parse(text: text, file: spec)
                guard let model = result.model else {
                    return .failure(
                        BaliError(
                            "the model at '\(spec)' has errors",
                            diagnostics: result.diagnostics.map(\.formatted)))
                }
                return .success(Loaded(label: spec, model: model))
            }
        case .date(let date):
            var inv = invocation
            inv.asOf = date
            return ModelStore.load(inv).map { Loaded(label: "\(date)", model: $0.model) }
        }
    }

    /// Compares two sides. Exit 0 when they do not differ, 1 when they do (like `diff`).
    public static func run(
        _ invocation: Invocation, old: Side, new: Side, quiet: Bool, diagram: String? = nil,
        fullUnion: Bool = false
    ) -> CommandResult {
        let a: Loaded
        let b: Loaded
        switch (load(old, invocation), load(new, invocation)) {
        case (.failure(let e), _), (_, .failure(let e)): return e.result
        case (.success(let x), .success(let y)):
            a = x
            b = y
        }
        let byDate: Bool
        if case .date = old, case .date = new { byDate = true } else { byDate = false }
        let diff = ModelDiff(old: a.model, new: b.model, comparingValidity: !byDate)
        let code = diff.isEmpty ? ExitStatus.success : ExitStatus.failure
        var note = ""
        if let path = diagram {
            let picture = DiffDiagram.diagram(
                old: a.model, new: b.model, diff: diff, oldLabel: a.label, newLabel: b.label,
                fullUnion: fullUnion)
            let format = DiagramFormat.from(path: path) ?? .svg
            switch RenderCommand.draw(picture, format: format) {
            case .failure(let e): return e.result
            case .success(let bytes):
                do {
                    try AtomicFile.write(bytes, to: path)
                } catch {
                    return error.result
                }
                note = "wrote \(path)\n"
            }
        }
        if quiet { return CommandResult(exitCode: code) }
        switch invocation.format {
        case .json:
            return CommandResult(
                stdout: json(diff, old: a, new: b, byDate: byDate).serialized(), exitCode: code)
        case .csv:
            var out = CSV.row(["change", "type", "id", "field", "old", "new"])
            for row in rows(diff) { out += CSV.row(row) }
            return CommandResult(stdout: out, exitCode: code)
        case .text:
            return CommandResult(
                stdout: text(diff, old: a, new: b, byDate: byDate, style: invocation.style),
                stderr: note, exitCode: code)
        }
    }

    static func edgeID(_ e: Edge) -> String { "\(e.from) \(e.relation) \(e.to)" }

    static func rows(_ diff: ModelDiff) -> [[String]] {
        var rows: [[String]] = []
        for n in diff.addedNodes { rows.append(["added", "node", n.id, "", "", n.name]) }
        for n in diff.removedNodes { rows.append(["removed", "node", n.id, "", n.name, ""]) }
        for c in diff.changedNodes {
            for f in c.changes {
                rows.append(["changed", "node", c.new.id, f.field, f.old, f.new])
            }
        }
        for e in diff.addedEdges { rows.append(["added", "edge", edgeID(e), "", "", ""]) }
        for e in diff.removedEdges { rows.append(["removed", "edge", edgeID(e), "", "", ""]) }
        for c in diff.changedEdges {
            for f in c.changes {
                rows.append(["changed", "edge", edgeID(c.new), f.field, f.old, f.new])
            }
        }
        return rows
    }

    static func json(_ diff: ModelDiff, old: Loaded, new: Loaded, byDate: Bool) -> JSONValue {
        func edge(_ e: Edge, _ model: Model) -> JSONValue {
            .object([
                "from": .string(e.from), "relation": .string(e.relation), "to": .string(e.to),
                "sentence": .string(Sentences.sentence(e, in: model)),
                "since": .optional(e.validity.since?.description),
                "until": .optional(e.validity.until?.description),
                "sources": .array(e.sources.map { .string($0) }),
                "confidence": .string(e.confidence.rawValue),
                "note": .optional(e.note),
            ])
        }
        func changes(_ list: [FieldChange]) -> JSONValue {
            .array(
                list.map {
                    .object([
                        "field": .string($0.field), "old": .string($0.old), "new": .string($0.new),
                    ])
                })
        }
        return .object([
            "old": .string(old.label), "new": .string(new.label),
            "mode": .string(byDate ? "dates" : "models"),
            "identical": .bool(diff.isEmpty),
            "nodes": .object([
                "added": .array(
                    diff.addedNodes.map { .object(Describe.nodeJSON($0, in: new.model)) }),
                "removed": .array(
                    diff.removedNodes.map { .object(Describe.nodeJSON($0, in: old.model)) }),
                "changed": .array(
                    diff.changedNodes.map {
                        .object([
                            "id": .string($0.new.id), "name": .string($0.new.name),
                            "changes": changes($0.changes),
                        ])
                    }),
            ]),
            "edges": .object([
                "added": .array(diff.addedEdges.map { edge($0, new.model) }),
                "removed": .array(diff.removedEdges.map { edge($0, old.model) }),
                "changed": .array(
                    diff.changedEdges.map { c in
                        .object(["edge": edge(c.new, new.model), "changes": changes(c.changes)])
                    }),
            ]),
            "summary": .object([
                "nodes_added": .int(diff.addedNodes.count),
                "nodes_removed": .int(diff.removedNodes.count),
                "nodes_changed": .int(diff.changedNodes.count),
                "edges_added": .int(diff.addedEdges.count),
                "edges_removed": .int(diff.removedEdges.count),
                "edges_changed": .int(diff.changedEdges.count),
            ]),
        ])
    }

    /// The changelog, grouped by the node each change is about (an edge belongs to its
    /// target: the body a member joined or a co-chair took up); groups by name.
    static func text(_ diff: ModelDiff, old: Loaded, new: Loaded, byDate: Bool, style: TextStyle)
        -> String
    {
        let heading =
            byDate
            ? "Changes from \(old.label) to \(new.label)"
            : "Changes from \(old.label) to \(new.label)"
        if diff.isEmpty { return "\(heading): no differences.\n" }
        struct Line {
            var mark: String
            var text: String
        }
        var groups: [String: (name: String, lines: [Line])] = [:]
        func add(_ id: String, _ name: String, _ line: Line) {
            groups[id, default: (name, [])].lines.append(line)
        }
        for n in diff.addedNodes {
            let kind = new.model.kind(of: n)?.label ?? n.kind
            add(
                n.id, n.name,
                Line(mark: "+", text: byDate ? "established (\(kind))" : "added (\(kind))"))
        }
        for n in diff.removedNodes {
            let kind = old.model.kind(of: n)?.label ?? n.kind
            add(
                n.id, n.name,
                Line(mark: "-", text: byDate ? "ended (\(kind))" : "removed (\(kind))"))
        }
        for c in diff.changedNodes {
            for f in c.changes {
                add(
                    c.new.id, c.new.name,
                    Line(mark: "~", text: "\(f.field): \(show(f.old)) → \(show(f.new))"))
            }
        }
        let addedIDs = Set(diff.addedNodes.map(\.id))
        let removedIDs = Set(diff.removedNodes.map(\.id))
        func owner(_ e: Edge, _ model: Model) -> (String, String) {
            (e.to, model.node(e.to)?.name ?? e.to)
        }
        for e in diff.addedEdges {
            let (id, name) = owner(e, new.model)
            add(
                id, name,
                Line(
                    mark: "+",
                    text: Sentences.capitalized(
                        Sentences.nowSentence(
                            e, in: new.model,
                            newNode: addedIDs.contains(e.from) || addedIDs.contains(e.to))))
            )
        }
        for e in diff.removedEdges {
            let (id, name) = owner(e, old.model)
            add(
                id, name,
                Line(
                    mark: "-",
                    text: Sentences.capitalized(
                        Sentences.noLongerSentence(
                            e, in: old.model,
                            goneNode: removedIDs.contains(e.from) || removedIDs.contains(e.to)))))
        }
        for c in diff.changedEdges {
            let (id, name) = owner(c.new, new.model)
            for f in c.changes {
                add(
                    id, name,
                    Line(
                        mark: "~",
                        text:
                            "\(Sentences.capitalized(Sentences.sentence(c.new, in: new.model))): \(f.field) \(show(f.old)) → \(show(f.new))"
                    ))
            }
        }
        var parts: [String] = []
        let counts = [
            (diff.addedNodes.count, "node added", "nodes added"),
            (diff.removedNodes.count, "node removed", "nodes removed"),
            (diff.changedNodes.count, "node changed", "nodes changed"),
            (diff.addedEdges.count, "tie added", "ties added"),
            (diff.removedEdges.count, "tie removed", "ties removed"),
            (diff.changedEdges.count, "tie changed", "ties changed"),
        ]
        for (n, one, many) in counts where n > 0 { parts.append("\(n) \(n == 1 ? one : many)") }
        var out = style.bold(heading) + ": " + parts.joined(separator: ", ") + "\n"
        for id in groups.keys.sorted(by: { (groups[$0]!.name, $0) < (groups[$1]!.name, $1) }) {
            let group = groups[id]!
            out += "\n" + style.cyan(group.name) + style.dim("  [\(id)]") + "\n"
            for line in group.lines {
                let mark =
                    line.mark == "+"
                    ? style.wrap("+", "32") : line.mark == "-" ? style.red("-") : style.yellow("~")
                out += "  \(mark) \(line.text)\n"
            }
        }
        return out
    }

    static func show(_ value: String) -> String { value.isEmpty ? "(none)" : "'\(value)'" }
}

/// `timeline [NODE]`: the dated events of the model, in order.
public enum TimelineCommand {
    /// Lists events for the whole model or one node.
    public static func run(_ invocation: Invocation, node query: String?) -> CommandResult {
        let loaded: LoadedModel
        switch ModelStore.load(invocation) {
        case .failure(let e): return e.result
        case .success(let l): loaded = l
        }
        let model = loaded.full
        var focus: String? = nil
        if let query {
            switch ModelStore.resolve(query, in: model) {
            case .failure(let e): return e.result
            case .success(let n): focus = n.id
            }
        }
        var events = TimelineEvent.events(in: model, about: focus)
        if let asOf = loaded.asOf {
            events = events.filter {
                ($0.boundary == .begins ? $0.date.firstDay : $0.date.lastDay) <= asOf.lastDay
            }
        }
        func describe(_ e: TimelineEvent) -> (subject: String, text: String) {
            if let node = e.node {
                let kind = model.kind(of: node)?.label ?? node.kind
                return (
                    node.id,
                    "\(node.name) (\(kind)) " + (e.boundary == .begins ? "established" : "ended")
                )
            }
            let edge = e.edge!
            return (
                edge.from + " " + edge.relation + " " + edge.to,
                Sentences.capitalized(Sentences.sentence(edge, in: model))
            )
        }
        switch invocation.format {
        case .json:
            let rows: [JSONValue] = events.map { e in
                let d = describe(e)
                var object: [String: JSONValue] = [
                    "date": .string(e.date.description), "event": .string(e.boundary.rawValue),
                    "text": .string(d.text),
                ]
                if let n = e.node { object["node"] = .string(n.id) }
                if let edge = e.edge {
                    object["edge"] = .object([
                        "from": .string(edge.from), "relation": .string(edge.relation),
                        "to": .string(edge.to),
                    ])
                    object["sources"] = .array(edge.sources.map { .string($0) })
                } else if let n = e.node {
                    object["sources"] = .array(n.sources.map { .string($0) })
                }
                return .object(object)
            }
            return CommandResult(
                stdout: JSONValue.object(["node": .optional(focus), "events": .array(rows)])
                    .serialized())
        case .csv:
            var out = CSV.row(["date", "event", "subject", "text"])
            for e in events {
                let d = describe(e)
                out += CSV.row([e.date.description, e.boundary.rawValue, d.subject, d.text])
            }
            return CommandResult(stdout: out)
        case .text:
            if events.isEmpty { return CommandResult(stdout: "No dated events.\n") }
            var out = ""
            for e in events {
                let d = describe(e)
                let verb = e.boundary == .begins ? "begins" : "ends  "
                out +=
                    e.date.description.padded(to: 10) + "  " + invocation.style.dim(verb) + "  "
                    + d.text + "\n"
            }
            return CommandResult(stdout: out)
        }
    }
}
