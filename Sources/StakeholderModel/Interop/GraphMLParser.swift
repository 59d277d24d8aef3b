import CXMLSAX
import Foundation

/// A `<key>` declaration.
struct GraphMLKey {
    var id: String
    /// `node`, `edge`, `graph`, `all`, …
    var domain: String
    /// `attr.name`, else `yfiles.type`, else the id.
    var name: String
    /// `attr.type` (`string` when absent).
    var type: String
    var yfilesType: String?
    var defaultValue: String?
    var location: SourceLocation

    func applies(to element: String) -> Bool { domain == element || domain == "all" }
}

/// One `<data>` value: its text, or for yEd graphics the label text inside.
struct GraphMLData {
    var key: String
    var value: String
    var location: SourceLocation
}

struct GraphMLNode {
    var id: String
    var location: SourceLocation
    var data: [GraphMLData] = []
    /// The enclosing node, for nodes of nested graphs (yEd groups).
    var parent: String?
}

struct GraphMLEdge {
    var id: String?
    var source: String
    var sourceLocation: SourceLocation
    var target: String
    var targetLocation: SourceLocation
    var directed: Bool?
    var location: SourceLocation
    var data: [GraphMLData] = []
}

/// A GraphML file as elements, before any interpretation.
struct GraphMLDocument {
    var keys: [GraphMLKey] = []
    var graphData: [GraphMLData] = []
    var edgeDefaultDirected = true
    var nodes: [GraphMLNode] = []
    var edges: [GraphMLEdge] = []
}

/// Reads GraphML with libxml2's SAX parser (through CXMLSAX, which loads libxml2 only when
/// GraphML is read), keeping line and column positions.
///
/// Hostile input is refused before the XML parser sees it: a `DOCTYPE` (and with it every
/// entity declaration, the "billion laughs" attack) and non-UTF-8 encodings are errors, and
/// external entities are never resolved. Nested graphs (yEd groups) are flattened, their
/// nodes recording the enclosing node; `<hyperedge>`s and graphs after the first are
/// skipped with a warning; `<port>`s and `<desc>`s are ignored.
enum GraphMLParser {
    static func parse(bytes: [UInt8], file: String) -> (GraphMLDocument?, [Diagnostic]) {
        if let problem = ImportedFile.utf16Problem(bytes, file: file) { return (nil, [problem]) }
        var validator = UTF8Validator()
        for b in bytes where !validator.accept(b) {
            return (nil, [ImportedFile.locateInvalidUTF8(bytes[...], file: file, bomOffset: 0)])
        }
        if !validator.isComplete {
            return (nil, [ImportedFile.locateInvalidUTF8(bytes[...], file: file, bomOffset: 0)])
        }
        let index = TextIndex(bytes: bytes)
        if let problem = prologProblem(bytes, index: index, file: file) { return (nil, [problem]) }
        if let problem = emptyInstruction(bytes, index: index, file: file) {
            return (nil, [problem])
        }

        var loadError = [CChar](repeating: 0, count: 512)
        guard xs_load(&loadError, loadError.count) == 0 else {
            let reason = String(
                decoding: loadError.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return (
                nil,
                [
                    .unreadable(
                        file,
                        reason:
                            "GraphML needs libxml2 (\(reason)); install it with 'apt-get install libxml2'"
                    )
                ]
            )
        }
        let delegate = GraphMLDelegate(file: file, index: index)
        let result = SAXReader.parse(bytes, delegate: delegate)
        if delegate.fatal == nil, result.code != 0 {
            delegate.fatal = .xmlSyntax(
                xmlProblem(Int(result.code)),
                at: SourceLocation(
                    file: file, line: max(Int(result.line), 1), column: max(Int(result.column), 1)))
        }
        if let fatal = delegate.fatal { return (nil, [fatal]) }
        if !delegate.sawRoot {
            return (
                nil,
                [
                    .xmlSyntax(
                        "the document has no root element",
                        at: SourceLocation(file: file, line: 1, column: 1))
                ]
            )
        }
        return (delegate.document, delegate.diagnostics)
    }

    /// Looks at everything before the root element: the XML declaration's encoding, and any
    /// DOCTYPE.
    static func prologProblem(_ bytes: [UInt8], index: TextIndex, file: String) -> Diagnostic? {
        var i = ImportedFile.hasBOM(bytes) ? 3 : 0
        func starts(_ s: String, at j: Int) -> Bool {
            let u = Array(s.utf8)
            return j + u.count <= bytes.count && Array(bytes[j..<(j + u.count)]) == u
        }
        func find(_ s: String, from j: Int) -> Int? {
            let u = Array(s.utf8)
            var k = j
            while k + u.count <= bytes.count {
                if bytes[k] == u[0], Array(bytes[k..<(k + u.count)]) == u { return k }
                k += 1
            }
            return nil
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                i += 1
                continue
            }
            guard b == UInt8(ascii: "<") else { return nil }
            if starts("<?xml", at: i) {
                guard let end = find("?>", from: i) else { return nil }
                let decl = String(decoding: bytes[i..<end], as: UTF8.self)
                if let range = decl.range(of: "encoding") {
                    let rest = decl[range.upperBound...].drop { $0 == " " || $0 == "=" }
                    if let quote = rest.first, quote == "\"" || quote == "'" {
                        let name = rest.dropFirst().prefix { $0 != quote }
                        let lower = name.lowercased()
                        if !["utf-8", "utf8", "us-ascii", "ascii"].contains(lower) {
                            let offset =
                                i
                                + decl.utf8.distance(
                                    from: decl.utf8.startIndex,
                                    to: name.startIndex.samePosition(in: decl.utf8)!)
                            return .xmlDeclaredEncoding(
                                String(name), at: index.location(ofOffset: offset, file: file))
                        }
                    }
                }
                i = end + 2
            } else if starts("<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { return nil }
                i = end + 3
            } else if starts("<?", at: i) {
                guard let end = find("?>", from: i) else { return nil }
                i = end + 2
            } else if starts("<!", at: i) {
                // <!DOCTYPE (or anything else declaration-like) before the root.
                return .xmlDoctype(at: index.location(ofOffset: i, file: file))
            } else {
                return nil
            }
        }
        return nil
    }

