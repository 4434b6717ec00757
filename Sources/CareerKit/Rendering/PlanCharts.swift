/// Inline SVG charts for the HTML plan: the three track fits, the dimension profile with
/// self and manager side by side, and where the person stands on both ladders. Text sizes
/// and colours not set here come from the template's stylesheet (`svg text.label`, ...).
///
/// Each chart is drawn twice, and the stylesheet shows one: a wide drawing for screens from
/// 720 px and for print, and a narrow one for phones. A drawing scales with the width it is
/// given, so the wide ones (560 to 802 units across) would shrink their text to about 5 px
/// on a 400 px phone; the narrow ones are drawn for that width, with labels over the bars and
/// level titles on two lines, so their text keeps about its stylesheet size there.
enum PlanCharts {
    enum Layout {
        case wide, narrow
    }

    /// The narrow drawings' width in user units: about a phone's column (360 px less the
    /// page's side padding), so one unit is about one pixel there.
    static let narrowWidth = 340.0
    /// How far past its width a narrow drawing may grow, on screens up to 720 px.
    static let narrowGrowth = 1.3

    static let selfColor = "#2b6cb0"
    static let managerColor = "#dd6b20"
    static let targetColor = "#2f855a"
    static let mutedColor = "#a0aec0"
    static let combinedColor = "#1a202c"

    static func escape(_ text: String) -> String { text.htmlEscaped }

    private static func number(_ value: Double) -> String { formatOneDecimal(value) }

    /// A rough width of `text` in user units, for laying out before the browser measures:
    /// `perCharacter` is a little over the average glyph width of the font size used.
    static func textWidth(_ text: String, perCharacter: Double) -> Double { Double(text.count) * perCharacter }

    /// Three horizontal bars, the recommended track in colour: wide, then narrow.
    static func trackFits(_ assessment: Assessment) -> String {
        trackFits(assessment, layout: .wide) + trackFits(assessment, layout: .narrow)
    }

