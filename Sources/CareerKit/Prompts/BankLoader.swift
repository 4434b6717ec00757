import Yams

/// Reads bank.yaml into a `QuestionBank`, collecting every mistake with its position.
enum BankLoader {
    static let itemKeys = [
        "id", "role", "modes", "type", "text", "help", "optional", "scale", "dimension", "short", "choices",
        "choices_from", "count", "min", "max", "max_length", "when", "unit", "together", "after", "shows",
        "follow_up",
    ]

    static func load(_ root: Node, log: DiagnosticLog) -> QuestionBank? {
        guard
            let top = log.fields(
                root, "the bank", allowed: ["version", "scales", "sections", "differences"],
                required: ["version", "scales", "sections", "differences"])
        else { return nil }
        _ = log.integer(top["version"], "'version'", in: 1...1)
        let scales = readScales(top["scales"], log: log)
        guard let sectionNodes = log.list(top["sections"], "'sections'") else { return nil }

        var sections: [BankSection] = []
        var seen: Set<String> = []
        for node in sectionNodes {
            guard let section = readSection(node, scales: scales, log: log) else { continue }
            for item in section.items where !seen.insert(item.id).inserted {
                log.add(
                    "item '\(item.id)' appears more than once; ids must be unique",
                    at: marksOfItem(item.id, in: sectionNodes).last)
            }
            sections.append(section)
        }
        let ids = sections.map(\.id)
        if ids != BankSection.growOrder {
            log.add(
                "sections must be \(BankSection.growOrder.joined(separator: ", ")) in that order; found "
                    + (ids.isEmpty ? "none" : ids.joined(separator: ", ")),
                at: top.mark(of: "sections"))
        }
        let differences = readDifferences(top["differences"], log: log)
        var bank = QuestionBank(scales: scales, sections: sections, differences: differences)
        bank = resolvePicks(in: bank, root: root, log: log)
        checkConditions(bank, sectionNodes: sectionNodes, log: log)
        checkOrder(bank, sectionNodes: sectionNodes, log: log)
        return bank
    }

    private static func readDifferences(_ node: Node?, log: DiagnosticLog) -> QuestionBank.Differences {
        let fields = log.fields(node, "'differences'", allowed: ["title", "intro"], required: ["title", "intro"])
        return QuestionBank.Differences(
            title: log.text(fields?["title"], "'differences' 'title'") ?? "",
            intro: log.text(fields?["intro"], "'differences' 'intro'") ?? "")
    }

    private static func readScales(_ node: Node?, log: DiagnosticLog) -> [String: Scale] {
        guard let fields = log.fields(node, "'scales'") else { return [:] }
        var scales: [String: Scale] = [:]
        for id in fields.order {
            let what = "scale '\(id)'"
            guard let scale = log.fields(
                fields[id], what, allowed: ["min", "max", "labels", "not_observed"], required: ["min", "max", "labels"]),
                let low = log.integer(scale["min"], "\(what) 'min'", in: -100...100),
                let high = log.integer(scale["max"], "\(what) 'max'", in: -100...100)
            else { continue }
            guard low < high else {
                log.add("\(what): 'min' must be below 'max'", at: scale.mark(of: "min"))
                continue
            }
            guard high - low < Scale.maximumPoints else {
                log.add(
                    "\(what) has \(high - low + 1) points; allowed: up to \(Scale.maximumPoints), each with its own label",
                    at: scale.mark(of: "max"))
                continue
            }
            var labels: [Int: String] = [:]
            var seen: [String: Int] = [:]
            if let labelFields = log.fields(scale["labels"], "\(what) 'labels'") {
                for key in labelFields.order {
                    guard let point = Int(key), (low...high).contains(point) else {
                        log.add("\(what) has a label for '\(key)'; allowed: \(low)..\(high)", at: labelFields.mark(of: key))
                        continue
                    }
                    guard let label = log.text(labelFields[key], "\(what) label \(point)") else { continue }
                    if let other = seen[label.lowercased()] {
                        log.add(
                            "\(what): labels \(other) and \(point) are both '\(label)'; give each point its own words so a typed label picks one",
                            at: labelFields.mark(of: key))
                    }
                    seen[label.lowercased()] = point
                    labels[point] = label
                }
                for point in low...high where labels[point] == nil {
                    log.add("\(what) needs a label for \(point)", at: labelFields.mark)
                }
            }
            let notObserved = scale["not_observed"] == nil ? nil : log.text(scale["not_observed"], "\(what) 'not_observed'")
            scales[id] = Scale(id: id, min: low, max: high, labels: labels, notObserved: notObserved)
        }
        return scales
    }

