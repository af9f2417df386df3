import CarnotCLI

CarnotCommand.runMain()