    static func trackFits(_ assessment: Assessment, layout: Layout) -> String {
        if layout == .narrow { return narrowTrackFits(assessment) }
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
            body += "<text x=\"\(number(labelWidth + barWidth + 8))\" y=\"\(number(y + 16))\" class=\"value\">\(formatScore(score))</text>"
        }
        return svg(width: width, height: 112, title: "Track fit, 0 to 100", body: body, kind: "fits", layout: .wide)
    }

    /// Narrow: each track's name over its bar, so the bars keep most of the width.
    private static func narrowTrackFits(_ assessment: Assessment) -> String {
        let width = narrowWidth
        let barWidth = width - 44
        var body = ""
        for (index, track) in Track.allCases.enumerated() {
            let y = Double(index) * 48
            let score = assessment.scores[track] ?? 0
            let color = track == assessment.recommended ? selfColor : mutedColor
            body += "<text x=\"0\" y=\"\(number(y + 13))\" class=\"label\">\(escape(track.shortTitle))</text>"
            body += "<rect x=\"0\" y=\"\(number(y + 18))\" width=\"\(number(barWidth))\" height=\"18\" fill=\"#edf2f7\" rx=\"3\"/>"
            body += "<rect x=\"0\" y=\"\(number(y + 18))\" width=\"\(number(barWidth * score / 100))\" height=\"18\" fill=\"\(color)\" rx=\"3\"/>"
            body += "<text x=\"\(number(barWidth + 6))\" y=\"\(number(y + 32))\" class=\"value\">\(formatScore(score))</text>"
        }
        return svg(width: width, height: 2 * 48 + 38, title: "Track fit, 0 to 100", body: body, kind: "fits", layout: .narrow)
    }

    /// For each dimension: the contributor's score and the manager's (each only when that
    /// rater answered), the combined score as a thin dark tick when there are both, and a
    /// green mark at what the target level expects, over a 0, 50, 100 axis. The room to grow
    /// is the distance from the tick (or the bar's end) up to the green mark.
    static func dimensionProfile(_ assessment: Assessment, expects: [String: Int]) -> String {
        dimensionProfile(assessment, expects: expects, layout: .wide)
            + dimensionProfile(assessment, expects: expects, layout: .narrow)
    }

    static func dimensionProfile(_ assessment: Assessment, expects: [String: Int], layout: Layout) -> String {
        if layout == .narrow { return narrowDimensionProfile(assessment, expects: expects) }
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
            body += bars(score, left: labelWidth, top: y, width: barWidth, showCombined: showCombined, expected: expects[score.name])
            y += rowHeight
        }
        return svg(width: width, height: bottom + 18, title: profileTitle(showSelf: showSelf, showManager: showManager), body: body, kind: "profile", layout: .wide)
    }

    private static func profileTitle(showSelf: Bool, showManager: Bool) -> String {
        let raters = showSelf && showManager ? "you, your manager and combined" : showManager ? "your manager" : "you"
        return "Dimension profile, 0 to 100: \(raters), and what the target level expects"
    }

    /// One dimension's bars in a row band 20 high whose left edge is `left` and top is `top`:
    /// the contributor's over the manager's (with one rater, their bar takes the whole band),
    /// the combined mark and what the target level expects.
    private static func bars(
        _ score: Assessment.DimensionScore, left: Double, top: Double, width: Double, showCombined: Bool, expected: Int?
    ) -> String {
        var body = ""
        let both = score.selfScore != nil && score.managerScore != nil
        if let own = score.selfScore {
            body += "<rect x=\"\(number(left))\" y=\"\(number(top + 1))\" width=\"\(number(width * own / 100))\" height=\"\(both ? 8 : 18)\" fill=\"\(selfColor)\"><title>you \(formatScore(own))</title></rect>"
        }
        if let seen = score.managerScore {
            body += "<rect x=\"\(number(left))\" y=\"\(number(top + (both ? 11 : 1)))\" width=\"\(number(width * seen / 100))\" height=\"\(both ? 8 : 18)\" fill=\"\(managerColor)\"><title>your manager \(formatScore(seen))</title></rect>"
        }
        if showCombined, both, let combined = score.combined {
            let x = left + width * combined / 100
            body += "<rect x=\"\(number(x - 1))\" y=\"\(number(top - 1))\" width=\"2\" height=\"22\" fill=\"\(combinedColor)\"><title>combined \(formatScore(combined))</title></rect>"
        }
        if let expected {
            body += targetMark(x: left + width * Double(expected) / 100, y: top, expected: expected)
        }
        return body
    }

    /// What the target level expects: a green mark standing out of the row band, edged in
    /// white so it stays apart from a bar under it in black-and-white print.
    private static func targetMark(x: Double, y: Double, expected: Int) -> String {
        "<rect x=\"\(number(x - 1.5))\" y=\"\(number(y - 3))\" width=\"3\" height=\"26\" fill=\"\(targetColor)\" stroke=\"#ffffff\" stroke-width=\"1.5\" paint-order=\"stroke\"><title>target level expects \(expected)</title></rect>"
    }

    /// Narrow: the legend wraps, each dimension's name stands over its row band, and the 0, 50
    /// and 100 lines are drawn in each band so they never cross a name.
    private static func narrowDimensionProfile(_ assessment: Assessment, expects: [String: Int]) -> String {
        let showSelf = assessment.dimensions.contains { $0.selfScore != nil }
        let showManager = assessment.dimensions.contains { $0.managerScore != nil }
        let showCombined = showSelf && showManager
        let width = narrowWidth
        let barWidth = width - 4
        let legendLine = 18.0
        var body = ""
        var legendX = 0.0
        var legendY = 0.0
        // Legend text is 12 px here (the stylesheet's `.chart-narrow text.legend`).
        func legend(_ swatch: (Double, Double) -> String, _ text: String) {
            let itemWidth = 16 + textWidth(text, perCharacter: 6.4)
            if legendX > 0, legendX + itemWidth > width {
                legendX = 0
                legendY += legendLine
            }
            body += swatch(legendX, legendY) + "<text x=\"\(number(legendX + 16))\" y=\"\(number(legendY + 12))\" class=\"legend\">\(text)</text>"
            legendX += itemWidth + 14
        }
        if showSelf {
            legend({ "<rect x=\"\(number($0))\" y=\"\(number($1 + 3))\" width=\"12\" height=\"10\" fill=\"\(selfColor)\"/>" }, "you")
        }
        if showManager {
            legend({ "<rect x=\"\(number($0))\" y=\"\(number($1 + 3))\" width=\"12\" height=\"10\" fill=\"\(managerColor)\"/>" }, "your manager")
        }
        if showCombined {
            legend({ "<rect x=\"\(number($0 + 5))\" y=\"\(number($1 + 1))\" width=\"2\" height=\"14\" fill=\"\(combinedColor)\"/>" }, "combined")
        }
        legend({ "<rect x=\"\(number($0 + 4))\" y=\"\(number($1 + 2))\" width=\"3\" height=\"12\" fill=\"\(targetColor)\"/>" }, "target level expects")
        let top = legendY + legendLine + 10
        let rowHeight = 50.0
        var y = top
        for score in assessment.dimensions {
            body += "<text x=\"0\" y=\"\(number(y + 13))\" class=\"label\">\(escape(Dimension.title(score.name)))</text>"
            let band = y + 20
            body += "<rect x=\"0\" y=\"\(number(band))\" width=\"\(number(barWidth))\" height=\"20\" fill=\"#f7fafc\"/>"
            for value in [0.0, 50, 100] {
                let x = barWidth * value / 100
                body += "<line x1=\"\(number(x))\" y1=\"\(number(band))\" x2=\"\(number(x))\" y2=\"\(number(band + 20))\" stroke=\"#cbd5e0\" stroke-width=\"1\"/>"
            }
            body += bars(score, left: 0, top: band, width: barWidth, showCombined: showCombined, expected: expects[score.name])
            y += rowHeight
        }
        let axis = y - rowHeight + 40 + 16
        for (value, anchor) in [(0.0, "start"), (50.0, "middle"), (100.0, "end")] {
            body += "<text x=\"\(number(barWidth * value / 100))\" y=\"\(number(axis))\" text-anchor=\"\(anchor)\" class=\"legend\">\(number(value))</text>"
        }
        return svg(width: width, height: axis + 4, title: profileTitle(showSelf: showSelf, showManager: showManager), body: body, kind: "profile", layout: .narrow)
    }

    /// Both ladders side by side, highest level at the top, equivalent levels on one row and
    /// joined by a dashed line. The current level is filled, the target level outlined in
    /// green, each marked beside its box, and a green arrow shows the move: from edge to edge
    /// across the tracks, or round the outside of the ladder along one track.
    static func ladders(_ ladder: Ladder, current: String, target: String) -> String {
        ladders(ladder, current: current, target: target, layout: .wide)
            + ladders(ladder, current: current, target: target, layout: .narrow)
    }

    static func ladders(_ ladder: Ladder, current: String, target: String, layout: Layout) -> String {
        if layout == .narrow { return narrowLadders(ladder, current: current, target: target) }
        let (rows, rowCount) = ladder.rungRows()
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
        let boxes = ladderBoxes(ladder, rows: rows, rowCount: rowCount, icX: icX, managementX: managementX, top: top, pitch: pitch)
        var body = ""
        for (x, id) in [(icX, "ic"), (managementX, "management")] {
            let title = ladder.tracks.first { $0.id == id }?.title ?? (id == "ic" ? "Individual contributor" : "Management")
            body += "<text x=\"\(number(x))\" y=\"14\" class=\"label strong\">\(escape(title))</text>"
        }
        // Lines and the arrow first, so the boxes sit on top of them.
        let box = LadderBox(width: boxWidth, height: boxHeight, icX: icX, managementX: managementX)
        body += equivalenceLines(ladder, boxes: boxes, box: box)
        body += moveArrow(from: current, to: target, boxes: boxes, box: box, outside: 14, marker: "arrow")
        for level in ladder.levels {
            guard let place = boxes[level.id] else { continue }
            let isCurrent = level.id == current
            let isTarget = level.id == target
            body += levelRect(at: place, box: box, isCurrent: isCurrent, isTarget: isTarget)
            // A title too long for the box is squeezed to fit, so white text never runs
            // off a filled box.
            let room = boxWidth - 20
            let fit = Double(level.title.count) * 7.4 > room ? " textLength=\"\(number(room))\" lengthAdjust=\"spacingAndGlyphs\"" : ""
            body += "<text x=\"\(number(place.x + 10))\" y=\"\(number(place.y + 20))\" class=\"\(isCurrent ? "label inverse" : "label")\"\(fit)>\(escape(level.title))</text>"
            // "now" and "target" beside the box, on the outer side of its ladder.
            var tags: [(String, String)] = []
            if isCurrent { tags.append(("now", selfColor)) }
            if isTarget { tags.append(("target", targetColor)) }
            guard !tags.isEmpty else { continue }
            let left = place.x == icX
            let x = left ? place.x - 24 : place.x + boxWidth + 24
            for (index, tag) in tags.enumerated() {
                let y = tags.count == 1 ? place.y + 20 : place.y + 13 + Double(index) * 13
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
        return svg(width: width, height: keyY + 12, title: "Where you stand on both ladders", body: defs + body + key, kind: "ladders", layout: .wide)
    }

    /// The size of a level's box and where the two ladders stand, shared by both drawings.
    private struct LadderBox {
        var width: Double
        var height: Double
        var icX: Double
        var managementX: Double
    }

    /// Where each level's box sits: the IC ladder at `icX`, the management ladder at
    /// `managementX`, rung rows from the bottom up.
    private static func ladderBoxes(
        _ ladder: Ladder, rows: [String: Int], rowCount: Int, icX: Double, managementX: Double, top: Double, pitch: Double
    ) -> [String: (x: Double, y: Double)] {
        var boxes: [String: (x: Double, y: Double)] = [:]
        for level in ladder.levels {
            guard let row = rows[level.id] else { continue }
            boxes[level.id] = (level.track == "ic" ? icX : managementX, top + Double(rowCount - 1 - row) * pitch)
        }
        return boxes
    }

    /// The dashed lines joining levels that are the same on both tracks.
    private static func equivalenceLines(_ ladder: Ladder, boxes: [String: (x: Double, y: Double)], box: LadderBox) -> String {
        var lines = ""
        for pair in ladder.equivalences {
            guard let left = boxes[pair.ic], let right = boxes[pair.management] else { continue }
            lines += "<line x1=\"\(number(left.x + box.width))\" y1=\"\(number(left.y + box.height / 2))\" x2=\"\(number(right.x))\" y2=\"\(number(right.y + box.height / 2))\" stroke=\"\(mutedColor)\" stroke-dasharray=\"4 3\"/>"
        }
        return lines
    }

    /// The arrow from the current level to the target: straight across the tracks, or round
    /// the outside of its ladder (`outside` units) when both are on one track.
    private static func moveArrow(
        from current: String, to target: String, boxes: [String: (x: Double, y: Double)], box: LadderBox, outside: Double,
        marker: String
    ) -> String {
        guard current != target, let from = boxes[current], let to = boxes[target] else { return "" }
        let y1 = from.y + box.height / 2
        let y2 = to.y + box.height / 2
        let arrow = "fill=\"none\" stroke=\"\(targetColor)\" stroke-width=\"2.5\" marker-end=\"url(#\(marker))\""
        if from.x != to.x {
            let x1 = from.x < to.x ? from.x + box.width : from.x
            let x2 = from.x < to.x ? to.x : to.x + box.width
            return "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" \(arrow)/>"
        }
        // Round the outside: left of the IC ladder, right of the management ladder.
        let edge = from.x == box.icX ? box.icX : box.managementX + box.width
        let turn = from.x == box.icX ? edge - outside : edge + outside
        return "<path d=\"M \(number(edge)) \(number(y1)) H \(number(turn)) V \(number(y2)) H \(number(edge))\" \(arrow)/>"
    }

    /// A level's box: filled for the current level, a thick outline for the target.
    private static func levelRect(at place: (x: Double, y: Double), box: LadderBox, isCurrent: Bool, isTarget: Bool) -> String {
        let fill = isCurrent ? selfColor : "#ffffff"
        let stroke = isTarget ? targetColor : isCurrent ? selfColor : "#cbd5e0"
        return "<rect x=\"\(number(place.x))\" y=\"\(number(place.y))\" width=\"\(number(box.width))\" height=\"\(number(box.height))\" rx=\"4\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(isTarget ? 3 : 1)\"/>"
    }

    /// A level title in lines of at most `room` units at `perCharacter`: one line when it fits,
    /// else the two-line split at a space whose longer line is shortest. A line still too long
    /// (one long word) is left to the caller to squeeze.
    static func titleLines(_ title: String, room: Double, perCharacter: Double) -> [String] {
        guard textWidth(title, perCharacter: perCharacter) > room else { return [title] }
        let words = title.split(separator: " ").map(String.init)
        guard words.count > 1 else { return [title] }
        let splits = (1..<words.count).map { cut in
            [words[..<cut].joined(separator: " "), words[cut...].joined(separator: " ")]
        }
        return splits.min { max($0[0].count, $0[1].count) < max($1[0].count, $1[1].count) }!
    }

    /// Narrow: the same two ladders in narrower boxes, a title too long for one line on two,
    /// and "now" and "target" as small labels on the box's top edge, as there is no room
    /// beside the ladders. The arrow and key are as in the wide drawing.
    private static func narrowLadders(_ ladder: Ladder, current: String, target: String) -> String {
        let (rows, rowCount) = ladder.rungRows()
        let width = narrowWidth
        let margin = 14.0
        let boxWidth = 138.0
        let boxHeight = 38.0
        let pitch = 54.0
        let top = 36.0
        let icX = margin
        let managementX = width - margin - boxWidth
        let boxes = ladderBoxes(ladder, rows: rows, rowCount: rowCount, icX: icX, managementX: managementX, top: top, pitch: pitch)
        var body = ""
        for (x, id) in [(icX, "ic"), (managementX, "management")] {
            let title = ladder.tracks.first { $0.id == id }?.title ?? (id == "ic" ? "Individual contributor" : "Management")
            // The IC heading may run over the gap between the ladders, up to the other heading.
            let room = id == "ic" ? managementX - icX - 8 : width - managementX
            let fit = textWidth(title, perCharacter: 7.0) > room ? " textLength=\"\(number(room))\" lengthAdjust=\"spacingAndGlyphs\"" : ""
            body += "<text x=\"\(number(x))\" y=\"14\" class=\"label strong\"\(fit)>\(escape(title))</text>"
        }
        let box = LadderBox(width: boxWidth, height: boxHeight, icX: icX, managementX: managementX)
        body += equivalenceLines(ladder, boxes: boxes, box: box)
        body += moveArrow(from: current, to: target, boxes: boxes, box: box, outside: 10, marker: "arrow-narrow")
        // Titles at 13 px measure 6.0 to 6.5 units a character in common sans-serif fonts.
        let room = boxWidth - 14
        for level in ladder.levels {
            guard let place = boxes[level.id] else { continue }
            let isCurrent = level.id == current
            let isTarget = level.id == target
            body += levelRect(at: place, box: box, isCurrent: isCurrent, isTarget: isTarget)
            let lines = titleLines(level.title, room: room, perCharacter: 6.8)
            let baselines = lines.count == 1 ? [place.y + 24] : [place.y + 16, place.y + 31]
            for (line, baseline) in zip(lines, baselines) {
                let fit = textWidth(line, perCharacter: 6.8) > room ? " textLength=\"\(number(room))\" lengthAdjust=\"spacingAndGlyphs\"" : ""
                body += "<text x=\"\(number(place.x + 8))\" y=\"\(number(baseline))\" class=\"\(isCurrent ? "label inverse" : "label")\"\(fit)>\(escape(line))</text>"
            }
            // The labels sit on the box's top edge, right-aligned, "target" outermost.
            var tags: [(String, String)] = []
            if isTarget { tags.append(("target", targetColor)) }
            if isCurrent { tags.append(("now", selfColor)) }
            var right = place.x + boxWidth - 6
            for tag in tags {
                let tagWidth = textWidth(tag.0, perCharacter: 6.8) + 12
                body += "<rect x=\"\(number(right - tagWidth))\" y=\"\(number(place.y - 10))\" width=\"\(number(tagWidth))\" height=\"16\" rx=\"8\" fill=\"\(tag.1)\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
                body += "<text x=\"\(number(right - tagWidth / 2))\" y=\"\(number(place.y + 2))\" text-anchor=\"middle\" class=\"tag inverse\">\(tag.0)</text>"
                right -= tagWidth + 4
            }
        }
        let defs = "<defs><marker id=\"arrow-narrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"\(targetColor)\"/></marker></defs>"
        // The key under the ladders, a line each.
        var keyY = top + Double(rowCount - 1) * pitch + boxHeight + 20
        var key = "<line x1=\"\(number(icX))\" y1=\"\(number(keyY))\" x2=\"\(number(icX + 30))\" y2=\"\(number(keyY))\" stroke=\"\(mutedColor)\" stroke-dasharray=\"4 3\"/>"
        key += "<text x=\"\(number(icX + 38))\" y=\"\(number(keyY + 4))\" class=\"legend\">the same level on both tracks</text>"
        if current != target {
            keyY += 20
            key += "<line x1=\"\(number(icX))\" y1=\"\(number(keyY))\" x2=\"\(number(icX + 30))\" y2=\"\(number(keyY))\" stroke=\"\(targetColor)\" stroke-width=\"2.5\" marker-end=\"url(#arrow-narrow)\"/>"
            key += "<text x=\"\(number(icX + 38))\" y=\"\(number(keyY + 4))\" class=\"legend\">the move this plan works toward</text>"
        }
        return svg(width: width, height: keyY + 10, title: "Where you stand on both ladders", body: defs + body + key, kind: "ladders", layout: .narrow)
    }

    /// The `<svg>` element, with classes for the stylesheet: `chart-wide` or `chart-narrow` to
    /// show one of the two, and `chart-` and the kind of chart. It is as wide as its column up
    /// to its own width (a narrow drawing up to `narrowGrowth` times it).
    private static func svg(width: Double, height: Double, title: String, body: String, kind: String, layout: Layout) -> String {
        let name = (layout == .wide ? "chart-wide" : "chart-narrow") + " chart-" + kind
        let maxWidth = layout == .wide ? width : width * narrowGrowth
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(name)\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"100%\" style=\"max-width:\(number(maxWidth))px\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>\(body)</svg>"
    }
}
