/// What the equity report needs from one person's result.
struct EquitySample: Sendable {
    var recommended: Track
    /// The ladder track of the current level: `ic` or `management`.
    var currentTrack: String
    /// Budget committed, in the catalog currency so people can be compared.
    var committed: Double
    var hours: Double
    var specialProjectPercent: Int
    var hasCertification: Bool
    var hasMentor: Bool
    /// Dimensions where contributor and manager disagree materially.
    var divergentDimensions: [String]
    var trackViewDiffers: Bool
}
