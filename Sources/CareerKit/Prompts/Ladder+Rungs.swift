extension Ladder {
    /// The row of every level when both ladders stand side by side, 0 at the bottom: the IC
    /// levels in order, each management level beside its IC equivalent so the equivalence
    /// lines are level, and the levels without a peer above or below their neighbours in
    /// order. Equivalences that would cross an earlier one keep their own order instead.
    public func rungRows() -> (rows: [String: Int], count: Int) {
        let ic = levels(onTrack: "ic")
        let management = levels(onTrack: "management")
        // Anchors: equivalent pairs in rising order on both tracks.
        var anchors: [(ic: Int, management: Int)] = []
        let pairs = equivalences.compactMap { pair -> (ic: Int, management: Int)? in
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

    /// Every level from the lowest rung up, the IC level first where two share a rung: the
    /// order in which a person looks for their level.
    public func levelsByRung() -> [Level] {
        let rows = rungRows().rows
        let tracks = self.tracks.map(\.id)
        return levels.sorted {
            (rows[$0.id] ?? 0, tracks.firstIndex(of: $0.track) ?? 0, $0.rank)
                < (rows[$1.id] ?? 0, tracks.firstIndex(of: $1.track) ?? 0, $1.rank)
        }
    }

    /// A level's rank across both ladders: its rank on its own ladder, with management levels
    /// placed at the rank of their individual-contributor equivalent.
    public func rank(acrossLadders id: String) -> Double {
        guard let level = level(id) else { return 0 }
        if level.track == "ic" { return Double(level.rank) }
        if let peer = equivalent(of: id), peer.track == "ic" { return Double(peer.rank) }
        // No peer (a VP): one above the highest management level that has one.
        let ranked = levels(onTrack: level.track).filter { $0.rank < level.rank }
        let anchor = ranked.reversed().first { equivalent(of: $0.id) != nil }
        guard let anchor, let peer = equivalent(of: anchor.id) else { return Double(level.rank) }
        return Double(peer.rank + level.rank - anchor.rank)
    }
}
