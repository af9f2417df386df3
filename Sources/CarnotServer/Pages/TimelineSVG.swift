import Foundation
import CarnotRegistry

/// Draws an institute's timeline as inline SVG: one row per label, school or consortium, years along the
/// top, each bar a link to the (first) event behind it with a tooltip naming them all.
enum TimelineSVG {
    static let labelWidth = 190.0, plotWidth = 720.0, rowHeight = 26.0, top = 30.0

    static func render(_ timeline: InstituteTimeline, title: String, start: Day, end: Day) -> String {
        let rows = timeline.bars.reduce(into: [String]()) { rows, bar in if !rows.contains(bar.row) { rows.append(bar.row) } }
        let height = top + Double(max(rows.count, 1)) * rowHeight + 10
        let width = labelWidth + plotWidth + 10
        let span = Double(max(1, end.ordinal - start.ordinal))
        func x(_ day: Day) -> Double { labelWidth + plotWidth * Double(min(max(day.ordinal, start.ordinal), end.ordinal) - start.ordinal) / span }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" style=\"max-width:\(Int(width))px;min-width:600px\" role=\"img\" aria-labelledby=\"timeline-svg-title\">"
        svg += "<title id=\"timeline-svg-title\">\(HTML.escape(title))</title>"
        svg += "<defs><pattern id=\"stripes\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#1f5fa8\"/><rect width=\"3\" height=\"6\" fill=\"#8fb3dd\"/></pattern></defs>"
        for year in start.year...end.year where year % 2 == 0 || end.year - start.year < 12 {
            guard let day = Day(year: year, month: 1, day: 1), day >= start else { continue }
            let position = x(day)
            svg += "<line x1=\"\(position)\" y1=\"\(top - 6)\" x2=\"\(position)\" y2=\"\(height - 10)\" stroke=\"#d0d0d0\"/>"
            svg += "<text x=\"\(position)\" y=\"\(top - 10)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">\(year)</text>"
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            svg += "<text x=\"4\" y=\"\(y + 17)\" font-size=\"12\" fill=\"#1a1a1a\">\(HTML.escape(String(row.prefix(28))))</text>"
            for bar in timeline.bars where bar.row == row {
                let left = x(bar.from), right = x(bar.until ?? end)
                let fill = switch bar.style {
                case .carnot: "#1f5fa8"
                case .tremplin: "#c26100"
                case .probation: "url(#stripes)"
                case .school: "#2e7d32"
                case .consortium: "#6a1b9a"
                }
                let tip = "\(bar.text): \(bar.from) to \(bar.until?.description ?? "now"); events \(bar.seqs.map(String.init).joined(separator: ", "))"
                let href = bar.seqs.first.map { "/events/\($0)" } ?? "#"
                svg += "<a href=\"\(href)\"><title>\(HTML.escape(tip))</title>"
                svg += "<rect x=\"\(left)\" y=\"\(y + 4)\" width=\"\(max(2, right - left))\" height=\"\(rowHeight - 8)\" rx=\"3\" fill=\"\(fill)\"/>"
                if right - left > 60 {
                    svg += "<text x=\"\(left + 4)\" y=\"\(y + 17)\" font-size=\"11\" fill=\"#fff\">\(HTML.escape(String(bar.text.prefix(Int((right - left) / 6.5)))))</text>"
                }
                svg += "</a>"
            }
        }
        return svg + "</svg>"
    }
}
