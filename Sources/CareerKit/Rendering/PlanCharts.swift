/// Inline SVG charts for the HTML plan: the three track fits, the dimension profile with
/// self and manager side by side, and where the person stands on both ladders. Text sizes
/// and colours not set here come from the template's stylesheet (`svg text.label`, ...).
enum PlanCharts {
    static let selfColor = "#2b6cb0"
    static let managerColor = "#dd6b20"
    static let targetColor = "#2f855a"
    static let mutedColor = "#a0aec0"
    static let combinedColor = "#1a202c"

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

    private static func number(_ value: Double) -> String { formatOneDecimal(value) }

    /// Three horizontal bars, the recommended track in colour.
    static func trackFits(_ assessment: Assessment) -> String {
        let width = 560.0
        let labelWidth = 170.0
        let barWidth = width - labelWidth - 50
        var body = ""
        for (index, track) in Track.scored.enumerated() {
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

    /// For each dimension: the contributor's score and the manager's (each only when that
    /// rater answered), the combined score as a thin dark tick when there are both, and a
    /// green mark at what the target level expects, over a 0, 50, 100 axis. The room to grow
    /// is the distance from the tick (or the bar's end) up to the green mark.
    static func dimensionProfile(_ assessment: Assessment, expects: [String: Int]) -> String {
        let showSelf = assessment.dimensions.contains { $0.selfScore != nil }
        let showManager = assessment.dimensions.contains { $0.managerScore != nil }
        let showCombined = showSelf && showManager
        let width = 640.0
        let labelWidth = 190.0
        let barWidth = width - labelWidth - 20
        let top = 28.0
        let rowHeight = 30.0
        let bottom = top + Double(assessment.dimensions.count) * rowHeight
        var body = ""
        var legendX = labelWidth
        func legend(_ swatch: String, _ text: String, _ textWidth: Double) {
            body += swatch + "<text x=\"\(number(legendX + 16))\" y=\"11\" class=\"legend\">\(text)</text>"
            legendX += 16 + textWidth
        }
        if showSelf {
            legend("<rect x=\"\(number(legendX))\" y=\"2\" width=\"12\" height=\"10\" fill=\"\(selfColor)\"/>", "you", 40)
        }
        if showManager {
            legend(
                "<rect x=\"\(number(legendX))\" y=\"2\" width=\"12\" height=\"10\" fill=\"\(managerColor)\"/>", "your manager", 84)
        }
        if showCombined {
            legend("<rect x=\"\(number(legendX + 5))\" y=\"0\" width=\"2\" height=\"14\" fill=\"\(combinedColor)\"/>", "combined", 66)
        }
        legend("<rect x=\"\(number(legendX + 4))\" y=\"1\" width=\"3\" height=\"12\" fill=\"\(targetColor)\"/>", "target level expects", 0)
        // Row backgrounds, then the axis over them: light lines at 0, 50 and 100, labelled
        // under the last row; the bars and marks go on top.
        for index in assessment.dimensions.indices {
            body += "<rect x=\"\(number(labelWidth))\" y=\"\(number(top + Double(index) * rowHeight))\" width=\"\(number(barWidth))\" height=\"20\" fill=\"#f7fafc\"/>"
        }
        for (value, anchor) in [(0.0, "start"), (50.0, "middle"), (100.0, "end")] {
            let x = labelWidth + barWidth * value / 100
            body += "<line x1=\"\(number(x))\" y1=\"\(number(top - 4))\" x2=\"\(number(x))\" y2=\"\(number(bottom))\" stroke=\"#cbd5e0\" stroke-width=\"1\"/>"
            body += "<text x=\"\(number(x))\" y=\"\(number(bottom + 12))\" text-anchor=\"\(anchor)\" class=\"legend\">\(number(value))</text>"
        }
        var y = top
        for score in assessment.dimensions {
            body += "<text x=\"0\" y=\"\(number(y + 14))\" class=\"label\">\(escape(Dimension.title(score.name)))</text>"
            // With one rater, their bar takes the whole row height.
            let both = score.selfScore != nil && score.managerScore != nil
            if let own = score.selfScore {
                body += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 1))\" width=\"\(number(barWidth * own / 100))\" height=\"\(both ? 8 : 18)\" fill=\"\(selfColor)\"><title>you \(number(own))</title></rect>"
            }
            if let seen = score.managerScore {
                body += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + (both ? 11 : 1)))\" width=\"\(number(barWidth * seen / 100))\" height=\"\(both ? 8 : 18)\" fill=\"\(managerColor)\"><title>your manager \(number(seen))</title></rect>"
            }
            if showCombined, both, let combined = score.combined {
                let x = labelWidth + barWidth * combined / 100
                body += "<rect x=\"\(number(x - 1))\" y=\"\(number(y - 1))\" width=\"2\" height=\"22\" fill=\"\(combinedColor)\"><title>combined \(number(combined))</title></rect>"
            }
            if let expected = expects[score.name] {
                let x = labelWidth + barWidth * Double(expected) / 100
                body += "<rect x=\"\(number(x - 1.5))\" y=\"\(number(y - 3))\" width=\"3\" height=\"26\" fill=\"\(targetColor)\"><title>target level expects \(expected)</title></rect>"
            }
            y += rowHeight
        }
        let raters = showCombined ? "you, your manager and combined" : showManager ? "your manager" : "you"
        return svg(width: width, height: bottom + 18, title: "Dimension profile, 0 to 100: \(raters), and what the target level expects", body: body)
    }

    /// The row of every level when both ladders stand side by side, 0 at the bottom: the IC
    /// levels in order, each management level beside its IC equivalent so the equivalence
    /// lines are level, and the levels without a peer above or below their neighbours in
    /// order. Equivalences that would cross an earlier one keep their own order instead.
    static func ladderRows(_ ladder: Ladder) -> (rows: [String: Int], count: Int) {
        let ic = ladder.levels(onTrack: "ic")
        let management = ladder.levels(onTrack: "management")
        // Anchors: equivalent pairs in rising order on both tracks.
        var anchors: [(ic: Int, management: Int)] = []
        let pairs = ladder.equivalences.compactMap { pair -> (ic: Int, management: Int)? in
            guard let left = ic.firstIndex(where: { $0.id == pair.ic }),
                let right = management.firstIndex(where: { $0.id == pair.management })
            else { return nil }
            return (left, right)
        }.sorted { ($0.ic, $0.management) < ($1.ic, $1.management) }
        for pair in pairs where pair.ic > (anchors.last?.ic ?? -1) && pair.management > (anchors.last?.management ?? -1) {
            anchors.append(pair)
        }
        var rows: [String: Int] = [:]
        var row = 0
        var previous = (ic: -1, management: -1)
        for (index, anchor) in (anchors + [(ic.count, management.count)]).enumerated() {
            let left = Array(ic[(previous.ic + 1)..<anchor.ic])
            let right = Array(management[(previous.management + 1)..<anchor.management])
            let height = max(left.count, right.count)
            // Below the first anchor, levels sit right under it; elsewhere right above the
            // anchor below them.
            let underFirstAnchor = index == 0 && !anchors.isEmpty
            for segment in [left, right] {
                let offset = underFirstAnchor ? height - segment.count : 0
                for (position, level) in segment.enumerated() { rows[level.id] = row + offset + position }
            }
            row += height
            if index < anchors.count {
                rows[ic[anchor.ic].id] = row
                rows[management[anchor.management].id] = row
                row += 1
            }
            previous = anchor
        }
        return (rows, row)
    }

    /// Both ladders side by side, highest level at the top, equivalent levels on one row and
    /// joined by a dashed line. The current level is filled, the target level outlined in
    /// green, each marked beside its box, and a green arrow shows the move: from edge to edge
    /// across the tracks, or round the outside of the ladder along one track.
    static func ladders(_ ladder: Ladder, current: String, target: String) -> String {
        let (rows, rowCount) = ladderRows(ladder)
        let boxWidth = 250.0
        let boxHeight = 30.0
        let pitch = 42.0
        let margin = 96.0
        let columnGap = 110.0
        let top = 28.0
        let icX = margin
        let managementX = margin + boxWidth + columnGap
        let width = managementX + boxWidth + margin
        let height = top + Double(rowCount) * pitch
        var boxes: [String: (x: Double, y: Double)] = [:]
        for level in ladder.levels {
            guard let row = rows[level.id] else { continue }
            boxes[level.id] = (level.track == "ic" ? icX : managementX, top + Double(rowCount - 1 - row) * pitch)
        }
        var body = ""
        for (x, id) in [(icX, "ic"), (managementX, "management")] {
            let title = ladder.tracks.first { $0.id == id }?.title ?? (id == "ic" ? "Individual contributor" : "Management")
            body += "<text x=\"\(number(x))\" y=\"14\" class=\"label strong\">\(escape(title))</text>"
        }
        // Lines and the arrow first, so the boxes sit on top of them.
        for pair in ladder.equivalences {
            guard let left = boxes[pair.ic], let right = boxes[pair.management] else { continue }
            body += "<line x1=\"\(number(left.x + boxWidth))\" y1=\"\(number(left.y + boxHeight / 2))\" x2=\"\(number(right.x))\" y2=\"\(number(right.y + boxHeight / 2))\" stroke=\"\(mutedColor)\" stroke-dasharray=\"4 3\"/>"
        }
        if current != target, let from = boxes[current], let to = boxes[target] {
            let y1 = from.y + boxHeight / 2
            let y2 = to.y + boxHeight / 2
            let arrow = "fill=\"none\" stroke=\"\(targetColor)\" stroke-width=\"2.5\" marker-end=\"url(#arrow)\""
            if from.x != to.x {
                let x1 = from.x < to.x ? from.x + boxWidth : from.x
                let x2 = from.x < to.x ? to.x : to.x + boxWidth
                body += "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" \(arrow)/>"
            } else {
                // Round the outside: left of the IC ladder, right of the management ladder.
                let edge = from.x == icX ? icX : managementX + boxWidth
                let outside = from.x == icX ? edge - 14 : edge + 14
                body += "<path d=\"M \(number(edge)) \(number(y1)) H \(number(outside)) V \(number(y2)) H \(number(edge))\" \(arrow)/>"
            }
        }
        for level in ladder.levels {
            guard let box = boxes[level.id] else { continue }
            let isCurrent = level.id == current
            let isTarget = level.id == target
            let fill = isCurrent ? selfColor : "#ffffff"
            let stroke = isTarget ? targetColor : isCurrent ? selfColor : "#cbd5e0"
            body += "<rect x=\"\(number(box.x))\" y=\"\(number(box.y))\" width=\"\(number(boxWidth))\" height=\"\(number(boxHeight))\" rx=\"4\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(isTarget ? 3 : 1)\"/>"
            // A title too long for the box is squeezed to fit, so white text never runs
            // off a filled box.
            let room = boxWidth - 20
            let fit = Double(level.title.count) * 7.4 > room ? " textLength=\"\(number(room))\" lengthAdjust=\"spacingAndGlyphs\"" : ""
            body += "<text x=\"\(number(box.x + 10))\" y=\"\(number(box.y + 20))\" class=\"\(isCurrent ? "label inverse" : "label")\"\(fit)>\(escape(level.title))</text>"
            // "now" and "target" beside the box, on the outer side of its ladder.
            var tags: [(String, String)] = []
            if isCurrent { tags.append(("now", selfColor)) }
            if isTarget { tags.append(("target", targetColor)) }
            guard !tags.isEmpty else { continue }
            let left = box.x == icX
            let x = left ? box.x - 24 : box.x + boxWidth + 24
            for (index, tag) in tags.enumerated() {
                let y = tags.count == 1 ? box.y + 20 : box.y + 13 + Double(index) * 13
                body += "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(left ? "end" : "start")\" class=\"tag\" fill=\"\(tag.1)\">\(tag.0)</text>"
            }
        }
        let defs = "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"\(targetColor)\"/></marker></defs>"
        // A key under the ladders.
        let keyY = height + 8
        var key = "<line x1=\"\(number(icX))\" y1=\"\(number(keyY))\" x2=\"\(number(icX + 30))\" y2=\"\(number(keyY))\" stroke=\"\(mutedColor)\" stroke-dasharray=\"4 3\"/>"
        key += "<text x=\"\(number(icX + 38))\" y=\"\(number(keyY + 4))\" class=\"legend\">the same level on both tracks</text>"
        if current != target {
            key += "<line x1=\"\(number(managementX))\" y1=\"\(number(keyY))\" x2=\"\(number(managementX + 30))\" y2=\"\(number(keyY))\" stroke=\"\(targetColor)\" stroke-width=\"2.5\" marker-end=\"url(#arrow)\"/>"
            key += "<text x=\"\(number(managementX + 38))\" y=\"\(number(keyY + 4))\" class=\"legend\">the move this plan works toward</text>"
        }
        return svg(width: width, height: keyY + 12, title: "Where you stand on both ladders", body: defs + body + key)
    }

    private static func svg(width: Double, height: Double, title: String, body: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"100%\" style=\"max-width:\(number(width))px\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>\(body)</svg>"
    }
}
