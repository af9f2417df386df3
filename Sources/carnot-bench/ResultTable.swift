import Foundation

/// The benchmark's one table: each figure with our value, the baseline measured in the same run, their
/// ratio, and the target when the issue sets one.
struct ResultTable {
    struct Row {
        let figure: String
        let log: String
        let ours: String
        let baseline: String
        let ratio: String
        let target: String
    }

    private(set) var rows: [Row] = []

    mutating func add(_ figure: String, log: String, ours: String, baseline: String, ratio: String, target: String = "") {
        rows.append(Row(figure: figure, log: log, ours: ours, baseline: baseline, ratio: ratio, target: target))
    }

    /// The table as Markdown, ready to paste into the README.
    var markdown: String {
        let header = Row(figure: "Figure", log: "Log", ours: "carnot", baseline: "Baseline (same run)", ratio: "Ratio",
                         target: "Target")
        let all = [header] + rows
        let paths: [KeyPath<Row, String>] = [\.figure, \.log, \.ours, \.baseline, \.ratio, \.target]
        let columns: [(Row) -> String] = paths.map { path in { $0[keyPath: path] } }
        let widths = columns.map { column in all.map { column($0).count }.max() ?? 0 }
        func line(_ row: Row) -> String {
            "| " + zip(columns, widths).map { column, width in
                column(row).padding(toLength: width, withPad: " ", startingAt: 0)
            }.joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

/// Number formatting for the table.
enum Figures {
    /// A rate with thousands separators: 1,234,567/s.
    static func rate(_ count: Int, _ seconds: Double) -> String { grouped(Int((Double(count) / seconds).rounded())) + "/s" }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }

    static func milliseconds(_ seconds: Double) -> String {
        let value = seconds * 1_000
        return value < 10 ? String(format: "%.2f ms", value) : String(format: "%.1f ms", value)
    }

    static func ratio(_ value: Double) -> String { String(format: "%.2f", value) }

    static func megabytes(_ kilobytes: Int) -> String { String(format: "%.0f MB", Double(kilobytes) / 1024) }

    /// A log size as 10k, 100k, 1M.
    static func size(_ events: Int) -> String {
        if events >= 1_000_000, events % 1_000_000 == 0 { return "\(events / 1_000_000)M" }
        if events >= 1_000, events % 1_000 == 0 { return "\(events / 1_000)k" }
        return String(events)
    }
}

extension Figures {
    /// A duration: milliseconds below a second, seconds above.
    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? milliseconds(seconds) : String(format: "%.1f s", seconds)
    }
}
