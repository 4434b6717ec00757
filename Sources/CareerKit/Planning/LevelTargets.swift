/// Where a plan aims: the next rung on the recommended track, the equivalent rung when the
/// recommendation crosses tracks, the hybrid step for a hybrid result, or the current level
/// for growth in place and for an undecided result.
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
    /// - Parameter managementLeads: for a hybrid result, whether the management fit leads
    ///   clearly enough to aim at a people-manager rung.
    public static func target(
        current: String, recommended: Track, growthInPlace: Bool, managementLeads: Bool = false, ladder: Ladder
    ) -> (target: String, equivalent: String?) {
        guard let level = ladder.level(current) else { return (current, nil) }
        let track = ladderTrack(for: recommended, currentTrack: level.track, managementLeads: managementLeads)
        let target: String
        if growthInPlace || recommended == .undecided {
            target = current
        } else if track == level.track {
            target = ladder.next(after: current)?.id ?? current
        } else if recommended == .hybrid {
            // A manager who wants both moves to the individual-contributor peer of their level;
            // from the first management rung (already a technical lead) the step is the rung
            // above that peer: broader technical-lead scope.
            let landing = crossing(from: level, to: track, ladder: ladder)
            let isFirstRung = ladder.levels(onTrack: level.track).first?.id == level.id
            target = isFirstRung ? ladder.next(after: landing)?.id ?? landing : landing
        } else {
            target = crossing(from: level, to: track, ladder: ladder)
        }
        return (target, ladder.equivalent(of: target)?.id)
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