    private static func readSection(_ node: Node, scales: [String: Scale], log: DiagnosticLog) -> BankSection? {
        guard
            let fields = log.fields(
                node, "a section", allowed: ["id", "title", "intro", "follow_up", "items"], required: ["id", "title", "items"]),
            let id = log.text(fields["id"], "a section 'id'")
        else { return nil }
        let what = "section '\(id)'"
        let title = log.text(fields["title"], "\(what) 'title'") ?? id
        let intros = readIntros(fields["intro"], what: what, log: log)
        // The section's follow_up is the default of its items; an item may say otherwise.
        let followUp = readFollowUp(fields["follow_up"], what: what, log: log) ?? .ask
        let items = (log.list(fields["items"], "\(what) 'items'") ?? []).compactMap {
            readItem($0, section: id, followUp: followUp, scales: scales, log: log)
        }
        return BankSection(id: id, title: title, intros: intros, items: items)
    }

    /// One intro for every mode, or one per mode: `{one-on-one: ..., self: ..., manager: ...}`.
    private static func readIntros(_ node: Node?, what: String, log: DiagnosticLog) -> [Mode: String] {
        guard let node else { return [:] }
        if node.mapping == nil {
            guard let intro = log.string(node, "\(what) 'intro'") else { return [:] }
            return Dictionary(uniqueKeysWithValues: Mode.allCases.map { ($0, intro) })
        }
        guard let fields = log.fields(node, "\(what) 'intro'", allowed: Mode.allCases.map(\.rawValue)) else { return [:] }
        var intros: [Mode: String] = [:]
        for mode in Mode.allCases {
            if let intro = log.text(fields[mode.rawValue], "\(what) 'intro' '\(mode.rawValue)'") { intros[mode] = intro }
        }
        return intros
    }

    private static func readFollowUp(_ node: Node?, what: String, log: DiagnosticLog) -> BankItem.OnFollowUp? {
        log.oneOf(node, "\(what) 'follow_up'", BankItem.OnFollowUp.allCases.map(\.rawValue)).flatMap(BankItem.OnFollowUp.init)
    }

    private static func readItem(
        _ node: Node, section: String, followUp sectionFollowUp: BankItem.OnFollowUp, scales: [String: Scale], log: DiagnosticLog
    )
        -> BankItem?
    {
        guard
            let fields = log.fields(
                node, "an item", allowed: itemKeys, required: ["id", "role", "modes", "type", "text", "help"]),
            let id = log.text(fields["id"], "an item 'id'")
        else { return nil }
        let what = "item '\(id)'"
        let role = log.oneOf(fields["role"], "\(what) 'role'", Role.allCases.map(\.rawValue)).flatMap(Role.init)
        let modes = log.stringList(fields["modes"], "\(what) 'modes'", allowed: Mode.allCases.map(\.rawValue))
        let text = log.text(fields["text"], "\(what) 'text'")
        let help = log.text(fields["help"], "\(what) 'help'")
        let optional = log.bool(fields["optional"], "\(what) 'optional'") ?? false
        let kind = readKind(fields, what: what, scales: scales, log: log)
        let dimension = log.text(fields["dimension"], "\(what) 'dimension'")
        if let dimension, !Dimension.names.contains(dimension) {
            log.add(
                "\(what) has dimension '\(dimension)'; allowed: \(Dimension.names.joined(separator: ", "))",
                at: fields["dimension"]?.mark)
        }
        let short = log.text(fields["short"], "\(what) 'short'")
        if dimension != nil, short == nil {
            log.add("\(what) feeds a dimension and needs 'short', the few words shown when picking the top three", at: fields.mark)
        }
        let condition = readCondition(fields["when"], what: what, log: log)
        let unit = log.oneOf(fields["unit"], "\(what) 'unit'", BankItem.Unit.allCases.map(\.rawValue)).flatMap(BankItem.Unit.init)
        if unit != nil, let kind, !kind.isNumeric {
            log.add("\(what) has a 'unit' but is of type \(kind.typeName); only integer and number questions take one", at: fields.mark(of: "unit"))
        }
        let together = log.bool(fields["together"], "\(what) 'together'") ?? false
        let after = log.text(fields["after"], "\(what) 'after'")
        let shows = log.oneOf(fields["shows"], "\(what) 'shows'", BankItem.Display.allCases.map(\.rawValue))
            .flatMap(BankItem.Display.init)
        let followUp = readFollowUp(fields["follow_up"], what: what, log: log) ?? sectionFollowUp
        guard let role, let modes, let text, let help, let kind else { return nil }
        if modes.isEmpty { log.add("\(what) 'modes' must name at least one mode", at: fields.mark(of: "modes")) }
        return BankItem(
            id: id, role: role, modes: Set(modes.compactMap(Mode.init)), kind: kind, text: text, help: help,
            optional: optional, dimension: dimension, short: short, condition: condition, section: section,
            unit: unit, together: together, after: after, shows: shows, followUp: followUp)
    }

