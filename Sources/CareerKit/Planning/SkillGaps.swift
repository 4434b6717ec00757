/// Room to grow on the skills the recommended track's target level needs, kept apart from
/// motivation: what the manager has observed, or, where nothing useful was observed, what
/// the person's current level already expects of them.
enum SkillGaps {
    /// The gaps on the track's plan dimensions, largest first.
    ///
    /// - Parameters:
    ///   - dimensions: the dimension names the recommended track's plan works on.
    ///   - useObservations: false when the manager's ratings say little (all the same).
    static func gaps(
        dimensions: [String], assessment: Assessment, current: Ladder.Level?, target: Ladder.Level?,
        growthInPlace: Bool, useObservations: Bool, settings: PlanningSettings
    ) -> [DevelopmentPlan.Gap] {
        guard let target else { return [] }
        let promotion = !growthInPlace && target.id != current?.id
        return dimensions.compactMap { name -> DevelopmentPlan.Gap? in
            guard let expected = target.expects[name].map(Double.init) else { return nil }
            let presumed = current?.expects[name].map(Double.init) ?? 0
            let observed = useObservations ? assessment.dimension(name)?.managerScore : nil
            let skill = observed ?? presumed
            var gap = expected - skill
            if promotion {
                // Even someone who already shows the skill needs evidence at the next scope.
                gap = max(gap, settings.minStepShare * max(0, expected - presumed))
            } else {
                gap = max(gap, settings.growthInPlaceGap)
            }
            // The documents show the combined score: where it is below the expectation, some
            // room stays, even when the manager's observation alone meets it.
            if let combined = assessment.dimension(name)?.combined, round1(combined) < expected {
                gap = max(gap, min(expected - combined, settings.growthInPlaceGap))
            }
            return DevelopmentPlan.Gap(
                dimension: name, expected: expected, current: round1(skill), gap: round1(gap),
                basis: observed == nil ? .level : .observed)
        }.sorted { ($0.gap, $1.dimension) > ($1.gap, $0.dimension) }
    }
}
