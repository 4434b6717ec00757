import Foundation

/// Plans for a whole organisation: reads people in order, scores and plans them in parallel
/// batches, writes one plan per person per format, `summary.csv`, `errors.csv` and the
/// equity report. The same input gives byte-identical output whatever the number of jobs:
/// every file depends only on its own person, and the shared files are written in input order.
public struct BulkRun: Sendable {
    public struct Options: Sendable {
        public var outDirectory: String
        public var formats: [PlanRenderer.Format]
        public var jobs: Int
        /// Used for people whose answers carry no session date.
        public var today: Date
        public var batchSize: Int
        /// Take each flagged manager's offset off their observations before planning.
        public var calibrate: Bool
        /// File each plan in a folder of its manager's (`ManagerFolders`), and write a page
        /// per manager about their team, under `managers/`.
        public var byManager: Bool
        /// Sheet columns to compare investment within (`--group-by`): `equity-groups.md` and
        /// `.json` are written when there is any.
        public var groupBy: [String]

        public init(
            outDirectory: String, formats: [PlanRenderer.Format], jobs: Int, today: Date, batchSize: Int = 256,
            calibrate: Bool = false, byManager: Bool = false, groupBy: [String] = []
        ) {
            self.outDirectory = outDirectory
            self.formats = formats
            self.jobs = max(1, jobs)
            self.today = today
            self.batchSize = max(1, batchSize)
            self.calibrate = calibrate
            self.byManager = byManager
            self.groupBy = groupBy
        }
    }

    /// How far a run has got.
    public struct Progress: Sendable {
        public var done: Int
        public var failed: Int
    }

    /// What a run did.
    public struct Outcome: Sendable {
        public var people: Int
        public var failed: Int
        /// Every failed row's problems, in input order.
        public var errors: [Diagnostic]
        public var files: [String]
        /// Plan files (Markdown, JSON, HTML) that were in the output folder (or, with
        /// `--by-manager`, in a manager's folder this run filed plans in) before the run and
        /// that it did not write over, as paths inside the output folder, such as the plans of people an earlier run had, leaving
        /// out the run's own inputs: sorted by name.
        public var otherFiles: [String]
        /// What an earlier run into the folder left unfinished, if anything.
        public var earlierRun: EarlierRun?
        /// Entries of input folders that were not read (links, not regular files).
        public var skipped: [BulkSource.Skipped]
    }

    /// What an earlier run into the same folder left unfinished (it was killed, or a disk
    /// filled up): found and tidied by the next run.
    public enum EarlierRun: Equatable, Sendable {
        /// It stopped before putting its shared files in place: they are still those of the run
        /// before it, and its plan files may be a mix of both runs.
        case stopped(started: String)
        /// It stopped while putting its shared files in place; this run finished that, so they
        /// were all that run's.
        case completed(started: String)
    }

    /// One row per person planned. Beside each id its title, beside the row's own budget the
    /// same amount in the catalog's currency (the equity report's rates), so a pivot table
    /// can sum `budget_committed_catalog` across people paid in different currencies.
    public static let summaryHeader = [
        "id", "name", "manager_id", "manager_name", "current_level", "current_level_title", "recommended_track",
        "archetype", "confidence", "fit_ic", "fit_management", "fit_hybrid", "target_level", "target_level_title",
        "budget_committed", "currency", "budget_committed_catalog", "catalog_currency", "hours_per_month",
        "special_project_percent", "items_training", "items_certification", "items_networking", "items_mentoring",
        "items_special_project", "items_stretch_assignment", "flags", "source",
    ]
    /// One row per problem, with whose row it is when the row could be read that far.
    public static let errorsHeader = ["file", "line", "column", "person_id", "person_name", "item", "message"]
    /// File names the run writes itself; a person with one of these names gets a suffix.
    static let reservedNames: Set<String> = ["summary", "errors", "equity", "equity-groups", "calibration", "managers", "index"]
    /// The folder of the managers' team pages, inside the output folder.
    public static let managersFolder = "managers"

