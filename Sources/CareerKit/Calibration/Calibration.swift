/// Team calibration: for each manager, how far their observations sit above (lenient) or
/// below (harsh) what the organisation's other managers would be expected to give the same
/// people, in points of the six-point scale.
///
/// The expected rating is the contributor's own rating of the dimension, moved by how far
/// the other managers' ratings usually sit from people's own view on that dimension at that
/// level (a model fitted on every other manager's observations). So a manager of a strong
/// team, whose people rate themselves high, is expected to rate high and is not called
/// lenient for it. (Predicting the manager's rating from the person's rating with a fitted
/// slope would not do: one person's self-rating is noisy, so the slope comes out too flat
/// and a strong team's fair manager would look lenient.)
/// A manager's offset is the mean, over their reports, of each report's mean difference
/// between the manager's observations and the model's expectation; it is flagged only when
/// it is large (`minOffset`) and clear of noise (`clearOfNoise` standard errors, from how
/// much the differences vary between reports).
public struct Calibration: Sendable {
    /// The rule, from the `calibration:` part of weights.yaml.
    public struct Settings: Sendable, Hashable {
        /// Managers with fewer reports than this are left out, never shown.
        public var minReports: Int
        /// Scale points an offset must reach to be flagged.
        public var minOffset: Double
        /// Standard errors an offset must be away from zero to be flagged.
        public var clearOfNoise: Double

        public init(minReports: Int, minOffset: Double, clearOfNoise: Double) {
            self.minReports = minReports
            self.minOffset = minOffset
            self.clearOfNoise = clearOfNoise
        }
    }

    /// One manager observation of one person on one dimension, beside the person's own view.
    public struct Observation: Sendable, Hashable {
        public var manager: String
        /// Who it is about (an id or name), to group a manager's observations by report.
        public var person: String
        /// The person's level as a rank across both ladders (equivalent levels equal).
        public var level: Double
        /// Position of the dimension.
        public var dimension: Int
        /// The contributor's own rating and the manager's, in scale points (1..6).
        public var selfPoints: Double
        public var managerPoints: Double

        public init(manager: String, person: String, level: Double, dimension: Int, selfPoints: Double, managerPoints: Double) {
            self.manager = manager
            self.person = person
            self.level = level
            self.dimension = dimension
            self.selfPoints = selfPoints
            self.managerPoints = managerPoints
        }
    }

    public enum Flag: String, Sendable, Hashable {
        case lenient, harsh
    }

    /// One manager's result.
    public struct Manager: Sendable, Hashable {
        public var name: String
        /// How many people they observed.
        public var reports: Int
        /// Mean observation minus expectation, in scale points, rounded to two decimals.
        public var offset: Double
        public var standardError: Double
        public var flag: Flag?
    }

    public let settings: Settings
    /// Managers with at least `minReports` reports, by name.
    public let managers: [Manager]
    /// How many managers had too few reports to be shown.
    public let leftOut: Int
    /// How many observations the model was fitted on.
    public let observations: Int

    public init(observations: [Observation], settings: Settings) {
        self.settings = settings
        self.observations = observations.count
        let dimensions = (observations.map(\.dimension).max() ?? -1) + 1
        var byManager: [String: [Observation]] = [:]
        for observation in observations { byManager[observation.manager, default: []].append(observation) }
        var results: [Manager] = []
        var leftOut = 0
        for (name, own) in byManager.sorted(by: { $0.key < $1.key }) {
            let people = Dictionary(grouping: own, by: \.person)
            guard people.count >= settings.minReports else {
                leftOut += 1
                continue
            }
            // The expectation from everyone else's observations only.
            let others = observations.filter { $0.manager != name }
            guard let model = Model(fitting: others, dimensions: dimensions) else { continue }
            let perPerson = people.values.map { rows in
                rows.reduce(0) { $0 + $1.managerPoints - model.expected($1) } / Double(rows.count)
            }
            let n = Double(perPerson.count)
            let mean = perPerson.reduce(0, +) / n
            let variance = perPerson.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(1, n - 1)
            let standardError = (variance / n).squareRoot()
            var flag: Flag?
            if abs(mean) >= settings.minOffset, abs(mean) >= settings.clearOfNoise * standardError {
                flag = mean > 0 ? .lenient : .harsh
            }
            results.append(
                Manager(
                    name: name, reports: people.count, offset: (mean * 100).rounded() / 100,
                    standardError: (standardError * 100).rounded() / 100, flag: flag))
        }
        managers = results
        self.leftOut = leftOut
    }

