import Foundation

/// Formats a number without a trailing `.0` when it is whole, e.g. `3000` or `2.5`.
public func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

/// Formats a score, hours or money as people read them: whole numbers plain, others with one
/// decimal, e.g. `88` or `88.2`.
public func formatOneDecimal(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return formatFixed(value, decimals: 1)
}

/// The number with exactly `decimals` (0...3) digits after the point: the same text as
/// `String(format: "%.2f", value)` (for 2), rounded from the exact binary value with ties to
/// even, e.g. `0.2` for 0.25 and `-0.0` for -0.04, but without the cost of a format string.
func formatFixed(_ value: Double, decimals: Int) -> String {
    precondition((0...3).contains(decimals), "formatFixed takes 0 to 3 decimals")
    guard value.isFinite, abs(value) < 1e15 else { return String(format: "%.\(decimals)f", value) }
    let scale = [1.0, 10, 100, 1000][decimals]
    let magnitude = abs(value)
    var whole = magnitude.rounded(.towardZero)
    let fraction = magnitude - whole  // exact
    // The digits after the point, worked out on the exact product fraction × scale: fused
    // multiply-adds give the exact sign of its distance from a whole number or a half.
    var units = (fraction * scale).rounded(.down)
    if fma(fraction, scale, -units) < 0 {
        units -= 1
    } else if fma(fraction, scale, -(units + 1)) >= 0 {
        units += 1
    }
    let beyondHalf = fma(fraction, scale, -(units + 0.5))
    let lastDigit = decimals == 0 ? whole : units
    if beyondHalf > 0 || (beyondHalf == 0 && lastDigit.truncatingRemainder(dividingBy: 2) == 1) { units += 1 }
    if units >= scale {
        units -= scale
        whole += 1
    }
    var text = value.sign == .minus ? "-" : ""
    text += String(Int(whole))
    if decimals > 0 {
        let digits = String(Int(units))
        text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return text
}

/// Rounds to one decimal place, as reported.
func round1(_ value: Double) -> Double {
    (value * 10).rounded() / 10
}

/// Rounds to two decimal places, as reported.
func round2(_ value: Double) -> Double {
    (value * 100).rounded() / 100
}

/// An amount with its currency, e.g. `1,250 USD` or `99.50 EUR`.
public func formatMoney(_ amount: Double, _ currency: String) -> String {
    let whole = amount == amount.rounded()
    let number = formatFixed(amount, decimals: whole ? 0 : 2)
    var digits = whole ? number : String(number.prefix { $0 != "." })
    let fraction = whole ? "" : String(number.drop { $0 != "." })
    var grouped = ""
    while digits.count > 3 {
        grouped = "," + digits.suffix(3) + grouped
        digits = String(digits.dropLast(3))
    }
    return digits + grouped + fraction + " " + currency
}

/// Formats a score (0 to 100, or a difference of scores) as every document shows it: a whole
/// number, halves rounded away from zero, e.g. `77` for 77.2 and `78` for 77.5. One precision
/// for one kind of number, in the bars, the tables and the words alike.
public func formatScore(_ value: Double) -> String {
    let whole = value.rounded()
    return whole == 0 ? "0" : String(Int(whole))
}

/// A score as shown, for arithmetic on what the reader sees (`formatScore`).
func shownScore(_ value: Double) -> Double { value.rounded() }
