import ArgumentParser
import CarnotRegistry

struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "The state of the network on a day: institutes and their labels, schools, offices, consortia.",
        discussion: """
        --at is valid time: what was true on that day. --known-at / --upto is record time: what the registry \
        said as it stood then, before later back-dated events and corrections. Tables fit the terminal (COLUMNS, \
        or the width of standard output when it is a terminal); --wide prints them whole. --format csv and tsv \
        print the institutes table.

        The answer opens with how complete it is: the published counts of the results standing on that day \
        beside the number of institutes the registry names. Each institute's label that day is "held", \
        "ended" (its last recorded term ran out, was withdrawn or not renewed) or "not known" (nothing \
        recorded covers that day); JSON: "labelStatus" held | ended | not-known, and "completeness".

        Examples:
          carnot state --at 2020-02-07
          carnot state --at 2016-07-06 --upto 40 --format json
          carnot state --at 2020-02-07 --format csv
        """)

    @Option(help: ArgumentHelp("The day to describe: YYYY, YYYY-MM or YYYY-MM-DD.", valueName: "date"))
    var at: PartialDate
    @OptionGroup var knownAt: KnownAtOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try self.store.openForReading()
        let (state, head) = try CommandFailure.guarding { () throws(StoreError) in
            let upto = try store.position(knownAt.cutoff)
            let head = try store.events(from: max(1, upto), through: upto).last.map { LogHead(seq: $0.seq, hash: $0.hash) } ?? .empty
            return (try store.state(at: at.day, knownAt: .position(upto)), head)
        }
        let document = StateDocument.answer(state, at: at.day, head: head)
        switch output.format {
        case .json: Console.out(CanonicalJSON.string(document))
        case .table:
            Console.out(StateTable.render(state, at: at.day, head: head))
            let events = try CommandFailure.guarding { () throws(StoreError) in try store.events(types: LabelProvenance.types, through: head.seq) }
            if let provenance = LabelProvenance.table(state, at: at.day, events: events, upto: head.seq) {
                Console.out("\nLabels held on \(at.day) rest on (see `carnot explain ID --at \(at.day)`)\n" + provenance.rendered)
            }
        case .csv, .tsv: output.print(StateTable.institutes(state, at: at.day))
        }
    }
}
