/// Inline SVG charts for the HTML plan: the three track fits, the dimension profile with
/// self and manager side by side, and where the person stands on both ladders.
enum PlanCharts {
    static let selfColor = "#2b6cb0"
    static let managerColor = "#dd6b20"
    static let targetColor = "#2f855a"
    static let mutedColor = "#a0aec0"

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Three horizontal bars, the recommended track in colour.
    static func trackFits(_ assessment: Assessment) -> String {
        let width = 560.0
        let labelWidth = 170.0
        let barWidth = width - labelWidth - 50
        var body = ""
        for (index, track) in Track.allCases.enumerated() {
            let y = Double(index) * 34 + 10
            let score = assessment.scores[track] ?? 0
            let color = track == assessment.recommended ? selfColor : mutedColor
            body += "<text x=\"0\" y=\"\(number(y + 16))\" class=\"label\">\(escape(track.shortTitle))</text>"
            body += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y))\" width=\"\(number(barWidth))\" height=\"22\" fill=\"#edf2f7\" rx=\"3\"/>"
            body += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y))\" width=\"\(number(barWidth * score / 100))\" height=\"22\" fill=\"\(color)\" rx=\"3\"/>"
            body += "<text x=\"\(number(labelWidth + barWidth + 8))\" y=\"\(number(y + 16))\" class=\"value\">\(number(score))</text>"
        }
        return svg(width: width, height: 112, title: "Track fit, 0 to 100", body: body)
    }

    /// For each dimension: the contributor's score, the manager's, and a mark at what the
    /// target level expects.
    static func dimensionProfile(_ assessment: Assessment, expects: [String: Int]) -> String {
        let width = 640.0
        let labelWidth = 190.0
        let barWidth = width - labelWidth - 20
        var body = ""
        var y = 28.0
        body += "<rect x=\"\(number(labelWidth))\" y=\"2\" width=\"12\" height=\"10\" fill=\"\(selfColor)\"/><text x=\"\(number(labelWidth + 16))\" y=\"11\" class=\"legend\">contributor</text>"
        body += "<rect x=\"\(number(labelWidth + 100))\" y=\"2\" width=\"12\" height=\"10\" fill=\"\(managerColor)\"/><text x=\"\(number(labelWidth + 116))\" y=\"11\" class=\"legend\">manager</text>"
        body += "<rect x=\"\(number(labelWidth + 190))\" y=\"1\" width=\"3\" height=\"12\" fill=\"\(targetColor)\"/><text x=\"\(number(labelWidth + 198))\" y=\"11\" class=\"legend\">target level expects</text>"
        for score in assessment.dimensions {
            body += "<text x=\"0\" y=\"\(number(y + 14))\" class=\"label\">\(escape(Dimension.title(score.name)))</text>"
            body += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y))\" width=\"\(number(barWidth))\" height=\"20\" fill=\"#f7fafc\"/>"
            if let own = score.selfScore {
                body += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 1))\" width=\"\(number(barWidth * own / 100))\" height=\"8\" fill=\"\(selfColor)\"><title>contributor \(number(own))</title></rect>"
            }
            if let seen = score.managerScore {
                body += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 11))\" width=\"\(number(barWidth * seen / 100))\" height=\"8\" fill=\"\(managerColor)\"><title>manager \(number(seen))</title></rect>"
            }
            if let expected = expects[score.name] {
                let x = labelWidth + barWidth * Double(expected) / 100
                body += "<rect x=\"\(number(x - 1))\" y=\"\(number(y - 2))\" width=\"3\" height=\"24\" fill=\"\(targetColor)\"><title>expected \(expected)</title></rect>"
            }
            y += 30
        }
        return svg(width: width, height: y + 4, title: "Dimension profile: contributor and manager, 0 to 100", body: body)
    }

    /// Both ladders side by side, equivalent levels joined, the current level filled and the
    /// target level outlined.
    static func ladders(_ ladder: Ladder, current: String, target: String) -> String {
        let ic = ladder.levels(onTrack: "ic")
        let management = ladder.levels(onTrack: "management")
        let rows = max(ic.count, management.count)
        let boxWidth = 200.0
        let boxHeight = 30.0
        let gap = 12.0
        let columns: [(levels: [Ladder.Level], x: Double, title: String)] = [
            (ic, 0, ladder.tracks.first { $0.id == "ic" }?.title ?? "Individual contributor"),
            (management, 320, ladder.tracks.first { $0.id == "management" }?.title ?? "Management"),
        ]
        let height = 30 + Double(rows) * (boxHeight + gap)
        var centers: [String: (x: Double, y: Double)] = [:]
        var body = ""
        for column in columns {
            body += "<text x=\"\(number(column.x))\" y=\"14\" class=\"label strong\">\(escape(column.title))</text>"
            for level in column.levels {
                // Highest level at the top.
                let y = 24 + Double(rows - 1 - level.rank) * (boxHeight + gap)
                centers[level.id] = (column.x, y + boxHeight / 2)
                let isCurrent = level.id == current
                let isTarget = level.id == target
                let fill = isCurrent ? selfColor : "#ffffff"
                let stroke = isTarget ? targetColor : "#cbd5e0"
                let strokeWidth = isTarget ? 3 : 1
                let textClass = isCurrent ? "label inverse" : "label"
                var note = ""
                if isCurrent { note = " (now)" }
                if isTarget, !isCurrent { note = " (target)" }
                if isTarget, isCurrent { note = " (now and target)" }
                body += "<rect x=\"\(number(column.x))\" y=\"\(number(y))\" width=\"\(number(boxWidth))\" height=\"\(number(boxHeight))\" rx=\"4\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(strokeWidth)\"/>"
                body += "<text x=\"\(number(column.x + 8))\" y=\"\(number(y + 20))\" class=\"\(textClass)\">\(escape(level.title + note))</text>"
            }
        }
        for pair in ladder.equivalences {
            guard let left = centers[pair.ic], let right = centers[pair.management] else { continue }
            body += "<line x1=\"\(number(left.x + boxWidth))\" y1=\"\(number(left.y))\" x2=\"\(number(right.x))\" y2=\"\(number(right.y))\" stroke=\"\(mutedColor)\" stroke-dasharray=\"4 3\"/>"
        }
        if current != target, let from = centers[current], let to = centers[target] {
            let sameColumn = from.x == to.x
            let x1 = sameColumn ? from.x + boxWidth + 14 : from.x + boxWidth / 2
            let x2 = sameColumn ? to.x + boxWidth + 14 : to.x + boxWidth / 2
            body += "<line x1=\"\(number(x1))\" y1=\"\(number(from.y))\" x2=\"\(number(x2))\" y2=\"\(number(to.y))\" stroke=\"\(targetColor)\" stroke-width=\"2.5\" marker-end=\"url(#arrow)\"/>"
        }
        let defs = "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"\(targetColor)\"/></marker></defs>"
        return svg(width: 560, height: height, title: "Where the person stands on both ladders", body: defs + body)
    }

    private static func svg(width: Double, height: Double, title: String, body: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"100%\" style=\"max-width:\(number(width))px\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>\(body)</svg>"
    }
}
