/// Something about a result worth knowing beside the track: its raw value is the string the
/// JSON document, the summary sheet and the history carry (`pay-status-motive`, ...).
public enum AssessmentFlag: String, CaseIterable, Codable, Hashable, Sendable {
    /// No fit reached the low-fit threshold: an IC result leaning on challenging projects.
    case exploratory
    /// The answers carry too little signal to pick a track.
    case undecided
    case noSelfView = "no-self-view"
    case noManagerView = "no-manager-view"
    /// The manager gave (nearly) every observation the same rating.
    case managerUniform = "manager-uniform"
    /// The contributor and the manager see something materially differently.
    case raterDivergence = "rater-divergence"
    /// The contributor's ratings are (nearly) all the same.
    case uniformAnswers = "uniform-answers"
    /// Pay or status is a main reason for wanting to manage.
    case payStatusMotive = "pay-status-motive"
    /// The contributor said "not now" to a promotion: the plan grows them in place.
    case growthInPlace = "growth-in-place"
    /// Bulk took the manager's calibration offset off their observations.
    case calibrated
}

extension Array where Element == AssessmentFlag {
    /// The flags as the JSON document and the sheets write them.
    public var rawValues: [String] { map(\.rawValue) }
}
