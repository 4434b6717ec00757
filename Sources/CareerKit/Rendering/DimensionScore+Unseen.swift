extension Assessment.DimensionScore {
    /// Whether the manager answered every observation of this dimension with n/a ("no chance
    /// to observe yet"): shown as n/a, never as a missing or a low score.
    func isUnseen(in answers: Answers, weights: Weights?) -> Bool {
        managerScore == nil && answers.notObserved(weights?.dimension(name)?.observations ?? [])
    }
}