    private static func readKind(_ fields: Fields, what: String, scales: [String: Scale], log: DiagnosticLog)
        -> ItemKind?
    {
        let types = ["scale", "choice", "multi", "pick", "integer", "number", "text", "currency", "date"]
        guard let type = log.oneOf(fields["type"], "\(what) 'type'", types) else { return nil }
        func need(_ key: String) -> Node? {
            if fields[key] == nil { log.add("\(what) of type \(type) needs '\(key)'", at: fields.mark) }
            return fields[key]
        }
        switch type {
        case "scale":
            guard let name = log.text(need("scale"), "\(what) 'scale'") else { return nil }
            guard let scale = scales[name] else {
                log.add(
                    "\(what) uses scale '\(name)'; allowed: \(scales.keys.sorted().joined(separator: ", "))",
                    at: fields["scale"]?.mark)
                return nil
            }
            return .scale(scale)
        case "multi" where fields["choices_from"] != nil:
            // The ladder's promotion criteria, filled in once the ladder is read (PromptSet).
            _ = log.oneOf(fields["choices_from"], "\(what) 'choices_from'", ["ladder_criteria"])
            return .multi([])
        case "choice", "multi":
            guard let choices = readChoices(need("choices"), what: what, log: log) else { return nil }
            return type == "choice" ? .choice(choices) : .multi(choices)
        case "pick":
            guard let count = log.integer(need("count"), "\(what) 'count'", in: 1...24) else { return nil }
            _ = log.oneOf(need("choices_from"), "\(what) 'choices_from'", ["dimension_items"])
            return .pick(count: count, choices: [])
        case "integer":
            guard let low = log.integer(need("min"), "\(what) 'min'"),
                let high = log.integer(need("max"), "\(what) 'max'")
            else { return nil }
            guard low <= high else {
                log.add("\(what): 'min' must not be above 'max'", at: fields.mark(of: "min"))
                return nil
            }
            return .integer(min: low, max: high)
        case "number":
            guard let low = log.number(need("min"), "\(what) 'min'") else { return nil }
            let high = log.number(fields["max"], "\(what) 'max'")
            return .number(min: low, max: high)
        case "text":
            guard let length = log.integer(need("max_length"), "\(what) 'max_length'", in: 1...100_000) else {
                return nil
            }
            return .text(maxLength: length)
        case "date":
            return .date
        default:
            return .currency
        }
    }

    private static func readChoices(_ node: Node?, what: String, log: DiagnosticLog) -> [Choice]? {
        guard let nodes = log.list(node, "\(what) 'choices'") else { return nil }
        var choices: [Choice] = []
        for choiceNode in nodes {
            guard
                let fields = log.fields(
                    choiceNode, "a choice of \(what)", allowed: ["value", "label"], required: ["value", "label"]),
                let value = log.text(fields["value"], "a choice 'value' of \(what)"),
                let label = log.text(fields["label"], "a choice 'label' of \(what)")
            else { continue }
            if choices.contains(where: { $0.value == value }) {
                log.add("\(what) lists the choice '\(value)' twice", at: choiceNode.mark)
            }
            if let reason = Choice.unusableLabel(label) {
                log.add(
                    "\(what): the choice label \(PrintableText.quoted(label)) \(reason); use words", at: fields.mark(of: "label"))
            }
            choices.append(Choice(value: value, label: label))
        }
        if choices.isEmpty { log.add("\(what) needs at least one choice", at: node?.mark) }
        return choices
    }

