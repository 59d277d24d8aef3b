import Foundation
import Testing

@testable import StakeholderModel

@Suite("CSV import")
struct CSVImportTests {
    func tables(_ files: [String: String]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for (name, text) in files { _ = try folder.write(name, text) }
        return folder
    }

    @Test("quoted fields with commas, quotes and line breaks; CRLF; BOM; no final line end")
    func quoting() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let text =
            "\u{FEFF}source,target,relation,note\r\n"
            + "a,b,knows,\"one, two\"\r\n"
            + "\r\n"
            + "b,c,knows,\"she said \"\"hi\"\"\r\nand left\"\r\n"
            + "\"c\",\"a\",\"\",plain"
        let path = try folder.write("edges.csv", text)
        let model = try loadModel(path)
        #expect(model.nodes.map(\.id) == ["a", "b", "c"])
        #expect(model.edges.map(\.note) == ["one, two", "she said \"hi\"\r\nand left", "plain"])
        #expect(model.edges.map(\.relation) == ["knows", "knows", "linked-to"])
        // Rows cite the synthetic source; the table's nodes are created from the endpoints.
        #expect(model.sources.map(\.id) == ["import"])
        #expect(model.nodes.allSatisfy { $0.kind == "node" })
    }

    @Test("Gephi's Source,Target,Type,Label and from,to headers, any case")
    func gephiHeaders() throws {
        let folder = try tables([
            "gephi.csv":
                "Source,Target,Type,Id,Label,Weight\nA,B,Directed,0,friend of,2\nB,C,Undirected,1,,1.5\n",
            "fromto.csv": "FROM,To,TYPE\nx,y,reports to\n",
        ])
        defer { folder.cleanup() }
        let gephi = try loadModel(folder.file("gephi.csv"))
        #expect(gephi.nodes.map(\.id) == ["a", "b", "c"])
        #expect(gephi.nodes.map(\.name) == ["A", "B", "C"])
        #expect(gephi.node("a")?.attribute("csv_id") == .string("A"))
        #expect(gephi.edges.map(\.relation) == ["friend-of", "linked-to"])
        #expect(gephi.schema.relation("friend-of")?.label == "friend of")
        #expect(gephi.schema.relation("friend-of")?.symmetric == false)
        #expect(gephi.schema.relation("linked-to")?.symmetric == true)
        #expect(gephi.edges[0].attributes.map(\.key) == ["Id", "Weight"])
        let fromTo = try loadModel(folder.file("fromto.csv"))
        #expect(fromTo.edges.map(\.relation) == ["reports-to"])
    }

    @Test("the NetworkX karate club as a Gephi edge table (CRLF, undirected)")
    func karateCSV() throws {
        let model = try loadModel(Fixture.path("networkx/karate_edges.csv"))
        #expect(model.nodes.count == 34)
        #expect(model.edges.count == 78)
        #expect(model.schema.relations.map(\.id) == ["linked-to"])
        #expect(model.schema.relations[0].symmetric)
        let total = model.edges.compactMap {
            Int($0.attributes.first { $0.key == "Weight" }?.value.text ?? "")
        }
        .reduce(0, +)
        #expect(total == 231)
    }

    @Test("a node table beside the edges: kinds, names, lists, attributes, ids as slugs")
    func nodeTable() throws {
        let folder = try tables([
            "nodes.csv": """
            id,Kind,Label,aliases,region,tags
            Evelyn Jefferson,Person,Evelyn,EJ; Evie,South,"[""a"",""b""]"
            E1,Event,Event one,,,
            E2,Event,,,,

            """,
            "edges.csv": "source,target\nEvelyn Jefferson,E1\nEvelyn Jefferson,E2\n",
        ])
        defer { folder.cleanup() }
        let model = try loadModel(folder.path)
        #expect(model.nodes.map(\.id) == ["evelyn-jefferson", "e1", "e2"])
        #expect(model.nodes.map(\.name) == ["Evelyn", "Event one", "E2"])
        #expect(model.nodes.map(\.kind) == ["person", "event", "event"])
        #expect(model.schema.kinds.map(\.label) == ["Person", "Event"])
        #expect(model.nodes[0].aliases == ["EJ", "Evie"])
        #expect(model.nodes[0].attribute("tags") == .list(["a", "b"]))
        #expect(model.nodes[0].attribute("csv_id") == .string("Evelyn Jefferson"))
        #expect(model.edges.map(\.to) == ["e1", "e2"])
    }

    @Test("a single node table loads as a graph without edges")
    func nodesOnly() throws {
        let folder = try tables(["people.csv": "id,name\np1,Ann\np2,Bob\n"])
        defer { folder.cleanup() }
        let model = try loadModel(folder.file("people.csv"))
        #expect(model.nodes.map(\.name) == ["Ann", "Bob"])
        #expect(model.edges.isEmpty)
    }

    // MARK: Errors

    func errors(_ files: [String: String], load: String, nodes: String? = nil) throws
        -> [Diagnostic]
    {
        let folder = try tables(files)
        defer { folder.cleanup() }
        return loadErrors(folder.file(load), nodes: nodes.map(folder.file))
    }

    @Test("a row with too few fields: located at its end, row numbered like a spreadsheet")
    func shortRow() throws {
        let e = try errors(["e.csv": "source,target,relation\na,b,r\n\nc,d\n"], load: "e.csv")
        #expect(e.count == 1)
        #expect(e[0].message == "row 4 has 2 fields; the header has 3")
        #expect(e[0].location.line == 4)
        #expect(e[0].location.column == 4)
        #expect(e[0].location.file.hasSuffix("e.csv"))
    }

    @Test("a row with too many fields: located at the first extra field")
    func longRow() throws {
        let e = try errors(["e.csv": "source,target\n\"a,x\",b,\"c\"\n"], load: "e.csv")
        #expect(e.map(\.message) == ["row 2 has 3 fields; the header has 2"])
        #expect(e[0].location.column == 9)
    }

    @Test("an unclosed quote is located at the quote; text after a closing quote too")
    func quotes() throws {
        let unclosed = try errors(["e.csv": "source,target\na,\"b\nc,d\n"], load: "e.csv")
        #expect(unclosed.count == 1)
        #expect(unclosed[0].message.contains("never closed"))
        #expect(unclosed[0].location.line == 2 && unclosed[0].location.column == 3)
        let after = try errors(["e.csv": "source,target\n\"a\"x,b\n"], load: "e.csv")
        #expect(after[0].message.contains("after the closing quote"))
        #expect(after[0].location.line == 2 && after[0].location.column == 4)
    }

    @Test("Latin-1 bytes, NUL bytes and UTF-16 are encoding errors with a position")
    func encodings() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let latin1 = try folder.write(
            "l.csv", bytes: Array("source,target\nCaf".utf8) + [0xE9] + Array(",b\n".utf8))
        let e = loadErrors(latin1)
        #expect(e.count == 1)
        #expect(e[0].code == .encoding)
        #expect(e[0].message == "the file is not valid UTF-8 (byte 17 is 0xE9)")
        #expect(e[0].location.line == 2 && e[0].location.column == 4)
        let nul = try folder.write("n.csv", bytes: Array("source,target\na,b".utf8) + [0] + [0x0A])
        #expect(loadErrors(nul).first?.message.contains("NUL") == true)
        let utf16 = try folder.write("u.csv", bytes: [0xFF, 0xFE, 0x73, 0x00])
        #expect(loadErrors(utf16).first?.message.contains("UTF-16") == true)
        let truncated = try folder.write(
            "t.csv", bytes: Array("source,target\na,b".utf8) + [0xE2, 0x82])
        #expect(
            loadErrors(truncated).first?.message.contains("ends inside a multi-byte character")
                == true)
    }

    @Test("an edge to a node missing from the node table: at its field, with a suggestion")
    func missingNode() throws {
        let e = try errors(
            [
                "nodes.csv": "id,name\nalpha,Alpha\nbeta,Beta\n",
                "edges.csv": "source,target\nalpha,beta\nalpha,betta\n",
            ], load: "edges.csv", nodes: "nodes.csv")
        #expect(e.count == 1)
        #expect(e[0].code == .unknownNode)
        #expect(e[0].location.line == 3 && e[0].location.column == 7)
        #expect(e[0].notes.contains("did you mean 'beta'?"))
    }

    @Test("bad values are located at their field: dates, confidence, empty endpoints")
    func badValues() throws {
        let e = try errors(
            ["e.csv": "source,target,since,confidence\na,b,2012-13,sure\nc,,2010,stated\n"],
            load: "e.csv")
        let messages = Set(e.map(\.message))
        #expect(messages.contains("invalid date '2012-13'"))
        #expect(messages.contains("invalid confidence 'sure': expected 'stated' or 'inferred'"))
        #expect(messages.contains("row 3 has an empty 'target'"))
        let date = try #require(e.first { $0.code == .invalidDate })
        #expect(date.location.line == 2 && date.location.column == 5)
    }

    @Test("header problems: no source column, a column named twice, an empty file")
    func headers() throws {
        let noSource = try errors(["e.csv": "origin,target\na,b\n"], load: "e.csv")
        #expect(noSource.first?.message == "the edge table has no 'source' column")
        let twice = try errors(["e.csv": "source,from,target\na,b,c\n"], load: "e.csv")
        #expect(twice.first?.code == .duplicateKey)
        #expect(twice.first?.location.column == 8)
        let empty = try errors(["e.csv": ""], load: "e.csv")
        #expect(empty.first?.message == "the CSV file is empty")
    }

    @Test("a file with thousands of broken rows reports the first 200 and a count")
    func manyErrors() throws {
        var text = "source,target,relation\n"
        for i in 0..<1000 { text += "n\(i)\n" }
        let e = try errors(["e.csv": text], load: "e.csv")
        #expect(e.count == 201)
        #expect(e.last?.message == "800 more errors not shown")
    }

    @Test("a folder without tables, and a self-loop, fail clearly")
    func folderAndLoops() throws {
        let empty = try TemporaryFolder()
        defer { empty.cleanup() }
        #expect(
            loadErrors(empty.path).first?.message.contains("neither nodes.csv nor edges.csv")
                == true)
        let loop = try errors(["e.csv": "source,target\na,a\n"], load: "e.csv")
        #expect(loop.first?.code == .selfLoop)
    }

    @Test("fields spanning the reader's 1 MiB buffer boundary are read whole")
    func bufferBoundaries() throws {
        var text = "source,target,note\n"
        var notes: [String] = []
        var i = 0
        while text.utf8.count < 3 * 1_048_576 + 1000 {
            let note = String(repeating: "é\"x, \n", count: i % 97) + "end\(i)"
            notes.append(note)
            text += "s\(i),t\(i),\"\(note.replacingOccurrences(of: "\"", with: "\"\""))\"\r\n"
            i += 1
        }
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.write("big.csv", text)
        let model = try loadModel(path)
        #expect(model.edges.count == notes.count)
        #expect(model.edges.map(\.note) == notes)
        #expect(model.edges.last?.from == "s\(i - 1)")
    }
}

