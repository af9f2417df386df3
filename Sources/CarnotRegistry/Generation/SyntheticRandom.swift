/// The generator's draws, all from `SeededGenerator` through arithmetic of its own, so that a seed gives the
/// same log whatever the standard library's way of drawing a bounded number.
struct SyntheticRandom {
    private var source: SeededGenerator

    init(seed: UInt64) { source = SeededGenerator(seed: seed) }

    mutating func next() -> UInt64 { source.next() }

    /// A whole number in `0..<count` (`count` > 0).
    mutating func below(_ count: Int) -> Int {
        Int(truncatingIfNeeded: source.next().multipliedFullWidth(by: UInt64(count)).high)
    }

    /// A whole number in `range`.
    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(source.next() >> 11) * 0x1p-53 }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// An element of `items` (not empty).
    mutating func element<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// The index of a weight drawn in proportion to it (weights not all zero).
    mutating func weighted(_ weights: [Int]) -> Int {
        var draw = below(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }
}
