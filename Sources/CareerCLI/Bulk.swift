import ArgumentParser
import CareerKit
import Foundation

extension Careerpath {
    /// `careerpath bulk`: plans for everyone in a sheet, a JSON Lines file or a folder.
    struct Bulk: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bulk",
            abstract: "Make plans for many people at once from scripted answers.",
            discussion: """
                INPUT is a CSV sheet (the header of `careerpath template csv`), a form export read \
                through a column map (--map), a JSON Lines file (.jsonl, one answers document per \
                line) or a folder of YAML/JSON answers files. \
                Writes one plan per person per format (named from person.id, else the name), \
                summary.csv, errors.csv, equity.md and equity.json, and calibration.md and \
                calibration.json (managers with 5 or more reports: how leniently or harshly they \
                rate, against the organisation's other managers) into --out, all readable by \
                you only, with index.html and index.md linking every plan and report. With \
                --by-manager the plans are filed in a folder per manager (no-manager/ for rows \
                without one). A bad row is reported (stderr and errors.csv) and the rest still run.

                A sheet without some optional columns is planned, and a note names the missing \
                groups and what the plans lose (no manager's view, no offer). A sheet whose header is \
                wrong (no person.name column, an unknown column) stops the run before anything is written.

                Exit status: 0 all rows planned, 1 some rows failed, 65 none could be read, a \
                sheet's header is wrong or the column map has mistakes, 66 an input does not exist or cannot be read (in both of \
                those cases nothing is written).

                Example: careerpath bulk prompts/examples/team.csv --out plans/ --format md,json
                """)

        @Argument(help: ArgumentHelp("CSV, JSON Lines files or folders of answers files.", valueName: "input"))
        var inputs: [String]

        @Option(name: .long, help: ArgumentHelp("The folder to write into.", valueName: "dir"))
        var out: String

        @Option(name: .long, help: ArgumentHelp("Plan formats, separated by commas: md, json, html.", valueName: "formats"))
        var format: String = "md,json"

        @Option(name: .long, help: ArgumentHelp("How many people to plan at once. (default: the number of cores)", valueName: "n"))
        var jobs: Int?

        @Option(name: .long, help: ArgumentHelp("The date plans start when a row has no session date, YYYY-MM-DD. (default: today)", valueName: "date"))
        var date: String?

        @Flag(name: .long, help: "No progress output.")
        var quiet = false

        @Flag(name: .long, help: "Record every plan in the history database, a batch of 256 people per transaction.")
        var record = false

        @Flag(
            name: .long,
            help: "Take each manager's calibration offset off their observations before planning, for managers flagged lenient or harsh. Use after the calibration meeting agreed the flag.")
        var calibrate = false

        @Flag(
            name: .customLong("by-manager"),
            help: "File each plan in a folder of its manager's (no-manager/ for rows without one) and write a team page per manager (Markdown and HTML) under managers/ in --out.")
        var byManager = false

        @Option(
            name: .customLong("group-by"),
            help: ArgumentHelp(
                "Sheet columns, separated by commas, to compare IC and management investment within (e.g. person.site,person.department): writes equity-groups.md and .json. The sheet may have these columns besides the template's.",
                valueName: "columns"))
        var groupBy: String?

        @OptionGroup var map: MapOption
        @OptionGroup var database: DatabaseOption
        @OptionGroup var prompts: PromptsOption

        func validate() throws {
            _ = try formats()
            _ = try groupColumns()
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
            try DateOption.check(date, option: "--date")
        }

        /// The `--group-by` columns: names like `person.site`, never an answer column.
        func groupColumns() throws -> [String] {
            guard let groupBy else { return [] }
            let names = groupBy.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for name in names {
                let parts = name.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }), name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }),
                    !name.hasPrefix("contributor."), !(name.hasPrefix("manager.") && name != "manager.name" && name != "manager.id")
                else {
                    throw ValidationError(
                        "--group-by: \(PrintableText.quoted(name)) is not a grouping column; name sheet columns such as person.site or person.department, separated by commas (answer columns cannot be used)")
                }
            }
            guard !names.isEmpty, Set(names).count == names.count else {
                throw ValidationError("--group-by: name each column once, separated by commas, e.g. person.site,person.department")
            }
            return names
        }

        func formats() throws -> [PlanRenderer.Format] {
            try FormatList.parse(format)
        }

        func run() throws {
            let set = try prompts.load()
            let groups = try groupColumns()
            let columnMap = try map.load(set, extraColumns: Set(groups))
            let source = BulkSource(inputs: inputs, prompts: set, extraColumns: Set(groups), map: columnMap)
            // Every input is checked before anything is created.
            let unreadable = source.unreadableInputs()
            if let first = unreadable.first {
                for error in unreadable.dropFirst() { Terminal.standardError.write(ExitStatus.message(for: error)) }
                throw first
            }
            // Optional columns a sheet lacks are named before the run, with what the plans miss.
            if !quiet, source.headerProblems().isEmpty {
                for note in MapOption.notes(source) { Terminal.standardError.write("careerpath: \(note)\n") }
                for sheet in SheetColumns.gaps(inputs: inputs, prompts: set, extraColumns: Set(groups), map: columnMap) {
                    // Whole groups only: validate lists the single questions a sheet leaves out.
                    for gap in sheet.gaps where gap.isWhole {
                        Terminal.standardError.write("careerpath: \(PrintableText.escaped(sheet.path)): note: \(gap.message).\n")
                    }
                }
            }
            let today = date.flatMap(SessionDate.parse) ?? Date()
            let run = BulkRun(
                prompts: set,
                options: BulkRun.Options(
                    outDirectory: out, formats: try formats(), jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                    today: today, calibrate: calibrate, byManager: byManager, groupBy: groups))
            var reporter = ProgressReporter(
                total: BulkInputs.estimatedCount(inputs), quiet: quiet, terminal: Terminal.standardError.isTTY)
            func report(_ progress: BulkRun.Progress) {
                reporter.update(done: progress.done + progress.failed, failed: progress.failed)
            }
            let outcome: BulkRun.Outcome
            if record {
                // A transaction per batch, so a one-on-one that finishes meanwhile waits a moment
                // at most; running the same cycle again replaces its records.
                let store = try database.open()
                outcome = try run.run(source, record: { try store.record($0) }, progress: report)
            } else {
                outcome = try run.run(source, progress: report)
            }
            reporter.finish(done: outcome.people + outcome.failed, failed: outcome.failed)
            let folder = PrintableText.escaped(out)
            switch outcome.earlierRun {
            case .stopped(let started)?:
                Terminal.standardError.write(
                    "careerpath: an earlier run into \(folder) (started \(started)) stopped before it finished; "
                        + "its plan files may have been a mix of two runs, and this run wrote its own over them.\n")
            case .completed(let started)?:
                Terminal.standardError.write(
                    "careerpath: an earlier run into \(folder) (started \(started)) stopped while putting its summary and "
                        + "equity files in place; that was finished before this run began.\n")
            case nil:
                break
            }
            for skipped in outcome.skipped {
                Terminal.standardError.write("careerpath: skipped '\(PrintableText.escaped(skipped.path))': \(skipped.reason).\n")
            }
            for diagnostic in outcome.errors {
                Terminal.standardError.write(diagnostic.description + "\n")
            }
            if !outcome.otherFiles.isEmpty {
                // Plans of people no longer in the sheet would sit beside the new ones unnoticed.
                let count = outcome.otherFiles.count
                let names = outcome.otherFiles.prefix(3).map(PrintableText.escaped)
                let examples = Dimension.list(names + (count > 3 ? ["\(count - 3) more"] : []))
                Terminal.standardError.write(
                    "careerpath: \(folder) also holds \(count) file\(count == 1 ? "" : "s") this run did not write (\(examples)), "
                        + "perhaps from an earlier run: remove \(count == 1 ? "it" : "them") or use an empty folder.\n")
            }
            Terminal.standardOutput.write(
                "\(outcome.people) plan\(outcome.people == 1 ? "" : "s") written to \(folder)"
                    + (outcome.failed > 0 ? ", \(outcome.failed) row\(outcome.failed == 1 ? "" : "s") failed (see errors.csv)" : "")
                    + "\n" + outcome.files.map { "  \(PrintableText.escaped($0))\n" }.joined())
            if outcome.people == 0, outcome.failed == 0 {
                throw CareerError.invalidData(inputs.map {
                    Diagnostic(path: $0, line: 1, column: 1, message: "there is no one to plan: no rows or answers files")
                })
            }
            if outcome.people == 0, outcome.failed > 0 { throw ExitCode(ExitStatus.dataError) }
            if outcome.failed > 0 { throw ExitCode(ExitStatus.partial) }
        }
    }
}

/// Counts what a bulk run will read, for the progress bar: lines of CSV and JSON Lines files
/// (a quoted line break may count one extra), answers files in folders.
enum BulkInputs {
    static func estimatedCount(_ inputs: [String]) -> Int? {
        var total = 0
        for path in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                total += ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { name in
                    [".yaml", ".yml", ".json"].contains { name.lowercased().hasSuffix($0) }
                }.count
                continue
            }
            let kind = BulkInputKind(path: path)
            guard kind == .sheet || kind == .jsonLines else {
                total += 1
                continue
            }
            // Only a regular file is read ahead: a pipe read here would be empty for the run,
            // and a device such as /dev/zero never ends. Without a count the bar shows no total.
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            var lines = 0
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                lines += chunk.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            }
            try? handle.close()
            total += kind == .sheet ? max(0, lines - 1) : lines
        }
        return total
    }
}
