// libyaml, as vendored by Yams: its event parser builds no tree and does not recurse.
internal import CYaml

extension YAMLGuard {
    /// A structural problem found by ``structureProblem(in:file:depthLimit:expansionLimit:)``
    /// before the composer runs.
    public enum StructureProblem: Sendable, Equatable {
        /// Collections nest deeper than the limit; the location is the collection that
        /// goes one level too deep.
        case tooDeep(SourceLocation)
        /// Aliases (`*name`) would expand the document by more than the limit; the location
        /// is the alias that crosses it.
        case aliasExpansion(SourceLocation)
    }

    /// Walks the document's parse events, without building a tree, and finds collections
    /// nested deeper than `depthLimit` and aliases that expand the document by more than
    /// `expansionLimit` values beyond those written in it (a "billion laughs" bomb).
    ///
    /// Yams' composer hashes every mapping key in full to find duplicate keys, so one
    /// alias of a nested anchor used as a key costs time exponential in the file's size:
    /// a 400-byte file kept it busy for minutes. The text-level nesting scan cannot see
    /// brackets after an apostrophe inside a plain scalar (`note: it's`); the event walk
    /// counts the exact depth. Syntax errors are left for the composer to report.
    ///
    /// - Complexity: O(n) in the text's length.
    public static func structureProblem(
        in text: String, file: String, depthLimit: Int, expansionLimit: Int
    ) -> StructureProblem? {
        var text = text
        return text.withUTF8 { bytes -> StructureProblem? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

            /// The values (scalars and collections, aliases expanded) inside each open
            /// collection, itself included, and the anchor it defines.
            var open: [(values: Int, anchor: String?)] = []
            var anchors: [String: Int] = [:]
            var added = 0
            func location(_ mark: yaml_mark_t) -> SourceLocation {
                SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            }
            func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
            }
            func count(_ values: Int) {
                if !open.isEmpty {
                    open[open.count - 1].values = min(
                        open[open.count - 1].values + values, Int.max / 4)
                }
            }

            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // libyaml's own limit (1000 levels) stops the scanner before any event
                    // when the brackets come first; say so as the nesting problem it is.
                    if let problem = parser.problem,
                        String(cString: problem).contains("nesting level")
                    {
                        return .tooDeep(location(parser.problem_mark))
                    }
                    return nil
                }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    if let anchor = anchorName(event.data.scalar.anchor) { anchors[anchor] = 1 }
                    count(1)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let anchor =
                        event.type == YAML_SEQUENCE_START_EVENT
                        ? anchorName(event.data.sequence_start.anchor)
                        : anchorName(event.data.mapping_start.anchor)
                    open.append((1, anchor))
                    if open.count > depthLimit { return .tooDeep(location(event.start_mark)) }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { return nil }
                    if let anchor = closed.anchor { anchors[anchor] = closed.values }
                    count(closed.values)
                case YAML_ALIAS_EVENT:
                    let values = anchorName(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                    count(values)
                    added = min(added + values - 1, Int.max / 4)
                    if added > expansionLimit { return .aliasExpansion(location(event.start_mark)) }
                default:
                    break
                }
            }
        }
    }
}
