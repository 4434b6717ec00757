import Foundation

/// ISO 4217 currency codes.
public enum CurrencyCode {
    private static let known: Set<String> = Set(Locale.Currency.isoCurrencies.map(\.identifier))

    /// Whether `code` is a known three-letter ISO 4217 code, in capitals.
    public static func isValid(_ code: String) -> Bool {
        code.count == 3 && code == code.uppercased() && known.contains(code)
    }
}