    private static func readCondition(_ node: Node?, what: String, log: DiagnosticLog) -> Condition? {
        guard node != nil else { return nil }
        let tests = ["any_of", "at_least", "at_most", "answered"]
        guard let fields = log.fields(node, "\(what) 'when'", allowed: ["item"] + tests, required: ["item"]),
            let item = log.text(fields["item"], "\(what) 'when' 'item'")
        else { return nil }
        let given = tests.filter { fields[$0] != nil }
        guard given.count == 1 else {
            log.add("\(what) 'when' needs exactly one of \(tests.joined(separator: ", "))", at: fields.mark)
            return nil
        }
        switch given[0] {
        case "any_of":
            guard let values = log.stringList(fields["any_of"], "\(what) 'when' 'any_of'") else { return nil }
            return Condition(item: item, test: .anyOf(values))
        case "at_least":
            return log.number(fields["at_least"], "\(what) 'when' 'at_least'").map {
                Condition(item: item, test: .atLeast($0))
            }
        case "at_most":
            return log.number(fields["at_most"], "\(what) 'when' 'at_most'").map {
                Condition(item: item, test: .atMost($0))
            }
        default:
            return Condition(item: item, test: .answered)
        }
    }

    /// Fills `pick` items with the dimension items as their choices.
    private static func resolvePicks(in bank: QuestionBank, root: Node, log: DiagnosticLog) -> QuestionBank {
        let choices = bank.dimensionItems.map { Choice(value: $0.id, label: $0.short ?? $0.id) }
        var sections = bank.sections
        for s in sections.indices {
            for i in sections[s].items.indices {
                if case .pick(let count, _) = sections[s].items[i].kind {
                    if choices.count < count {
                        log.add(
                            "item '\(sections[s].items[i].id)' picks \(count) of \(choices.count) dimension items; the bank needs more",
                            at: nil)
                    }
                    sections[s].items[i].kind = .pick(count: count, choices: choices)
                }
            }
        }
        return QuestionBank(scales: bank.scales, sections: sections, differences: bank.differences)
    }

    /// Checks that each condition names an earlier item of the same role, with values it can have.
    private static func checkConditions(_ bank: QuestionBank, sectionNodes: [Node], log: DiagnosticLog) {
        var earlier: [String: BankItem] = [:]
        for item in bank.items {
            if let condition = item.condition {
                if let target = earlier[condition.item], target.role == item.role {
                    if case .anyOf(let values) = condition.test {
                        let allowed = target.kind.choices.map(\.value)
                        for value in values where !allowed.contains(value) {
                            log.add(
                                "item '\(item.id)' 'when' expects '\(value)' from '\(target.id)'; allowed: \(allowed.joined(separator: ", "))",
                                at: markOfItem(item.id, in: sectionNodes))
                        }
                    }
                } else {
                    log.add(
                        "item '\(item.id)' 'when' names '\(condition.item)', which must be an earlier item answered by the \(item.role.rawValue)",
                        at: markOfItem(item.id, in: sectionNodes))
                }
            }
            earlier[item.id] = item
        }
    }

    /// Checks that each `after` names another item, one that has no `after` of its own.
    private static func checkOrder(_ bank: QuestionBank, sectionNodes: [Node], log: DiagnosticLog) {
        for item in bank.items {
            guard let anchor = item.after else { continue }
            let problem: String?
            if anchor == item.id {
                problem = "item '\(item.id)' 'after' names itself; name the item it is asked after"
            } else if let target = bank.item(anchor) {
                problem = target.after.map {
                    "item '\(item.id)' 'after' names '\(anchor)', which is asked after '\($0)' itself; name '\($0)' instead"
                }
            } else {
                problem = "item '\(item.id)' 'after' names '\(anchor)', which is not in the bank"
            }
            if let problem { log.add(problem, at: markOfItem(item.id, in: sectionNodes)) }
        }
    }

    /// The position of an item's id, for problems found after reading.
    static func markOfItem(_ id: String, in sectionNodes: [Node]) -> Mark? {
        marksOfItem(id, in: sectionNodes).first
    }

    /// The positions of every item with this id, in file order.
    static func marksOfItem(_ id: String, in sectionNodes: [Node]) -> [Mark] {
        sectionNodes.flatMap { section -> [Mark] in
            (section.mapping?["items"]?.sequence.map(Array.init) ?? []).compactMap { item in
                item.mapping?["id"]?.string == id ? (item.mapping?["id"]?.mark ?? item.mark) : nil
            }
        }
    }
}