    /// The first processing instruction with nothing after its target (`<?x?>`), looked for
    /// everywhere, comments included. Foundation's XMLParser on Linux crashed on one (found
    /// by fuzzing); the libxml2 reader does not, but the located message is kept.
    static func emptyInstruction(_ bytes: [UInt8], index: TextIndex, file: String) -> Diagnostic? {
        var i = 0
        while i + 1 < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "?") else {
                continue
            }
            var j = i + 2
            while j < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "?")].contains(bytes[j]) {
                j += 1
            }
            let target = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
            while j < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 }
            if j + 1 < bytes.count, bytes[j] == UInt8(ascii: "?"), bytes[j + 1] == UInt8(ascii: ">")
            {
                return .xmlEmptyInstruction(target, at: index.location(ofOffset: i, file: file))
            }
        }
        return nil
    }

    /// A readable description of a libxml2 error code (`xmlParserErrors`).
    static func xmlProblem(_ code: Int) -> String {
        switch code {
        case 4: return "the document is empty"
        case 5: return "the document ends too early, or has content after the root element"
        case 9: return "a character that XML does not allow"
        case 6, 7, 8: return "an invalid character reference"
        case 26: return "an undeclared entity (only &amp; &lt; &gt; &quot; &apos; are known)"
        case 23: return "'&' must start an entity such as &amp;"
        case 38: return "'<' inside an attribute value"
        case 39, 40, 41: return "a malformed attribute"
        case 42: return "an attribute appears twice"
        case 45: return "a comment is not closed"
        case 63: return "a CDATA section is not closed"
        case 64: return "an XML declaration that is not at the start"
        case 68: return "a name was expected"
        case 73: return "'>' was expected"
        case 76: return "the closing tag does not match the open element"
        case 77: return "an element is not closed"
        case 80: return "a comment contains '--'"
        case 85: return "the elements are not properly nested"
        case 86: return "extra content after the root element"
        default: return "XML parser error \(code)"
        }
    }
}

/// Line starts of a byte buffer, to turn the parser's line and column into byte offsets
/// and back (columns count Unicode scalars, as libxml2's do).
struct TextIndex {
    let bytes: [UInt8]
    let lineStarts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The byte offset of a 1-based line and column.
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        var i = lineStarts[line - 1]
        var c = 1
        while i < bytes.count, c < column, bytes[i] != 0x0A {
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            c += 1
        }
        return i
    }

    /// The 1-based line and column of a byte offset.
    func location(ofOffset offset: Int, file: String) -> SourceLocation {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = lineStarts[lo]
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: lo + 1, column: column)
    }

    /// The location of the value of attribute `name` in the start tag that ends at
    /// (`line`, `column`), or of the tag's `<` when the attribute is not found.
    func attributeLocation(_ name: String, tagEndLine line: Int, column: Int, file: String)
        -> SourceLocation
    {
        let end = min(offset(line: line, column: column), bytes.count)
        var start = end
        while start > 0 {
            start -= 1
            if bytes[start] == UInt8(ascii: "<") { break }
        }
        if name.isEmpty { return location(ofOffset: start, file: file) }
        let needle = Array(name.utf8)
        var i = start
        while i + needle.count < end {
            let before = i == 0 ? 0x20 : bytes[i - 1]
            if before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D,
                Array(bytes[i..<(i + needle.count)]) == needle
            {
                var j = i + needle.count
                while j < end, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A {
                    j += 1
                }
                if j < end, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < end, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A {
                        j += 1
                    }
                    if j < end, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        return location(ofOffset: j + 1, file: file)
                    }
                }
            }
            i += 1
        }
        return location(ofOffset: start, file: file)
    }
}

