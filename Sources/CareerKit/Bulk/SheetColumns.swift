/// The optional columns a sheet's header leaves out, by group, and what the plans miss for
/// it: a sheet without the manager's observations is valid, but every plan then lacks the
/// manager's view, and an analyst should hear so before 5,000 plans are made.
public struct SheetColumns: Sendable {
    /// A group of optional columns, as `validate` and `bulk` name it.
    public enum Group: String, Sendable, CaseIterable {
        case managerView = "the manager's observations"
        case offer = "the manager's offer"
        case ownView = "the person's own answers"
        case managerName = "the manager's name"
        case personID = "the employee id"
        case sessionDate = "the session date"
    }

    /// One group the header lacks in whole or in part.
    public struct Gap: Sendable, Hashable {
        public var group: Group
        /// The group's columns that are missing, in template order.
        public var missing: [String]
        /// How many columns the group has.
        public var of: Int
        /// What the plans miss because of it.
        public var consequence: String

        public var isWhole: Bool { missing.count == of }

        /// One sentence: which columns, and what it costs.
        public var message: String {
            let listed = missing.count > 4 ? missing.prefix(3).joined(separator: ", ") + " and \(missing.count - 3) more" : missing.joined(separator: ", ")
            if isWhole {
                return "no columns for \(group.rawValue) (\(listed)): \(consequence)"
            }
            let verb = missing.count == 1 ? "is" : "are"
            return "\(missing.count) of the \(of) columns for \(group.rawValue) \(verb) missing (\(listed)): those questions count as unanswered for everyone"
        }
    }

    /// The groups and their columns, from the bank: a manager item is an observation or a view
    /// of the track (`obs.`, `view.`), else part of what the manager offers (hours, budget,
    /// support).
    public static func groups(_ prompts: PromptSet) -> [(Group, [String])] {
        let manager = prompts.bank.items(for: .manager).map(\.id)
        let isView = { (id: String) in id.hasPrefix("obs.") || id.hasPrefix("view.") }
        return [
            (.managerView, manager.filter(isView).map { "manager." + $0 }),
            (.offer, manager.filter { !isView($0) }.map { "manager." + $0 }),
            (.ownView, prompts.bank.items(for: .contributor).map { "contributor." + $0.id }),
            (.managerName, ["manager.name"]),
            (.personID, ["person.id"]),
            (.sessionDate, ["session.date"]),
        ]
    }

    /// What a header lacks, group by group.
    public static func gaps(header: [String], prompts: PromptSet) -> [Gap] {
        let given = Set(header.filter { !$0.isEmpty })
        let planning = prompts.weights.planning
        let budget = formatMoney(planning.defaultBudget, prompts.catalog.currency)
        return groups(prompts).compactMap { group, columns in
            let missing = columns.filter { !given.contains($0) }
            guard !missing.isEmpty, !columns.isEmpty else { return nil }
            let consequence: String
            switch group {
            case .managerView:
                consequence = "every plan rests on the person's own view alone, with no manager's view, no divergence to talk about and no calibration"
            case .offer:
                consequence = "no offer from the manager, so every plan uses the defaults: \(budget), \(planning.defaultDevHoursPerMonth) hours a month and \(planning.defaultSpecialProjectPercent)% project time"
            case .ownView:
                consequence = "every plan rests on the manager's observations alone, without the person's own view"
            case .managerName:
                consequence = "no team pages (--by-manager) and no calibration, which need to know who observed whom"
            case .personID:
                consequence = "plans are named from names, and two people with one name are told apart only by their row"
            case .sessionDate:
                consequence = "plans start on --date, or today"
            }
            return Gap(group: group, missing: missing, of: columns.count, consequence: consequence)
        }
    }

    /// What each sheet among `inputs` lacks, by sheet path, in input order; a sheet whose
    /// header cannot be read is left to the run, which reports it.
    public static func gaps(
        inputs: [String], prompts: PromptSet, extraColumns: Set<String> = [], map: ColumnMap? = nil
    ) -> [(path: String, gaps: [Gap])] {
        inputs.compactMap { path in
            guard BulkInputKind(path: path) == .sheet,
                let reader = try? CSVAnswersReader(path: path, prompts: prompts, extraColumns: extraColumns, map: map)
            else {
                return nil
            }
            let gaps = gaps(header: reader.rowBuilder.header, prompts: prompts)
            return gaps.isEmpty ? nil : (path, gaps)
        }
    }
}
