import Foundation
import Yams

/// Everything careerpath reads from a prompts folder: the bank, the ladder, the catalog and
/// the scoring weights.
public struct PromptSet: Sendable {
    public var bank: QuestionBank
    public var ladder: Ladder
    public var catalog: Catalog
    public var weights: Weights
    public var templates: ReportTemplates
    /// The folder it was read from.
    public var directory: String

    public init(
        bank: QuestionBank, ladder: Ladder, catalog: Catalog, weights: Weights, templates: ReportTemplates,
        directory: String
    ) {
        self.bank = bank
        self.ladder = ladder
        self.catalog = catalog
        self.weights = weights
        self.templates = templates
        self.directory = directory
    }

    /// The most bytes one prompts file may have: fourteen times the shipped catalog, the
    /// largest. A file named there that never ends (`/dev/zero`) is refused at this size.
    public static let maximumFileBytes = 2 << 20
    public static let bankFile = "bank.yaml"
    public static let ladderFile = "ladder.yaml"
    public static let catalogFile = "catalog.yaml"
    public static let weightsFile = "weights.yaml"
    /// The data files every prompts folder has.
    public static let files = [bankFile, ladderFile, catalogFile, weightsFile]

    /// Reads and checks every file in `directory`.
    ///
    /// - Throws: `CareerError.invalidData` with one diagnostic per problem, in every file at once;
    ///   `CareerError.cannotRead` when the folder or a file is missing.
    public static func load(from directory: String) throws -> PromptSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CareerError.cannotRead(path: directory, reason: "no such prompts folder")
        }
        func path(_ file: String) -> String {
            directory.hasSuffix("/") ? directory + file : directory + "/" + file
        }
        let bankLog = DiagnosticLog(path: path(bankFile))
        let ladderLog = DiagnosticLog(path: path(ladderFile))
        let catalogLog = DiagnosticLog(path: path(catalogFile))
        let weightsLog = DiagnosticLog(path: path(weightsFile))

        // Two strands, so a two-core machine reads the prompts in about half the time (a
        // `talk` shows its first question sooner): the bank, its weights and the templates on
        // one; the ladder and the catalog on the other. Each log is written by one strand.
        // Read first, in this order, so a missing file is reported as it always was.
        let bankText = try DataDocument.readText(atPath: bankLog.path, limit: maximumFileBytes, what: "a prompts file")
        let ladderText = try DataDocument.readText(atPath: ladderLog.path, limit: maximumFileBytes, what: "a prompts file")
        let catalogText = try DataDocument.readText(atPath: catalogLog.path, limit: maximumFileBytes, what: "a prompts file")
        let weightsText = try DataDocument.readText(atPath: weightsLog.path, limit: maximumFileBytes, what: "a prompts file")
        let bankStrand = Strand {
            let bankRoot = DataDocument.parse(bankText, syntax: .yaml, log: bankLog)
            let weightsRoot = DataDocument.parse(weightsText, syntax: .yaml, log: weightsLog)
            let bank = bankRoot.flatMap { BankLoader.load($0, log: bankLog) }
            let weights = weightsRoot.flatMap { WeightsLoader.load($0, bank: bank, log: weightsLog) }
            if let bank, let bankRoot { checkInstrument(bank, root: bankRoot, log: bankLog) }
            var templateLogs: [DiagnosticLog] = []
            let templates = ReportTemplates.load(from: directory) { path in
                let log = DiagnosticLog(path: path)
                templateLogs.append(log)
                return log
            }
            return (bankRoot, bank, weights, templates, templateLogs, weightsRoot)
        }
        let ladderStrand = Strand {
            let ladderRoot = DataDocument.parse(ladderText, syntax: .yaml, log: ladderLog)
            let catalogRoot = DataDocument.parse(catalogText, syntax: .yaml, log: catalogLog)
            let ladder = ladderRoot.flatMap { LadderLoader.load($0, log: ladderLog) }
            let catalog = catalogRoot.flatMap { CatalogLoader.load(
                    $0, levels: ladder?.levels.map(\.id), criteria: ladder?.allCriteria.map(\.criterion.id), ladder: ladder, log: catalogLog) }
            return (ladder, catalog)
        }
        Strand.run(bankStrand, ladderStrand)
        let (bankRoot, bank, weights, templates, templateLogs, weightsRoot) = try bankStrand.result()
        let (ladder, catalog) = try ladderStrand.result()
        if let bank, let bankRoot, let catalog { checkInterests(bank, catalog: catalog, root: bankRoot, log: bankLog) }
        if let bank, let catalog, let weights, let weightsRoot {
            checkOffers(weights.planning.offers, bank: bank, catalog: catalog, root: weightsRoot, log: weightsLog)
        }
        let all = bankLog.sorted() + ladderLog.sorted() + catalogLog.sorted() + weightsLog.sorted()
            + templateLogs.flatMap { $0.sorted() }
        guard all.isEmpty, var bank, let ladder, let catalog, let weights, let templates else {
            throw CareerError.invalidData(all)
        }
        bank = withCriteria(bank, ladder: ladder)
        return PromptSet(
            bank: bank, ladder: ladder, catalog: catalog, weights: weights, templates: templates, directory: directory)
    }

    /// What is allowed but worth fixing: a promotion criterion no catalog item can produce
    /// evidence for (no item lists its id under `evidences`), so a plan toward that level
    /// cannot name an activity for it.
    public var warnings: [Diagnostic] {
        let evidenced = Set(catalog.items.flatMap(\.evidences))
        let path = directory.hasSuffix("/") ? directory + Self.ladderFile : directory + "/" + Self.ladderFile
        return ladder.allCriteria.filter { !evidenced.contains($0.criterion.id) }.map { level, criterion in
            Diagnostic(
                path: path, line: criterion.line, column: criterion.column,
                message: "warning: criterion '\(criterion.id)' of level '\(level.id)' has no catalog item that can evidence it; add its id under 'evidences' of an item in \(Self.catalogFile)",
                item: criterion.id)
        }
    }

    /// Fills the questions whose choices are the ladder's promotion criteria
    /// (`choices_from: ladder_criteria`): a choice per criterion, its id the value.
    static func withCriteria(_ bank: QuestionBank, ladder: Ladder) -> QuestionBank {
        let choices = ladder.allCriteria.map { Choice(value: $0.criterion.id, label: $0.criterion.text) }
        var sections = bank.sections
        var changed = false
        for s in sections.indices {
            for i in sections[s].items.indices {
                if case .multi(let existing) = sections[s].items[i].kind, existing.isEmpty {
                    sections[s].items[i].kind = .multi(choices)
                    changed = true
                }
            }
        }
        return changed ? QuestionBank(scales: bank.scales, sections: sections, differences: bank.differences) : bank
    }

    /// Every item of the instrument must be in the bank with its fixed role and type.
    private static func checkInstrument(_ bank: QuestionBank, root: Node, log: DiagnosticLog) {
        let sections = root.mapping?["sections"]?.sequence.map(Array.init) ?? []
        for requirement in Instrument.requirements {
            guard let item = bank.item(requirement.id) else {
                // An item written but unreadable has been reported already.
                guard BankLoader.markOfItem(requirement.id, in: sections) == nil else { continue }
                log.add(
                    "the bank must have the item '\(requirement.id)' (\(requirement.role.rawValue), \(requirement.expected)); its id is fixed by the instrument",
                    at: root.mapping?["sections"]?.mark)
                continue
            }
            // Found only when there is something to report: the search reads the whole bank.
            var mark: Mark? { BankLoader.markOfItem(item.id, in: sections) }
            if item.role != requirement.role {
                log.add("item '\(item.id)' must be answered by the \(requirement.role.rawValue), not the \(item.role.rawValue)", at: mark)
            }
            if !requirement.matches(item.kind) {
                log.add("item '\(item.id)' must be of \(requirement.expected)", at: mark)
            }
        }
        for (id, dimension) in Instrument.dimensionItems {
            if let item = bank.item(id), item.dimension != dimension {
                log.add(
                    "item '\(id)' must have 'dimension: \(dimension)'",
                    at: BankLoader.markOfItem(id, in: sections))
            }
        }
        let fixed = Set(Instrument.dimensionItems.map(\.id))
        for item in bank.dimensionItems where !fixed.contains(item.id) {
            log.add(
                "item '\(item.id)' has a 'dimension', which only the 24 items of the eight groups may have",
                at: BankLoader.markOfItem(item.id, in: sections))
        }
    }

    /// Every "how often" answer has its sessions a month, and every trial a manager can offer
    /// is a catalog trial.
    private static func checkOffers(
        _ offers: PlanningSettings.Offers, bank: QuestionBank, catalog: Catalog, root: Node, log: DiagnosticLog
    ) {
        let node = root.mapping?["planning"]?.mapping?["offers"]
        if let item = bank.item("offer.mentor.every") {
            for choice in item.kind.choices where offers.sessionsPerMonth[choice.value] == nil {
                log.add(
                    "planning 'offers' 'sessions_per_month' has no value for '\(choice.value)', a choice of '\(item.id)' in \(bankFile); allowed: a number of sessions a month, 0.25..31",
                    at: node?.mapping?["sessions_per_month"]?.mark ?? node?.mark)
            }
        }
        if let item = bank.item("offer.trial.role") {
            for choice in item.kind.choices where offers.trials[choice.value] == nil {
                log.add(
                    "planning 'offers' 'trials' has no catalog item for '\(choice.value)', a choice of '\(item.id)' in \(bankFile); allowed: the id of a catalog item with 'purpose: trial'",
                    at: node?.mapping?["trials"]?.mark ?? node?.mark)
            }
        }
        for (choice, id) in offers.trials.sorted(by: { $0.key < $1.key }) where catalog.item(id)?.purpose != .trial {
            let trials = catalog.items.filter { $0.purpose == .trial }.map(\.id)
            log.add(
                "planning 'offers' 'trials' '\(choice)' names '\(id)', which is not a trial in \(catalogFile); allowed: \(trials.joined(separator: ", "))",
                at: node?.mapping?["trials"]?.mapping?[choice]?.mark ?? node?.mark)
        }
    }

    /// Interest choices must match what the catalog can offer.
    private static func checkInterests(_ bank: QuestionBank, catalog: Catalog, root: Node, log: DiagnosticLog) {
        guard let item = bank.item("interest.certifications") else { return }
        let domains = catalog.certificationDomains
        let sections = root.mapping?["sections"]?.sequence.map(Array.init) ?? []
        for choice in item.kind.choices where !domains.contains(choice.value) {
            log.add(
                "item 'interest.certifications' offers '\(choice.value)', but no certification in \(catalogFile) has that domain; allowed: \(domains.sorted().joined(separator: ", "))",
                at: BankLoader.markOfItem(item.id, in: sections))
        }
    }
}
