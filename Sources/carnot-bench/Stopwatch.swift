import Foundation

/// Wall-clock timing on the monotonic clock.
enum Stopwatch {
    /// Seconds since an arbitrary fixed point.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs `body` and returns its result and how many seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
        let start = now()
        let result = try body()
        return (result, now() - start)
    }

    /// The `fraction` quantile of `samples` (nearest rank), e.g. 0.5 for the median, 0.99 for p99.
    static func quantile(_ samples: [Double], _ fraction: Double) -> Double {
        precondition(!samples.isEmpty, "a quantile of no samples")
        let sorted = samples.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
