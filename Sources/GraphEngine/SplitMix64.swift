/// A small, fast, seedable pseudo-random number generator (SplitMix64).
///
/// The same seed gives the same sequence on every platform and Swift version, which is what
/// reproducible sampling needs (the standard library's generator is not seedable).
///
/// Steele, G. L., Lea, D. and Flood, C. H. (2014). "Fast splittable pseudorandom number
/// generators." *OOPSLA 2014*: 453–472.
/// - Complexity: O(1) per number.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    /// Creates a generator from a seed.
    ///
    /// - Complexity: O(1).
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 pseudo-random bits.
    ///
    /// - Complexity: O(1).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// Returns a uniformly distributed integer in `0..<bound` (`bound` > 0), by Lemire's
    /// multiply-and-reject method, fixed here so that results never depend on the standard
    /// library's implementation of `random(in:using:)`.
    ///
    /// Lemire, D. (2019). "Fast random integer generation in an interval." *ACM Transactions
    /// on Modeling and Computer Simulation* 29(1): 3.
    /// - Complexity: O(1) expected.
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// Picks `count` distinct elements of `items` uniformly at random (a partial
    /// Fisher–Yates shuffle) and returns them in their original relative order.
    ///
    /// - Complexity: O(`items.count`).
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        let k = min(max(count, 0), items.count)
        var positions = Array(items.indices)
        for i in 0..<k {
            let j = i + Int(next(below: UInt64(positions.count - i)))
            positions.swapAt(i, j)
        }
        return positions[0..<k].sorted().map { items[$0] }
    }
}
