import ArgumentParser
import CarnotRegistry

/// The `carnot` command: an event-sourced registry of the French Carnot label.
public struct CarnotCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "carnot",
        abstract: "An append-only, tamper-evident registry of the French Carnot label since 2006.",
        discussion: """
        Every decision (a label granted, a school merged, an officer appointed) is an immutable event in an \
        append-only log. Ask what was true on any day (--at) as the registry knew it at any moment \
        (--known-at, --upto).

        Dates are YYYY, YYYY-MM or YYYY-MM-DD: a fact known only to the month or year keeps that precision.
        Every command takes --db PATH (default .carnot/registry.sqlite).

        Exit codes: 0 ok; 64 usage or validation error; 65 conflict; 66 integrity failure; 1 other.

        Tables fit the terminal (COLUMNS, else the width of standard output when it is a terminal; a pipe or a \
        file gets whole lines); --wide prints them whole. Listings also print as --format csv, tsv or json.
        Shell completion of commands, options and ids: load the script `carnot --generate-completion-script` \
        prints for bash, zsh or fish (the README says where to put it).

        Examples:
          carnot state --at 2020-02-07
          carnot find "télécom"
          carnot history tsn
          carnot grant mers --kind carnot --call carnot-2026 --from 2026-05-12 --until 2032-05-12 --effective 2026-05-12 --source "MESR press release, 12 May 2026" --dry-run
          carnot correct 213 --reason "the extension runs to 30 June 2025" --effective 2024 --source "ministry erratum" -- extend mers --until 2025-06-30
          carnot verify
          carnot --generate-completion-script bash
        """,
        version: "carnot \(CarnotCommand.packageVersion) (store layout \(EventStore.layoutVersion))",
        subcommands: [
            StateCommand.self, ShowCommand.self, FindCommand.self, ListCommand.self, HistoryCommand.self, DiffCommand.self, LogCommand.self,
            VerifyCommand.self, HeadCommand.self, RecordCommand.self, UpgradeCommand.self,
            CheckpointCommand.self, ProveCommand.self, CheckCommand.self, KeygenCommand.self,
            RegisterInstitute.self, RenameInstitute.self, AppointDirector.self,
            OpenCall.self, AnnounceResults.self,
            Grant.self, Renew.self, Extend.self, Withdraw.self, NotRenew.self,
            RegisterSchool.self, RenameSchool.self, ChangeSchoolParent.self, MergeSchools.self, Affiliate.self, Disaffiliate.self,
            RegisterPerson.self, Appoint.self, Leave.self,
            FormConsortium.self, JoinConsortium.self, LeaveConsortium.self,
            CorrectCommand.self, Retract.self, ImportCommand.self, ExportCommand.self,
            SnapshotCommand.self, AuditCommand.self, ExplainCommand.self, CompletenessCommand.self,
            StressAppendCommand.self,
            GenerateCommand.self,
            ServeCommand.self, TokenCommand.self,
        ]
    )

    /// The version of this package, printed by `carnot --version` beside the store layout it reads.
    static let packageVersion = "0.1.0"

    public init() {}
}