/// The SAX callbacks: builds a ``GraphMLDocument`` with an explicit element stack.
private final class GraphMLDelegate {
    let file: String
    let index: TextIndex
    /// Where the parser is (just after the current tag's `>`), as libxml2 reports it.
    var line = 1
    var column = 1
    /// Set to stop the parse after the current callback.
    var stopRequested = false
    var document = GraphMLDocument()
    var diagnostics: [Diagnostic] = []
    var fatal: Diagnostic?
    var sawRoot = false

    /// Element names from the root to the current element.
    var stack: [String] = []
    /// Depth at which content is being skipped (extra graphs, hyperedges), if any.
    var skipDepth: Int?
    var topLevelGraphs = 0
    /// Open nodes (nested graphs put nodes inside nodes) as indices into `document.nodes`.
    var nodeStack: [Int] = []
    var currentEdge: Int?
    var currentKey: Int?
    /// The `<data>` being read: its key, location and depth.
    var data: (key: String, location: SourceLocation, depth: Int)?
    var text = ""
    /// Inside a yEd label element within a graphics `<data>`.
    var labelDepth: Int?
    var labelText: String?
    var inDefault = false

    init(file: String, index: TextIndex) {
        self.file = file
        self.index = index
    }

    var here: SourceLocation {
        SourceLocation(file: file, line: max(line, 1), column: max(column, 1))
    }

    func abort(_ d: Diagnostic) {
        if fatal == nil { fatal = d }
        stopRequested = true
    }

    static func localName(_ qualified: String) -> String {
        if let colon = qualified.lastIndex(of: ":") {
            return String(qualified[qualified.index(after: colon)...])
        }
        return qualified
    }

    func attributeLocation(_ name: String) -> SourceLocation {
        let h = here
        return index.attributeLocation(name, tagEndLine: h.line, column: h.column, file: file)
    }

    func didStartElement(_ elementName: String, attributes: [String: String]) {
        let name = elementName
        let local = Self.localName(name)
        defer { stack.append(name) }
        if skipDepth != nil { return }
        if stack.isEmpty {
            sawRoot = true
            if local != "graphml" {
                abort(.notGraphML(root: name, at: attributeLocation("")))
            }
            return
        }
        if data != nil {
            // Inside <data>: only yEd label elements matter.
            if labelText == nil, local == "NodeLabel" || local == "EdgeLabel" {
                labelDepth = stack.count
                labelText = ""
            }
            return
        }
        let parent = stack.last.map(Self.localName) ?? ""
        switch local {
        case "key" where parent == "graphml":
            guard let id = attributes["id"] else {
                abort(.missingAttribute("id", of: "key", at: attributeLocation("")))
                return
            }
            let yfiles = attributes["yfiles.type"]
            document.keys.append(
                GraphMLKey(
                    id: id, domain: attributes["for"] ?? "all",
                    name: attributes["attr.name"] ?? yfiles ?? id,
                    type: attributes["attr.type"] ?? "string", yfilesType: yfiles,
                    defaultValue: nil, location: attributeLocation("id")))
            currentKey = document.keys.count - 1
        case "default" where parent == "key":
            inDefault = true
            text = ""
        case "graph":
            if parent == "graphml" {
                topLevelGraphs += 1
                if topLevelGraphs > 1 {
                    diagnostics.append(
                        .ignoredElement("a second top-level <graph>", at: attributeLocation("")))
                    skipDepth = stack.count
                    return
                }
                if let d = attributes["edgedefault"] {
                    document.edgeDefaultDirected = d != "undirected"
                }
            }
        case "node":
            guard let id = attributes["id"] else {
                abort(.missingAttribute("id", of: "node", at: attributeLocation("")))
                return
            }
            let parentNode = nodeStack.last.map { document.nodes[$0].id }
            document.nodes.append(
                GraphMLNode(id: id, location: attributeLocation("id"), parent: parentNode))
            nodeStack.append(document.nodes.count - 1)
        case "edge":
            guard let source = attributes["source"] else {
                abort(.missingAttribute("source", of: "edge", at: attributeLocation("")))
                return
            }
            guard let target = attributes["target"] else {
                abort(.missingAttribute("target", of: "edge", at: attributeLocation("")))
                return
            }
            var directed: Bool? = nil
            if let d = attributes["directed"] { directed = d == "true" }
            document.edges.append(
                GraphMLEdge(
                    id: attributes["id"], source: source,
                    sourceLocation: attributeLocation("source"),
                    target: target, targetLocation: attributeLocation("target"), directed: directed,
                    location: attributeLocation("source")))
            currentEdge = document.edges.count - 1
        case "hyperedge":
            diagnostics.append(.ignoredElement("a <hyperedge>", at: attributeLocation("")))
            skipDepth = stack.count
        case "data":
            guard let key = attributes["key"] else {
                abort(.missingAttribute("key", of: "data", at: attributeLocation("")))
                return
            }
            data = (key, here, stack.count)
            text = ""
        default:
            break
        }
    }

