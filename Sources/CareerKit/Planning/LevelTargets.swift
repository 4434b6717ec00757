/// Where a plan aims: the next rung on the recommended track, the equivalent rung when the
/// recommendation crosses tracks, or the current level for growth in place.
public enum LevelTargets {
    /// The ladder track a recommendation leads along. Hybrid work exists on both ladders, so a
    /// hybrid recommendation keeps the person's current track.
    public static func ladderTrack(for track: Track, currentTrack: String) -> String {
        switch track {
        case .ic: return "ic"
        case .management: return "management"
        case .hybrid: return currentTrack
        }
    }

    /// The target level id and its equivalent on the other track (nil where it has no peer).
    public static func target(
        current: String, recommended: Track, growthInPlace: Bool, ladder: Ladder
    ) -> (target: String, equivalent: String?) {
        guard let level = ladder.level(current) else { return (current, nil) }
        let track = ladderTrack(for: recommended, currentTrack: level.track)
        let target: String
        if growthInPlace {
            target = current
        } else if track == level.track {
            target = ladder.next(after: current)?.id ?? current
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
