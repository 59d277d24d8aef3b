import CMemoryHints
import Foundation

/// A large edge list in compact form: endpoint names interned to dense `Int32` indices.
///
/// This is the lean import path for graphs of millions of edges, which the full ``Model``
/// (with its per-edge strings, sources and validity) is too heavy for. Names are the
/// endpoint texts exactly as the file has them (spaces and tabs around them dropped; no
/// slugs), in order of first appearance. No model validation happens here: self-loops and
/// repeated edges are kept, and the graph engine decides what they mean.
public struct EdgeListTable: Sendable, Equatable {
    /// The distinct node names; a node's index is its position here.
    public var names: [String]
    /// The source node of each edge.
    public var sources: [Int32]
    /// The target node of each edge.
    public var targets: [Int32]
    /// The relation of each edge, as an index into ``relationNames``.
    public var relations: [Int32]
    /// The distinct relation names, in order of first appearance; `linked-to` stands for
    /// rows without a relation.
    public var relationNames: [String]
    /// The `weight` column of each edge (an empty cell counts as 1), or empty when the file
    /// has no such column.
    public var weights: [Double]
    /// True for each relation whose every edge is marked `Undirected` in a Gephi `Type`
    /// column (parallel to ``relationNames``).
    public var undirected: [Bool]

    /// Creates a table.
    public init(
        names: [String], sources: [Int32], targets: [Int32], relations: [Int32],
        relationNames: [String], weights: [Double] = [], undirected: [Bool]? = nil
    ) {
        self.names = names
        self.sources = sources
        self.targets = targets
        self.relations = relations
        self.relationNames = relationNames
        self.weights = weights
        self.undirected = undirected ?? Array(repeating: false, count: relationNames.count)
    }

    /// The number of edges.
    public var edgeCount: Int { sources.count }
}

/// Why a file could not be imported: every located diagnostic (errors and warnings).
public struct ImportFailure: Error, Sendable, Equatable {
    /// The diagnostics, in output order.
    public var diagnostics: [Diagnostic]

    /// Creates a failure.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// Interns byte strings to dense `Int32` ids without creating a `String` per lookup: an
/// open-addressing hash table over an arena of the distinct byte strings. A `String` is made
/// once per distinct name.
struct ByteInterner {
    /// One table entry (32 bytes, two to a cache line). With a few hundred thousand names the
    /// table outgrows the caches and memory latency is what a lookup costs, so the first 16
    /// bytes of the name live in the entry itself: a name that short is found or rejected
    /// with one memory access, and a longer one compares its rest in the arena.
    private struct Slot {
        /// The id + 1; 0 marks an empty slot.
        var id: UInt32 = 0
        /// The high 32 bits of the hash.
        var tag: UInt32 = 0
        var start: UInt32 = 0
        var length: UInt32 = 0
        /// The first 16 bytes of the name, zero-padded.
        var head0: UInt64 = 0
        var head1: UInt64 = 0
    }

    private var arena: [UInt8] = []
    private var hashes: [UInt64] = []
    private var slots: [Slot]
    private var mask: Int
    private(set) var strings: [String] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
    }

    var count: Int { strings.count }

