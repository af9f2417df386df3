import ArgumentParser
import CarnotServer

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage the server's bearer tokens (stored hashed in a 0600 file).",
        discussion: """
        Examples:
          carnot token add alice --role recorder
          carnot token revoke alice
        """,
        subcommands: [TokenAdd.self, TokenRevoke.self])
}

struct TokenFileOption: ParsableArguments {
    @Option(help: ArgumentHelp("The token file `carnot serve --tokens` reads.", valueName: "file"))
    var tokens = ".carnot/tokens.json"
}

struct TokenAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create a token for NAME and print it once (only its hash is kept).",
        discussion: "Example:\n  carnot token add alice --role recorder")

    @Argument(help: "Who holds the token: what the server writes as recordedBy.") var name: String
    @Option(help: "recorder (may write and read) or auditor (may read).") var role: Role
    @OptionGroup var file: TokenFileOption

    func run() throws {
        do {
            let token = try TokenFile(path: file.tokens).add(name: name, role: role)
            Console.out(token)
            Console.error("carnot: token for \(name) (\(role.rawValue)) added to \(file.tokens); it is shown only this once")
        } catch {
            throw CommandFailure(message: error.description, code: 64)
        }
    }
}

struct TokenRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Remove NAME's token: the server refuses it from the next request on.")

    @Argument(help: "The token's name.") var name: String
    @OptionGroup var file: TokenFileOption

    func run() throws {
        do {
            try TokenFile(path: file.tokens).revoke(name: name)
            Console.out("revoked the token of \(name)")
        } catch {
            throw CommandFailure(message: error.description, code: 64)
        }
    }
}

extension Role: ExpressibleByArgument {}
