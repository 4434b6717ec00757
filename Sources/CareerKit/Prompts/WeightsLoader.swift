import Yams

/// Reads weights.yaml into `Weights`, checking it against the bank.
enum WeightsLoader {
    static let trackIDs = ["ic", "management", "hybrid"]
    static let topKeys = [
        "version", "ipsative_points", "dimensions", "tracks", "pay_status_penalty", "thresholds", "archetypes", "planning",
        "calibration",
    ]

    static func load(_ root: Node, bank: QuestionBank?, log: DiagnosticLog) -> Weights? {
        guard
            let top = log.fields(
                root, "the weights",
                allowed: topKeys, required: topKeys)
        else { return nil }
        _ = log.integer(top["version"], "'version'", in: 1...1)
        let ipsative = percent(top["ipsative_points"], "'ipsative_points'", log: log)
        let penalty = percent(top["pay_status_penalty"], "'pay_status_penalty'", log: log)
        let dimensions = readDimensions(top, bank: bank, log: log)

        var ic: [Weights.Input] = []
        var management: [Weights.Input] = []
        var hybrid: Weights.Hybrid?
        let ladderItems = ["ladder.technical", "ladder.managerial", "ladder.projects"]
        if let tracks = log.fields(top["tracks"], "'tracks'", allowed: trackIDs, required: trackIDs) {
            let inputKeys = Dimension.names + ladderItems
            ic = inputs(tracks["ic"], "track 'ic'", allowed: inputKeys, log: log) ?? []
            management = inputs(tracks["management"], "track 'management'", allowed: inputKeys, log: log) ?? []
            if let fields = log.fields(tracks["hybrid"], "track 'hybrid'", allowed: inputKeys + ["both_ladders"]) {
                var hybridInputs: [Weights.Input] = []
                for key in fields.order {
                    if let weight = share(fields[key], "track 'hybrid' '\(key)'", log: log) {
                        hybridInputs.append(Weights.Input(key: key, weight: weight))
                    }
                }
                hybrid = Weights.Hybrid(inputs: hybridInputs)
            }
        }
        let thresholds = readThresholds(top["thresholds"], log: log)
        var archetypes: [String: [Weights.Archetype]] = [:]
        if let fields = log.fields(top["archetypes"], "'archetypes'", allowed: trackIDs, required: trackIDs) {
            for track in trackIDs {
                guard let named = log.fields(fields[track], "archetypes of '\(track)'") else { continue }
                if named.order.isEmpty { log.add("archetypes of '\(track)' needs at least one archetype", at: named.mark) }
                archetypes[track] = named.order.compactMap { name in
                    inputs(named[name], "archetype '\(name)'", allowed: Dimension.names, log: log).map {
                        Weights.Archetype(name: name, inputs: $0)
                    }
                }
            }
        }
        let planning = PlanningSettingsLoader.load(
            top["planning"], log: log, hybridArchetypes: archetypes["hybrid"].map { $0.map(\.name) })
        let calibration = readCalibration(top["calibration"], log: log)
        guard let ipsative, let penalty, let hybrid, let thresholds, let planning, let calibration,
            dimensions.count == Dimension.names.count
        else {
            return nil
        }
        return Weights(
            ipsativePoints: ipsative, dimensions: dimensions, ic: ic, management: management, hybrid: hybrid,
            payStatusPenalty: penalty, thresholds: thresholds, archetypes: archetypes, planning: planning,
            calibration: calibration)
    }

    /// The `calibration:` part: when a manager's offset is shown and flagged.
    private static func readCalibration(_ node: Node?, log: DiagnosticLog) -> CalibrationSettings? {
        let keys = ["min_reports", "min_offset", "clear_of_noise"]
        guard let fields = log.fields(node, "'calibration'", allowed: keys, required: keys) else { return nil }
        let reports = log.integer(fields["min_reports"], "calibration 'min_reports'", in: 2...1000)
        let offset = bounded(fields["min_offset"], "calibration 'min_offset'", 0...5, log: log)
        let noise = bounded(fields["clear_of_noise"], "calibration 'clear_of_noise'", 0...10, log: log)
        guard let reports, let offset, let noise else { return nil }
        return CalibrationSettings(minReports: reports, minOffset: offset, clearOfNoise: noise)
    }

    private static func readDimensions(_ top: Fields, bank: QuestionBank?, log: DiagnosticLog) -> [Weights.DimensionRule] {
        guard let fields = log.fields(top["dimensions"], "'dimensions'", allowed: Dimension.names, required: Dimension.names)
        else { return [] }
        var rules: [Weights.DimensionRule] = []
        for name in Dimension.names {
            let what = "dimension '\(name)'"
            guard
                let rule = log.fields(
                    fields[name], what, allowed: ["meaning", "plan_gap", "items", "observations", "self_weight"],
                    required: ["meaning", "plan_gap", "items", "observations", "self_weight"]),
                let meaning = log.text(rule["meaning"], "\(what) 'meaning'"),
                let items = log.stringList(rule["items"], "\(what) 'items'"),
                let selfWeight = share(rule["self_weight"], "\(what) 'self_weight'", log: log)
            else { continue }
            let observations = log.stringList(rule["observations"], "\(what) 'observations'") ?? []
            let planGap = log.bool(rule["plan_gap"], "\(what) 'plan_gap'") ?? true
            if let bank {
                let allowed = bank.dimensionItems.filter { $0.dimension == name }.map(\.id)
                for (index, id) in items.enumerated() where !allowed.contains(id) {
                    log.add(
                        "\(what) 'items' has '\(id)'; allowed: the bank's items of this dimension, \(allowed.joined(separator: ", "))",
                        at: rule["items"]?.sequence?[index].mark)
                }
                for (index, id) in observations.enumerated() {
                    guard let item = bank.item(id), item.role == .manager, case .scale = item.kind else {
                        log.add("\(what) 'observations' has '\(id)'; allowed: manager rating items such as obs.depth", at: rule["observations"]?.sequence?[index].mark)
                        continue
                    }
                }
            }
            if items.isEmpty { log.add("\(what) 'items' needs at least one item", at: rule["items"]?.mark) }
            if observations.isEmpty, selfWeight < 1 {
                log.add("\(what) has no observations, so 'self_weight' must be 1", at: rule["self_weight"]?.mark)
            }
            rules.append(
                Weights.DimensionRule(
                    name: name, meaning: meaning, items: items, observations: observations, selfWeight: selfWeight,
                    planGap: planGap))
        }
        return rules
    }

