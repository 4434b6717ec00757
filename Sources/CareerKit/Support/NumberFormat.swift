/// Formats a number without a trailing `.0` when it is whole, e.g. `3000` or `2.5`.
public func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

/// Formats a score, hours or money as people read them: whole numbers plain, others with one
/// decimal, e.g. `88` or `88.2`.
public func formatOneDecimal(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(format: "%.1f", value)
}
