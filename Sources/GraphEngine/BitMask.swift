/// A fixed-size set of small non-negative integers stored one bit each.
///
/// The engine uses it for node masks (which nodes a view includes), edge masks (which edges
/// a view includes) and relation masks (which relation types a view allows). Indices at or
/// beyond `count` read as `false`, so a relation mask need only be as long as the largest
/// allowed relation id plus one.
///
/// - Complexity: O(`count` / 64) memory; O(1) membership test and update.
public struct BitMask: Sendable, Hashable {
    /// The number of indices the mask covers (`0..<count`).
    ///
    /// - Complexity: O(1).
    public let count: Int
    @usableFromInline var words: [UInt64]

    /// Creates a mask over `0..<count` with every bit set to `value`.
    ///
    /// - Complexity: O(`count` / 64).
    public init(count: Int, repeating value: Bool = false) {
        precondition(count >= 0, "BitMask count must be non-negative")
        self.count = count
        let wordCount = (count + 63) >> 6
        words = [UInt64](repeating: value ? ~0 : 0, count: wordCount)
        if value { clearTail() }
    }

    /// Creates a mask over `0..<count` with exactly the given indices set.
    ///
    /// Indices outside `0..<count` are a programming error.
    /// - Complexity: O(`count` / 64 + number of indices).
    public init<S: Sequence>(count: Int, setting indices: S) where S.Element: BinaryInteger {
        self.init(count: count)
        for index in indices { self[Int(index)] = true }
    }

    /// Whether index `i` is in the mask; indices outside `0..<count` read as `false`.
    ///
    /// Setting an index outside `0..<count` is a programming error.
    /// - Complexity: O(1).
    @inlinable
    public subscript(i: Int) -> Bool {
        get {
            guard i >= 0, i < count else { return false }
            return words[i &>> 6] &>> UInt64(i & 63) & 1 == 1
        }
        set {
            precondition(i >= 0 && i < count, "BitMask index out of range")
            if newValue {
                words[i &>> 6] |= 1 &<< UInt64(i & 63)
            } else {
                words[i &>> 6] &= ~(1 &<< UInt64(i & 63))
            }
        }
    }

    /// Whether index `i` is in the mask; indices outside `0..<count` read as `false`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public subscript(i: Int32) -> Bool {
        get { self[Int(i)] }
        set { self[Int(i)] = newValue }
    }

    /// The number of set indices.
    ///
    /// - Complexity: O(`count` / 64).
    public var setCount: Int {
        var total = 0
        for word in words { total += word.nonzeroBitCount }
        return total
    }

    /// The set indices in ascending order.
    ///
    /// - Complexity: O(`count` / 64 + number of set indices).
    public var setIndices: [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(setCount)
        for (wordIndex, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                let bit = remaining.trailingZeroBitCount
                result.append(Int32(wordIndex << 6 + bit))
                remaining &= remaining &- 1
            }
        }
        return result
    }

    /// Returns the mask with every index in `0..<count` flipped.
    ///
    /// - Complexity: O(`count` / 64).
    public func inverted() -> BitMask {
        var copy = self
        for i in copy.words.indices { copy.words[i] = ~copy.words[i] }
        copy.clearTail()
        return copy
    }

    /// Returns the indices set in both masks; the result covers the shorter range.
    ///
    /// - Complexity: O(`count` / 64).
    public func intersection(_ other: BitMask) -> BitMask {
        var result = BitMask(count: Swift.min(count, other.count))
        for i in result.words.indices { result.words[i] = words[i] & other.words[i] }
        result.clearTail()
        return result
    }

    private mutating func clearTail() {
        let tail = count & 63
        if tail != 0, !words.isEmpty {
            words[words.count - 1] &= (1 &<< UInt64(tail)) &- 1
        }
    }
}
