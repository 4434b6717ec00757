/// The dual career ladder: levels on each track and which levels are equivalent across tracks.
public struct Ladder: Sendable {
    public struct Level: Hashable, Sendable {
        public var id: String
        /// `ic` or `management`.
        public var track: String
        public var title: String
        public var summary: String
        /// The strength this level expects on each dimension, 0..100.
        public var expects: [String: Int]
        /// What must be true to be promoted into this level.
        public var promotionCriteria: [String]
        /// 0 for the lowest level of its track.
        public var rank: Int
        /// The promotion criteria with their ids, as the ladder file gives them (a criterion
        /// written as plain text has the id `<level id>.<position>`, from 1).
        public var criteria: [Criterion] = []
        /// careerpath's own levels this one ranks with (`like: [ic.senior]`), in a company's
        /// ladder: the catalog's activities written for those levels suit this one.
        public var like: [String] = []
        /// What the level's holders lead, which decides where their growth goes: their own
        /// work, a team's technical work without reports, or people.
        public var kind: Kind = .individual

        /// Whether people report to the level's holders: a move from here to individual work
        /// is a hand-over, and a move here from any other kind of level tries people work first.
        public var managesPeople: Bool { kind == .peopleManagement }
        /// Whether the level leads a team's technical work without reports (a tech lead in most
        /// ladders): more technical scope grows toward the next individual-contributor rung, and
        /// wanting reports toward the next people-management rung; neither is a step back.
        public var leadsTechnically: Bool { kind == .technicalLeadership }

        /// The criteria with ids: as read, or numbered from the texts.
        public var identifiedCriteria: [Criterion] {
            if !criteria.isEmpty { return criteria }
            return promotionCriteria.enumerated().map { Criterion(id: "\(id).\($0.offset + 1)", text: $0.element) }
        }
    }

    /// What a level's holders lead. A ladder file says `kind:` only where it differs from its
    /// track's: individual work on the IC track, people on the management track.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case individual
        case technicalLeadership = "technical_leadership"
        case peopleManagement = "people_management"

        /// The kind of a level whose file does not say.
        public static func of(track: String) -> Kind { track == "management" ? .peopleManagement : .individual }
    }

    /// One promotion criterion: what must be true, with a fixed id that catalog items and
    /// answers name.
    public struct Criterion: Hashable, Sendable {
        public var id: String
        public var text: String
        /// Where it is written in the ladder file, for warnings about it.
        public var line: Int = 0
        public var column: Int = 0
        /// Evidence that shows it, in the company's words (a framework's examples): the plan
        /// offers them as ways to show the criterion.
        public var examples: [String] = []
        /// The dimensions it speaks to, when the ladder says (an imported framework's areas).
        public var dimensions: [String] = []
    }

    /// A role a person can hold at a level without it being a rung to be promoted to (a tech
    /// lead, in most frameworks): shown beside the ladder, never a plan's target.
    public struct Role: Hashable, Sendable {
        public var id: String
        public var track: String
        public var title: String
        public var summary: String?
        public var criteria: [Criterion]
    }

    /// For each level id the catalog may name, the levels of this ladder it stands for: itself,
    /// and every level that is `like` it (a company's ladder names its own levels).
    public var catalogLevels: [String: [String]] {
        var result: [String: [String]] = [:]
        for level in levels {
            result[level.id, default: []].append(level.id)
            for shipped in level.like where shipped != level.id { result[shipped, default: []].append(level.id) }
        }
        return result
    }

    /// Whether the ladder is a company's own (its levels say which of careerpath's they are like).
    public var isImported: Bool { levels.contains { !$0.like.isEmpty } }

    /// Every criterion of every level, in the file's order.
    public var allCriteria: [(level: Level, criterion: Criterion)] {
        levels.flatMap { level in level.identifiedCriteria.map { (level, $0) } }
    }

    public struct Track: Hashable, Sendable {
        public var id: String
        public var title: String
    }

    public var tracks: [Track]
    public var levels: [Level]
    /// Roles that are not levels.
    public var roles: [Role] = []
    /// Pairs of equivalent levels: (ic level id, management level id).
    public var equivalences: [(ic: String, management: String)]

    public init(tracks: [Track], levels: [Level], equivalences: [(ic: String, management: String)]) {
        self.tracks = tracks
        self.levels = levels
        self.equivalences = equivalences
    }

    public func level(_ id: String) -> Level? {
        levels.first { $0.id == id }
    }

    /// The levels of a track, lowest first.
    public func levels(onTrack track: String) -> [Level] {
        levels.filter { $0.track == track }.sorted { $0.rank < $1.rank }
    }

    /// The next level up on the same track, or nil at the top.
    public func next(after id: String) -> Level? {
        guard let level = level(id) else { return nil }
        return levels(onTrack: level.track).first { $0.rank == level.rank + 1 }
    }

    /// The equivalent level on the other track, or nil when the level has no peer.
    public func equivalent(of id: String) -> Level? {
        for pair in equivalences {
            if pair.ic == id { return level(pair.management) }
            if pair.management == id { return level(pair.ic) }
        }
        return nil
    }
}