    private static func readThresholds(_ node: Node?, log: DiagnosticLog) -> Weights.Thresholds? {
        let keys = [
            "low_fit", "high_margin", "medium_margin", "high_floor", "divergence_points", "pay_status_flag", "undecided_margin",
            "management_support", "inconsistent_spread", "inconsistent_dimensions", "uniform_deviation", "uniform_observation_deviation", "min_coverage", "divergent_dimensions",
            "mild_share", "mild_margin",
        ]
        guard let fields = log.fields(node, "'thresholds'", allowed: keys, required: keys) else { return nil }
        let lowFit = percent(fields["low_fit"], "threshold 'low_fit'", log: log)
        let highMargin = percent(fields["high_margin"], "threshold 'high_margin'", log: log)
        let mediumMargin = percent(fields["medium_margin"], "threshold 'medium_margin'", log: log)
        let highFloor = percent(fields["high_floor"], "threshold 'high_floor'", log: log)
        let divergence = bounded(fields["divergence_points"], "threshold 'divergence_points'", 0...5, log: log)
        let payFlag = bounded(fields["pay_status_flag"], "threshold 'pay_status_flag'", 1...6, log: log)
        let undecided = percent(fields["undecided_margin"], "threshold 'undecided_margin'", log: log)
        let support = percent(fields["management_support"], "threshold 'management_support'", log: log)
        let spread = bounded(fields["inconsistent_spread"], "threshold 'inconsistent_spread'", 0...5, log: log)
        let inconsistent = log.integer(fields["inconsistent_dimensions"], "threshold 'inconsistent_dimensions'", in: 1...8)
        let uniform = bounded(fields["uniform_deviation"], "threshold 'uniform_deviation'", 0...5, log: log)
        let uniformObservations = bounded(
            fields["uniform_observation_deviation"], "threshold 'uniform_observation_deviation'", 0...5, log: log)
        let coverage = share(fields["min_coverage"], "threshold 'min_coverage'", log: log)
        let divergent = log.integer(fields["divergent_dimensions"], "threshold 'divergent_dimensions'", in: 1...8)
        let mildShare = share(fields["mild_share"], "threshold 'mild_share'", log: log)
        let mildMargin = percent(fields["mild_margin"], "threshold 'mild_margin'", log: log)
        if let highMargin, let mediumMargin, mediumMargin > highMargin {
            log.add("threshold 'medium_margin' must not be above 'high_margin'", at: fields.mark(of: "medium_margin"))
        }
        guard let lowFit, let highMargin, let mediumMargin, let highFloor, let divergence, let payFlag, let undecided,
            let support, let spread, let inconsistent, let uniform, let uniformObservations, let coverage, let divergent,
            let mildShare, let mildMargin
        else { return nil }
        return Weights.Thresholds(
            lowFit: lowFit, highMargin: highMargin, mediumMargin: mediumMargin, highFloor: highFloor,
            divergencePoints: divergence, payStatusFlag: payFlag, undecidedMargin: undecided, managementSupport: support, inconsistentSpread: spread,
            inconsistentDimensions: inconsistent, uniformDeviation: uniform, uniformObservationDeviation: uniformObservations, minCoverage: coverage,
            divergentDimensions: divergent, mildShare: mildShare, mildMargin: mildMargin)
    }

    /// Reads a mapping of input keys to weights that must add up to 1.
    private static func inputs(_ node: Node?, _ what: String, allowed: [String], log: DiagnosticLog) -> [Weights.Input]? {
        guard let fields = log.fields(node, what, allowed: allowed) else { return nil }
        var result: [Weights.Input] = []
        for key in fields.order {
            if let weight = share(fields[key], "\(what) '\(key)'", log: log) {
                result.append(Weights.Input(key: key, weight: weight))
            }
        }
        let total = result.reduce(0) { $0 + $1.weight }
        if result.isEmpty {
            log.add("\(what) needs at least one weight", at: fields.mark)
        } else if abs(total - 1) > 0.001 {
            log.add("\(what) weights add up to \(formatNumber((total * 1000).rounded() / 1000)); they must add up to 1", at: fields.mark)
        }
        return result
    }

    private static func share(_ node: Node?, _ what: String, log: DiagnosticLog) -> Double? {
        bounded(node, what, 0...1, log: log)
    }

    private static func percent(_ node: Node?, _ what: String, log: DiagnosticLog) -> Double? {
        bounded(node, what, 0...100, log: log)
    }

    private static func bounded(_ node: Node?, _ what: String, _ range: ClosedRange<Double>, log: DiagnosticLog) -> Double? {
        guard let value = log.number(node, what) else { return nil }
        guard range.contains(value) else {
            log.add("\(what) is \(formatNumber(value)); allowed: \(formatNumber(range.lowerBound))..\(formatNumber(range.upperBound))", at: node?.mark)
            return nil
        }
        return value
    }
}