    /// The offset to take off a manager's observations when calibrating, or nil when the
    /// manager is not flagged.
    public func correction(for manager: String?) -> Double? {
        guard let manager, let result = managers.first(where: { $0.name == manager }), result.flag != nil else { return nil }
        return result.offset
    }

    /// A least-squares fit of the difference, manager points minus self points, on a
    /// baseline per dimension and the level.
    struct Model {
        private var coefficients: [Double]
        private let dimensions: Int

        init?(fitting rows: [Observation], dimensions: Int) {
            self.dimensions = dimensions
            let size = dimensions + 1
            guard rows.count > size else { return nil }
            var normal = [[Double]](repeating: [Double](repeating: 0, count: size), count: size)
            var right = [Double](repeating: 0, count: size)
            for row in rows {
                let features = Self.features(row, dimensions: dimensions)
                for i in 0..<size where features[i] != 0 {
                    right[i] += features[i] * (row.managerPoints - row.selfPoints)
                    for j in 0..<size { normal[i][j] += features[i] * features[j] }
                }
            }
            // A touch of ridge keeps a dimension nobody observed from making it singular.
            for i in 0..<size { normal[i][i] += 1e-6 }
            guard let solution = Self.solve(normal, right) else { return nil }
            coefficients = solution
        }

        private static func features(_ row: Observation, dimensions: Int) -> [Double] {
            var features = [Double](repeating: 0, count: dimensions + 1)
            features[row.dimension] = 1
            features[dimensions] = row.level
            return features
        }

        /// The manager rating other managers would be expected to give.
        func expected(_ row: Observation) -> Double {
            let features = Self.features(row, dimensions: dimensions)
            return row.selfPoints + zip(features, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        }

        /// Gaussian elimination with partial pivoting; nil when the system is singular.
        private static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
            var a = matrix
            var b = vector
            let n = b.count
            for column in 0..<n {
                guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                    abs(a[pivot][column]) > 1e-12
                else { return nil }
                a.swapAt(column, pivot)
                b.swapAt(column, pivot)
                for row in (column + 1)..<n {
                    let factor = a[row][column] / a[column][column]
                    guard factor != 0 else { continue }
                    for k in column..<n { a[row][k] -= factor * a[column][k] }
                    b[row] -= factor * b[column]
                }
            }
            var x = [Double](repeating: 0, count: n)
            for row in stride(from: n - 1, through: 0, by: -1) {
                var sum = b[row]
                for k in (row + 1)..<n { sum -= a[row][k] * x[k] }
                x[row] = sum / a[row][row]
            }
            return x
        }
    }
}

extension Calibration {
    /// A person's observations for calibration: each dimension the manager observed beside
    /// the contributor's own view of it, in scale points.
    public static func observations(
        manager: String, person: String, level: Double, assessment: Assessment
    ) -> [Observation] {
        assessment.dimensions.enumerated().compactMap { index, score in
            guard let own = score.selfScore, let seen = score.managerScore else { return nil }
            return Observation(
                manager: manager, person: person, level: level, dimension: index, selfPoints: own / 20 + 1,
                managerPoints: seen / 20 + 1)
        }
    }

    /// A level's rank across both ladders: its rank on its own ladder, with management levels
    /// placed at the rank of their individual-contributor equivalent.
    public static func levelRank(_ id: String, ladder: Ladder) -> Double {
        guard let level = ladder.level(id) else { return 0 }
        if level.track == "ic" { return Double(level.rank) }
        if let peer = ladder.equivalent(of: id), peer.track == "ic" { return Double(peer.rank) }
        // No peer (a VP): one above the highest management level that has one.
        let ranked = ladder.levels(onTrack: level.track).filter { $0.rank < level.rank }
        let anchor = ranked.reversed().first { ladder.equivalent(of: $0.id) != nil }
        guard let anchor, let peer = ladder.equivalent(of: anchor.id) else { return Double(level.rank) }
        return Double(peer.rank + level.rank - anchor.rank)
    }
}
