import Foundation
import GraphEngine

/// A seeded synthetic affiliation network: members joining bodies, plus a few ties between
/// bodies, written as a CSV edge list (`source,target,relation`).
///
/// - Bodies: `max(20, edges / 110)`, named `body-0`, `body-1`, …; body j has popularity
///   (j + 1)^-0.9 (Zipf), so a few bodies are huge and most are small.
/// - Body ties: each body j ≥ 1 is `part-of` one earlier body picked by popularity (a
///   hierarchy), and `edges / 500` extra `partners-with` ties join body pairs picked by
///   popularity; no pair is tied twice.
/// - Members: `member-0`, `member-1`, … are added until the edge count is reached. Each joins
///   k distinct bodies picked by popularity, with k drawn from a discrete Pareto (power-law)
///   distribution: k = ⌊4 · u^(-1/1.5)⌋ (density exponent 2.5, mean about 11), capped at a
///   third of the bodies. A membership is `member-of`, or `observer-of` one time in ten.
/// - Rows are shuffled, so node indices (first appearance) carry no locality.
///
/// The result has about edges / 10 nodes (10^5 nodes at 10^6 edges, as the large stakeholder
/// graphs analysts import), a giant component, hubs, and no self-loops or repeated pairs, so
/// every library reads the same simple graph. Everything comes from ``SplitMix64`` and the
/// seed: the same seed gives the same bytes.
struct AffiliationGenerator {
    /// Bump when the output for a given seed and size changes, so old files are rewritten.
    static let version = 1

    var edges: Int
    var seed: UInt64

    struct Output {
        var csv: [UInt8]
        var members: Int
        var bodies: Int
        var memberships: Int
        var bodyTies: Int
    }

    func generate() -> Output {
        var random = SplitMix64(seed: seed ^ UInt64(edges))
        let bodyCount = max(20, edges / 110)
        var cumulative = [Double](repeating: 0, count: bodyCount)
        var total = 0.0
        for j in 0..<bodyCount {
            total += pow(Double(j + 1), -0.9)
            cumulative[j] = total
        }
        /// A body picked by popularity among `0..<limit`.
        func pickBody(below limit: Int, _ random: inout SplitMix64) -> Int {
            let x = unitInterval(&random) * cumulative[limit - 1]
            var low = 0
            var high = limit - 1
            while low < high {
                let mid = (low + high) >> 1
                if cumulative[mid] <= x { low = mid + 1 } else { high = mid }
            }
            return low
        }

        var rows: [(source: String, target: String, relation: String)] = []
        rows.reserveCapacity(edges)
        var tied = Set<Int>()
        func pairKey(_ a: Int, _ b: Int) -> Int { min(a, b) * bodyCount + max(a, b) }
        for j in 1..<bodyCount where rows.count < edges {
            let parent = pickBody(below: j, &random)
            tied.insert(pairKey(j, parent))
            rows.append(("body-\(j)", "body-\(parent)", "part-of"))
        }
        var partners = edges / 500
        var attempts = 0
        while partners > 0, attempts < 20 * edges, rows.count < edges {
            attempts += 1
            let a = pickBody(below: bodyCount, &random)
            let b = pickBody(below: bodyCount, &random)
            guard a != b, tied.insert(pairKey(a, b)).inserted else { continue }
            rows.append(("body-\(a)", "body-\(b)", "partners-with"))
            partners -= 1
        }
        let bodyTies = rows.count

        let cap = max(1, bodyCount / 3)
        var stamp = [Int](repeating: -1, count: bodyCount)
        var member = 0
        while rows.count < edges {
            let u = max(unitInterval(&random), 1e-12)
            let drawn = Int(min(4 * pow(u, -1 / 1.5), Double(cap)))
            let k = min(max(drawn, 1), edges - rows.count)
            var joined = 0
            while joined < k {
                let body = pickBody(below: bodyCount, &random)
                guard stamp[body] != member else { continue }
                stamp[body] = member
                joined += 1
                let relation = random.next(below: 10) == 0 ? "observer-of" : "member-of"
                rows.append(("member-\(member)", "body-\(body)", relation))
            }
            member += 1
        }

        for i in stride(from: rows.count - 1, to: 0, by: -1) {
            let j = Int(random.next(below: UInt64(i + 1)))
            rows.swapAt(i, j)
        }
        var csv: [UInt8] = []
        csv.reserveCapacity(edges * 36)
        csv.append(contentsOf: "source,target,relation\n".utf8)
        for row in rows {
            csv.append(contentsOf: row.source.utf8)
            csv.append(UInt8(ascii: ","))
            csv.append(contentsOf: row.target.utf8)
            csv.append(UInt8(ascii: ","))
            csv.append(contentsOf: row.relation.utf8)
            csv.append(UInt8(ascii: "\n"))
        }
        return Output(
            csv: csv, members: member, bodies: bodyCount, memberships: rows.count - bodyTies,
            bodyTies: bodyTies)
    }
}

/// A uniform double in [0, 1) from the top 53 bits.
@inline(__always)
func unitInterval(_ random: inout SplitMix64) -> Double {
    Double(random.next() >> 11) * 0x1p-53
}

/// FNV-1a over the bytes, as a fingerprint of a generated file.
func fnv1a(_ bytes: [UInt8]) -> String {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in bytes {
        h ^= UInt64(b)
        h = h &* 0x0000_0100_0000_01B3
    }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

/// What is known about one generated file (written beside it as JSON).
struct DatasetInfo: Codable {
    var generatorVersion: Int
    var seed: UInt64
    var edges: Int
    var members: Int
    var bodies: Int
    var memberships: Int
    var bodyTies: Int
    var bytes: Int
    var fnv1a: String
    var path: String
    var label: String

    var nodes: Int { members + bodies }
}

/// Writes the data set for `edges` into `directory` unless an identical one is there.
func ensureDataset(edges: Int, seed: UInt64, directory: String, label: String) throws
    -> (info: DatasetInfo, generatedMilliseconds: Double?)
{
    let path = "\(directory)/affiliation-\(label).csv"
    let metaPath = "\(directory)/affiliation-\(label).json"
    let fm = FileManager.default
    if let meta = fm.contents(atPath: metaPath),
        let info = try? JSONDecoder().decode(DatasetInfo.self, from: meta),
        info.generatorVersion == AffiliationGenerator.version, info.seed == seed,
        info.edges == edges,
        let attributes = try? fm.attributesOfItem(atPath: path),
        (attributes[.size] as? NSNumber)?.intValue == info.bytes
    {
        return (info, nil)
    }
    let start = monotonicNanoseconds()
    let output = AffiliationGenerator(edges: edges, seed: seed).generate()
    try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try Data(output.csv).write(to: URL(fileURLWithPath: path), options: .atomic)
    let info = DatasetInfo(
        generatorVersion: AffiliationGenerator.version, seed: seed, edges: edges,
        members: output.members, bodies: output.bodies, memberships: output.memberships,
        bodyTies: output.bodyTies, bytes: output.csv.count, fnv1a: fnv1a(output.csv), path: path,
        label: label)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(info).write(to: URL(fileURLWithPath: metaPath), options: .atomic)
    return (info, Double(monotonicNanoseconds() - start) / 1e6)
}
