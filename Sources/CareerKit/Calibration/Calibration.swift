import Foundation

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
    public typealias Settings = CalibrationSettings

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

    /// One observation, kept small: a bulk run of 100,000 people holds seven each.
    struct Row {
        var person: Int32
        var dimension: Int16
        var level: Float
        var selfPoints: Float
        var managerPoints: Float
    }

    /// Gathers observations person by person, a manager's together, then estimates.
    public struct Builder: Sendable {
        private var managerIndex: [String: Int] = [:]
        private var names: [String] = []
        private var rows: [[Row]] = []
        private var people: Int32 = 0
        private var dimensions = 0

        public init() {}

        /// Adds one person's observations (all of one manager).
        public mutating func add(_ observations: [Observation]) {
            guard let manager = observations.first?.manager else { return }
            let index: Int
            if let known = managerIndex[manager] {
                index = known
            } else {
                index = names.count
                managerIndex[manager] = index
                names.append(manager)
                rows.append([])
            }
            // One person may come with several rows of the same name; each call is one person.
            var personOf: [String: Int32] = [:]
            for observation in observations where observation.manager == manager {
                let person = personOf[observation.person] ?? {
                    people += 1
                    personOf[observation.person] = people
                    return people
                }()
                dimensions = max(dimensions, observation.dimension + 1)
                rows[index].append(
                    Row(
                        person: person, dimension: Int16(observation.dimension), level: Float(observation.level),
                        selfPoints: Float(observation.selfPoints), managerPoints: Float(observation.managerPoints)))
            }
        }

        public func build(settings: Settings) -> Calibration {
            Calibration(names: names, rows: rows, dimensions: dimensions, settings: settings)
        }
    }

    public init(observations: [Observation], settings: Settings) {
        var builder = Builder()
        for (_, person) in Dictionary(grouping: observations, by: { $0.manager + "\u{0}" + $0.person }).sorted(by: { $0.key < $1.key }) {
            builder.add(person)
        }
        self = builder.build(settings: settings)
    }

    private init(names: [String], rows: [[Row]], dimensions: Int, settings: Settings) {
        self.settings = settings
        observations = rows.reduce(0) { $0 + $1.count }
        // The model's sums over everyone; a manager's own are taken off to fit on the others.
        let sums = rows.map { Model.Sums(rows: $0, dimensions: dimensions) }
        let total = sums.reduce(Model.Sums(dimensions: dimensions)) { $0.adding($1) }
        var results: [Manager] = []
        var leftOut = 0
        // In reading order ("Manager 2" before "Manager 10"), as the meeting goes through them.
        for index in names.indices.sorted(by: { NaturalOrder.precedes(names[$0], names[$1]) }) {
            let own = rows[index]
            let people = Dictionary(grouping: own, by: \.person)
            guard people.count >= settings.minReports else {
                leftOut += 1
                continue
            }
            guard let model = Model(total.subtracting(sums[index]), dimensions: dimensions) else { continue }
            let perPerson = people.values.map { rows in
                rows.reduce(0) { $0 + Double($1.managerPoints) - model.expected($1) } / Double(rows.count)
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
                    name: names[index], reports: people.count, offset: (mean * 100).rounded() / 100,
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
        /// The normal equations' sums, which add and subtract: fitting on everyone but one
        /// manager costs the size of the model, not of the organisation.
        struct Sums {
            var normal: [Double]
            var right: [Double]
            var count = 0
            let size: Int

            init(dimensions: Int) {
                size = dimensions + 1
                normal = [Double](repeating: 0, count: size * size)
                right = [Double](repeating: 0, count: size)
            }

            init(rows: [Row], dimensions: Int) {
                self.init(dimensions: dimensions)
                for row in rows {
                    // Features: 1 at the row's dimension, and the level.
                    let d = Int(row.dimension)
                    let level = Double(row.level)
                    let y = Double(row.managerPoints - row.selfPoints)
                    normal[d * size + d] += 1
                    normal[d * size + dimensions] += level
                    normal[dimensions * size + d] += level
                    normal[dimensions * size + dimensions] += level * level
                    right[d] += y
                    right[dimensions] += level * y
                    count += 1
                }
            }

            func adding(_ other: Sums) -> Sums {
                var sum = self
                for i in normal.indices { sum.normal[i] += other.normal[i] }
                for i in right.indices { sum.right[i] += other.right[i] }
                sum.count += other.count
                return sum
            }

            func subtracting(_ other: Sums) -> Sums {
                var difference = self
                for i in normal.indices { difference.normal[i] -= other.normal[i] }
                for i in right.indices { difference.right[i] -= other.right[i] }
                difference.count -= other.count
                return difference
            }
        }

        private var coefficients: [Double]
        private let dimensions: Int

        init?(_ sums: Sums, dimensions: Int) {
            self.dimensions = dimensions
            let size = dimensions + 1
            guard sums.count > size else { return nil }
            var matrix = (0..<size).map { row in Array(sums.normal[(row * size)..<((row + 1) * size)]) }
            // A touch of ridge keeps a dimension nobody observed from making it singular.
            for i in 0..<size { matrix[i][i] += 1e-6 }
            guard let solution = Self.solve(matrix, sums.right) else { return nil }
            coefficients = solution
        }

        /// The manager rating other managers would be expected to give.
        func expected(_ row: Row) -> Double {
            Double(row.selfPoints) + coefficients[Int(row.dimension)] + coefficients[dimensions] * Double(row.level)
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
    /// The answers with `offset` taken off each of the manager's observations (kept within
    /// the scale, 1 to 6): what `bulk --calibrate` plans from. Answers given as n/a stay n/a.
    public static func adjusted(_ answers: Answers, by offset: Double, observations: [String]) -> Answers {
        var answers = answers
        for id in observations {
            guard let value = answers.value(id, by: .manager)?.numeric else { continue }
            answers.responses[.manager]?[id] = .number(min(6, max(1, value - offset)))
        }
        return answers
    }

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
}

extension Calibration {
    /// The calibration of recorded sessions (talks and recorded bulk runs): each person's
    /// latest session with both views, from the document it recorded.
    public static func fromHistory(_ records: [HistoryRecord], ladder: Ladder, settings: Settings) -> Calibration {
        var latest: [String: HistoryRecord] = [:]
        for record in records {
            if let seen = latest[record.personKey], (seen.date, seen.id) >= (record.date, record.id) { continue }
            latest[record.personKey] = record
        }
        var builder = Builder()
        for record in latest.values.sorted(by: { $0.personKey < $1.personKey }) {
            guard let document = try? JSONDecoder().decode(StoredDocument.self, from: Data(record.document.utf8)),
                let manager = document.session?.manager, !manager.isEmpty, let dimensions = document.dimensions
            else { continue }
            let level = ladder.rank(acrossLadders: record.currentLevel)
            let observations = Dimension.names.enumerated().compactMap { index, name -> Observation? in
                guard let own = dimensions[name]?.own, let seen = dimensions[name]?.manager else { return nil }
                return Observation(
                    manager: manager, person: record.personKey, level: level, dimension: index, selfPoints: own / 20 + 1,
                    managerPoints: seen / 20 + 1)
            }
            builder.add(observations)
        }
        return builder.build(settings: settings)
    }

    /// What calibration reads of a plan document kept in the history (`careerpath.plan/1`).
    private struct StoredDocument: Decodable {
        struct Session: Decodable {
            var manager: String?
        }

        struct Scores: Decodable {
            var own: Double?
            var manager: Double?

            enum CodingKeys: String, CodingKey {
                case own = "self"
                case manager
            }
        }

        var session: Session?
        var dimensions: [String: Scores]?
    }
}
