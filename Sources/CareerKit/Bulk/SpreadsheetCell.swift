/// Cells written to CSV files that a spreadsheet opens.
public enum SpreadsheetCell {
    /// A cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
    /// a tab or a carriage return) gets a leading `'`, so it shows as text.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
    }
}
