/// The Python peer's workload, written next to its virtual environment and run by `PythonPeer`: the same
/// counts as ours through the `eventsourcing` library's SQLite persistence (WAL; `synchronous` is SQLite's
/// default, FULL, which the script reads back and prints), on a log first filled to the same size.
///
/// Arguments: database path, events to fill the log with (untimed), events appended in batches, batch
/// size, single-event saves, aggregates. Each batch renames `batch` different aggregates and saves them in
/// one `Application.save` (one transaction); each single save renames one. Prints one JSON line.
enum PythonPeerScript {
    static let source = #"""
    import json, os, sys, time
    db, fill, batched, batch, singles, entities = sys.argv[1], *map(int, sys.argv[2:7])
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    os.environ["PERSISTENCE_MODULE"] = "eventsourcing.sqlite"
    os.environ["SQLITE_DBNAME"] = db
    from importlib.metadata import version
    from eventsourcing.application import Application
    from eventsourcing.domain import Aggregate, event


    class Institute(Aggregate):
        @event("Registered")
        def __init__(self, name: str):
            self.name = name

        @event("Renamed")
        def rename(self, name: str):
            self.name = name


    app = Application()
    institutes = [Institute(name=f"Institut {i}") for i in range(entities)]
    app.save(*institutes)
    renames = 0


    def renamed():
        global renames
        institute = institutes[renames % entities]
        institute.rename(f"Institut {renames % entities} renamed {renames}")
        renames += 1
        return institute


    def save_batches(count, size):
        for start in range(0, count, size):
            touched = {}
            for _ in range(min(size, count - start)):
                institute = renamed()
                touched[institute.id] = institute
            app.save(*touched.values())


    save_batches(max(0, fill - entities), 10_000)
    with app.recorder.datastore.transaction(commit=False) as cursor:
        cursor.execute("PRAGMA synchronous")
        synchronous = cursor.fetchone()[0]
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
    start = time.monotonic()
    save_batches(batched, batch)
    batched_seconds = time.monotonic() - start
    start = time.monotonic()
    for _ in range(singles):
        app.save(renamed())
    singles_seconds = time.monotonic() - start
    print(json.dumps({"version": version("eventsourcing"), "python": sys.version.split()[0],
                      "synchronous": synchronous, "journal_mode": journal,
                      "batched_seconds": batched_seconds, "singles_seconds": singles_seconds}))
    """#
}
