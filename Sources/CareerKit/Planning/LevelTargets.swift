/// Where a plan aims: the next rung on the recommended track, the equivalent rung when the
/// recommendation crosses tracks, the hybrid step for a hybrid result, or the current level
/// for growth in place and for an undecided result. From a technical-leadership level (a tech
/// lead) technical growth goes to the next individual-contributor rung above it and wanting
/// reports to the next people-management rung: the ladder's `kind`, never a level id, decides.
public enum LevelTargets {
    /// The ladder track a plan aims along. Hybrid aims at broader technical-lead scope, which
    /// is on the individual-contributor ladder, unless management clearly leads; undecided
    /// stays on the current track.
    public static func ladderTrack(for track: Track, currentTrack: String, managementLeads: Bool = false) -> String {
        switch track {
        case .ic: return "ic"
        case .management: return "management"
        case .hybrid: return managementLeads ? "management" : "ic"
        case .undecided: return currentTrack
        }
    }

    /// The target level id and its equivalent on the other track (nil where it has no peer).
    ///
    /// - Parameters:
    ///   - managementLeads: for a hybrid result, whether the management fit leads clearly
    ///     enough to aim at a people-manager rung.
    ///   - wantsReports: for a hybrid result from a technical-leadership level, whether the
    ///     answers point to leading people too (a tech-lead-manager): the technical scope is
    ///     there already, so the next step is people, scope before headcount.
    public static func target(
        current: String, recommended: Track, growthInPlace: Bool, managementLeads: Bool = false, wantsReports: Bool = false,
        ladder: Ladder
    ) -> (target: String, equivalent: String?) {
        guard let level = ladder.level(current) else { return (current, nil) }
        let track = ladderTrack(for: recommended, currentTrack: level.track, managementLeads: managementLeads)
        let target: String
        if growthInPlace || recommended == .undecided {
            target = current
        } else if level.leadsTechnically {
            let towardPeople = track == "management" || (recommended == .hybrid && wantsReports)
            let step = towardPeople ? peopleStep(from: level, ladder: ladder) : technicalStep(from: level, ladder: ladder)
            target = step?.id ?? current
        } else if track == level.track {
            target = ladder.next(after: current)?.id ?? current
        } else {
            // Across tracks: the equal rung, not the bottom (a manager who wants both, or
            // individual work, lands on the individual-contributor peer of their level).
            target = crossing(from: level, to: track, ladder: ladder)
        }
        return (target, ladder.equivalent(of: target)?.id)
    }

    /// More technical scope from a technical-leadership level: the lowest individual-contributor
    /// rung ranked above it (a tech lead who ranks with a Senior Engineer grows toward Staff).
    static func technicalStep(from level: Ladder.Level, ladder: Ladder) -> Ladder.Level? {
        let rank = ladder.rank(acrossLadders: level.id)
        return ladder.levels(onTrack: "ic").first { $0.id != level.id && ladder.rank(acrossLadders: $0.id) > rank }
    }

    /// Leading people from a level whose holders have no reports: the lowest people-management
    /// rung ranked at or above it.
    static func peopleStep(from level: Ladder.Level, ladder: Ladder) -> Ladder.Level? {
        let rank = ladder.rank(acrossLadders: level.id)
        return ladder.levels(onTrack: "management").first {
            $0.id != level.id && $0.managesPeople && ladder.rank(acrossLadders: $0.id) >= rank
        }
    }

    /// The rung a move across tracks lands on: the equivalent level, or for a level with no
    /// peer, the equivalent of the nearest level below it that has one, else the other
    /// track's first rung.
    static func crossing(from level: Ladder.Level, to track: String, ladder: Ladder) -> String {
        let below = ladder.levels(onTrack: level.track).filter { $0.rank <= level.rank }.reversed()
        for candidate in below {
            if let peer = ladder.equivalent(of: candidate.id), peer.track == track { return peer.id }
        }
        return ladder.levels(onTrack: track).first?.id ?? level.id
    }
}