    /// A fast non-cryptographic hash: eight bytes at a time, multiply-and-fold mixing.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* k
            h ^= h >> 29
            i += 8
        }
        if i < bytes.count {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count {
                w |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ w) &* k
            h ^= h >> 29
        }
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h
    }

    /// The first 16 bytes of `bytes`, zero-padded, as two words.
    @inline(__always)
    static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        if let base = bytes.baseAddress {
            withUnsafeMutableBytes(of: &words) { out in
                out.baseAddress!.copyMemory(from: base, byteCount: Swift.min(bytes.count, 16))
            }
        }
        return words
    }

    /// Whether two byte runs of `count` bytes are equal: eight bytes at a time, inline (names
    /// are short, and a call to `memcmp` costs more than comparing them).
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let ra = UnsafeRawPointer(a)
        let rb = UnsafeRawPointer(b)
        var i = 0
        while i + 8 <= count {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            {
                return false
            }
            i += 8
        }
        while i < count {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// Starts loading the table entry where the lookup of a name with hash `h` begins, so
    /// that its cache miss overlaps other work (such as the lookup of the row's other name).
    @inline(__always)
    func prefetch(hash h: UInt64) {
        slots.withUnsafeBufferPointer { table in
            cmemory_prefetch(table.baseAddress! + (Int(truncatingIfNeeded: h) & mask))
        }
    }

    /// The ids of two names, adding them on first sight: both table entries are fetched
    /// before either lookup starts, so the two cache misses overlap.
    mutating func intern(
        _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>
    ) -> (Int32, Int32) {
        let h1 = Self.hash(first)
        let h2 = Self.hash(second)
        prefetch(hash: h1)
        prefetch(hash: h2)
        let a = intern(first, hash: h1)
        return (a, intern(second, hash: h2))
    }

    /// The id of `bytes`, adding it on first sight.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        intern(bytes, hash: Self.hash(bytes))
    }

    /// The id of `bytes`, whose hash is `h`, adding it on first sight.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32 {
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        let (head0, head1) = Self.head(bytes)
        let length = bytes.count
        var slot = Int(truncatingIfNeeded: h) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { table in
            arena.withUnsafeBufferPointer { a in
                while true {
                    let entry = table[slot]
                    if entry.id == 0 { return nil }
                    if entry.tag == tag, Int(entry.length) == length, entry.head0 == head0,
                        entry.head1 == head1,
                        length <= 16
                            || Self.equal(
                                a.baseAddress! + Int(entry.start) + 16, bytes.baseAddress! + 16,
                                length - 16)
                    {
                        return Int32(entry.id - 1)
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        if let found { return found }
        let id = Int32(strings.count)
        slots[slot] = Slot(
            id: UInt32(id) + 1, tag: tag, start: UInt32(arena.count), length: UInt32(length),
            head0: head0, head1: head1)
        hashes.append(h)
        arena.append(contentsOf: bytes)
        strings.append(String(decoding: bytes, as: UTF8.self))
        if strings.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of a string, adding it on first sight.
    mutating func intern(_ string: String) -> Int32 {
        var s = string
        return s.withUTF8 { intern($0) }
    }

    private mutating func grow() {
        let old = slots
        let size = slots.count * 2
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
        for entry in old where entry.id != 0 {
            var slot = Int(truncatingIfNeeded: hashes[Int(entry.id) - 1]) & mask
            while slots[slot].id != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}

/// One part of an edge list being read: its own interners and arrays, merged afterwards
/// when a large file is read as two halves at once.
struct EdgeListPart {
    var nodes = ByteInterner(capacity: 1 << 16)
    var relations = ByteInterner(capacity: 16)
    var sources: [Int32] = []
    var targets: [Int32] = []
    var relationIDs: [Int32] = []
    var weights: [Double] = []
    var directedSeen: [Bool] = [false]
    var undirectedSeen: [Bool] = [false]
    var sink = DiagnosticSink()

    init() {
        // The default relation is id 0 in every part.
        _ = relations.intern(DerivedSchema.defaultRelation)
    }

    /// Appends `other` (the rows after this part's), renumbering its names and relations so
    /// that every id is what one reading of the whole file gives: names and relations keep
    /// the order of their first appearance.
    mutating func append(_ other: EdgeListPart) {
        let nodeMap = other.nodes.strings.map { nodes.intern($0) }
        let relationMap = other.relations.strings.map { relations.intern($0) }
        while directedSeen.count < relations.count {
            directedSeen.append(false)
            undirectedSeen.append(false)
        }
        for (i, mapped) in relationMap.enumerated() {
            directedSeen[Int(mapped)] = directedSeen[Int(mapped)] || other.directedSeen[i]
            undirectedSeen[Int(mapped)] = undirectedSeen[Int(mapped)] || other.undirectedSeen[i]
        }
        sources += other.sources.map { nodeMap[Int($0)] }
        targets += other.targets.map { nodeMap[Int($0)] }
        relationIDs += other.relationIDs.map { relationMap[Int($0)] }
        weights += other.weights
    }

    var table: EdgeListTable {
        EdgeListTable(
            names: nodes.strings, sources: sources, targets: targets, relations: relationIDs,
            relationNames: relations.strings, weights: weights,
            undirected: (0..<relations.count).map { undirectedSeen[$0] && !directedSeen[$0] })
    }
}

/// What the header of an edge list says about its columns.
struct EdgeListColumns: Sendable {
    var names: [String]
    var source: Int
    var target: Int
    var type: Int?
    var weight: Int?
    var relationColumns: [Int]
    var count: Int
}

/// A value handed from a worker thread to the thread that waits for it.
private final class Handoff<T>: @unchecked Sendable {
    var value: T?
}

extension ModelImporter {
    /// Files at least this large are read as two halves at once (see
    /// ``loadEdgeList(path:parallelAbove:)``).
    public static let parallelEdgeListThreshold = 8 << 20

    /// Streams a CSV edge list into an ``EdgeListTable``, interning endpoint names as bytes.
    ///
    /// The header is matched as for ``ModelImporter/load(path:format:nodesPath:)``
    /// (`source`/`from`, `target`/`to`, `relation`, else `type`, else `label`, `weight`);
    /// other columns are read past. Malformed rows, empty endpoints and non-numeric weights
    /// are located errors; the first 200 are reported.
    ///
    /// A file of at least `parallelAbove` bytes, on a machine with more than one core, is
    /// read as two halves at once, split after a line break near the middle; the halves'
    /// names and relations are then renumbered into one table, exactly the table a single
    /// reading gives. Whenever that cannot be sure (the break was inside a quoted field, or
    /// either half found anything to report), the file is read again from the start in one
    /// pass, so diagnostics are always located as in a single reading.
    ///
    /// - Complexity: O(*bytes*) time; memory O(*edges* + *distinct names*): one `String` per
    ///   distinct node, three or four array entries per edge.
    public static func loadEdgeList(
        path: String, parallelAbove threshold: Int = parallelEdgeListThreshold
    ) -> Result<EdgeListTable, ImportFailure> {
        if let table = loadEdgeListInHalves(path: path, threshold: threshold) {
            return .success(table)
        }
        var failure: Diagnostic?
        guard let reader = CSVReader(path: path, failure: &failure) else {
            return .failure(ImportFailure(diagnostics: failure.map { [$0] } ?? []))
        }
        var part = EdgeListPart()
        guard let columns = readEdgeListHeader(reader, path: path, sink: &part.sink) else {
            return .failure(ImportFailure(diagnostics: part.sink.all))
        }
        readEdgeRows(reader, columns: columns, into: &part)
        if part.sink.hasErrors { return .failure(ImportFailure(diagnostics: part.sink.all)) }
        return .success(part.table)
    }

    /// The two-halves reading, or nil when it does not apply or cannot be trusted.
    static func loadEdgeListInHalves(path: String, threshold: Int) -> EdgeListTable? {
        guard ProcessInfo.processInfo.activeProcessorCount > 1,
            let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int,
            size >= threshold, size >= 2, let split = lineBreakNearMiddle(path: path, size: size)
        else { return nil }
        var failure: Diagnostic?
        guard let first = CSVReader(path: path, failure: &failure, range: 0..<split) else {
            return nil
        }
        var head = EdgeListPart()
        guard let columns = readEdgeListHeader(first, path: path, sink: &head.sink),
            head.sink.all.isEmpty
        else { return nil }
        let tail = Handoff<EdgeListPart>()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            var failure: Diagnostic?
            guard let second = CSVReader(path: path, failure: &failure, range: split..<size)
            else { return }
            var part = EdgeListPart()
            readEdgeRows(second, columns: columns, into: &part)
            tail.value = part
        }
        readEdgeRows(first, columns: columns, into: &head)
        group.wait()
        guard let rest = tail.value, head.sink.all.isEmpty, rest.sink.all.isEmpty else {
            return nil
        }
        head.append(rest)
        return head.table
    }

    /// The offset just after the first line feed at or after the middle of the file (within
    /// 1 MiB), or nil.
    private static func lineBreakNearMiddle(path: String, size: Int) -> Int? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let middle = size / 2
        let window = Swift.min(1 << 20, size - middle)
        var buffer = [UInt8](repeating: 0, count: window)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, window, off_t(middle)) }
        guard n > 0, let i = buffer[0..<n].firstIndex(of: 0x0A), middle + i + 1 < size else {
            return nil
        }
        return middle + i + 1
    }

    /// Reads the header row and matches its columns; nil (with the problems in `sink`) when
    /// there is no source or target column or the file is empty.
    static func readEdgeListHeader(
        _ reader: CSVReader, path: String, sink: inout DiagnosticSink
    ) -> EdgeListColumns? {
        guard reader.next() else {
            sink.append(reader.failure ?? .csvEmpty(path))
            return nil
        }
        let header = CSVHeader.read(reader)
        var headerProblems: [Diagnostic] = []
        let c = CSVHeader.edgeColumns(
            names: header.names, locations: header.locations, diagnostics: &headerProblems)
        sink.append(contentsOf: headerProblems)
        guard let sourceColumn = c.source, let targetColumn = c.target else {
            let missing = c.source == nil ? "source" : "target"
            sink.append(
                .csvMissingColumn(
                    missing, table: "edge table",
                    accepted: missing == "source"
                        ? EdgeColumns.sourceNames : EdgeColumns.targetNames,
                    at: reader.rowLocation))
            return nil
        }
        return EdgeListColumns(
            names: header.names, source: sourceColumn, target: targetColumn, type: c.type,
            weight: c.weight, relationColumns: [c.relation, c.type, c.label].compactMap { $0 },
            count: c.count)
    }

    /// Reads every remaining row of `reader` into `part`.
    static func readEdgeRows(
        _ reader: CSVReader, columns c: EdgeListColumns, into part: inout EdgeListPart
    ) {
        let expected = c.count
        while reader.next() {
            guard reader.fields.count == expected else {
                part.sink.append(
                    .csvFieldCount(
                        row: reader.rowNumber, count: reader.fields.count, expected: expected,
                        at: reader.fields.count < expected
                            ? reader.endLocation : reader.location(expected)))
                continue
            }
            let (s, t) = reader.withTrimmedFields(c.source, c.target) {
                source, target -> (Int32, Int32) in
                // With an empty endpoint the row is an error and only which one matters.
                guard !source.isEmpty, !target.isEmpty else {
                    return (source.isEmpty ? -1 : 0, target.isEmpty ? -1 : 0)
                }
                return part.nodes.intern(source, target)
            }
            if s < 0 || t < 0 {
                let column = s < 0 ? c.source : c.target
                part.sink.append(
                    .csvEmptyField(
                        c.names[column], row: reader.rowNumber, at: reader.location(column)))
                continue
            }
            var directed = true
            var typeIsDirection = false
            if let tc = c.type {
                reader.withTrimmedField(tc) { bytes in
                    if Self.equalsIgnoringCase(bytes, "directed") {
                        typeIsDirection = true
                    } else if Self.equalsIgnoringCase(bytes, "undirected") {
                        typeIsDirection = true
                        directed = false
                    }
                }
            }
            var chosen: Int32?
            for column in c.relationColumns where chosen == nil {
                if column == c.type && typeIsDirection { continue }
                chosen = reader.withTrimmedField(column) { bytes in
                    bytes.isEmpty ? nil : part.relations.intern(bytes)
                }
            }
            let relation = chosen ?? 0
            while part.directedSeen.count < part.relations.count {
                part.directedSeen.append(false)
                part.undirectedSeen.append(false)
            }
            if directed {
                part.directedSeen[Int(relation)] = true
            } else {
                part.undirectedSeen[Int(relation)] = true
            }
            if let w = c.weight {
                let value: Double? = reader.withTrimmedField(w) { bytes in
                    bytes.isEmpty ? 1 : Self.parseDouble(bytes)
                }
                guard let value else {
                    part.sink.append(
                        .csvNotANumber(
                            reader.trimmed(w), column: c.names[w], at: reader.location(w)))
                    continue
                }
                part.weights.append(value)
            }
            part.sources.append(s)
            part.targets.append(t)
            part.relationIDs.append(relation)
        }
        if let failure = reader.failure { part.sink.append(failure) }
    }

    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString)
        -> Bool
    {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<bytes.count where bytes[i] | 0x20 != w[i] { return false }
        return true
    }

    /// Parses a decimal number from bytes without making a `String` for plain integers.
    static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var value = 0
        var negative = false
        var i = 0
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            i = 1
        }
        var simple = i < bytes.count && bytes.count - i <= 15
        while simple && i < bytes.count {
            let d = bytes[i] &- UInt8(ascii: "0")
            if d > 9 {
                simple = false
                break
            }
            value = value * 10 + Int(d)
            i += 1
        }
        if simple { return Double(negative ? -value : value) }
        return Double(String(decoding: bytes, as: UTF8.self))
    }
}