@Suite("Edge list tables (the lean path)")
struct EdgeListTableTests {
    @Test("names are interned once, relations and weights read")
    func basics() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.write(
            "e.csv",
            "Source,Target,Type,Label,Weight\nA,B,Directed,likes,2\n\"B\",C,Undirected,,0.5\nA,C,Undirected,likes,-3\nC, A ,,knows,\n"
        )
        let table = try ModelImporter.loadEdgeList(path: path).get()
        #expect(table.names == ["A", "B", "C"])
        #expect(table.sources == [0, 1, 0, 2])
        #expect(table.targets == [1, 2, 2, 0])
        #expect(table.relationNames == ["linked-to", "likes", "knows"])
        #expect(table.relations == [1, 0, 1, 2])
        #expect(table.weights == [2, 0.5, -3, 1])
        #expect(table.undirected == [true, false, false])
        #expect(table.edgeCount == 4)
    }

    @Test("errors are located like the full importer's")
    func errors() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = try folder.write("e.csv", "source,target,weight\na,b,1\nc\nd,e,heavy\n,f,1\n")
        let failure = try #require(ModelImporter.loadEdgeList(path: path).failure)
        #expect(
            failure.diagnostics.map(\.message) == [
                "row 3 has 1 field; the header has 3", "'weight' must be a number, not 'heavy'",
                "row 5 has an empty 'source'",
            ])
        #expect(failure.diagnostics.map(\.location.line) == [3, 4, 5])
        let missing = try #require(
            ModelImporter.loadEdgeList(path: folder.file("none.csv")).failure)
        #expect(missing.diagnostics.first?.message.contains("no such file") == true)
    }

    @Test("a generated edge list matches a straightforward reading of it")
    func generated() throws {
        var rng = SystemRandomNumberGenerator()
        var text = "source,target,relation\n"
        var expected: [(String, String, String)] = []
        for _ in 0..<20000 {
            let s = "node \(Int.random(in: 0..<3000, using: &rng))"
            let t = "n\"\(Int.random(in: 0..<3000, using: &rng))"
            let r = ["a", "b", "c"][Int.random(in: 0..<3, using: &rng)]
            expected.append((s, t, r))
            text += "\(s),\"\(t.replacingOccurrences(of: "\"", with: "\"\""))\",\(r)\n"
        }
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let table = try ModelImporter.loadEdgeList(path: try folder.write("g.csv", text)).get()
        #expect(table.edgeCount == expected.count)
        for (i, e) in expected.enumerated() {
            guard table.names[Int(table.sources[i])] == e.0,
                table.names[Int(table.targets[i])] == e.1,
                table.relationNames[Int(table.relations[i])] == e.2
            else {
                Issue.record("edge \(i) differs")
                return
            }
        }
        #expect(Set(table.names).count == table.names.count)
    }

    @Test("a file read as two halves at once gives the table of one reading")
    func halves() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        var state: UInt64 = 0xC5F
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // Names, relations and directions that first appear in the second half too.
        var text = "Source,Target,Type,Label,Weight\r\n"
        for row in 0..<6000 {
            let late = row > 3000 ? "late-" : ""
            let s = "\(late)m\(next(700))"
            let t = next(5) == 0 ? "\"b, \(next(40))\"" : "b\(next(40))"
            let type = ["Directed", "Undirected", ""][next(3)]
            let label = ["likes", "", "\(late)knows", "r\(next(9))"][next(4)]
            let weight = next(4) == 0 ? "" : String(next(100))
            text += "\(s),\(t),\(type),\(label),\(weight)\r\n"
        }
        let path = try folder.write("big.csv", text)
        let one = try ModelImporter.loadEdgeList(path: path, parallelAbove: .max).get()
        let split = try #require(ModelImporter.loadEdgeListInHalves(path: path, threshold: 0))
        #expect(split == one)
        #expect(try ModelImporter.loadEdgeList(path: path, parallelAbove: 0).get() == one)
        #expect(one.names.contains("late-m1") && one.relationNames.contains("late-knows"))

        // A quoted field with a line break across the middle: the halves cannot be trusted,
        // and the result is still the single reading's.
        let middle = text.utf8.count / 2
        var bytes = Array(text.utf8)
        let cut = bytes[middle...].firstIndex(of: UInt8(ascii: "\n"))!
        let lineStart = bytes[..<cut].lastIndex(of: UInt8(ascii: "\n"))! + 1
        // 4,000 bytes of quoted line breaks: the middle of the longer file falls inside them.
        let block = "\"" + String(repeating: "y\n", count: 2000) + "\",x,,,1\r\n"
        bytes.insert(contentsOf: Array(block.utf8), at: lineStart)
        let quoted = try folder.write("quoted.csv", bytes: bytes)
        #expect(ModelImporter.loadEdgeListInHalves(path: quoted, threshold: 0) == nil)
        #expect(
            try ModelImporter.loadEdgeList(path: quoted, parallelAbove: 0).get()
                == ModelImporter.loadEdgeList(path: quoted, parallelAbove: .max).get())

        // An error in the second half is located as in a single reading.
        let broken = try folder.write("broken.csv", text + "a,b,c\r\nx,,,,\r\n")
        #expect(ModelImporter.loadEdgeListInHalves(path: broken, threshold: 0) == nil)
        let failure = try #require(
            ModelImporter.loadEdgeList(path: broken, parallelAbove: 0).failure)
        #expect(failure.diagnostics.map(\.location.line) == [6002, 6003])
        #expect(
            failure == ModelImporter.loadEdgeList(path: broken, parallelAbove: .max).failure)
    }

    @Test("names that share their first 16 bytes, or differ only in length, stay distinct")
    func longNamesWithSharedHeads() throws {
        // Seeded: a 64-bit LCG picks names around the 16-byte boundary the interner keeps
        // inline, many sharing a long common head.
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let heads = [
            "", "a", "aaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaa", "member-0000000",
        ]
        var text = "source,target\n"
        var expected: [(String, String)] = []
        for _ in 0..<6000 {
            let s = heads[next(heads.count)] + String(next(40))
            let t = heads[next(heads.count)] + String(repeating: "x", count: next(20)) + "é"
            expected.append((s, t))
            text += "\(s),\(t)\n"
        }
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let table = try ModelImporter.loadEdgeList(path: try folder.write("h.csv", text)).get()
        #expect(table.edgeCount == expected.count)
        var firstSeen: [String] = []
        var known = Set<String>()
        for (s, t) in expected {
            for name in [s, t] where known.insert(name).inserted { firstSeen.append(name) }
        }
        #expect(table.names == firstSeen)
        for (i, e) in expected.enumerated() {
            #expect(table.names[Int(table.sources[i])] == e.0, "edge \(i)")
            #expect(table.names[Int(table.targets[i])] == e.1, "edge \(i)")
        }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
