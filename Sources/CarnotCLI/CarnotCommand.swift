import ArgumentParser

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

        Examples:
          carnot state --at 2020-02-07
          carnot grant mers --kind carnot --call carnot-4 --from 2020-02-07 --until 2024-02-07 \\
              --effective 2020-02-07 --source "MESRI press release, 7 Feb 2020"
          carnot history tsn
          carnot verify
        """,
        subcommands: [
            StateCommand.self, ShowCommand.self, HistoryCommand.self, DiffCommand.self, LogCommand.self,
            VerifyCommand.self, HeadCommand.self, RecordCommand.self,
            RegisterInstitute.self, RenameInstitute.self, AppointDirector.self,
            OpenCall.self, AnnounceResults.self,
            Grant.self, Renew.self, Extend.self, Withdraw.self, NotRenew.self,
            RegisterSchool.self, RenameSchool.self, ChangeSchoolParent.self, MergeSchools.self, Affiliate.self, Disaffiliate.self,
            RegisterPerson.self, Appoint.self, Leave.self,
            FormConsortium.self, JoinConsortium.self, LeaveConsortium.self,
            Retract.self, ImportCommand.self, ExportCommand.self,
            SnapshotCommand.self, AuditCommand.self, ExplainCommand.self, CompletenessCommand.self,
            StressAppendCommand.self,
            GenerateCommand.self,
            ServeCommand.self, TokenCommand.self,
        ]
    )

    public init() {}
}
