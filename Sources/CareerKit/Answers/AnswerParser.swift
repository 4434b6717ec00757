import Foundation

/// Why an answer was not accepted, in words a person can act on.
public struct AnswerProblem: Error, Hashable, Sendable {
    public var message: String
}

/// Checks an answer against its question and turns it into an `AnswerValue`.
///
/// Files are read strictly: the stored values only (`4`, `not_now`). Typed answers in a
/// conversation are read leniently: a number, a label, or an unambiguous prefix of either.
public enum AnswerParser {
    /// Reads an answer from a file or CSV cell.
    public static func strict(_ raw: RawAnswer, for item: BankItem) -> Result<AnswerValue, AnswerProblem> {
        parse(raw, kind: item.kind, lenient: false)
    }

    /// Reads a line typed in a conversation.
    public static func typed(_ line: String, for item: BankItem) -> Result<AnswerValue, AnswerProblem> {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        switch item.kind {
        case .multi:
            let lowered = trimmed.lowercased()
            if lowered == "none" || lowered == "-" { return .success(.list([])) }
            return parse(.list(splitList(trimmed, onSpaces: false)), kind: item.kind, lenient: true)
        case .pick(let count, let choices):
            return typedPick(splitList(trimmed, onSpaces: true), count: count, choices: choices)
        case .integer, .number:
            // `10%` where a percent is asked.
            guard item.unit == .percent, trimmed.hasSuffix("%") else { return parse(.scalar(trimmed), kind: item.kind, lenient: true) }
            let number = String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces)
            return parse(.scalar(number), kind: item.kind, lenient: true).mapError { _ in
                AnswerProblem(message: "\(PrintableText.quoted(trimmed)) is not allowed; allowed: \(item.kind.allowedDescription)")
            }
        default:
            return parse(.scalar(trimmed), kind: item.kind, lenient: true)
        }
    }

    /// The picks a person typed (numbers, ids or their beginnings), with what is wrong said in
    /// words: "pick three; you gave two: ..." rather than a rule about ids.
    static func typedPick(_ elements: [String], count: Int, choices: [Choice]) -> Result<AnswerValue, AnswerProblem> {
        let wanted = "pick \(numberWord(count)) different statements, by number (1 to \(choices.count)) or id"
        var picked: [Choice] = []
        for element in elements {
            guard let choice = choices.first(where: { $0.value == element })
                ?? match(element, in: choices, allowIndex: true, labelPrefix: false)
            else {
                let what = Int(element) != nil ? "there is no statement \(PrintableText.quoted(element))" : "\(PrintableText.quoted(element)) is not one of the statements"
                return .failure(AnswerProblem(message: "\(what); \(wanted)"))
            }
            if picked.contains(choice) {
                return .failure(AnswerProblem(message: "you gave \u{201C}\(choice.label)\u{201D} twice; \(wanted)"))
            }
            picked.append(choice)
        }
        guard picked.count == count else {
            let gave = picked.isEmpty ? "" : ": " + picked.map { "\u{201C}\($0.label)\u{201D}" }.joined(separator: ", ")
            return .failure(
                AnswerProblem(message: "pick \(numberWord(count)), you gave \(numberWord(picked.count))\(gave)"))
        }
        return .success(.list(picked.map(\.value)))
    }

    /// A small count in words, e.g. `three`; larger ones as digits.
    static func numberWord(_ number: Int) -> String {
        let words = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return words.indices.contains(number) ? words[number] : String(number)
    }

    static func splitList(_ text: String, onSpaces: Bool) -> [String] {
        let separators: Set<Character> = onSpaces ? [",", ";", " ", "\t"] : [",", ";"]
        return text.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    private static func fail(_ raw: RawAnswer, _ kind: ItemKind, _ detail: String? = nil) -> Result<AnswerValue, AnswerProblem> {
        let what = detail.map { "\(raw.quoted) \($0)" } ?? "\(raw.quoted) is not allowed"
        return .failure(AnswerProblem(message: "\(what); allowed: \(kind.allowedDescription)"))
    }

    private static func parse(_ raw: RawAnswer, kind: ItemKind, lenient: Bool) -> Result<AnswerValue, AnswerProblem> {
        switch kind {
        case .scale(let scale):
            guard case .scalar(let text) = raw else { return fail(raw, kind, "is a list") }
            if let point = Int(text), scale.points.contains(point) { return .success(.integer(point)) }
            if let label = scale.notObserved {
                let lowered = text.lowercased()
                if lowered == AnswerValue.notObservedText
                    || (lenient && (lowered == "na" || (lowered.count >= 2 && label.lowercased().hasPrefix(lowered))))
                {
                    return .success(.notObserved)
                }
            }
            if lenient, let choice = match(text, in: scale.choices, allowIndex: false), let point = Int(choice.value) {
                return .success(.integer(point))
            }
            if lenient, let problem = ambiguity(text, in: scale.choices) { return .failure(problem) }
            return fail(raw, kind)
        case .choice(let choices):
            guard case .scalar(let text) = raw else { return fail(raw, kind, "is a list") }
            if let choice = choices.first(where: { $0.value == text }) { return .success(.text(choice.value)) }
            if lenient, let choice = match(text, in: choices, allowIndex: true) { return .success(.text(choice.value)) }
            if lenient, let problem = ambiguity(text, in: choices) { return .failure(problem) }
            return fail(raw, kind)
        case .multi(let choices):
            var picked: [String] = []
            for element in raw.elements {
                guard let choice = choices.first(where: { $0.value == element })
                    ?? (lenient ? match(element, in: choices, allowIndex: true) : nil)
                else { return fail(raw, kind, "has \(PrintableText.quoted(element)), which is not a choice") }
                if !picked.contains(choice.value) { picked.append(choice.value) }
            }
            return .success(.list(picked))
        case .pick(let count, let choices):
            var picked: [String] = []
            for element in raw.elements {
                guard let choice = choices.first(where: { $0.value == element })
                    ?? (lenient ? match(element, in: choices, allowIndex: true, labelPrefix: false) : nil)
                else { return fail(raw, kind, "has \(PrintableText.quoted(element)), which is not one of the questions to pick from") }
                if picked.contains(choice.value) { return fail(raw, kind, "names '\(choice.value)' twice") }
                picked.append(choice.value)
            }
            guard picked.count == count else {
                return fail(raw, kind, "names \(picked.count) question\(picked.count == 1 ? "" : "s")")
            }
            return .success(.list(picked))
        case .integer(let min, let max):
            guard case .scalar(let text) = raw else { return fail(raw, kind, "is a list") }
            guard let value = Int(lenient ? cleanNumber(text) : text), (min...max).contains(value) else {
                return fail(raw, kind)
            }
            return .success(.integer(value))
        case .number(let min, let max):
            guard case .scalar(let text) = raw else { return fail(raw, kind, "is a list") }
            guard let value = Double(lenient ? cleanNumber(text) : text), value.isFinite, value >= min,
                max.map({ value <= $0 }) ?? true
            else { return fail(raw, kind) }
            return .success(.number(value))
        case .text(let maxLength):
            guard case .scalar(let text) = raw else { return fail(raw, kind, "is a list") }
            guard text.count <= maxLength else {
                return .failure(
                    AnswerProblem(message: "the text has \(text.count) characters; allowed: up to \(maxLength)"))
            }
            // Kept as content (plans, the history): control characters never reach a terminal.
            return .success(.text(PrintableText.stripped(text)))
        case .currency:
            guard case .scalar(let text) = raw else { return fail(raw, kind, "is a list") }
            let code = lenient ? text.uppercased() : text
            guard CurrencyCode.isValid(code) else { return fail(raw, kind) }
            return .success(.text(code))
        }
    }

    /// Strips thousands separators and spaces from a typed number, e.g. `3,000` or `3 000`.
    private static func cleanNumber(_ text: String) -> String {
        text.filter { $0 != "," && $0 != "_" && $0 != " " }
    }

    /// When a typed beginning fits more than one label, says which: "'strongly' could be
    /// strongly disagree or strongly agree".
    static func ambiguity(_ typed: String, in choices: [Choice]) -> AnswerProblem? {
        let text = typed.lowercased().trimmingCharacters(in: .whitespaces)
        var fitting = choices.filter { $0.label.lowercased().hasPrefix(text) || $0.value.lowercased().hasPrefix(text) }
        if fitting.isEmpty { fitting = choices.filter { initials(of: $0.label) == text } }
        guard !text.isEmpty, fitting.count > 1 else { return nil }
        // A label that does not itself start with what was typed matched by its value: the
        // value is shown, so "Two years or so" is not offered for "within" without a reason.
        let named = fitting.map { choice -> String in
            choice.label.lowercased().hasPrefix(text) ? choice.label : "\(choice.label) (\(choice.value))"
        }
        return AnswerProblem(
            message: "\(PrintableText.quoted(typed)) could be \(named.dropLast().joined(separator: ", ")) or \(named.last!); type more of it, or its number")
    }

    /// The first letter of each word of a label, lowercased: `sa` for "slightly agree".
    static func initials(of label: String) -> String {
        String(label.lowercased().split { $0 == " " || $0 == "-" }.compactMap { $0.first(where: \.isLetter) })
    }

    /// Whether `word` (three letters or more) starts a word of `label`: "hands" in "hands-on".
    static func startsAWord(_ word: String, of label: String) -> Bool {
        guard word.count >= 3 else { return false }
        return label.lowercased().split { !$0.isLetter && !$0.isNumber }.contains { $0.hasPrefix(word) }
    }

    /// Finds the choice a typed word means: its value, its 1-based position, its label, or a
    /// prefix of the value or label that only one choice has.
    static func match(_ typed: String, in choices: [Choice], allowIndex: Bool, labelPrefix: Bool = true) -> Choice? {
        let text = typed.lowercased().trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        if let exact = choices.first(where: { $0.value.lowercased() == text || $0.label.lowercased() == text }) {
            return exact
        }
        if allowIndex, let index = Int(text) {
            return choices.indices.contains(index - 1) ? choices[index - 1] : nil
        }
        let candidates = choices.filter {
            $0.value.lowercased().hasPrefix(text) || (labelPrefix && $0.label.lowercased().hasPrefix(text))
        }
        if candidates.count == 1 { return candidates[0] }
        guard candidates.isEmpty else { return nil }
        // The first letters of the label's words (`sd` for "strongly disagree"), when only one
        // label has them; for long statements, a word only one of them has (`hands`).
        let byInitials = choices.filter { text.count >= 2 && initials(of: $0.label) == text }
        if byInitials.count == 1 { return byInitials[0] }
        guard byInitials.isEmpty, !text.contains(" ") else { return nil }
        let byWord = choices.filter { startsAWord(text, of: $0.label) }
        return byWord.count == 1 ? byWord[0] : nil
    }
}
