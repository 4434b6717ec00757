/// The calibration rule, from the `calibration:` part of weights.yaml: which managers are
/// shown and when an offset is flagged.
public struct CalibrationSettings: Sendable, Hashable {
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