    let prompts: PromptSet
    let options: Options
    /// Built once: its tables serve every person of the run.
    private let pipeline: Pipeline

    public init(prompts: PromptSet, options: Options) {
        self.prompts = prompts
        self.options = options
        pipeline = Pipeline(prompts: prompts)
    }

    /// What one person gave the run.
    private struct Planned: Sendable {
        var person: Person
        var documents: [String]
        var summary: [String]
        var equity: EquitySample
        var history: HistoryRecord?
        /// The manager's observations beside the person's own view, for calibration.
        var observations: [Calibration.Observation]
        /// For the manager's team page, without its file names yet.
        var page: ManagerPage.Row?
        var managerName: String?
        /// The values of the `--group-by` columns.
        var groups: [String]
    }

    /// One person's result, before the files are named and written.
    private enum PersonOutcome: Sendable {
        case done(Planned)
        case failed([Diagnostic])
    }

    /// A slot per person in a batch; each slot is written by exactly one worker. The storage is
    /// allocated once, so no worker ever touches a shared array header.
    private final class Slots<Value>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<Value?>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        deinit {
            storage.deinitialize()
            storage.deallocate()
        }

        subscript(index: Int) -> Value? {
            get { storage[index] }
            set { storage[index] = newValue }
        }

        var values: [Value?] { Array(storage) }
    }

    /// Runs `body` for every index, spread over the jobs; the result never depends on how
    /// many jobs there are.
    private func parallel(_ count: Int, _ body: @Sendable (Int) -> Void) {
        let jobs = min(options.jobs, count)
        guard jobs > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            var index = worker
            while index < count {
                body(index)
                index += jobs
            }
        }
    }

    /// Runs over every person the source gives.
    ///
    /// Every input is checked first: when one cannot be read, nothing is created. Plans are
    /// written one by one, each renamed into place whole; `summary.csv`, `errors.csv` and the
    /// equity report are written aside and put in place together at the end (`BulkFolder`).
    ///
    /// - Parameter progress: called after each batch, from the calling thread.
    /// - Parameter record: when given, called once per batch with the history records of the
    ///   people planned in it, in input order, after its files are written.
    /// - Throws: `CareerError.cannotRead` when an input cannot be read, `CareerError.invalidData`
    ///   when a sheet's header is wrong (both before anything is written); `CareerError.cannotWrite` when the output folder or a file cannot be written.
    public func run(
        _ source: BulkSource, record: (([HistoryRecord]) throws -> Void)? = nil, progress: (Progress) -> Void = { _ in }
    ) throws -> Outcome {
        if let unreadable = source.unreadableInputs().first { throw unreadable }
        // A sheet whose header is wrong has no row to plan: nothing is written, not even the
        // summary and equity files of the other inputs, which would look like the whole run.
        let headerProblems = source.headerProblems()
        if !headerProblems.isEmpty { throw CareerError.invalidData(headerProblems) }
        let directory = options.outDirectory
        let folder = BulkFolder(directory: directory)
        let earlierRun = try folder.begin()
        // The plan files that were there before, less what this run writes over: only an
        // earlier run's leftovers remain, and an empty folder costs nothing to track. Hidden
        // files (the run's own staged files and marker) are never among them.
        var earlier = Set(Self.planFiles(in: directory))
        var managerFolders = ManagerFolders()
        let summary = try CSVFile(path: directory + "/summary.csv", header: Self.summaryHeader)
        let errors = try CSVFile(path: directory + "/errors.csv", header: Self.errorsHeader)
        var equity = EquityReport(currency: prompts.catalog.currency)
        var groupEquity = EquityGroups(columns: options.groupBy, currency: prompts.catalog.currency)
        // With --calibrate the offsets come first, from every row, before anyone is planned.
        let corrections = options.calibrate ? try calibrate(source.again()) : nil
        var calibration = Calibration.Builder()
        var pages: [String: ManagerPage] = [:]
        var runIndex = BulkIndex()
        var allErrors: [Diagnostic] = []
        var usedNames: Set<String> = []
        /// How often each history record id came so far: two people without an id and with
        /// the same name, or the same row twice, get records of their own.
        var recordIDs: [String: Int] = [:]
        var done = 0
        var failed = 0
        var batch: [BulkEntry] = []
        batch.reserveCapacity(options.batchSize)
        func flush() throws {
            guard !batch.isEmpty else { return }
            // 1. Check, score, plan and render everyone in the batch, in parallel.
            let work = batch
            let outcomes = Slots<PersonOutcome>(count: work.count)
            let recording = record != nil
            parallel(work.count) { index in outcomes[index] = process(work[index], recording: recording, corrections: corrections) }
            // 2. In input order: name the files, write the shared rows.
            var writes: [(path: String, text: String)] = []
            var histories: [HistoryRecord] = []
            for (index, outcome) in outcomes.values.enumerated() {
                switch outcome! {
                case .done(let planned):
                    let person = planned.person
                    if var record = planned.history {
                        let seen = recordIDs[record.id, default: 0] + 1
                        recordIDs[record.id] = seen
                        if seen > 1 {
                            record.id += ":\(seen)"
                            // Without an id, the row itself is who it is: a namesake is someone else.
                            if record.personID == nil { record.personKey += "#\(seen)" }
                        }
                        histories.append(record)
                    }
                    var stem = SafeFileName.base(for: person)
                    if Self.reservedNames.contains(stem.lowercased()) { stem += "-person" }
                    // The first free name among stem, stem-2, stem-3, ...: a suffixed name never
                    // takes the files of someone whose own id happens to be that name.
                    var base = stem
                    var number = 1
                    while usedNames.contains(base.lowercased()) || Self.reservedNames.contains(base.lowercased()) {
                        number += 1
                        base = "\(stem)-\(number)"
                    }
                    usedNames.insert(base.lowercased())
                    // With --by-manager, in the folder of the person's manager; the file's own
                    // name is the same in both layouts.
                    var prefix = ""
                    if options.byManager {
                        let folder = managerFolders.folder(for: planned.managerName)
                        prefix = folder.name + "/"
                        if folder.isNew {
                            try PrivateFile.makeDirectory(directory + "/" + folder.name)
                            earlier.formUnion(Self.planFiles(in: directory + "/" + folder.name).map { prefix + $0 })
                        }
                    }
                    var names: [String] = []
                    for (format, text) in zip(options.formats, planned.documents) {
                        let name = prefix + base + "." + format.fileExtension
                        if !earlier.isEmpty { earlier.remove(name) }
                        writes.append((directory + "/" + name, text))
                        names.append(name)
                    }
                    try summary.write(planned.summary)
                    runIndex.add(.init(name: person.name, id: person.id, files: names), manager: planned.managerName)
                    equity.add(planned.equity)
                    if !options.groupBy.isEmpty { groupEquity.add(planned.equity, values: planned.groups) }
                    calibration.add(planned.observations)
                    if var row = planned.page, let manager = planned.managerName {
                        row.files = names
                        pages[manager, default: ManagerPage(manager: manager)].rows.append(row)
                    }
                    done += 1
                case .failed(let diagnostics):
                    let who = work[index].who()
                    for diagnostic in diagnostics {
                        let item = diagnostic.item ?? ""
                        try errors.write([
                            diagnostic.path, String(diagnostic.line), String(diagnostic.column), who.id, who.name, item,
                            diagnostic.message,
                        ])
                    }
                    allErrors += diagnostics
                    failed += 1
                }
            }
            // 3. Write the plan files, in parallel.
            let files = writes
            let failures = Slots<CareerError>(count: files.count)
            parallel(files.count) { index in
                do { try PrivateFile.write(files[index].text, to: files[index].path, durably: false) } catch let error as CareerError {
                    failures[index] = error
                } catch {
                    failures[index] = .cannotWrite(path: files[index].path, reason: "\(error)")
                }
            }
            if let failure = failures.values.lazy.compactMap({ $0 }).first { throw failure }
            // 4. Record the batch once its plans are on disk, so the history never names a
            //    plan that was not written.
            if !histories.isEmpty { try record?(histories) }
            batch.removeAll(keepingCapacity: true)
            progress(Progress(done: done, failed: failed))
        }

        for entry in source {
            batch.append(entry)
            if batch.count >= options.batchSize { try flush() }
        }
        try flush()
        try summary.close()
        try errors.close()
        equity.failed = failed
        let equityJSON = try StagedFile(path: directory + "/equity.json")
        try equityJSON.write(equity.json())
        try equityJSON.close(durably: false)
        let equityMarkdown = try StagedFile(path: directory + "/equity.md")
        try equityMarkdown.write(equity.markdown())
        try equityMarkdown.close(durably: false)
        let calibrated = corrections ?? calibration.build(settings: prompts.weights.calibration)
        let report = CalibrationReport(
            calibration: calibrated,
            source: "this bulk run (\(done) \(done == 1 ? "person" : "people"))", applied: options.calibrate)
        let calibrationJSON = try StagedFile(path: directory + "/calibration.json")
        try calibrationJSON.write(report.json())
        try calibrationJSON.close(durably: false)
        let calibrationMarkdown = try StagedFile(path: directory + "/calibration.md")
        try calibrationMarkdown.write(report.markdown())
        try calibrationMarkdown.close(durably: false)
        let calibrationHTML = try StagedFile(path: directory + "/calibration.html")
        try calibrationHTML.write(report.html())
        try calibrationHTML.close(durably: false)
        if options.byManager {
            let flagged = Dictionary(calibrated.managers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            runIndex.setPages(try writePages(pages.values.sorted { NaturalOrder.precedes($0.manager, $1.manager) }.map { page in
                var page = page
                page.calibration = flagged[page.manager]
                page.calibrationApplied = options.calibrate
                return page
            }, folders: managerFolders))
        }
        runIndex.planned = done
        runIndex.failed = failed
        runIndex.reports = Self.reports
        var staged: [StagedFile] = []
        if !options.groupBy.isEmpty {
            for (name, text) in [("equity-groups.md", groupEquity.markdown()), ("equity-groups.json", groupEquity.json())] {
                let file = try StagedFile(path: directory + "/" + name)
                try file.write(text)
                try file.close(durably: false)
                staged.append(file)
            }
            runIndex.reports += [
                ("equity-groups.md", "IC-track to management-track investment within each group of \(options.groupBy.joined(separator: ", ")) (small groups hidden)"),
                ("equity-groups.json", "the same figures, for systems"),
            ]
        }
        let indexMarkdown = try StagedFile(path: directory + "/index.md")
        try indexMarkdown.write(runIndex.markdown())
        try indexMarkdown.close(durably: false)
        let indexHTML = try StagedFile(path: directory + "/index.html")
        try indexHTML.write(runIndex.html())
        try indexHTML.close(durably: false)
        try folder.commit([
            (summary.temporary, summary.path), (errors.temporary, errors.path),
            (equityMarkdown.temporary, equityMarkdown.path), (equityJSON.temporary, equityJSON.path),
            (calibrationMarkdown.temporary, calibrationMarkdown.path), (calibrationJSON.temporary, calibrationJSON.path),
            (calibrationHTML.temporary, calibrationHTML.path), (indexMarkdown.temporary, indexMarkdown.path),
            (indexHTML.temporary, indexHTML.path),
        ] + staged.map { ($0.temporary, $0.path) })
        let shared = ["index.html", "index.md"] + runIndex.reports.map(\.name)
        earlier.subtract(shared)
        // Answers files of this run's own input are not leftovers.
        earlier = earlier.filter { !source.reads(directory + "/" + $0) }
        return Outcome(
            people: done, failed: failed, errors: allErrors, files: shared.map { directory + "/" + $0 },
            otherFiles: earlier.sorted(), earlierRun: earlierRun, skipped: source.skipped)
    }

    /// The plan files (Markdown, JSON, HTML) in a folder, by name; hidden files (the run's own
    /// staged files and marker) are never among them.
    private static func planFiles(in folder: String) -> [String] {
        let planExtensions = PlanRenderer.Format.allCases.map { "." + $0.fileExtension }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { name in
            !name.hasPrefix(".") && planExtensions.contains { name.hasSuffix($0) }
        }
    }

    /// The shared files besides the index, as the index lists them.
    static let reports: [(name: String, about: String)] = [
        ("summary.csv", "one row per person planned: track, confidence, target level, budget, plan items"),
        ("errors.csv", "one row per problem of a row that could not be planned, with whose row it is"),
        ("equity.md", "whether IC-track investment is on par with management's (small groups hidden)"),
        ("equity.json", "the same figures, for systems"),
        ("calibration.md", "how each manager with 5 or more reports rates, for the calibration meeting"),
        ("calibration.html", "the same, to show in the meeting"),
        ("calibration.json", "the same, for systems"),
    ]

    /// The team pages, one Markdown and one HTML file per manager, under `managers/`.
    /// - Returns: each manager's page file stem, by name.
    @discardableResult
    private func writePages(_ pages: [ManagerPage], folders: ManagerFolders) throws -> [String: String] {
        let folder = options.outDirectory + "/" + Self.managersFolder
        try PrivateFile.makeDirectory(folder)
        var used: Set<String> = []
        var stems: [String: String] = [:]
        for page in pages {
            // The name of the manager's folder of plans, so page and folder match.
            var stem = folders.name(of: page.manager) ?? page.fileStem
            var number = 1
            while used.contains(stem.lowercased()) {
                number += 1
                stem = page.fileStem + "-\(number)"
            }
            used.insert(stem.lowercased())
            try PrivateFile.write(page.markdown(), to: folder + "/" + stem + ".md", durably: false)
            try PrivateFile.write(page.html(), to: folder + "/" + stem + ".html", durably: false)
            stems[page.manager] = stem
        }
        return stems
    }

    /// The calibration of a whole input, read once before planning (for `--calibrate`):
    /// every row is checked and scored, none planned.
    private func calibrate(_ source: BulkSource) throws -> Calibration {
        var builder = Calibration.Builder()
        var batch: [BulkEntry] = []
        func flush() {
            let work = batch
            let slots = Slots<[Calibration.Observation]>(count: work.count)
            parallel(work.count) { index in
                if case .success(let answers) = work[index].resolve() {
                    slots[index] = observations(answers, pipeline.assess(answers))
                }
            }
            for observations in slots.values { builder.add(observations ?? []) }
            batch.removeAll(keepingCapacity: true)
        }
        for entry in source {
            batch.append(entry)
            if batch.count >= options.batchSize { flush() }
        }
        flush()
        return builder.build(settings: prompts.weights.calibration)
    }

    private func observations(_ answers: Answers, _ assessment: Assessment) -> [Calibration.Observation] {
        guard let manager = answers.managerName, !manager.isEmpty else { return [] }
        return Calibration.observations(
            manager: manager, person: HistoryRecord.personKey(for: answers.person),
            level: prompts.ladder.rank(acrossLadders: answers.person.currentLevel), assessment: assessment)
    }

    private func process(_ entry: BulkEntry, recording: Bool, corrections: Calibration?) -> PersonOutcome {
        let answers: Answers
        switch entry.resolve() {
        case .success(let value): answers = value
        case .failure(.invalidData(let diagnostics)): return .failed(diagnostics)
        case .failure(.cannotRead(_, let reason)):
            return .failed([Diagnostic(path: entry.file, line: entry.line, column: 1, message: "cannot read it: \(reason)")])
        case .failure(let error):
            return .failed([Diagnostic(path: entry.file, line: entry.line, column: 1, message: error.description)])
        }
        do {
            let result = try pipeline.consult(
                answers, today: options.today, calibration: corrections?.correction(for: answers.managerName))
            let (answers, assessment, plan) = (result.answers, result.assessment, result.plan)
            let documents = try options.formats.map { try result.render($0) }
            let history = recording ? result.record(.bulk) : nil
            return .done(
                Planned(
                    person: answers.person, documents: documents, summary: summaryRow(answers, assessment, plan, source: entry),
                    equity: sample(answers, assessment, plan), history: history,
                    observations: observations(answers, result.asGiven),
                    page: options.byManager && answers.managerName?.isEmpty == false
                        ? ManagerPage.row(answers: answers, assessment: assessment, plan: plan, prompts: prompts, files: []) : nil,
                    managerName: answers.managerName,
                    groups: options.groupBy.map { entry.cell($0) ?? (($0 == "person.domain" ? answers.person.domain : nil) ?? "") }))
        } catch CareerError.invalidData(let diagnostics) {
            return .failed(diagnostics.map {
                var diagnostic = $0
                diagnostic.message = "\(entry.file):\(entry.line): \(diagnostic.message)"
                return diagnostic
            })
        } catch {
            return .failed([Diagnostic(path: entry.file, line: entry.line, column: 1, message: "\(error)")])
        }
    }

    private func number(_ value: Double) -> String { formatOneDecimal(value) }

    private func summaryRow(_ answers: Answers, _ assessment: Assessment, _ plan: DevelopmentPlan, source: BulkEntry) -> [String] {
        let title = { (id: String) in prompts.ladder.level(id)?.title ?? "" }
        let catalog = prompts.catalog
        // Every plan's currency has a rate (an answer in any other is refused).
        let inCatalog = catalog.convert(1, to: plan.currency).map { plan.committed / $0 }
        var row = [
            answers.person.id ?? "", answers.person.name, answers.managerID ?? "", answers.managerName ?? "",
            answers.person.currentLevel, title(answers.person.currentLevel), assessment.recommended.rawValue,
            assessment.archetype, assessment.confidence.rawValue, number(assessment.scores[.ic] ?? 0),
            number(assessment.scores[.management] ?? 0), number(assessment.scores[.hybrid] ?? 0), plan.targetLevel,
            title(plan.targetLevel), number(plan.committed), plan.currency, inCatalog.map(number) ?? "", catalog.currency,
            number(plan.hoursPerMonth), String(plan.specialProjectPercent),
        ]
        for category in Catalog.Category.allCases where category != .firstStep {
            row.append(String(plan.items.filter { $0.category == category }.count))
        }
        row.append(assessment.flags.rawValues.joined(separator: ";"))
        row.append(source.isWholeFile ? source.file : "\(source.file):\(source.line)")
        return row
    }

    private func sample(_ answers: Answers, _ assessment: Assessment, _ plan: DevelopmentPlan) -> EquitySample {
        let rate = prompts.catalog.convert(1, to: plan.currency) ?? 1
        return EquitySample(
            recommended: assessment.recommended,
            currentTrack: prompts.ladder.level(answers.person.currentLevel)?.track ?? "ic",
            committed: plan.committed / rate, hours: plan.developmentHours,
            specialProjectPercent: plan.specialProjectPercent,
            hasCertification: plan.items.contains { $0.category == .certification },
            hasMentor: plan.items.contains { $0.category == .mentoring },
            divergentDimensions: assessment.divergence.compactMap(\.dimension),
            trackViewDiffers: assessment.divergence.contains { $0.dimension == nil })
    }
}