    func didEndElement(_ elementName: String) {
        stack.removeLast()
        if let s = skipDepth {
            if stack.count == s { skipDepth = nil }
            return
        }
        let local = Self.localName(elementName)
        if let d = data {
            if let ld = labelDepth, stack.count == ld {
                labelDepth = nil
            }
            guard stack.count == d.depth else { return }
            let value = labelText.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? text
            let item = GraphMLData(key: d.key, value: value, location: d.location)
            let parent = stack.last.map(Self.localName) ?? ""
            switch parent {
            case "node": if let n = nodeStack.last { document.nodes[n].data.append(item) }
            case "edge": if let e = currentEdge { document.edges[e].data.append(item) }
            case "graph" where nodeStack.isEmpty: document.graphData.append(item)
            default: break
            }
            data = nil
            labelText = nil
            labelDepth = nil
            text = ""
            return
        }
        switch local {
        case "default":
            if inDefault, let k = currentKey { document.keys[k].defaultValue = text }
            inDefault = false
            text = ""
        case "key": currentKey = nil
        case "node": nodeStack.removeLast()
        case "edge": currentEdge = nil
        default: break
        }
    }

    func foundCharacters(_ string: String) {
        guard skipDepth == nil else { return }
        if data != nil {
            if labelDepth != nil {
                labelText? += string
            } else {
                text += string
            }
        } else if inDefault {
            text += string
        }
    }
}

/// Drives libxml2's SAX parser (CXMLSAX) for a ``GraphMLDelegate``.
private enum SAXReader {
    static func parse(_ bytes: [UInt8], delegate: GraphMLDelegate) -> xs_result {
        let context = Unmanaged.passUnretained(delegate).toOpaque()
        var handler = xs_handler()
        handler.context = context
        handler.start = { context, name, attributes, line, column in
            let delegate = Unmanaged<GraphMLDelegate>.fromOpaque(context!).takeUnretainedValue()
            delegate.line = Int(line)
            delegate.column = Int(column)
            var dictionary: [String: String] = [:]
            if let attributes {
                var i = 0
                while let name = attributes[i] {
                    let value = attributes[i + 1].map { String(cString: $0) } ?? ""
                    // The first of a repeated attribute wins (libxml2 reports it as an error).
                    let key = String(cString: name)
                    if dictionary[key] == nil { dictionary[key] = value }
                    i += 2
                }
            }
            delegate.didStartElement(String(cString: name!), attributes: dictionary)
            return delegate.stopRequested ? 1 : 0
        }
        handler.end = { context, name, line, column in
            let delegate = Unmanaged<GraphMLDelegate>.fromOpaque(context!).takeUnretainedValue()
            delegate.line = Int(line)
            delegate.column = Int(column)
            delegate.didEndElement(String(cString: name!))
            return delegate.stopRequested ? 1 : 0
        }
        handler.characters = { context, text, length, line, column in
            let delegate = Unmanaged<GraphMLDelegate>.fromOpaque(context!).takeUnretainedValue()
            delegate.line = Int(line)
            delegate.column = Int(column)
            let buffer = UnsafeRawBufferPointer(start: text, count: Int(length))
            delegate.foundCharacters(String(decoding: buffer, as: UTF8.self))
            return delegate.stopRequested ? 1 : 0
        }
        return withExtendedLifetime(delegate) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xs_parse(chars.baseAddress, Int32(chars.count), &handler)
                }
            }
        }
    }
}
